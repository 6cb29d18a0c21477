"""The group writes its green paper: sections, revisions, a conflicting save that loses
nothing, history and restoring, comments, and submitting."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.roles import Role, ScopeType
from app.access.service import grant_role
from app.db import organization_scope
from app.models import (
    GreenPaper,
    GreenPaperSection,
    Group,
    Notification,
    Organization,
    Process,
    SectionComment,
    SectionRevision,
)
from app.phases.kinds import PhaseKind
from app.processes import service as process_service
from app.processes.budget_import import import_budget_lines
from tests.conftest import QueryCounter
from tests.factories import SMALL_BUDGET, make_process, make_user
from tests.web.helpers import csrf_token, post_form, sign_in

EDITOR = "/processen/dialoog/groepen/onderwijs/groenboek"


@dataclass
class Writing:
    process: Process
    group: Group


@pytest.fixture
def writing(db: Session, organization: Organization) -> Writing:
    """A dialogue in its green-paper phase; Onderwijs has chef Ruud and experts Annelies
    and Bram; Carla is in no group."""
    process = make_process(db, organization, slug="dialoog")
    chef = make_user(db, organization, email="ruud@example.org", display_name="Ruud")
    experts = [
        make_user(db, organization, email="annelies@example.org", display_name="Annelies"),
        make_user(db, organization, email="bram@example.org", display_name="Bram"),
    ]
    make_user(db, organization, email="carla@example.org", display_name="Carla")
    with organization_scope(db, organization.id):
        import_budget_lines(db, "test", process, SMALL_BUDGET.encode())
        group = db.scalars(select(Group).where(Group.slug == "onderwijs")).one()
        process_service.assign_chef(db, "test", group, chef)
        for expert in experts:
            grant_role(db, "test", expert, Role.EXPERT, ScopeType.GROUP, group.id)
        process_service.set_current_phase(db, "test", process, PhaseKind.GREEN_PAPER)
    return Writing(process, group)


def _start(client: TestClient) -> None:
    sign_in(client, "ruud@example.org")
    response = post_form(client, f"{EDITOR}/starten", {}, form_page=EDITOR)
    assert response.status_code == 303, response.text[:1000]


def _first_section(db: Session, organization: Organization) -> GreenPaperSection:
    with organization_scope(db, organization.id):
        return db.scalars(select(GreenPaperSection).order_by(GreenPaperSection.position)).first()  # type: ignore[return-value]


def _save(client: TestClient, section_id: int, body: str, base: int) -> Response:
    return post_form(
        client,
        f"{EDITOR}/secties/{section_id}",
        {f"body-{section_id}": body, "base_version": str(base)},
        form_page=EDITOR,
    )


def test_the_chef_starts_it_with_the_usual_sections(
    client: TestClient, db: Session, organization: Organization, writing: Writing
) -> None:
    sign_in(client, "annelies@example.org")
    assert post_form(client, f"{EDITOR}/starten", {}, form_page=EDITOR).status_code == 403
    _start(client)
    with organization_scope(db, organization.id):
        titles = db.scalars(
            select(GreenPaperSection.title).order_by(GreenPaperSection.position)
        ).all()
        revisions = db.scalars(select(SectionRevision.number)).all()
    assert titles == ["Context", "Het probleem", "Kaders", "Richtingen om te verkennen"]
    assert revisions == [1, 1, 1, 1]


def test_an_expert_saves_and_every_save_is_a_revision(
    client: TestClient, db: Session, organization: Organization, writing: Writing
) -> None:
    _start(client)
    section = _first_section(db, organization)
    sign_in(client, "annelies@example.org")
    assert _save(client, section.id, "Zeist moet **6,2 miljoen** besparen.", 1).status_code == 303
    assert (
        _save(client, section.id, "Zeist moet 6,2 miljoen per jaar besparen.", 2).status_code == 303
    )
    db.refresh(section)
    assert (section.version, section.body) == (3, "Zeist moet 6,2 miljoen per jaar besparen.")
    history = client.get(f"{EDITOR}/secties/{section.id}/geschiedenis").text
    assert "<del>" in history
    assert "per jaar" in history.split("<ins>", 1)[1]  # the latest change, underlined
    older = client.get(f"{EDITOR}/secties/{section.id}/geschiedenis?van=1&tot=2").text
    assert "6,2 miljoen" in older.split("<ins>", 1)[1]


def test_a_second_save_over_the_first_is_refused_and_keeps_what_was_typed(
    client: TestClient, db: Session, organization: Organization, writing: Writing
) -> None:
    """Annelies and Bram both open version 1. Annelies saves first; Bram's save is not
    applied, he sees both texts, and his own text is still in the box."""
    _start(client)
    section = _first_section(db, organization)
    sign_in(client, "annelies@example.org")
    assert _save(client, section.id, "De tekst van Annelies.", 1).status_code == 303

    sign_in(client, "bram@example.org")
    response = _save(client, section.id, "De tekst van Bram.", 1)
    assert response.status_code == 409
    page = response.text
    assert "Annelies" in page
    assert "De tekst van Annelies." in page  # theirs, side by side
    textarea = re.search(rf'<textarea[^>]*name="body-{section.id}"[^>]*>([^<]*)</textarea>', page)
    assert textarea is not None
    assert textarea.group(1) == "De tekst van Bram."  # nothing typed is lost
    assert 'name="base_version" value="2"' in page
    db.refresh(section)
    assert section.body == "De tekst van Annelies."

    # Bram combines the two and saves from version 2: now it is applied.
    combined = "De tekst van Annelies. En die van Bram."
    assert _save(client, section.id, combined, 2).status_code == 303
    db.refresh(section)
    assert (section.version, section.body) == (3, combined)


def test_an_earlier_revision_comes_back_as_a_new_one(
    client: TestClient, db: Session, organization: Organization, writing: Writing
) -> None:
    _start(client)
    section = _first_section(db, organization)
    sign_in(client, "annelies@example.org")
    _save(client, section.id, "Eerste versie.", 1)
    _save(client, section.id, "Een slechtere versie.", 2)
    history = f"{EDITOR}/secties/{section.id}/geschiedenis"
    response = post_form(
        client, f"{EDITOR}/secties/{section.id}/herstellen/2", {}, form_page=history
    )
    assert response.status_code == 303
    with organization_scope(db, organization.id):
        latest = db.scalars(
            select(SectionRevision)
            .where(SectionRevision.section_id == section.id)
            .order_by(SectionRevision.number.desc())
        ).first()
    assert latest is not None
    assert (latest.number, latest.body, latest.restored_from) == (4, "Eerste versie.", 2)
    assert "versie 2 teruggezet" in client.get(history).text


def test_comments_replies_and_a_hidden_comment(
    client: TestClient, db: Session, organization: Organization, writing: Writing
) -> None:
    _start(client)
    section = _first_section(db, organization)
    sign_in(client, "bram@example.org")
    field = f"comment-{section.id}-0"
    url = f"{EDITOR}/secties/{section.id}/reacties"
    assert post_form(client, url, {field: "Wat een onzin."}, form_page=EDITOR).status_code == 303
    with organization_scope(db, organization.id):
        comment = db.scalars(select(SectionComment)).one()
    sign_in(client, "annelies@example.org")
    reply = {f"comment-{section.id}-{comment.id}": "Dat vind ik niet.", "parent": str(comment.id)}
    assert post_form(client, url, reply, form_page=EDITOR).status_code == 303

    sign_in(client, "ruud@example.org")
    hide = f"{EDITOR}/reacties/{comment.id}/verbergen"
    assert (
        post_form(client, hide, {f"reason-{comment.id}": ""}, form_page=EDITOR).status_code == 400
    )
    response = post_form(
        client, hide, {f"reason-{comment.id}": "Graag op de inhoud reageren."}, form_page=EDITOR
    )
    assert response.status_code == 303
    with organization_scope(db, organization.id):
        bell = db.scalars(select(Notification).where(Notification.kind == "comment_hidden")).one()
    assert bell.params["reason"] == "Graag op de inhoud reageren."

    sign_in(client, "annelies@example.org")  # another member: the text is gone
    page = client.get(EDITOR).text
    assert "Wat een onzin." not in page
    assert "De chef heeft deze reactie verborgen." in page
    assert "Dat vind ik niet." in page
    sign_in(client, "bram@example.org")  # its author: the text and why
    page = client.get(EDITOR).text
    assert "Wat een onzin." in page
    assert "Graag op de inhoud reageren." in page


def test_outsiders_may_not_read_or_write_a_draft(
    client: TestClient, db: Session, organization: Organization, writing: Writing
) -> None:
    _start(client)
    section = _first_section(db, organization)
    sign_in(client, "carla@example.org")
    assert client.get(EDITOR).status_code == 403
    assert _save(client, section.id, "Ingebroken.", 1).status_code == 403
    db.refresh(section)
    assert section.body == ""


def test_after_submission_nobody_changes_it(
    client: TestClient, db: Session, organization: Organization, writing: Writing
) -> None:
    _start(client)
    section = _first_section(db, organization)
    sign_in(client, "annelies@example.org")
    assert post_form(client, f"{EDITOR}/indienen", {}, form_page=EDITOR).status_code == 403
    sign_in(client, "ruud@example.org")
    assert post_form(client, f"{EDITOR}/indienen", {}, form_page=EDITOR).status_code == 303
    with organization_scope(db, organization.id):
        assert db.scalars(select(GreenPaper.status)).one() == "submitted"
    sign_in(client, "annelies@example.org")
    assert _save(client, section.id, "Te laat.", 1).status_code == 403
    assert 'name="body-' not in client.get(EDITOR).text


def test_a_closed_phase_refuses_the_save_but_shows_the_text(
    client: TestClient, db: Session, organization: Organization, writing: Writing
) -> None:
    _start(client)
    section = _first_section(db, organization)
    with organization_scope(db, organization.id):
        process_service.set_current_phase(db, "test", writing.process, PhaseKind.BOARD_REVIEW)
    sign_in(client, "annelies@example.org")
    response = _save(client, section.id, "Mijn late tekst.", 1)
    assert response.status_code == 409
    assert "Groenboek" in response.text  # the phase in which it is possible
    assert "Mijn late tekst." in response.text


def test_the_editor_costs_the_same_queries_with_more_sections_and_comments(
    client: TestClient,
    db: Session,
    organization: Organization,
    writing: Writing,
    queries: QueryCounter,
) -> None:
    _start(client)
    section = _first_section(db, organization)

    def add(comments: int, sections: int) -> None:
        sign_in(client, "annelies@example.org")
        token = csrf_token(client, EDITOR)
        for n in range(comments):
            client.post(
                f"{EDITOR}/secties/{section.id}/reacties",
                data={f"comment-{section.id}-0": f"Reactie {n}", "csrf_token": token},
            )
        sign_in(client, "ruud@example.org")
        for n in range(sections):
            post_form(client, f"{EDITOR}/secties", {"new_title": f"Extra {n}"}, form_page=EDITOR)

    def count() -> tuple[int, str]:
        sign_in(client, "annelies@example.org")
        client.get(EDITOR)
        before = queries.count
        page = client.get(EDITOR).text
        return queries.count - before, page

    add(1, 1)
    few, _page = count()
    add(6, 3)
    many, page = count()
    assert many == few
    assert "Reactie 5" in page
    assert "Extra 2" in page
