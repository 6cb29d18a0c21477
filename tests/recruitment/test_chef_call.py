"""The open call for chefs: staff answer, the admin chooses per theme group."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.roles import Role, ScopeType
from app.access.service import active_assignment
from app.db import organization_scope
from app.models import AuditEntry, ChefApplication, Organization
from tests.factories import make_user
from tests.mailbox import Mailbox
from tests.recruitment.conftest import Setting
from tests.web.helpers import post_form, sign_in

CALL = "/processen/dialoog/chef-worden"
CHOOSE = "/beheer/processen/dialoog/chefs"


def _answer(client: TestClient) -> None:
    response = post_form(
        client,
        CALL,
        {"motivation": "Ik breng graag mensen samen.", "competencies": "Voorzitten, plannen."},
        form_page=CALL,
    )
    assert response.status_code == 303, response.text[:1000]


def _only_application(db: Session, organization: Organization) -> ChefApplication:
    with organization_scope(db, organization.id):
        return db.scalars(select(ChefApplication)).one()


def test_only_staff_answer_the_call(
    client: TestClient, db: Session, organization: Organization, setting: Setting
) -> None:
    sign_in(client, "annelies@example.org")  # a citizen
    assert client.get(CALL).status_code == 403
    assert (
        post_form(client, CALL, {"motivation": "x" * 20, "competencies": "y" * 20}).status_code
        == 403
    )


def test_a_bad_answer_keeps_what_was_typed(
    client: TestClient, db: Session, organization: Organization, setting: Setting
) -> None:
    make_user(
        db, organization, email="sanne@example.org", display_name="Sanne", roles=[Role.OFFICIAL]
    )
    sign_in(client, "sanne@example.org")
    response = post_form(
        client,
        CALL,
        {"motivation": "Ik wil graag chef worden.", "competencies": ""},
        form_page=CALL,
    )
    assert response.status_code == 400
    assert "Ik wil graag chef worden." in response.text
    assert "Vul dit veld in: Welke vaardigheden hebt u?" in response.text


def test_the_admin_chooses_a_chef_who_is_told(
    client: TestClient, db: Session, organization: Organization, setting: Setting, mailbox: Mailbox
) -> None:
    official = make_user(
        db, organization, email="sanne@example.org", display_name="Sanne", roles=[Role.OFFICIAL]
    )
    sign_in(client, "sanne@example.org")
    _answer(client)
    application = _only_application(db, organization)

    sign_in(client, "sanne@example.org")
    assert client.get(CHOOSE).status_code == 403  # staff do not choose themselves

    sign_in(client, "beheer@example.org")
    page = client.get(CHOOSE)
    assert "Ik breng graag mensen samen." in page.text
    response = post_form(
        client, f"{CHOOSE}/{application.id}", {f"decision-{application.id}": "select"},
        form_page=CHOOSE,
    )  # fmt: skip
    assert response.status_code == 400  # no group chosen
    assert "Kies de groep" in response.text
    response = post_form(
        client,
        f"{CHOOSE}/{application.id}",
        {f"decision-{application.id}": "select", f"group-{application.id}": str(setting.sport.id)},
        form_page=CHOOSE,
    )
    assert response.status_code == 303
    db.refresh(application)
    assert (application.status, application.selected_group_id) == ("selected", setting.sport.id)
    with organization_scope(db, organization.id):
        assert active_assignment(db, official, Role.CHEF, ScopeType.GROUP, setting.sport.id)
        actions = set(db.scalars(select(AuditEntry.action)))
    assert {"chef_application.submitted", "chef_application.selected", "role.granted"} <= actions
    body = Mailbox.body(mailbox.last_to("sanne@example.org"))
    assert "Sport" in body
    assert "/processen/dialoog/groepen/sport/aanmeldingen" in body

    sign_in(client, "sanne@example.org")
    assert client.get("/processen/dialoog/groepen/sport/aanmeldingen").status_code == 200
    assert "Gekozen als chef" in client.get("/profiel/aanmeldingen").text


def test_not_choosing_someone_needs_a_message(
    client: TestClient, db: Session, organization: Organization, setting: Setting, mailbox: Mailbox
) -> None:
    make_user(
        db, organization, email="sanne@example.org", display_name="Sanne", roles=[Role.OFFICIAL]
    )
    sign_in(client, "sanne@example.org")
    _answer(client)
    application = _only_application(db, organization)
    sign_in(client, "beheer@example.org")
    url = f"{CHOOSE}/{application.id}"
    response = post_form(client, url, {f"decision-{application.id}": "decline"}, form_page=CHOOSE)
    assert response.status_code == 400
    refusal = {
        f"decision-{application.id}": "decline",
        f"message-{application.id}": "Alle thema's zijn vergeven.",
    }
    response = post_form(client, url, refusal, form_page=CHOOSE)
    assert response.status_code == 303
    assert "Alle thema's zijn vergeven." in Mailbox.body(mailbox.last_to("sanne@example.org"))
    # A decided application cannot be decided again.
    response = post_form(
        client, url,
        {f"decision-{application.id}": "select", f"group-{application.id}": str(setting.sport.id)},
        form_page=CHOOSE,
    )  # fmt: skip
    assert response.status_code == 400
    assert "Over deze aanmelding is al besloten." in response.text
