"""Registering, confirming the email address, and what bad input gets."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.accounts.tokens import CONFIRM_SALT, make_link_token
from app.config import AccountSettings
from app.db import organization_scope
from app.models import AuditEntry, Consent, Organization, User
from tests.factories import make_user
from tests.mailbox import Mailbox
from tests.web.helpers import post_form

GOOD = {
    "display_name": "Annelies",
    "email": "Annelies@Example.org",
    "password": "mijn fiets staat bij het station",
    "consent": "on",
}


def _user(db: Session, organization: Organization, email: str) -> User | None:
    db.expire_all()
    with organization_scope(db, organization.id):
        return db.scalar(select(User).where(User.email == email))


def test_registering_signs_in_records_consent_and_mails_a_link(
    client: TestClient, db: Session, organization: Organization, mailbox: Mailbox
) -> None:
    response = post_form(client, "/registreren", GOOD, form_page="/registreren")
    assert response.status_code == 303
    assert response.headers["location"] == "/profiel"
    profile = client.get("/profiel")
    assert "Annelies" in profile.text
    assert "nog niet bevestigd" in profile.text

    user = _user(db, organization, "annelies@example.org")
    assert user is not None
    assert user.password_hash
    assert user.password_hash.startswith("$argon2id$")
    assert user.email_confirmed_at is None
    with organization_scope(db, organization.id):
        consent = db.scalar(select(Consent).where(Consent.user_id == user.id))
        assert consent is not None
        assert (consent.document, consent.version) == ("privacy", "2026-11")
        actions = db.scalars(
            select(AuditEntry.action).where(AuditEntry.object_id == str(user.id))
        ).all()
        assert "user.registered" in actions

    mail = mailbox.last_to("annelies@example.org")
    assert mail["Subject"] == "Bevestig uw e-mailadres"
    link = mailbox.link_in_last("annelies@example.org", "/bevestigen/")
    assert client.get(link, follow_redirects=False).status_code == 303
    confirmed = _user(db, organization, "annelies@example.org")
    assert confirmed is not None
    assert confirmed.email_confirmed_at is not None
    assert "nog niet bevestigd" not in client.get("/profiel").text


def test_a_taken_email_address_is_refused_and_the_form_keeps_its_values(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_user(db, organization, email="annelies@example.org")
    response = post_form(client, "/registreren", GOOD, form_page="/registreren")
    assert response.status_code == 400
    assert "Er is al een account met dit e-mailadres." in response.text
    assert 'value="Annelies"' in response.text
    assert 'value="Annelies@Example.org"' in response.text  # as typed
    assert GOOD["password"] not in response.text  # a password is never sent back


def test_bad_input_gets_a_message_per_field(client: TestClient) -> None:
    response = post_form(
        client,
        "/registreren",
        {"display_name": "A", "email": "geen-adres", "password": "welkom123"},
        form_page="/registreren",
    )
    assert response.status_code == 400
    html = response.text
    assert "Verbeter 4 punten" in html
    assert "gebruik ten minste 2 tekens" in html
    assert "name@example.nl" in html or "naam@voorbeeld.nl" in html
    assert "een van de meest gebruikte" in html
    assert "privacyverklaring" in html
    assert html.count('aria-invalid="true"') == 4


def test_short_passwords_are_refused_long_passphrases_welcome(client: TestClient) -> None:
    short = post_form(
        client, "/registreren", {**GOOD, "password": "kort"}, form_page="/registreren"
    )
    assert "ten minste 8 tekens" in short.text
    long_phrase = "dit is een heel lange wachtzin " * 6
    ok = post_form(
        client, "/registreren", {**GOOD, "password": long_phrase}, form_page="/registreren"
    )
    assert ok.status_code == 303


def test_an_expired_or_wrong_confirmation_link_says_so(client: TestClient) -> None:
    response = client.get("/bevestigen/niet-echt")
    assert response.status_code == 400
    assert "Deze link klopt niet." in response.text


def test_a_signed_in_person_is_not_shown_the_registration_form(
    client: TestClient, db: Session, organization: Organization
) -> None:
    from tests.web.helpers import sign_in

    make_user(db, organization, email="ruud@zeist.example", display_name="Ruud")
    sign_in(client, "ruud@zeist.example")
    assert client.get("/registreren", follow_redirects=False).headers["location"] == "/profiel"


def test_an_expired_confirmation_link_says_so(
    client: TestClient, db: Session, organization: Organization, app: FastAPI
) -> None:
    user = make_user(db, organization, email="laat@example.org", confirmed=False)
    settings = app.state.settings
    token = make_link_token(settings.secret_key, CONFIRM_SALT, user.id, user.email)
    app.state.settings = settings.model_copy(
        update={"accounts": AccountSettings(confirm_link_hours=-1)}
    )
    response = client.get(f"/bevestigen/{token}")
    assert response.status_code == 400
    assert "Deze link is verlopen." in response.text
