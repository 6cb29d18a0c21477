"""The second factor at sign-in: a staff account enrols at its first password sign-in and
gives a code at each later one; wrong and replayed codes are refused and counted; the
half-way state expires, stays in its browser and reaches no other page; citizens and
OpenID Connect sign-ins never see a code."""

from __future__ import annotations

import time
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.access.roles import Role
from app.accounts import second_factor
from app.config import Settings
from app.db import organization_scope
from app.models import Organization, SignInFailure, User, UserSession
from app.security.events import SECOND_FACTOR_FAILED
from tests.accounts.second_factor_support import (
    code_for,
    enrol,
    password_step,
    secret_from,
    send_code,
    with_second_factor,
    wrong_code_for,
)
from tests.factories import make_user
from tests.web.helpers import post_form

EMAIL = "sanne@zeist.example"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return with_second_factor(settings)


@pytest.fixture
def official(db: Session, organization: Organization) -> User:
    return make_user(db, organization, email=EMAIL, display_name="Sanne", roles=[Role.OFFICIAL])


@pytest.fixture(autouse=True)
def _english(client: TestClient) -> None:
    client.cookies.set("dialoog_lang", "en")


def _sessions(db: Session, organization: Organization) -> list[UserSession]:
    with organization_scope(db, organization.id):
        return list(db.scalars(select(UserSession)))


def _failures(db: Session, organization: Organization) -> int:
    with organization_scope(db, organization.id):
        return db.scalar(select(func.count(SignInFailure.id))) or 0


def _sign_out(client: TestClient) -> None:
    assert post_form(client, "/afmelden", {}).status_code == 303


def test_a_staff_member_enrols_at_the_first_sign_in_and_gives_a_code_after(
    client: TestClient, db: Session, organization: Organization, official: User
) -> None:
    first = password_step(client, EMAIL, next_path="/profiel")
    assert first.status_code == 303
    assert first.headers["location"] == "/aanmelden/tweede-stap"
    assert _sessions(db, organization) == []  # nothing signed in yet

    page = client.get("/aanmelden/tweede-stap")
    assert page.status_code == 200
    assert page.headers["cache-control"] == "no-store"
    assert '<svg role="img"' in page.text  # the QR code, inline: the CSP allows it
    secret = secret_from(page.text)
    assert client.get("/aanmelden/tweede-stap").text.count(secret) >= 1  # same on reload
    grouped = second_factor.grouped(secret)
    assert grouped in page.text
    assert len(grouped.split()) == 8

    done = send_code(client, "/aanmelden/tweede-stap", code_for(secret))
    assert done.status_code == 303
    assert done.headers["location"] == "/profiel"
    [session] = _sessions(db, organization)
    assert session.method == "password+totp"
    profile = client.get("/profiel")
    assert 'data-second-factor="on"' in profile.text
    assert "Official" in profile.text  # the staff role holds in this session
    db.refresh(official)
    assert official.totp_confirmed_at is not None
    assert official.totp_secret
    assert secret not in official.totp_secret
    key = client.app.state.settings.secret_key  # type: ignore[attr-defined]
    assert second_factor.decrypt(key, official.totp_secret) == secret

    _sign_out(client)
    again = password_step(client, EMAIL, next_path="/profiel")
    assert again.headers["location"] == "/aanmelden/code"
    page = client.get("/aanmelden/code")
    assert page.status_code == 200
    assert 'data-second-factor="code"' in page.text
    assert secret not in page.text  # the key is shown at enrolment only
    signed_in = send_code(client, "/aanmelden/code", code_for(secret, steps_ahead=1))
    assert signed_in.status_code == 303
    assert signed_in.headers["location"] == "/profiel"
    assert len(_sessions(db, organization)) == 1


def test_a_wrong_code_is_refused_counted_and_logged(
    client: TestClient,
    db: Session,
    organization: Organization,
    official: User,
    caplog: pytest.LogCaptureFixture,
) -> None:
    secret = enrol(client, EMAIL)
    _sign_out(client)
    password_step(client, EMAIL)
    refused = send_code(client, "/aanmelden/code", wrong_code_for(secret))
    assert refused.status_code == 400
    assert "This code is not right" in refused.text
    assert 'aria-invalid="true"' in refused.text
    assert 'value=""' in refused.text
    assert _sessions(db, organization) == []
    assert _failures(db, organization) == 1
    assert SECOND_FACTOR_FAILED in caplog.text
    assert EMAIL not in caplog.text  # the account's id only

    malformed = send_code(client, "/aanmelden/code", "12ab")
    assert malformed.status_code == 400
    assert "Fill in the 6 digits" in malformed.text

    # The right code still works (with spaces, as apps show it), and clears the count.
    code = code_for(secret, steps_ahead=1)
    right = send_code(client, "/aanmelden/code", f"{code[:3]} {code[3:]}")
    assert right.status_code == 303
    assert _failures(db, organization) == 0


def test_guessing_codes_is_slowed_like_guessing_passwords(
    client: TestClient, db: Session, organization: Organization, official: User
) -> None:
    secret = enrol(client, EMAIL)
    _sign_out(client)
    password_step(client, EMAIL)
    wrong = wrong_code_for(secret)
    statuses = [send_code(client, "/aanmelden/code", wrong).status_code for _ in range(7)]
    assert statuses[:5] == [400] * 5
    assert statuses[6] == 429
    # Even the right code waits now, and a new password step buys no fresh guesses.
    assert send_code(client, "/aanmelden/code", code_for(secret)).status_code == 429
    assert password_step(client, EMAIL).status_code == 429


def test_a_code_is_accepted_once(
    client: TestClient, db: Session, organization: Organization, official: User
) -> None:
    secret = enrol(client, EMAIL)
    _sign_out(client)
    password_step(client, EMAIL)
    code = code_for(secret, steps_ahead=1)
    assert send_code(client, "/aanmelden/code", code).status_code == 303
    _sign_out(client)
    password_step(client, EMAIL)
    replayed = send_code(client, "/aanmelden/code", code)
    assert replayed.status_code == 400
    assert "used already" in replayed.text
    assert _sessions(db, organization) == []
    # The code of the step the enrolment used is as dead as the one just used.
    assert send_code(client, "/aanmelden/code", code_for(secret)).status_code == 400


def test_the_half_way_state_reaches_no_other_page(
    client: TestClient, db: Session, organization: Organization, official: User
) -> None:
    make_user(db, organization, email="beheer@zeist.example", roles=[Role.ADMIN])
    password_step(client, EMAIL)
    for path in ("/profiel", "/beheer/rollen", "/profiel/tweede-stap", "/meldingen"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/aanmelden?"), path
    assert "Sanne" not in client.get("/").text
    refused = post_form(client, "/profiel", {"display_name": "Iemand"})
    assert refused.status_code == 303
    assert refused.headers["location"].startswith("/aanmelden")
    assert _sessions(db, organization) == []


def test_the_half_way_state_expires(
    client: TestClient,
    db: Session,
    organization: Organization,
    official: User,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    password_step(client, EMAIL)
    assert client.get("/aanmelden/tweede-stap").status_code == 200
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 301)
    expired = client.get("/aanmelden/tweede-stap", follow_redirects=False)
    assert expired.status_code == 303
    assert expired.headers["location"] == "/aanmelden"
    monkeypatch.setattr(time, "time", real)
    # Forgotten for good: going back in time does not bring it back.
    assert client.get("/aanmelden/tweede-stap", follow_redirects=False).status_code == 303
    assert _sessions(db, organization) == []


def test_the_half_way_state_stays_in_its_browser(
    app: FastAPI, client: TestClient, db: Session, organization: Organization, official: User
) -> None:
    secret = enrol(client, EMAIL)
    _sign_out(client)
    password_step(client, EMAIL)
    copied = client.cookies.get("dialoog_oidc")
    assert copied
    with TestClient(app, base_url="http://testdorp.test") as other:
        other.get("/")  # a browser of its own, with its own CSRF cookie
        other.cookies.set("dialoog_oidc", copied, domain="testdorp.test")
        page = other.get("/aanmelden/code", follow_redirects=False)
        assert page.status_code == 303
        assert page.headers["location"] == "/aanmelden"
    # In its own browser the state still works, once.
    state = client.cookies.get("dialoog_oidc")
    assert send_code(client, "/aanmelden/code", code_for(secret, 1)).status_code == 303
    client.cookies.set("dialoog_oidc", state or "", domain="testdorp.test")
    assert client.get("/aanmelden/code", follow_redirects=False).status_code == 303


def test_a_password_reset_does_not_skip_the_second_factor(
    client: TestClient, db: Session, organization: Organization, official: User
) -> None:
    from app.accounts import tokens

    settings: Settings = client.app.state.settings  # type: ignore[attr-defined]
    enrol(client, EMAIL)
    _sign_out(client)
    token = tokens.make_link_token(
        settings.secret_key, tokens.RESET_SALT, official.id, official.password_hash
    )
    path = f"/wachtwoord-herstellen/{token}"
    reset = post_form(client, path, {"password": "een nieuwe lange zin"}, form_page=path)
    assert reset.status_code == 303
    assert reset.headers["location"] == "/aanmelden/code"
    assert _sessions(db, organization) == []


def test_citizens_sign_in_without_a_code(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_user(db, organization, email="ruud@zeist.example", roles=[Role.EXPERT])
    response = password_step(client, "ruud@zeist.example", next_path="/profiel")
    assert response.status_code == 303
    assert response.headers["location"] == "/profiel"
    [session] = _sessions(db, organization)
    assert session.method == "password"


def test_a_role_granted_during_a_session_waits_for_the_next_sign_in(
    client: TestClient, db: Session, organization: Organization
) -> None:
    """Decided: the open session goes on, as a citizen's; the role (and its data) holds
    from the next sign-in, which enrols the second factor. The profile says so."""
    from app.access.service import grant_role

    ruud = make_user(db, organization, email="ruud@zeist.example")
    password_step(client, "ruud@zeist.example")
    with organization_scope(db, organization.id):
        grant_role(db, "test", ruud, Role.OFFICIAL)
    profile = client.get("/profiel")
    assert profile.status_code == 200
    assert 'data-second-factor="waiting"' in profile.text
    _sign_out(client)
    assert password_step(client, "ruud@zeist.example").headers["location"] == (
        "/aanmelden/tweede-stap"
    )


class _FakeProvider:
    """Stands in for Authlib's client: the provider said yes, with these claims."""

    def __init__(self, claims: dict[str, Any]) -> None:
        self.claims = claims

    def create_client(self, name: str) -> _FakeProvider:
        return self

    async def authorize_access_token(self, request: object) -> dict[str, Any]:
        return {"userinfo": self.claims}


def test_a_sign_in_through_openid_connect_never_asks_for_a_code(
    app: FastAPI, client: TestClient, db: Session, organization: Organization
) -> None:
    from app.config import OidcProviderSettings

    provider = OidcProviderSettings(
        name="zeist",
        label="Zeist",
        organization="testdorp",
        discovery_url="http://idp.test/.well-known/openid-configuration",
        client_id="c",
        client_secret="s",
        roles_claim="groups",
        role_map={"fin-team": "finance"},
    )
    app.state.settings.oidc_providers.append(provider)
    app.state.oauth = _FakeProvider(
        {
            "sub": "abc-123",
            "email": EMAIL,
            "email_verified": True,
            "name": "Sanne",
            "groups": ["fin-team"],
        }
    )
    # A local staff role and a password too: through the provider still no code.
    make_user(db, organization, email=EMAIL, roles=[Role.OFFICIAL])
    response = client.get("/aanmelden/oidc/zeist/terug", follow_redirects=False)
    assert response.status_code == 303, response.text[:500]
    assert response.headers["location"] == "/"
    [session] = _sessions(db, organization)
    assert session.method == "oidc:zeist"
    profile = client.get("/profiel").text
    assert "Official" in profile
    assert "Financial adviser" in profile


def test_a_key_stored_under_another_secret_key_is_enrolled_again(
    client: TestClient, db: Session, organization: Organization, official: User
) -> None:
    """Changing DIALOOG_SECRET_KEY makes stored keys unreadable: staff enrol again
    instead of being locked out."""
    enrol(client, EMAIL)
    _sign_out(client)
    with organization_scope(db, organization.id):
        official.totp_secret = second_factor.encrypt("an older secret key", "JBSWY3DPEHPK3PXP")
    assert password_step(client, EMAIL).headers["location"] == "/aanmelden/tweede-stap"
    secret = secret_from(client.get("/aanmelden/tweede-stap").text)
    assert send_code(client, "/aanmelden/tweede-stap", code_for(secret, 1)).status_code == 303


def test_code_tries_count_in_the_sign_in_rate_limit(
    app: FastAPI, client: TestClient, db: Session, organization: Organization, official: User
) -> None:
    from app.config import RateLimit

    secret = enrol(client, EMAIL)
    _sign_out(client)
    # A week-long window: no window boundary falls between the requests.
    app.state.settings.rate_limits.sign_in = RateLimit(requests=3, seconds=7 * 24 * 3600)
    password_step(client, EMAIL)  # the first of three
    assert send_code(client, "/aanmelden/code", wrong_code_for(secret)).status_code == 400
    assert send_code(client, "/aanmelden/code", wrong_code_for(secret)).status_code == 400
    over = send_code(client, "/aanmelden/code", code_for(secret, 1))
    assert over.status_code == 429
    assert "retry-after" in over.headers
    assert _sessions(db, organization) == []


def test_a_state_used_meanwhile_by_another_request_makes_no_second_session(
    client: TestClient, db: Session, organization: Organization, official: User
) -> None:
    """Two tabs send a code at once: the second reads the account again once it may go
    on, finds the state used, and is sent to sign in again."""
    secret = enrol(client, EMAIL)
    settings: Settings = client.app.state.settings  # type: ignore[attr-defined]
    with organization_scope(db, organization.id):
        stale = second_factor.Pending(
            user=official, next_path="/", new_secret=None, account_mark="made before"
        )
        with pytest.raises(second_factor.StateGone):
            second_factor.pass_second_factor(db, settings, stale, code_for(secret, 1), "1.2.3.4")
