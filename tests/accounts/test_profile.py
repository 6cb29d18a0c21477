from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.access.roles import Role
from app.models import Organization
from tests.factories import make_user
from tests.web.helpers import post_form, sign_in


def test_a_person_sees_their_roles_and_edits_their_name(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_user(
        db, organization, email="joost@zeist.example", display_name="Joost", roles=[Role.COUNCIL]
    )
    sign_in(client, "joost@zeist.example")
    page = client.get("/profiel").text
    assert "Raadslid" in page
    assert "joost@zeist.example" in page  # their own address, to them only

    response = post_form(
        client,
        "/profiel",
        {"display_name": "Joost (D66)", "notify_by_mail": "on"},
        form_page="/profiel",
    )
    assert response.status_code == 303
    assert "Joost (D66)" in client.get("/profiel").text


def test_an_empty_name_is_refused_and_nothing_is_lost(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_user(db, organization, email="joost@zeist.example", display_name="Joost")
    sign_in(client, "joost@zeist.example")
    response = post_form(
        client, "/profiel", {"display_name": " ", "notify_by_mail": "on"}, form_page="/profiel"
    )
    assert response.status_code == 400
    assert "Vul dit veld in: Naam die anderen zien." in response.text
    assert "checked" in response.text


def test_no_page_shows_another_persons_email_address(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_user(
        db, organization, email="beheer@zeist.example", display_name="Beheerder", roles=[Role.ADMIN]
    )
    make_user(
        db, organization, email="geheim@example.org", display_name="Annelies", roles=[Role.EXPERT]
    )
    sign_in(client, "beheer@zeist.example")
    for path in ("/", "/profiel", "/beheer/rollen"):
        assert "geheim@example.org" not in client.get(path).text, path
