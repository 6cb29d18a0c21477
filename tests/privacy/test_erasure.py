"""A person deletes their own account: the row stays, emptied; what was theirs alone goes;
their public contributions stay, by a "former participant"; every session ends at once."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.roles import Role
from app.access.service import grant_role
from app.config import Settings
from app.db import organization_scope, utcnow
from app.models import (
    AuditEntry,
    Consent,
    DataExport,
    ExternalIdentity,
    Notification,
    Organization,
    ProposalComment,
    ProposalRevision,
    RoleAssignment,
    SearchEntry,
    SignInFailure,
    User,
    UserSession,
)
from app.privacy.erasure_service import erased_email, signature_columns
from app.security import events
from app.web.templating import person_name
from tests.conftest import QueryCounter
from tests.discussion.conftest import Stage
from tests.discussion.conftest import stage as stage
from tests.factories import DEFAULT_PASSWORD, make_user
from tests.mailbox import Mailbox
from tests.web.helpers import csrf_token, post_form, sign_in

ERASE = "/profiel/verwijderen"


def _erase(client: TestClient, data: dict[str, str]) -> Response:
    return post_form(client, ERASE, data, form_page=ERASE)


def _user(db: Session, organization: Organization, user_id: int) -> User:
    with organization_scope(db, organization.id):
        db.expire_all()
        return db.get_one(User, user_id)


def test_the_profile_leads_to_a_page_that_says_what_goes_and_what_stays(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_user(db, organization)
    sign_in(client, "annelies@example.org")
    assert 'href="/profiel/verwijderen"' in client.get("/profiel").text
    page = client.get(ERASE)
    assert page.status_code == 200
    assert 'id="what-goes"' in page.text
    assert 'id="what-stays"' in page.text
    assert 'name="password"' in page.text


def test_a_wrong_password_keeps_the_page_with_a_message_and_the_account(
    client: TestClient, db: Session, organization: Organization
) -> None:
    user = make_user(db, organization)
    sign_in(client, "annelies@example.org")
    client.cookies.set("dialoog_lang", "en")
    response = _erase(client, {"password": "not the right one at all"})
    assert response.status_code == 400
    assert "This is not your password" in response.text
    assert 'id="error-summary"' in response.text
    empty = _erase(client, {"password": ""})
    assert empty.status_code == 400
    assert _user(db, organization, user.id).erased_at is None
    assert client.get("/profiel").status_code == 200  # still signed in


def test_erasing_empties_the_row_ends_every_session_and_keeps_the_consent(
    app_client_pair: tuple[TestClient, TestClient],
    db: Session,
    organization: Organization,
    mailbox: Mailbox,
    caplog: pytest.LogCaptureFixture,
) -> None:
    first, second = app_client_pair
    user = make_user(db, organization)
    with organization_scope(db, organization.id):
        db.add(Consent(user_id=user.id, document="privacy", version="2026-11"))
        db.add(ExternalIdentity(user_id=user.id, provider="zeist", subject="abc"))
        db.add(Notification(user_id=user.id, kind="x", params={}, link="/"))
        db.add(SignInFailure(email=user.email, ip_address="10.0.0.1"))
        db.flush()
    sign_in(first, "annelies@example.org")
    sign_in(second, "annelies@example.org")

    response = _erase(first, {"password": DEFAULT_PASSWORD})
    assert response.status_code == 303
    assert response.headers["location"] == "/"
    assert "dialoog_session" in response.headers["set-cookie"]  # the cookie is cleared
    home = first.get("/")
    assert home.status_code == 200
    assert "Your account is deleted" in home.text or "verwijderd" in home.text

    erased = _user(db, organization, user.id)
    assert erased.erased_at is not None
    assert erased.email == erased_email(user.id) == f"erased-{user.id}@invalid"
    assert erased.display_name != "Annelies"
    assert erased.password_hash is None
    assert erased.totp_secret is None
    assert erased.email_confirmed_at is None
    with organization_scope(db, organization.id):
        for model in (UserSession, ExternalIdentity, Notification):
            assert db.scalars(select(model).where(model.user_id == user.id)).all() == []
        assert db.scalars(select(SignInFailure)).all() == []
        assert len(db.scalars(select(Consent).where(Consent.user_id == user.id)).all()) == 1
        entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "user.erased")).one()
    assert entry.object_id == str(user.id)
    assert entry.after == {"by": "self"}
    assert "annelies" not in str(entry.after) + (entry.reason or "") + entry.actor_label.lower()

    # The other device is signed out at once, not at its time-out.
    assert second.get("/profiel", follow_redirects=False).status_code in (303, 401)
    # A last mail went to the address before it was overwritten.
    assert any("annelies@example.org" in m["To"] for m in mailbox.messages)
    logged = [
        r.msg
        for r in caplog.records
        if isinstance(r.msg, dict) and r.msg.get("event") == events.ERASURE
    ]
    assert logged
    assert logged[0]["account"] == user.id
    assert logged[0]["by"] == "self"
    # The address can register anew.
    with organization_scope(db, organization.id):
        assert not db.scalars(select(User).where(User.email == "annelies@example.org")).first()


def test_an_account_without_password_confirms_with_the_word(
    client: TestClient, db: Session, organization: Organization
) -> None:
    user = make_user(db, organization, password=None)
    with organization_scope(db, organization.id):
        db.add(ExternalIdentity(user_id=user.id, provider="zeist", subject="sub-1"))
        db.flush()
    # No password to sign in with: start a session the way the provider's callback does.
    from app.accounts.sessions import start_session

    class _Request:
        headers: ClassVar[dict[str, str]] = {}
        client = None

    with organization_scope(db, organization.id):
        cookie = start_session(db, _Request(), client.app.state.settings, user, "oidc:zeist")  # type: ignore[arg-type,attr-defined]
    client.cookies.set("dialoog_session", cookie)
    page = client.get(ERASE)
    assert 'name="confirm"' in page.text
    assert 'name="password"' not in page.text
    wrong = _erase(client, {"confirm": "ja hoor"})
    assert wrong.status_code == 400
    assert 'value="ja hoor"' in wrong.text  # what was typed stays
    assert _erase(client, {"confirm": "verwijderen"}).status_code == 303
    assert _user(db, organization, user.id).erased_at is not None
    with organization_scope(db, organization.id):
        assert db.scalars(select(ExternalIdentity)).all() == []


def test_contributions_stay_by_a_former_participant_in_either_language(
    client: TestClient, db: Session, organization: Organization, stage: Stage
) -> None:
    annelies = stage.people["annelies"]
    with organization_scope(db, organization.id):
        db.add(
            ProposalComment(
                proposal_id=stage.discussed.id, author_id=annelies.id, body="Goed plan."
            )
        )
        db.flush()
    sign_in(client, "annelies@example.org")
    assert _erase(client, {"password": DEFAULT_PASSWORD}).status_code == 303

    dutch = client.get(stage.path(stage.discussed)).text
    assert "voormalig deelnemer" in dutch.lower() or "former participant" in dutch
    assert "Annelies" not in dutch
    client.cookies.set("dialoog_lang", "en")
    english = client.get(stage.path(stage.discussed)).text
    assert "former participant" in english
    assert "Goed plan." in english  # the comment itself stays
    assert "Annelies" not in english
    with organization_scope(db, organization.id):
        entries = db.scalars(select(SearchEntry.title + " " + SearchEntry.body)).all()
    assert not any("Annelies" in e for e in entries)


def test_signature_labels_lose_the_name(
    client: TestClient, db: Session, organization: Organization
) -> None:
    admin = make_user(
        db, organization, email="ad@example.org", display_name="Ad", roles=[Role.ADMIN]
    )
    other_admin = make_user(
        db, organization, email="bo@example.org", display_name="Bo", roles=[Role.ADMIN]
    )
    citizen = make_user(db, organization, email="cy@example.org", display_name="Cy")
    with organization_scope(db, organization.id):
        grant_role(db, Actor.of(admin, frozenset()), citizen, Role.OFFICIAL)  # "Ad (#id)"
    sign_in(client, "ad@example.org")
    assert _erase(client, {"password": DEFAULT_PASSWORD}).status_code == 303
    with organization_scope(db, organization.id):
        db.expire_all()
        label = db.scalars(
            select(RoleAssignment.granted_by).where(RoleAssignment.user_id == citizen.id)
        ).one()
        admins_left = db.scalars(
            select(RoleAssignment.user_id).where(
                RoleAssignment.role == Role.ADMIN, RoleAssignment.revoked_at.is_(None)
            )
        ).all()
    assert label == f"(#{admin.id})"
    assert person_name(label) in ("voormalig deelnemer", "former participant")
    assert admins_left == [other_admin.id]  # the erased admin's role ended with the account
    assert any(c.key == "granted_by" for c in signature_columns())
    assert any(c.key == "reviewer_label" for c in signature_columns())


def test_the_last_admin_cannot_erase_their_account(
    client: TestClient, db: Session, organization: Organization
) -> None:
    admin = make_user(db, organization, roles=[Role.ADMIN])
    sign_in(client, "annelies@example.org")
    client.cookies.set("dialoog_lang", "en")
    response = _erase(client, {"password": DEFAULT_PASSWORD})
    assert response.status_code == 400
    assert "last administrator" in response.text
    assert _user(db, organization, admin.id).erased_at is None


def test_signed_out_visitors_are_sent_to_sign_in(client: TestClient) -> None:
    assert client.get(ERASE, follow_redirects=False).status_code in (303, 401)
    token = csrf_token(client, "/")
    refused = client.post(
        ERASE, data={"csrf_token": token, "password": "x"}, follow_redirects=False
    )
    assert refused.status_code in (303, 401)
    assert utcnow()  # nothing else happened


def test_append_only_labels_name_a_former_participant_at_the_same_cost(
    client: TestClient,
    db: Session,
    organization: Organization,
    stage: Stage,
    queries: QueryCounter,
) -> None:
    """A revision keeps "Annelies (#id)" (its table refuses updates); the page still
    names a former participant, and the page costs what it cost before the erasure."""
    annelies = stage.people["annelies"]
    with organization_scope(db, organization.id):
        db.add(
            ProposalRevision(
                proposal_id=stage.discussed.id,
                number=1,
                snapshot={"title": "Scholen delen gebouwen"},
                author_id=annelies.id,
                author_label=f"Annelies (#{annelies.id})",
            )
        )
        db.flush()
    page = f"{stage.path(stage.discussed)}/versies"
    client.cookies.set("dialoog_lang", "en")
    assert "Annelies" in client.get(page).text
    queries.statements.clear()
    client.get(page)
    before = queries.count

    sign_in(client, "annelies@example.org")
    assert _erase(client, {"password": DEFAULT_PASSWORD}).status_code == 303
    with organization_scope(db, organization.id):
        kept = db.scalars(select(ProposalRevision.author_label)).one()
    assert kept == f"Annelies (#{annelies.id})"  # the record as written
    shown = client.get(page).text
    assert "former participant" in shown
    assert "Annelies" not in shown
    queries.statements.clear()
    client.get(page)
    assert queries.count == before


def test_the_persons_exports_and_their_files_go(
    client: TestClient,
    db: Session,
    organization: Organization,
    settings: Settings,
    tmp_path: Path,
) -> None:
    settings.exports_dir = tmp_path / "exports"
    user = make_user(db, organization)
    stored = settings.exports_dir / "1" / "a1b2c3.zip"
    stored.parent.mkdir(parents=True)
    stored.write_bytes(b"PK")
    with organization_scope(db, organization.id):
        db.add(DataExport(user_id=user.id, status="ready", file_name="1/a1b2c3.zip"))
        db.flush()
    sign_in(client, "annelies@example.org")
    assert _erase(client, {"password": DEFAULT_PASSWORD}).status_code == 303
    assert not stored.exists()
    with organization_scope(db, organization.id):
        assert db.scalars(select(DataExport)).all() == []
