"""A group's page is the same for every member: it is kept by content version, costs a
member only the statements of the page around it, shows a change at once, and carries
the same for the next member; the chef's view (forms, waiting counts) is never kept."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.db import organization_scope
from tests.conftest import QueryCounter
from tests.proposals.conftest import Dialogue
from tests.proposals.conftest import dialogue as dialogue
from tests.web.helpers import sign_in

__all__ = ["dialogue"]

PAGE = "/processen/dialoog/groepen/onderwijs"


def _visit(client: TestClient, queries: QueryCounter) -> tuple[str, int]:
    before = queries.count
    response = client.get(PAGE)
    assert response.status_code == 200
    sent = queries.statements[before:]
    return response.text, sum(1 for s in sent if "SAVEPOINT" not in s.upper())


def _main(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def test_members_share_the_page_until_it_changes(
    app: FastAPI, client: TestClient, db: Session, queries: QueryCounter, dialogue: Dialogue
) -> None:
    db.commit()
    sign_in(client, "annelies@example.org")
    first, rendered = _visit(client, queries)
    again, kept = _visit(client, queries)
    assert kept < rendered - 5, (kept, rendered)
    assert kept == 1  # the organization with the person and their roles: nothing else
    assert _main(again) == _main(first)

    bram = TestClient(app, base_url="http://testdorp.test")
    sign_in(bram, "bram@example.org")
    theirs, kept_for_bram = _visit(bram, queries)
    assert kept_for_bram == kept
    assert _main(theirs) == _main(first)

    dialogue.submitted(db, "Schoolzwemmen afschaffen")
    db.commit()
    _after, rendered_again = _visit(bram, queries)
    assert rendered_again > kept  # the content changed: rendered anew


def test_the_chef_always_gets_the_page_rendered(
    client: TestClient, db: Session, queries: QueryCounter, dialogue: Dialogue
) -> None:
    db.commit()
    sign_in(client, "ruud@example.org")
    first, rendered = _visit(client, queries)
    _again, rendered_again = _visit(client, queries)
    # Rendered anew, every statement of it but the one that finds the group (kept).
    assert rendered_again == rendered - 1
    assert f'href="{PAGE}/aanmeldingen"' in _main(first)  # the chef's own way in


def test_a_renamed_group_is_found_anew_and_an_unknown_one_is_not_found(
    client: TestClient, db: Session, queries: QueryCounter, dialogue: Dialogue
) -> None:
    """The group an address names is kept too; a write to the content lets it go."""
    db.commit()
    sign_in(client, "annelies@example.org")
    _visit(client, queries)
    with organization_scope(db, dialogue.organization.id):
        dialogue.group.slug, dialogue.group.name = "scholen", "Scholen"
        db.commit()
    assert client.get(PAGE).status_code == 404
    renamed = client.get("/processen/dialoog/groepen/scholen")
    assert renamed.status_code == 200
    assert '<h1 class="utrecht-heading-1">Scholen</h1>' in renamed.text
    assert client.get("/processen/dialoog/groepen/nergens").status_code == 404


def test_an_outsider_is_refused_and_logged_when_the_address_is_kept(
    client: TestClient,
    db: Session,
    queries: QueryCounter,
    dialogue: Dialogue,
    caplog: pytest.LogCaptureFixture,
) -> None:
    db.commit()
    sign_in(client, "annelies@example.org")
    _visit(client, queries)  # the address is kept now
    client.cookies.clear()
    sign_in(client, "carla@example.org")  # in no group

    assert client.get(PAGE).status_code == 403
    refused = [
        record.msg
        for record in caplog.records
        if isinstance(record.msg, dict) and record.msg.get("action") == "group.view"
    ]
    assert [(r["object_type"], r["object_id"]) for r in refused] == [("Group", dialogue.group.id)]
