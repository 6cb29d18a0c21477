"""Granting and revoking roles, and the matrix of who may do what."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.roles import Role
from app.db import organization_scope
from app.models import AuditEntry, Organization, RoleAssignment
from tests.factories import make_user
from tests.web.helpers import csrf_token, post_form, sign_in


def test_an_admin_grants_and_revokes_a_role(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_user(
        db, organization, email="beheer@zeist.example", display_name="Beheerder", roles=[Role.ADMIN]
    )
    fatma = make_user(db, organization, email="fatma@zeist.example", display_name="Fatma")
    sign_in(client, "beheer@zeist.example")

    granted = post_form(
        client,
        "/beheer/rollen",
        {"email": "fatma@zeist.example", "role": "finance"},
        form_page="/beheer/rollen",
    )
    assert granted.status_code == 303
    page = client.get("/beheer/rollen").text
    assert "Fatma" in page
    assert "Financieel adviseur" in page

    twice = post_form(
        client,
        "/beheer/rollen",
        {"email": "fatma@zeist.example", "role": "finance"},
        form_page="/beheer/rollen",
    )
    assert twice.status_code == 400
    assert "heeft deze rol al" in twice.text

    with organization_scope(db, organization.id):
        assignment = db.scalar(select(RoleAssignment).where(RoleAssignment.user_id == fatma.id))
        assert assignment is not None
    revoked = post_form(
        client, f"/beheer/rollen/{assignment.id}/intrekken", {}, form_page="/beheer/rollen"
    )
    assert revoked.status_code == 303
    db.expire_all()
    with organization_scope(db, organization.id):
        actions = db.scalars(
            select(AuditEntry.action)
            .where(AuditEntry.object_id == str(fatma.id))
            .order_by(AuditEntry.id)
        ).all()
    assert actions == ["role.granted", "role.revoked"]


def test_an_unknown_address_or_role_gets_a_message(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_user(db, organization, email="beheer@zeist.example", roles=[Role.ADMIN])
    sign_in(client, "beheer@zeist.example")
    response = post_form(
        client,
        "/beheer/rollen",
        {"email": "niemand@zeist.example", "role": "koning"},
        form_page="/beheer/rollen",
    )
    assert response.status_code == 400
    assert "Kies een van de rollen." in response.text
    assert 'value="niemand@zeist.example"' in response.text


def test_the_last_admin_cannot_revoke_their_own_role(
    client: TestClient, db: Session, organization: Organization
) -> None:
    admin = make_user(db, organization, email="beheer@zeist.example", roles=[Role.ADMIN])
    sign_in(client, "beheer@zeist.example")
    with organization_scope(db, organization.id):
        assignment = db.scalar(select(RoleAssignment).where(RoleAssignment.user_id == admin.id))
        assert assignment is not None
    response = post_form(
        client, f"/beheer/rollen/{assignment.id}/intrekken", {}, form_page="/beheer/rollen"
    )
    assert response.status_code == 409
    assert "laatste beheerder" in response.text


ADMIN_ACTIONS = [
    ("GET", "/beheer/rollen"),
    ("POST", "/beheer/rollen"),
    ("POST", "/beheer/rollen/1/intrekken"),
]


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.ADMIN])
@pytest.mark.parametrize(("method", "path"), ADMIN_ACTIONS)
def test_every_other_role_is_refused_admin_actions_with_a_logged_403(
    client: TestClient,
    db: Session,
    organization: Organization,
    caplog: pytest.LogCaptureFixture,
    role: Role,
    method: str,
    path: str,
) -> None:
    make_user(db, organization, email="iemand@zeist.example", roles=[role])
    sign_in(client, "iemand@zeist.example")
    token = csrf_token(client)
    response = client.request(
        method,
        path,
        data={"email": "x@example.org", "role": "admin", "csrf_token": token}
        if method == "POST"
        else None,
    )
    assert response.status_code == 403
    assert "Dit mag niet" in response.text
    assert "access.refused" in caplog.text
    assert "roles.manage" in caplog.text


@pytest.mark.parametrize(("method", "path"), ADMIN_ACTIONS)
def test_anonymous_visitors_are_sent_to_sign_in(client: TestClient, method: str, path: str) -> None:
    token = csrf_token(client)
    response = client.request(
        method,
        path,
        data={"csrf_token": token} if method == "POST" else None,
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"].startswith("/aanmelden")


def test_the_admin_link_is_shown_only_to_admins(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_user(db, organization, email="beheer@zeist.example", roles=[Role.ADMIN])
    make_user(db, organization, email="ruud@zeist.example", roles=[Role.CHEF])
    sign_in(client, "ruud@zeist.example")
    assert 'href="/beheer/rollen"' not in client.get("/").text
    sign_in(client, "beheer@zeist.example")
    assert 'href="/beheer/rollen"' in client.get("/").text


def test_a_role_goes_only_to_a_confirmed_address(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_user(db, organization, email="beheer@zeist.example", roles=[Role.ADMIN])
    make_user(db, organization, email="nieuw@zeist.example", confirmed=False)
    sign_in(client, "beheer@zeist.example")
    response = post_form(
        client,
        "/beheer/rollen",
        {"email": "nieuw@zeist.example", "role": "admin"},
        form_page="/beheer/rollen",
    )
    assert response.status_code == 400
    assert "nog niet bevestigd" in response.text


def test_an_absurd_id_in_the_address_is_not_a_500(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_user(db, organization, email="beheer@zeist.example", roles=[Role.ADMIN])
    sign_in(client, "beheer@zeist.example")
    response = post_form(
        client, "/beheer/rollen/99999999999999999999999/intrekken", {}, form_page="/beheer/rollen"
    )
    assert response.status_code == 400
