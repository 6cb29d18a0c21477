"""Finding, linking and creating accounts from ID-token claims (the browser test in e2e/
covers the protocol itself against a real provider)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.roles import Role
from app.accounts.oidc_service import OidcAccountProblem, account_for_claims
from app.accounts.passwords import hash_password
from app.config import OidcProviderSettings
from app.db import organization_scope
from app.i18n import set_locale
from app.models import ExternalIdentity, Organization, RoleAssignment, User
from tests.factories import DEFAULT_PASSWORD, make_user
from tests.web.helpers import sign_in

PROVIDER = OidcProviderSettings(
    name="zeist",
    label="Zeist",
    organization="testdorp",
    discovery_url="http://idp.test/.well-known/openid-configuration",
    client_id="c",
    client_secret="s",
    roles_claim="groups",
    role_map={"fin-team": "finance", "raad": "council"},
)


# Tests run in English here: the Dutch ("Deelnemer 4821") comes from the catalog.
PSEUDONYM = re.compile(r"Participant \d{4}")


@pytest.fixture(autouse=True)
def _english() -> None:
    set_locale("en")


def claims(**extra: object) -> dict[str, object]:
    return {
        "sub": "abc-123",
        "email": "Fatma@Zeist.example",
        "email_verified": True,
        "name": "Fatma Y.",
        **extra,
    }


def test_a_first_sign_in_creates_a_confirmed_account_and_a_later_one_finds_it(
    db: Session, organization: Organization
) -> None:
    with organization_scope(db, organization.id):
        first = account_for_claims(db, PROVIDER, claims())
        again = account_for_claims(db, PROVIDER, claims(name="Andere naam"))
        assert first.id == again.id
        assert first.email == "fatma@zeist.example"
        # A participant: a pseudonym, not the provider's name (privacy by default).
        assert re.fullmatch(PSEUDONYM, first.display_name)
        assert first.password_hash is None
        assert first.email_confirmed_at is not None
        assert db.scalar(select(ExternalIdentity.subject)) == "abc-123"


def test_a_new_participant_is_shown_under_a_pseudonym_never_their_name_or_address(
    db: Session, organization: Organization
) -> None:
    with organization_scope(db, organization.id):
        named = account_for_claims(db, PROVIDER, claims())
        unnamed = account_for_claims(
            db, PROVIDER, claims(sub="def-456", email="jan.jansen@zeist.example", name="")
        )
    for user in (named, unnamed):
        assert re.fullmatch(PSEUDONYM, user.display_name)
        assert "Fatma" not in user.display_name
        assert "jan" not in user.display_name.lower()
    assert named.display_name != unnamed.display_name


def test_staff_from_the_provider_keep_the_providers_name(
    db: Session, organization: Organization
) -> None:
    """They act in office: colleagues and the audit trail need the name they work under."""
    with organization_scope(db, organization.id):
        official = account_for_claims(db, PROVIDER, claims(groups=["fin-team"]))
    assert official.display_name == "Fatma Y."


def test_the_pseudonym_can_be_changed_on_the_profile(
    client: TestClient, db: Session, organization: Organization
) -> None:
    with organization_scope(db, organization.id):
        user = account_for_claims(db, PROVIDER, claims())
        user.password_hash = hash_password(DEFAULT_PASSWORD)
    db.commit()
    sign_in(client, user.email)
    page = client.get("/profiel")
    assert user.display_name in page.text
    assert 'name="display_name"' in page.text


def test_an_existing_account_with_the_verified_address_is_linked_not_duplicated(
    db: Session, organization: Organization
) -> None:
    local = make_user(db, organization, email="fatma@zeist.example", confirmed=False)
    with organization_scope(db, organization.id):
        linked = account_for_claims(db, PROVIDER, claims())
        assert linked.id == local.id
        assert linked.email_confirmed_at is not None
        assert len(db.scalars(select(User)).all()) == 1


def test_an_unverified_address_never_takes_over_an_account(
    db: Session, organization: Organization
) -> None:
    make_user(db, organization, email="fatma@zeist.example")
    with organization_scope(db, organization.id), pytest.raises(OidcAccountProblem):
        account_for_claims(db, PROVIDER, claims(email_verified=False))


def test_roles_follow_the_providers_claim(db: Session, organization: Organization) -> None:
    with organization_scope(db, organization.id):
        user = account_for_claims(
            db, PROVIDER, claims(groups=["fin-team", "raad", "admin", "onbekend"])
        )

        def active() -> set[str]:
            return set(
                db.scalars(
                    select(RoleAssignment.role).where(
                        RoleAssignment.user_id == user.id, RoleAssignment.revoked_at.is_(None)
                    )
                )
            )

        # "admin" is not in the role map: a group's name alone gives no role.
        assert active() == {Role.FINANCE, Role.COUNCIL}
        account_for_claims(db, PROVIDER, claims(groups=["raad"]))
        assert active() == {Role.COUNCIL}


def test_claims_without_a_subject_are_refused(db: Session, organization: Organization) -> None:
    with organization_scope(db, organization.id), pytest.raises(OidcAccountProblem):
        account_for_claims(db, PROVIDER, {"email": "x@example.org"})


def test_an_unproven_registration_of_the_address_is_taken_from_the_registrant(
    db: Session, organization: Organization
) -> None:
    """Someone registered the staff member's address first, with their own password, and
    never confirmed it. The provider proves the address: the registrant loses the account."""
    squatter = make_user(db, organization, email="fatma@zeist.example", confirmed=False)
    assert squatter.password_hash
    with organization_scope(db, organization.id):
        linked = account_for_claims(db, PROVIDER, claims())
        assert linked.id == squatter.id
        assert linked.password_hash is None
        assert linked.email_confirmed_at is not None


def test_provider_roles_count_only_in_a_session_through_that_provider(
    client: TestClient, db: Session, organization: Organization
) -> None:
    with organization_scope(db, organization.id):
        user = account_for_claims(db, PROVIDER, claims(groups=["fin-team"]))
        user.password_hash = hash_password(DEFAULT_PASSWORD)  # she also set a password
        db.flush()
    sign_in(client, "fatma@zeist.example")
    assert "Financieel adviseur" not in client.get("/profiel").text
