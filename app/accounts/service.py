"""Use cases of accounts: what a person does with their own account."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import structlog
from email_validator import EmailNotValidError, validate_email
from jinja2 import Environment
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.accounts import passwords, second_factor, throttle, tokens
from app.accounts.sessions import end_all_sessions
from app.audit.service import changes, record
from app.config import Settings
from app.db import utcnow
from app.errors import Conflict, TooManyAttempts
from app.i18n import gettext as _
from app.mail.service import queue_mail
from app.models import Consent, Mail, User, UserSession
from app.security.events import (
    PASSWORD_CHANGED,
    RATE_LIMITED,
    SESSIONS_ENDED,
    pseudonym,
    security_event,
)

log = structlog.get_logger("dialoog.accounts")

PRIVACY_DOCUMENT = "privacy"


class SignInFailed(Exception):
    """Wrong address or password; deliberately not saying which."""


@dataclass(frozen=True)
class Registration:
    display_name: str
    email: str
    password: str
    locale: str


def normalize_email(email: str) -> str:
    """One form for every address, whichever page it was typed on."""
    try:
        return validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        return email.strip().lower()


def user_by_email(db: Session, email: str) -> User | None:
    return db.scalar(select(User).where(User.email == normalize_email(email)))


MAILS_PER_HOUR = 3


def _mailed_recently(db: Session, to: str, kind: str) -> bool:
    """At most a few mails of one kind to one address an hour: the forms that send them
    are public, and must not become a way to flood someone's inbox."""
    since = utcnow() - timedelta(hours=1)
    sent = db.scalar(
        select(func.count(Mail.id)).where(
            Mail.recipient == to, Mail.kind == kind, Mail.created_at > since
        )
    )
    if (sent or 0) >= MAILS_PER_HOUR:
        log.warning("mail.rate_limited", kind=kind)
        return True
    return False


def register(
    db: Session, jinja: Environment, settings: Settings, data: Registration, base_url: str
) -> User:
    if user_by_email(db, data.email) is not None:
        raise Conflict(_("There is already an account with this email address."))
    user = User(
        display_name=data.display_name,
        email=data.email.lower(),
        password_hash=passwords.hash_password(data.password),
        locale=data.locale,
    )
    db.add(user)
    db.flush()
    db.add(
        Consent(
            user_id=user.id, document=PRIVACY_DOCUMENT, version=settings.accounts.privacy_version
        )
    )
    record(
        db,
        actor=user,
        action="user.registered",
        target=user,
        after={"display_name": user.display_name},
    )
    send_confirmation(db, jinja, settings, user, base_url)
    return user


def send_confirmation(
    db: Session, jinja: Environment, settings: Settings, user: User, base_url: str
) -> None:
    if _mailed_recently(db, user.email, "confirm_email"):
        return
    token = tokens.make_link_token(settings.secret_key, tokens.CONFIRM_SALT, user.id, user.email)
    queue_mail(
        db,
        jinja,
        to=user.email,
        kind="confirm_email",
        locale=user.locale,
        context={
            "user": user,
            "link": f"{base_url}/bevestigen/{token}",
            "hours": settings.accounts.confirm_link_hours,
        },
    )


def confirm_email(db: Session, settings: Settings, token: str) -> User:
    """Raises tokens.LinkExpired / tokens.LinkInvalid; confirming twice is harmless."""
    claims = tokens.read_link_token(
        settings.secret_key, tokens.CONFIRM_SALT, token, settings.accounts.confirm_link_hours * 3600
    )
    user = db.get(User, claims.user_id)
    if user is None or not tokens.matches(claims, user.email):
        raise tokens.LinkInvalid()
    if user.email_confirmed_at is None:
        user.email_confirmed_at = utcnow()
        record(db, actor=user, action="user.email_confirmed", target=user)
    return user


def authenticate(db: Session, settings: Settings, email: str, password: str, address: str) -> User:
    """The account for this address and password, or SignInFailed / TooManyAttempts."""
    email = normalize_email(email)
    throttle.serialise_attempts(db, email)
    wait = throttle.seconds_to_wait(db, settings.accounts, email, address)
    if wait > 0:
        security_event(
            RATE_LIMITED,
            warning=True,
            limit="sign_in_failures",
            account_hash=pseudonym(email),
            address_hash=pseudonym(address),
            retry_after=wait,
        )
        minutes = max(1, round(wait / 60))
        raise TooManyAttempts(
            _("Too many failed attempts. Try again in %(minutes)d minute(s).", minutes=minutes)
        )
    user = user_by_email(db, email)
    if user is None:
        passwords.burn_time()
    if user is None or not passwords.verify_password(user.password_hash, password):
        throttle.record_failure(db, email, address)
        raise SignInFailed()
    if user.password_hash and passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_password(password)
    if not second_factor.required(db, settings, user):
        # With a code still to come, the failures stay counted until the code is right:
        # else the password alone would buy a fresh set of guesses at the code.
        throttle.clear_failures(db, email)
    return user


def request_password_reset(
    db: Session, jinja: Environment, settings: Settings, email: str, base_url: str
) -> None:
    """Mails a reset link if there is such an account; the page says the same either way."""
    user = user_by_email(db, email.strip())
    if user is None:
        log.info("password_reset.unknown_address")
        return
    if _mailed_recently(db, user.email, "reset_password"):
        return
    token = tokens.make_link_token(
        settings.secret_key, tokens.RESET_SALT, user.id, user.password_hash
    )
    queue_mail(
        db,
        jinja,
        to=user.email,
        kind="reset_password",
        locale=user.locale,
        context={
            "user": user,
            "link": f"{base_url}/wachtwoord-herstellen/{token}",
            "minutes": settings.accounts.reset_link_minutes,
        },
    )


def user_for_reset(db: Session, settings: Settings, token: str) -> User:
    claims = tokens.read_link_token(
        settings.secret_key, tokens.RESET_SALT, token, settings.accounts.reset_link_minutes * 60
    )
    user = db.get(User, claims.user_id)
    if user is None or not tokens.matches(claims, user.password_hash):
        raise tokens.LinkInvalid()  # already used: the password changed since
    return user


def reset_password(db: Session, user: User, password: str) -> None:
    user.password_hash = passwords.hash_password(password)
    # Following the link proves the address, so it counts as confirmed.
    if user.email_confirmed_at is None:
        user.email_confirmed_at = utcnow()
    ended = end_all_sessions(db, user)
    throttle.clear_failures(db, user.email)
    record(db, actor=user, action="user.password_reset", target=user)
    security_event(PASSWORD_CHANGED, warning=True, account=user.id, how="reset", sessions=ended)


def update_profile(db: Session, user: User, *, display_name: str, notify_by_mail: bool) -> bool:
    before, after = changes(user, {"display_name": display_name, "notify_by_mail": notify_by_mail})
    if not after:
        return False
    user.display_name, user.notify_by_mail = display_name, notify_by_mail
    record(db, actor=user, action="user.profile_updated", target=user, before=before, after=after)
    return True


def end_sessions_of(db: Session, admin: Actor, user: User) -> int:
    """An admin signs a person out everywhere (a lost laptop, a stolen password, someone
    who left): every session ends at once, not at its time-out."""
    ended = end_all_sessions(db, user)
    record(db, actor=admin, action="user.sessions_ended", target=user, after={"sessions": ended})
    security_event(SESSIONS_ENDED, warning=True, account=user.id, by=admin.id, sessions=ended)
    return ended


def end_other_sessions(db: Session, actor: Actor) -> int:
    """A person signs out their other browsers, keeping the one they use now."""
    ended = end_all_sessions(db, actor.user, keep=actor.session_id)
    security_event(SESSIONS_ENDED, account=actor.id, by=actor.id, sessions=ended)
    return ended


def end_own_session(db: Session, actor: Actor, session_id: int) -> bool:
    """One of a person's own other sessions; False when it is not theirs (or gone)."""
    row = db.get(UserSession, session_id)
    if row is None or row.user_id != actor.id or row.id == actor.session_id:
        return False
    db.delete(row)
    security_event(SESSIONS_ENDED, account=actor.id, by=actor.id, sessions=1)
    return True
