"""Security events (ASVS V16): each one logged under its own name, with an account id at
most, never an email address."""

from __future__ import annotations

import hashlib
import hmac
import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.roles import Role
from app.accounts import tokens
from app.config import get_settings
from app.db import organization_scope
from app.models import Organization, RoleAssignment
from app.security import events
from tests.factories import make_user
from tests.web.helpers import csrf_token, post_form, sign_in

EMAIL = "ruud@zeist.example"
EMAIL_PATTERN = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def _no_email(caplog: pytest.LogCaptureFixture) -> None:
    security = [r.getMessage() for r in caplog.records if r.name == "dialoog.security"]
    assert security, "no security events logged"
    for line in security:
        assert not EMAIL_PATTERN.search(line), line
    assert EMAIL not in caplog.text


def _events(caplog: pytest.LogCaptureFixture) -> list[dict[str, object]]:
    return [
        r.msg for r in caplog.records if r.name == "dialoog.security" and isinstance(r.msg, dict)
    ]


def _event(caplog: pytest.LogCaptureFixture, name: str) -> dict[str, object]:
    found = [e for e in _events(caplog) if e.get("event") == name]
    assert found, f"{name} not logged; got {[e.get('event') for e in _events(caplog)]}"
    return found[-1]


def test_sign_in_failure_success_and_sign_out(
    client: TestClient, db: Session, organization: Organization, caplog: pytest.LogCaptureFixture
) -> None:
    ruud = make_user(db, organization, email=EMAIL)
    wrong = post_form(
        client, "/aanmelden", {"email": EMAIL, "password": "niet het goede"}, form_page="/aanmelden"
    )
    assert wrong.status_code == 400
    failed = _event(caplog, events.SIGN_IN_FAILED)
    assert "account" not in failed
    assert len(str(failed["account_hash"])) == 12

    sign_in(client, EMAIL)
    assert _event(caplog, events.SIGN_IN)["account"] == ruud.id
    post_form(client, "/afmelden", {})
    assert _event(caplog, events.SIGN_OUT)["account"] == ruud.id
    _no_email(caplog)


def test_refusals_and_role_changes(
    client: TestClient, db: Session, organization: Organization, caplog: pytest.LogCaptureFixture
) -> None:
    make_user(db, organization, email="admin@zeist.example", roles=(Role.ADMIN,))
    ruud = make_user(db, organization, email=EMAIL)
    sign_in(client, EMAIL)
    assert client.get("/beheer/rollen").status_code == 403
    refused = _event(caplog, events.ACCESS_REFUSED)
    assert refused["actor"] == ruud.id
    assert refused["action"] == "roles.manage"
    post_form(client, "/afmelden", {})

    sign_in(client, "admin@zeist.example")
    granted = post_form(
        client, "/beheer/rollen", {"email": EMAIL, "role": "official"}, form_page="/beheer/rollen"
    )
    assert granted.status_code == 303
    assert _event(caplog, events.ROLE_GRANTED)["account"] == ruud.id
    with organization_scope(db, organization.id):
        assignment = db.scalars(
            select(RoleAssignment).where(RoleAssignment.user_id == ruud.id)
        ).one()
    post_form(client, f"/beheer/rollen/{assignment.id}/intrekken", {}, form_page="/beheer/rollen")
    assert _event(caplog, events.ROLE_REVOKED)["role"] == "official"
    _no_email(caplog)


def test_password_reset(
    client: TestClient, db: Session, organization: Organization, caplog: pytest.LogCaptureFixture
) -> None:
    ruud = make_user(db, organization, email=EMAIL)
    settings = client.app.state.settings  # type: ignore[attr-defined]
    token = tokens.make_link_token(
        settings.secret_key, tokens.RESET_SALT, ruud.id, ruud.password_hash
    )
    path = f"/wachtwoord-herstellen/{token}"
    response = client.post(
        path,
        data={"password": "een heel nieuw wachtwoord", "csrf_token": csrf_token(client, path)},
        follow_redirects=False,
    )
    assert response.status_code == 303
    changed = _event(caplog, events.PASSWORD_CHANGED)
    assert changed["account"] == ruud.id
    assert changed["how"] == "reset"
    _no_email(caplog)


def test_throttled_sign_in_is_a_rate_limit_event(
    client: TestClient, db: Session, organization: Organization, caplog: pytest.LogCaptureFixture
) -> None:
    make_user(db, organization, email=EMAIL)
    token = csrf_token(client, "/aanmelden")
    for _ in range(7):
        client.post("/aanmelden", data={"email": EMAIL, "password": "fout", "csrf_token": token})
    assert _event(caplog, events.RATE_LIMITED)["limit"] == "sign_in_failures"
    _no_email(caplog)


def test_the_pseudonym_is_keyed_with_the_secret_key() -> None:
    """An unkeyed hash of an address is undone by hashing every address; the keyed one
    needs the app's secret too."""
    value = "Ruud@Zeist.example "
    unkeyed = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:12]
    keyed = hmac.new(
        get_settings().secret_key.encode(), b"ruud@zeist.example", hashlib.sha256
    ).hexdigest()[:12]
    assert events.pseudonym(value) == keyed
    assert events.pseudonym(value) != unkeyed
    assert events.pseudonym("RUUD@zeist.example") == keyed  # still correlates
