"""The admin erases an account on a person's request: found by address, with a reason,
audited by account id (never the address); not twice; never the last admin."""

from __future__ import annotations

from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.roles import Role
from app.db import organization_scope
from app.models import AuditEntry, Organization, User
from app.privacy.erasure_service import erased_email
from tests.factories import make_user
from tests.web.helpers import post_form, sign_in

PAGE = "/beheer/privacy/wissen"


def _erase(
    client: TestClient, email: str, reason: str = "Brief van 3 maart, kenmerk 12"
) -> Response:
    data = {"email": email, "reason": reason, "confirmed": "on"}
    return post_form(client, PAGE, data, form_page=PAGE)


def test_only_the_admin_reaches_the_page(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_user(db, organization, email="ad@example.org", roles=[Role.ADMIN])
    make_user(db, organization, email="olga@example.org", roles=[Role.OFFICIAL])
    make_user(db, organization, email="pia@example.org", roles=[Role.PRIVACY])
    for email in ("olga@example.org", "pia@example.org"):
        sign_in(client, email)
        assert client.get(PAGE).status_code == 403
        assert _erase(client, "ad@example.org").status_code == 403
    sign_in(client, "ad@example.org")
    page = client.get(PAGE)
    assert page.status_code == 200
    assert 'id="erase-any-form"' in page.text


def test_the_admin_erases_with_a_reason_audited_by_account_id(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_user(db, organization, email="ad@example.org", display_name="Ad", roles=[Role.ADMIN])
    person = make_user(db, organization, email="bram@example.org", display_name="Bram")
    sign_in(client, "ad@example.org")
    client.cookies.set("dialoog_lang", "en")

    missing = post_form(client, PAGE, {"email": "bram@example.org", "reason": ""}, form_page=PAGE)
    assert missing.status_code == 400
    assert 'value="bram@example.org"' in missing.text  # what was typed stays
    assert 'id="error-summary"' in missing.text
    unknown = _erase(client, "niemand@example.org")
    assert unknown.status_code == 400
    assert "There is no account with this email address here." in unknown.text

    done = _erase(client, "Bram@Example.org")
    assert done.status_code == 303
    with organization_scope(db, organization.id):
        db.expire_all()
        erased = db.get_one(User, person.id)
        entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "user.erased")).one()
    assert erased.erased_at is not None
    assert entry.object_id == str(person.id)
    assert entry.reason == "Brief van 3 maart, kenmerk 12"
    assert entry.after == {"by": "admin"}
    assert entry.actor_label == "Ad"
    assert "bram" not in f"{entry.before}{entry.after}{entry.reason}".lower()

    again = _erase(client, erased_email(person.id))
    assert again.status_code == 400
    assert "erased already" in again.text


def test_the_last_admin_is_not_erased(
    client: TestClient, db: Session, organization: Organization
) -> None:
    admin = make_user(db, organization, email="ad@example.org", roles=[Role.ADMIN])
    sign_in(client, "ad@example.org")
    client.cookies.set("dialoog_lang", "en")
    refused = _erase(client, "ad@example.org")
    assert refused.status_code == 400
    assert "last administrator" in refused.text
    with organization_scope(db, organization.id):
        db.expire_all()
        assert db.get_one(User, admin.id).erased_at is None


def test_the_roles_page_links_to_it(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_user(db, organization, email="ad@example.org", roles=[Role.ADMIN])
    sign_in(client, "ad@example.org")
    assert f'href="{PAGE}"' in client.get("/beheer/rollen").text
