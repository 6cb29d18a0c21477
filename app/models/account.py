from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base, OrganizationScoped, utcnow
from app.models.personal import (
    ACCOUNT,
    CONSENT,
    CREDENTIALS,
    LINKED_IDENTITY,
    SESSION,
    SIGN_IN_FAILURE,
    personal,
)
from app.models.role import RoleAssignment


class User(OrganizationScoped, Base):
    """A person's account with one municipality. The display name is what others see
    (a pseudonym is fine); the email address is never shown to anyone else."""

    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("organization_id", "email"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    display_name: Mapped[str] = mapped_column(String(60), info=personal(ACCOUNT))
    email: Mapped[str] = mapped_column(String(254), info=personal(ACCOUNT))  # lower-case
    email_confirmed_at: Mapped[datetime | None] = mapped_column(info=personal(ACCOUNT))
    # None for accounts that only sign in through an identity provider.
    password_hash: Mapped[str | None] = mapped_column(String(200), info=personal(CREDENTIALS))
    locale: Mapped[str] = mapped_column(String(5), default="nl", info=personal(ACCOUNT))
    notify_by_mail: Mapped[bool] = mapped_column(Boolean, default=True, info=personal(ACCOUNT))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(info=personal(ACCOUNT))
    # Set when the person's data was erased (on request or by retention); the row stays
    # so their public contributions keep an author, named "former participant".
    erased_at: Mapped[datetime | None]
    # A second factor (TOTP, RFC 6238) for local accounts with a staff role: the shared
    # secret, when it was confirmed with a first code, and the last time step used (a
    # code is accepted once).
    totp_secret: Mapped[str | None] = mapped_column(String(200), info=personal(CREDENTIALS))
    totp_confirmed_at: Mapped[datetime | None] = mapped_column(info=personal(CREDENTIALS))
    totp_last_step: Mapped[int | None] = mapped_column(info=personal(CREDENTIALS))

    roles: Mapped[list[RoleAssignment]] = relationship(
        lazy="raise",
        primaryjoin="and_(RoleAssignment.user_id == User.id, RoleAssignment.revoked_at.is_(None))",
        viewonly=True,
    )

    @property
    def is_confirmed(self) -> bool:
        return self.email_confirmed_at is not None


class UserSession(OrganizationScoped, Base):
    """A signed-in browser. The cookie holds a random token; only its hash is stored, so
    a copy of the database does not give anyone a session. Signing out deletes the row."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True, info=personal(SESSION)
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow, info=personal(SESSION))
    expires_at: Mapped[datetime]
    ip_address: Mapped[str | None] = mapped_column(String(45), info=personal(SESSION))
    user_agent: Mapped[str | None] = mapped_column(String(300), info=personal(SESSION))
    method: Mapped[str] = mapped_column(String(60))  # "password" or "oidc:<provider>"

    user: Mapped[User] = relationship(lazy="raise")


class Consent(OrganizationScoped, Base):
    """Consent to a document (the privacy statement) in a given version, with its time."""

    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True, info=personal(CONSENT)
    )
    document: Mapped[str] = mapped_column(String(40))
    version: Mapped[str] = mapped_column(String(40))
    given_at: Mapped[datetime] = mapped_column(default=utcnow)


class ExternalIdentity(OrganizationScoped, Base):
    """The link between an account and an OpenID Connect provider's subject."""

    __tablename__ = "external_identities"
    __table_args__ = (UniqueConstraint("organization_id", "provider", "subject"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True, info=personal(LINKED_IDENTITY)
    )
    provider: Mapped[str] = mapped_column(String(60))
    subject: Mapped[str] = mapped_column(String(255), info=personal(LINKED_IDENTITY))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime] = mapped_column(default=utcnow)


class SignInFailure(OrganizationScoped, Base):
    """A failed sign-in, kept briefly to slow down guessing per account and per address."""

    __tablename__ = "sign_in_failures"
    __table_args__ = (
        Index("ix_sign_in_failures_email_at", "email", "at"),
        Index("ix_sign_in_failures_ip_at", "ip_address", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), info=personal(SIGN_IN_FAILURE))
    ip_address: Mapped[str] = mapped_column(String(45), info=personal(SIGN_IN_FAILURE))
    at: Mapped[datetime] = mapped_column(default=utcnow)
