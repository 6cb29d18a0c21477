"""Signing in through an OpenID Connect provider: find, link or create the account."""

from __future__ import annotations

import secrets
from typing import Any

import structlog
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.roles import ROLE_VALUES, STAFF_ROLES, Role
from app.access.service import sync_provider_roles
from app.accounts.service import normalize_email, user_by_email
from app.accounts.sessions import end_all_sessions
from app.audit.service import record
from app.config import OidcProviderSettings
from app.db import utcnow
from app.errors import DomainError
from app.i18n import gettext as _
from app.models import ExternalIdentity, User

log = structlog.get_logger("dialoog.oidc")


class OidcAccountProblem(DomainError):
    status_code = 400


def roles_from_claims(provider: OidcProviderSettings, claims: dict[str, Any]) -> set[Role]:
    if not provider.roles_claim:
        return set()
    values = claims.get(provider.roles_claim) or []
    if isinstance(values, str):
        values = [values]
    roles = set()
    for value in map(str, values):
        # Only values the admin mapped give a role: a provider group that happens to be
        # called "admin" must not make someone Dialoog's administrator.
        mapped = provider.role_map.get(value)
        if mapped in ROLE_VALUES:
            roles.add(Role(mapped))
    return roles


def new_display_name(db: Session, provider_name: str, roles: set[Role]) -> str:
    """The name others see on a new account made from a provider's claims.

    A participant gets a neutral pseudonym ("Deelnemer 4821"): the provider's name claim
    (or an address's local part, often "firstname.lastname") is a real name the person
    never chose to show on public pages (issue #12, privacy by default); they pick their
    own name on their profile. Staff whose roles come from the provider keep the
    provider's name: they act for the municipality, in office, under the name their
    employer knows them by, and colleagues and the audit trail must be able to tell who
    answered a question or signed off a sheet. (Public pages show their role beside it.)
    """
    if provider_name and roles & STAFF_ROLES:
        return provider_name
    # Four digits tell people in one discussion apart; a name already in use is drawn
    # again (a rare clash that remains is harmless: names are not identities).
    for _attempt in range(5):
        name = _("Participant %(number)d", number=1000 + secrets.randbelow(9000))
        if db.scalar(select(User.id).where(User.display_name == name).limit(1)) is None:
            break
    return name


def account_for_claims(db: Session, provider: OidcProviderSettings, claims: dict[str, Any]) -> User:
    """The account for these verified ID-token claims.

    A known subject finds its account. Otherwise an account with the same *verified*
    email address is linked (never an unverified one: that would let anyone who controls
    a provider claim someone else's account). Otherwise a new account is made.
    """
    subject = str(claims.get("sub") or "")
    if not subject:
        raise OidcAccountProblem(_("The sign-in service did not say who you are."))
    identity = db.scalar(
        select(ExternalIdentity).where(
            ExternalIdentity.provider == provider.name, ExternalIdentity.subject == subject
        )
    )
    email = normalize_email(str(claims.get(provider.email_claim) or ""))
    verified = claims.get("email_verified") is True
    name = str(claims.get(provider.name_claim) or "").strip()[:60]

    if identity is not None:
        user = db.get(User, identity.user_id)
        assert user is not None  # noqa: S101 - foreign key
        identity.last_used_at = utcnow()
    else:
        user = user_by_email(db, email) if email else None
        if user is not None and not verified:
            raise OidcAccountProblem(
                _(
                    "An account with this email address exists, but the sign-in service "
                    "has not verified the address. Sign in with your password instead."
                )
            )
        if user is None:
            if not email:
                raise OidcAccountProblem(_("The sign-in service did not give an email address."))
            roles = roles_from_claims(provider, claims)
            user = User(
                display_name=new_display_name(db, name, roles),
                email=email,
                password_hash=None,
                email_confirmed_at=utcnow() if verified else None,
            )
            db.add(user)
            db.flush()
            record(db, actor=f"oidc:{provider.name}", action="user.registered", target=user)
        elif user.email_confirmed_at is None:
            # Someone registered this address without ever proving it: it may not be
            # its owner. The provider has now proved it, so the account becomes the
            # owner's, and whatever the registrant set up is taken away.
            user.email_confirmed_at = utcnow()
            user.password_hash = None
            end_all_sessions(db, user)
            record(
                db,
                actor=f"oidc:{provider.name}",
                action="user.unproven_account_claimed",
                target=user,
                reason="address verified by the identity provider",
            )
        db.add(ExternalIdentity(user_id=user.id, provider=provider.name, subject=subject))
        db.flush()
        record(
            db,
            actor=f"oidc:{provider.name}",
            action="user.identity_linked",
            target=user,
            after={"provider": provider.name},
        )
        log.info("oidc.linked", provider=provider.name, user_id=user.id)
    sync_provider_roles(db, user, provider.name, roles_from_claims(provider, claims))
    return user
