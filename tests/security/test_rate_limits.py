"""Rate limits on sign-in, registration, comments and search: a 429 that says when to try
again, with Retry-After, what was typed kept, a security event, and a count that every
app process shares (it lives in the database)."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.config import RateLimit, Settings
from app.jobs.runner import JobRunner
from app.main import create_app
from app.models import Organization, RateLimitCounter
from app.security import events
from app.security.rate_limit import hit
from tests.discussion.conftest import Stage, stage  # noqa: F401 - the fixture
from tests.factories import make_user
from tests.web.helpers import csrf_token, post_form, sign_in

# A week: the fixed window's boundary (Thursdays 00:00 UTC) will not fall between a
# test's requests, so the third one is always over the limit.
WEEK = 7 * 24 * 3600
TWO_A_WEEK = RateLimit(requests=2, seconds=WEEK)


def _limited(response: object, window: int = WEEK) -> int:
    """A 429 whose Retry-After is the rest of the fixed window (seconds)."""
    status = getattr(response, "status_code", None)
    headers = getattr(response, "headers", {})
    assert status == 429
    wait = int(headers["retry-after"])
    assert 0 < wait <= window
    return wait


def _logged(caplog: pytest.LogCaptureFixture, limit: str) -> None:
    found = [
        r.msg
        for r in caplog.records
        if isinstance(r.msg, dict)
        and r.msg.get("event") == events.RATE_LIMITED
        and r.msg.get("limit") == limit
    ]
    assert found, f"no {events.RATE_LIMITED} for {limit}"
    assert "@" not in caplog.text.split("rate_limited", 1)[1].split("\n", 1)[0]


def test_sign_in_is_limited_per_address_and_keeps_the_address_typed(
    client: TestClient,
    settings: Settings,
    db: Session,
    organization: Organization,
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings.rate_limits.sign_in = TWO_A_WEEK
    make_user(db, organization, email="ruud@zeist.example")
    token = csrf_token(client, "/aanmelden")
    data = {"email": "ruud@zeist.example", "password": "fout", "csrf_token": token}
    assert client.post("/aanmelden", data=data).status_code == 400
    assert client.post("/aanmelden", data=data).status_code == 400
    # Over the limit even with the right password: nothing is checked until the wait is over.
    right = client.post("/aanmelden", data={**data, "password": "een lange zin als wachtwoord"})
    _limited(right)
    assert "minu" in right.text
    assert 'value="ruud@zeist.example"' in right.text
    _logged(caplog, "sign_in")


def test_registration_is_limited_and_keeps_what_was_typed(
    client: TestClient, settings: Settings
) -> None:
    settings.rate_limits.registration = RateLimit(requests=1, seconds=WEEK)
    token = csrf_token(client, "/registreren")
    first = {
        "display_name": "Eerste",
        "email": "een@zeist.example",
        "password": "een lange zin als wachtwoord",
        "consent": "on",
        "csrf_token": token,
    }
    assert client.post("/registreren", data=first, follow_redirects=False).status_code == 303
    client.cookies.clear()
    token = csrf_token(client, "/registreren")
    second = {**first, "display_name": "Tweede", "email": "twee@zeist.example", "csrf_token": token}
    response = client.post("/registreren", data=second, follow_redirects=False)
    _limited(response)
    assert 'value="Tweede"' in response.text
    assert 'value="twee@zeist.example"' in response.text


def test_comments_are_limited_per_account_and_the_text_stays(
    client: TestClient,
    settings: Settings,
    stage: Stage,  # noqa: F811 - the fixture imported above
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings.rate_limits.comments_per_account = TWO_A_WEEK
    sign_in(client, "carla@example.org")
    path = f"{stage.path(stage.discussed)}/reacties"
    for body in ("Een.", "Twee."):
        assert post_form(client, path, {"comment-0": body}).status_code == 303
    response = post_form(client, path, {"comment-0": "Drie, en dit blijft staan."})
    _limited(response)
    assert "Drie, en dit blijft staan." in response.text
    _logged(caplog, "comments_per_account")


def test_search_is_limited_per_address(
    client: TestClient, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    settings.rate_limits.search = TWO_A_WEEK
    assert client.get("/zoeken", params={"q": "sport"}).status_code == 200
    assert client.get("/zoeken", params={"q": "sport"}).status_code == 200
    response = client.get("/zoeken", params={"q": "sport"})
    _limited(response)
    assert "minu" in response.text
    _logged(caplog, "search")


@pytest.fixture
def second_app(settings: Settings, session_factory: sessionmaker[Session]) -> FastAPI:
    """Another app process on the same database (as a second worker would be)."""
    other = create_app(settings)
    other.state.engine.dispose()
    other.state.session_factory = session_factory
    other.state.jobs = JobRunner(session_factory, settings)
    return other


def test_two_app_processes_share_the_limit(
    app: FastAPI, second_app: FastAPI, settings: Settings, organization: Organization
) -> None:
    assert app is not second_app
    settings.rate_limits.search = TWO_A_WEEK
    with (
        TestClient(app, base_url="http://testdorp.test") as first,
        TestClient(second_app, base_url="http://testdorp.test") as second,
    ):
        assert first.get("/zoeken", params={"q": "a"}).status_code == 200
        assert second.get("/zoeken", params={"q": "b"}).status_code == 200
        _limited(first.get("/zoeken", params={"q": "c"}))
        _limited(second.get("/zoeken", params={"q": "d"}))


def test_a_new_window_starts_a_new_count(db: Session) -> None:
    limit = RateLimit(requests=1, seconds=60)
    assert hit(db, "test:x", limit, now=1_000_020) == 0
    assert hit(db, "test:x", limit, now=1_000_050) == 30  # the window began at 1_000_020
    assert hit(db, "test:x", limit, now=1_000_080) == 0
    assert hit(db, "test:y", limit, now=1_000_080) == 0  # another key, its own count


def test_old_counters_are_forgotten(db: Session) -> None:
    limit = RateLimit(requests=5, seconds=60)
    hit(db, "test:old", limit, now=1_000_000)
    hit(db, "test:new", limit, now=1_000_000 + 2 * 24 * 3600)
    keys = db.scalars(select(RateLimitCounter.key).where(RateLimitCounter.key.like("test:%")))
    assert list(keys) == ["test:new"]
