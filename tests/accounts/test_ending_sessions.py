"""Ending sessions before their time: a person's own other devices from the profile, and
every session of a person by an admin (audited; a 403 for anyone else)."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.roles import Role
from app.db import organization_scope
from app.models import AuditEntry, Organization, User, UserSession
from app.security.events import SESSIONS_ENDED
from tests.factories import make_user
from tests.web.helpers import post_form, sign_in


def _sessions_of(db: Session, organization: Organization, user: User) -> list[int]:
    with organization_scope(db, organization.id):
        return list(db.scalars(select(UserSession.id).where(UserSession.user_id == user.id)))


def _browser(app: FastAPI) -> TestClient:
    return TestClient(app, base_url="http://testdorp.test")


def test_a_person_sees_their_sessions_and_ends_the_others(
    app: FastAPI, client: TestClient, db: Session, organization: Organization
) -> None:
    ruud = make_user(db, organization, email="ruud@zeist.example", display_name="Ruud")
    with _browser(app) as laptop, _browser(app) as phone:
        sign_in(laptop, "ruud@zeist.example")
        sign_in(phone, "ruud@zeist.example")
        sign_in(client, "ruud@zeist.example")
        page = client.get("/profiel").text
        laptop_id, phone_id, this_id = sorted(_sessions_of(db, organization, ruud))
        # Each other device can be signed out; this one cannot (it is marked instead).
        for other in (laptop_id, phone_id):
            assert f'action="/profiel/sessies/{other}/beeindigen"' in page
        assert f'action="/profiel/sessies/{this_id}/beeindigen"' not in page

        assert post_form(client, f"/profiel/sessies/{laptop_id}/beeindigen", {}).status_code == 303
        assert laptop.get("/profiel", follow_redirects=False).status_code == 303
        assert phone.get("/profiel", follow_redirects=False).status_code == 200

        assert post_form(client, "/profiel/sessies/andere-beeindigen", {}).status_code == 303
        assert phone.get("/profiel", follow_redirects=False).status_code == 303
        assert client.get("/profiel", follow_redirects=False).status_code == 200
        assert len(_sessions_of(db, organization, ruud)) == 1


def test_nobody_ends_someone_elses_session_from_their_profile(
    app: FastAPI, client: TestClient, db: Session, organization: Organization
) -> None:
    anna = make_user(db, organization, email="anna@zeist.example")
    make_user(db, organization, email="ruud@zeist.example")
    with _browser(app) as other:
        sign_in(other, "anna@zeist.example")
        sign_in(client, "ruud@zeist.example")
        (anna_session,) = _sessions_of(db, organization, anna)
        response = post_form(client, f"/profiel/sessies/{anna_session}/beeindigen", {})
        assert response.status_code == 404
        assert other.get("/profiel", follow_redirects=False).status_code == 200


def test_an_admin_signs_a_person_out_everywhere(
    app: FastAPI,
    client: TestClient,
    db: Session,
    organization: Organization,
    caplog: pytest.LogCaptureFixture,
) -> None:
    make_user(db, organization, email="admin@zeist.example", roles=(Role.ADMIN,))
    ruud = make_user(
        db, organization, email="ruud@zeist.example", display_name="Ruud", roles=(Role.OFFICIAL,)
    )
    with _browser(app) as laptop:
        sign_in(laptop, "ruud@zeist.example")
        sign_in(client, "admin@zeist.example")
        assert f"/beheer/personen/{ruud.id}/sessies-beeindigen" in client.get("/beheer/rollen").text
        response = post_form(
            client, f"/beheer/personen/{ruud.id}/sessies-beeindigen", {}, form_page="/beheer/rollen"
        )
        assert response.status_code == 303
        assert laptop.get("/profiel", follow_redirects=False).status_code == 303
    assert _sessions_of(db, organization, ruud) == []
    with organization_scope(db, organization.id):
        entry = db.scalars(
            select(AuditEntry).where(AuditEntry.action == "user.sessions_ended")
        ).one()
        assert entry.after == {"sessions": 1}
    assert SESSIONS_ENDED in caplog.text
    assert "ruud@zeist.example" not in caplog.text


def test_an_admin_signs_out_a_person_without_a_role_by_email(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_user(db, organization, email="admin@zeist.example", roles=(Role.ADMIN,))
    make_user(db, organization, email="ruud@zeist.example")
    sign_in(client, "admin@zeist.example")
    wrong = post_form(
        client,
        "/beheer/sessies-beeindigen",
        {"sessions_email": "nobody@zeist.example"},
        form_page="/beheer/rollen",
    )
    assert wrong.status_code == 400
    assert 'value="nobody@zeist.example"' in wrong.text  # what was typed stays
    right = post_form(
        client,
        "/beheer/sessies-beeindigen",
        {"sessions_email": "ruud@zeist.example"},
        form_page="/beheer/rollen",
    )
    assert right.status_code == 303


def test_only_an_admin_ends_other_peoples_sessions(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_user(db, organization, email="official@zeist.example", roles=(Role.OFFICIAL,))
    ruud = make_user(db, organization, email="ruud@zeist.example")
    sign_in(client, "official@zeist.example")
    for path, data in (
        (f"/beheer/personen/{ruud.id}/sessies-beeindigen", {}),
        ("/beheer/sessies-beeindigen", {"sessions_email": "ruud@zeist.example"}),
    ):
        assert post_form(client, path, data).status_code == 403
