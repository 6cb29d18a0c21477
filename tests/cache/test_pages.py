"""Pages for visitors who are not signed in come from the cache until the organization's
content changes or the minute turns; each visitor still gets their own CSRF token, and
signed-in people, htmx requests and errors are never served from it."""

from __future__ import annotations

import re
import time
from types import SimpleNamespace

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from app.cache import pages
from app.db import organization_scope
from app.models import Organization, Process
from tests.conftest import QueryCounter
from tests.factories import make_process, make_user
from tests.web.helpers import sign_in

PAGE = "/processen/dialoog"


def _token(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([0-9a-f]+)"', html)
    assert match, "no CSRF field on the page"
    return match.group(1)


def _visit(client: TestClient, queries: QueryCounter, path: str = PAGE) -> tuple[str, int]:
    """The page, and the statements it cost (not counting the test's savepoints)."""
    before = queries.count
    response = client.get(path)
    assert response.status_code == 200, path
    sent = queries.statements[before:]
    return response.text, sum(1 for s in sent if "SAVEPOINT" not in s.upper())


@pytest.fixture
def process(db: Session, organization: Organization) -> Process:
    made = make_process(db, organization, title="Bezuinigingsdialoog")
    db.commit()
    return made


def test_the_second_visit_costs_one_query_and_carries_its_own_token(
    app: FastAPI, client: TestClient, queries: QueryCounter, process: Process
) -> None:
    first, rendered = _visit(client, queries)
    again, cached = _visit(client, queries)
    assert rendered > 3
    assert cached == 1  # the organization and its version
    assert again == first
    other = TestClient(app, base_url="http://testdorp.test")
    theirs, cached = _visit(other, queries)
    assert cached == 1
    assert _token(theirs) != _token(first)
    assert theirs.replace(_token(theirs), _token(first)) == first
    # The token in the kept page is the second visitor's own: their form is accepted.
    switched = other.post(
        "/taal", data={"locale": "en", "next": PAGE, "csrf_token": _token(theirs)},
        follow_redirects=False,
    )  # fmt: skip
    assert switched.status_code == 303
    english, rendered = _visit(other, queries)  # another language is another page
    assert rendered > 1
    assert 'lang="en"' in english


def test_a_write_shows_at_once(
    client: TestClient,
    queries: QueryCounter,
    session_factory: sessionmaker[Session],
    process: Process,
    organization: Organization,
) -> None:
    _visit(client, queries)
    with session_factory() as s, organization_scope(s, organization.id):
        changed = s.get(Process, process.id)
        assert changed is not None
        changed.title = "Samen besparen in Testdorp"
        s.commit()
    html, rendered = _visit(client, queries)
    assert rendered > 1
    assert "Samen besparen in Testdorp" in html


def test_the_clock_alone_renders_again_each_minute(
    client: TestClient, queries: QueryCounter, process: Process, monkeypatch: pytest.MonkeyPatch
) -> None:
    _visit(client, queries)
    assert _visit(client, queries)[1] == 1
    now = time.time()
    monkeypatch.setattr(pages, "time", SimpleNamespace(time=lambda: now + 60))
    assert _visit(client, queries)[1] > 1


def test_signed_in_people_htmx_and_errors_are_never_served_from_it(
    client: TestClient,
    queries: QueryCounter,
    db: Session,
    organization: Organization,
    process: Process,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _visit(client, queries)
    before = queries.count
    assert client.get(PAGE, headers={"HX-Request": "true"}).status_code == 200
    assert queries.count - before > 3
    for _ in range(2):
        before = queries.count
        assert client.get("/processen/bestaat-niet").status_code == 404
        assert queries.count - before > 3

    def not_looked_up(*_args: object) -> None:
        raise AssertionError("looked up in the page cache")

    with monkeypatch.context() as patched:
        patched.setattr(pages.PageCacheMiddleware, "_version", not_looked_up)
        for path in ("/healthz", "/huisstijl.css", "/static/css/app.css"):
            assert client.get(path).status_code == 200, path
    make_user(db, organization, email="lezer@example.org")
    db.commit()
    sign_in(client, "lezer@example.org")
    html, rendered = _visit(client, queries)
    assert rendered > 1
    assert "Afmelden" in html or "Sign out" in html
