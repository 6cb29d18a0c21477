"""Recovering the second factor: the admin resets it (audited, with a reason, admins only)
so the person enrols again; the person moves to a new app from the profile, proven with
a code from the old one."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.roles import Role
from app.accounts import second_factor
from app.config import Settings
from app.db import organization_scope
from app.models import AuditEntry, Organization, User, UserSession
from app.security.events import SECOND_FACTOR_RESET
from tests.accounts.second_factor_support import (
    code_for,
    enrol,
    password_step,
    secret_from,
    with_second_factor,
    wrong_code_for,
)
from tests.factories import make_user
from tests.web.helpers import post_form

EMAIL = "sanne@zeist.example"
ADMIN = "beheer@zeist.example"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return with_second_factor(settings)


@pytest.fixture
def official(db: Session, organization: Organization) -> User:
    return make_user(db, organization, email=EMAIL, display_name="Sanne", roles=[Role.OFFICIAL])


def _browser(app: FastAPI) -> TestClient:
    client = TestClient(app, base_url="http://testdorp.test")
    client.cookies.set("dialoog_lang", "en", domain="testdorp.test")
    return client


def _reset(client: TestClient, email: str, reason: str) -> Response:
    return post_form(
        client,
        "/beheer/tweede-stap-herstellen",
        {"factor_email": email, "factor_reason": reason},
        form_page="/profiel",
    )


def test_the_admin_resets_a_second_factor_with_a_reason(
    app: FastAPI,
    db: Session,
    organization: Organization,
    official: User,
    caplog: pytest.LogCaptureFixture,
) -> None:
    make_user(db, organization, email=ADMIN, display_name="Beheer", roles=[Role.ADMIN])
    with _browser(app) as sanne, _browser(app) as admin:
        enrol(sanne, EMAIL)
        enrol(admin, ADMIN, next_path="/beheer/rollen")
        page = admin.get("/beheer/rollen")
        assert 'action="/beheer/tweede-stap-herstellen"' in page.text

        # Without a reason nothing happens, and what was typed stays.
        missing = _reset(admin, EMAIL, "")
        assert missing.status_code == 400
        assert f'value="{EMAIL}"' in missing.text
        assert 'id="field-factor_reason"' in missing.text
        unknown = _reset(admin, "niemand@zeist.example", "telefoon kwijt")
        assert unknown.status_code == 400

        done = _reset(admin, EMAIL, "Telefoon kwijt, gemeld op 3 maart")
        assert done.status_code == 303
        db.refresh(official)
        assert official.totp_secret is None
        assert official.totp_confirmed_at is None
        with organization_scope(db, organization.id):
            entry = db.scalar(
                select(AuditEntry).where(AuditEntry.action == "user.second_factor_reset")
            )
            sessions = db.scalars(
                select(UserSession).where(UserSession.user_id == official.id)
            ).all()
        assert entry is not None
        assert entry.reason == "Telefoon kwijt, gemeld op 3 maart"
        assert entry.object_id == str(official.id)
        assert sessions == []  # signed out everywhere: the phone may be lost with a laptop
        assert SECOND_FACTOR_RESET in caplog.text
        assert EMAIL not in caplog.text

        # Twice is a clear message, not a second entry.
        again = _reset(admin, EMAIL, "nog een keer")
        assert again.status_code == 400
        assert "no second step set up" in again.text

        # At the next sign-in she enrols a new app.
        assert password_step(sanne, EMAIL).headers["location"] == "/aanmelden/tweede-stap"


def test_only_the_admin_resets_a_second_factor(
    app: FastAPI, db: Session, organization: Organization, official: User
) -> None:
    make_user(db, organization, email="jurist@zeist.example", roles=[Role.LEGAL])
    make_user(db, organization, email="ruud@zeist.example")
    with _browser(app) as lawyer, _browser(app) as citizen, _browser(app) as sanne:
        enrol(sanne, EMAIL)
        enrol(lawyer, "jurist@zeist.example")
        assert password_step(citizen, "ruud@zeist.example").status_code == 303
        for browser in (lawyer, citizen):
            refused = _reset(browser, EMAIL, "ik wil het zo")
            assert refused.status_code == 403
    db.refresh(official)
    assert official.totp_confirmed_at is not None


def test_a_person_moves_to_a_new_app_with_a_code_from_the_old_one(
    app: FastAPI, db: Session, organization: Organization, official: User
) -> None:
    with _browser(app) as sanne:
        old = enrol(sanne, EMAIL, next_path="/profiel")
        profile = sanne.get("/profiel").text
        assert 'data-second-factor="on"' in profile
        page = sanne.get("/profiel/tweede-stap")
        assert page.status_code == 200
        assert page.headers["cache-control"] == "no-store"
        new = secret_from(page.text)
        assert new != old
        assert secret_from(sanne.get("/profiel/tweede-stap").text) == new  # same on reload

        wrong = post_form(
            sanne,
            "/profiel/tweede-stap",
            {"current_code": wrong_code_for(old), "new_code": code_for(new)},
            form_page="/profiel/tweede-stap",
        )
        assert wrong.status_code == 400
        assert 'id="current_code-error"' in wrong.text

        done = post_form(
            sanne,
            "/profiel/tweede-stap",
            {"current_code": code_for(old, 1), "new_code": code_for(new, 1)},
            form_page="/profiel/tweede-stap",
        )
        assert done.status_code == 303
        db.refresh(official)
        assert official.totp_secret
        assert new not in official.totp_secret
        key = app.state.settings.secret_key
        assert second_factor.decrypt(key, official.totp_secret) == new  # the old one is gone


def test_without_a_second_factor_there_is_nothing_to_renew(
    app: FastAPI, db: Session, organization: Organization
) -> None:
    make_user(db, organization, email="ruud@zeist.example")
    with _browser(app) as ruud:
        password_step(ruud, "ruud@zeist.example")
        assert ruud.get("/profiel/tweede-stap").status_code == 403
        assert 'data-second-factor="on"' not in ruud.get("/profiel").text
