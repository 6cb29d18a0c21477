"""A second factor (TOTP, RFC 6238) for local accounts that hold a staff role (ASVS V6.3).

A password sign-in of such an account does not create a session at once. It leaves a
half-way state in Starlette's signed session cookie: which account, since when, bound to
this browser's CSRF cookie and to the account as it was (its password and its second
factor). The state reaches only the code pages; everything else still says "sign in".
It ends after five minutes, and as soon as any code of the account is accepted, the
password changes or an admin resets the factor: the account no longer matches it.

The shared secret is stored encrypted with a key derived from the app's secret key, so a
copy of the database alone does not give the second factor. A code is accepted once: the
time step it belongs to is kept, and a code of that step or an earlier one is refused.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import pyotp
import segno
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from fastapi import Request
from markupsafe import Markup, escape
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.roles import STAFF_ROLES
from app.accounts import throttle
from app.accounts.sessions import end_all_sessions
from app.audit.service import record
from app.config import Settings
from app.db import utcnow
from app.errors import TooManyAttempts
from app.i18n import gettext as _
from app.models import RoleAssignment, User
from app.security.events import (
    RATE_LIMITED,
    SECOND_FACTOR_ENROLLED,
    SECOND_FACTOR_FAILED,
    SECOND_FACTOR_RESET,
    pseudonym,
    security_event,
)

# The session method of a password sign-in that passed the second factor; staff roles
# hold in a password session only with it (app.accounts.sessions.organization_and_actor).
METHOD = "password+totp"
PENDING_KEY = "dialoog_second_factor"
RENEWAL_KEY = "dialoog_second_factor_renewal"
PENDING_SECONDS = 5 * 60
RENEWAL_SECONDS = 10 * 60
DIGITS = 6


class CodeRefused(Exception):
    """A wrong, replayed or malformed code; ``message`` says which, for the page."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class RenewalRefused(CodeRefused):
    """On the re-enrol page: ``field`` is the code that was refused."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class StateGone(Exception):
    """The half-way state no longer fits the account: another code was accepted first."""


class Match(StrEnum):
    """Why a code was not accepted."""

    WRONG = "wrong"
    USED = "used"


# --- the secret ------------------------------------------------------------------------


def _fernet(secret_key: str) -> Fernet:
    key = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"dialoog.second_factor"
    ).derive(secret_key.encode())
    return Fernet(base64.urlsafe_b64encode(key))


def encrypt(secret_key: str, secret: str) -> str:
    return _fernet(secret_key).encrypt(secret.encode()).decode()


def decrypt(secret_key: str, stored: str) -> str | None:
    """None when it cannot be read (another secret key): the person enrols again."""
    try:
        return _fernet(secret_key).decrypt(stored.encode()).decode()
    except InvalidToken:
        return None


def new_secret() -> str:
    return pyotp.random_base32()  # 32 base32 characters: 160 bits, as RFC 4226 advises


def grouped(secret: str) -> str:
    """In groups of four, for typing it over into an app."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code(secret: str, account: str, issuer: str, label: str) -> Markup:
    """The otpauth:// address as an <svg> element in the page itself: no image to fetch,
    no data: URL, nothing for the CSP to allow, and never kept anywhere as a file."""
    uri = pyotp.TOTP(secret).provisioning_uri(name=account, issuer_name=issuer)
    svg = segno.make(uri, error="m").svg_inline(
        scale=5, border=4, dark="#000", light="#fff", svgclass="second-factor-qr"
    )
    labelled = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)
    return Markup(labelled)  # noqa: S704 - segno's own markup; the one text in it is escaped


def match(secret: str, code: str, last_step: int | None, now: float | None = None) -> int | Match:
    """The time step ``code`` belongs to, or why not. 30-second steps, 6 digits, one step
    either side for a clock that is a little off (pyotp's valid_window=1); a step at or
    before the last one accepted is a replay (ASVS V6.5)."""
    totp = pyotp.TOTP(secret, digits=DIGITS, interval=30)
    current = totp.timecode(datetime.fromtimestamp(now if now is not None else time.time(), UTC))
    used = False
    for step in (current - 1, current, current + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            if last_step is not None and step <= last_step:
                used = True
                continue
            return step
    return Match.USED if used else Match.WRONG


def clean_code(raw: object) -> str | None:
    """Six digits, forgiving spaces (apps show "123 456"); None when it is not that."""
    code = "".join(raw.split()) if isinstance(raw, str) else ""
    return code if len(code) == DIGITS and code.isascii() and code.isdigit() else None


# --- who needs it ----------------------------------------------------------------------


def required(db: Session, settings: Settings, user: User) -> bool:
    """A password sign-in of this account asks for a code: it holds a staff role that
    holds in a password session (roles an identity provider asserts do not)."""
    if not settings.accounts.second_factor_for_staff or user.password_hash is None:
        return False
    held = db.scalar(
        select(RoleAssignment.id)
        .where(
            RoleAssignment.user_id == user.id,
            RoleAssignment.revoked_at.is_(None),
            RoleAssignment.role.in_([role.value for role in STAFF_ROLES]),
            RoleAssignment.granted_by.not_like("oidc:%"),
        )
        .limit(1)
    )
    return held is not None


def roles_waiting(db: Session, settings: Settings, actor: Actor) -> bool:
    """The person holds a staff role that this session does not give them yet: it was
    signed in without the second factor (the role came later, or the setting)."""
    has_staff = any(role in STAFF_ROLES for role, _scope, _id in actor.roles)
    return not has_staff and required(db, settings, actor.user)


# --- the half-way state ----------------------------------------------------------------


@dataclass(frozen=True)
class Pending:
    user: User
    next_path: str
    # The secret being enrolled, or None when the account has a confirmed one.
    new_secret: str | None
    account_mark: str

    @property
    def enrolling(self) -> bool:
        return self.new_secret is not None


def _mac(settings: Settings, *parts: object) -> str:
    message = "|".join(str(part) for part in parts).encode()
    return hmac.new(settings.secret_key.encode(), message, hashlib.sha256).hexdigest()[:32]


def _account_mark(settings: Settings, user: User) -> str:
    """Changes when the password changes, a code is accepted, or the factor is reset or
    enrolled: a half-way state made before then no longer fits."""
    return _mac(
        settings, "account", user.id, user.password_hash, user.totp_confirmed_at is not None,
        user.totp_last_step,
    )  # fmt: skip


def _browser_mark(settings: Settings, request: Request) -> str:
    return _mac(settings, "browser", request.state.csrf_raw)


def _has_factor(settings: Settings, user: User) -> bool:
    """A confirmed secret that this app can read; one stored under another secret key
    counts as none, so the person enrols again rather than being locked out."""
    return (
        user.totp_confirmed_at is not None
        and decrypt(settings.secret_key, user.totp_secret or "") is not None
    )


def begin(request: Request, settings: Settings, user: User, next_path: str) -> str:
    """Remember the half-way state; returns the page that asks for the code."""
    state: dict[str, Any] = {
        "user": user.id,
        "organization": user.organization_id,
        "at": int(time.time()),
        "next": next_path,
        "account": _account_mark(settings, user),
        "browser": _browser_mark(settings, request),
    }
    if not _has_factor(settings, user):
        state["secret"] = encrypt(settings.secret_key, new_secret())
    request.session[PENDING_KEY] = state
    return "/aanmelden/tweede-stap" if "secret" in state else "/aanmelden/code"


def pending(request: Request, db: Session, settings: Settings) -> Pending | None:
    """The half-way state of this browser, if it is still good."""
    state = request.session.get(PENDING_KEY)
    if not isinstance(state, dict):
        return None
    fresh = 0 <= time.time() - int(state.get("at", 0)) <= PENDING_SECONDS
    here = state.get("organization") == request.state.organization.id
    if not (fresh and here) or state.get("browser") != _browser_mark(settings, request):
        forget(request)
        return None
    user = db.scalar(select(User).where(User.id == int(state.get("user", 0))))
    if user is None or state.get("account") != _account_mark(settings, user):
        forget(request)
        return None
    secret = decrypt(settings.secret_key, state["secret"]) if "secret" in state else None
    if "secret" in state and (secret is None or _has_factor(settings, user)):
        forget(request)
        return None
    return Pending(
        user=user,
        next_path=str(state.get("next", "/")),
        new_secret=secret,
        account_mark=str(state["account"]),
    )


def forget(request: Request) -> None:
    request.session.pop(PENDING_KEY, None)


# --- use cases ---------------------------------------------------------------------------


def _refuse_while_throttled(db: Session, settings: Settings, user: User, address: str) -> None:
    throttle.serialise_attempts(db, user.email)
    wait = throttle.seconds_to_wait(db, settings.accounts, user.email, address)
    if wait > 0:
        security_event(
            RATE_LIMITED,
            warning=True,
            limit="sign_in_failures",
            account=user.id,
            address_hash=pseudonym(address),
            retry_after=wait,
        )
        minutes = max(1, round(wait / 60))
        raise TooManyAttempts(
            _("Too many failed attempts. Try again in %(minutes)d minute(s).", minutes=minutes)
        )


def _check(
    db: Session, user: User, secret: str, code: str | None, last_step: int | None, address: str
) -> int:
    """The accepted step, or CodeRefused after counting a failed sign-in."""
    result = match(secret, code, last_step) if code is not None else Match.WRONG
    if isinstance(result, int):
        return result
    throttle.record_failure(db, user.email, address)
    security_event(SECOND_FACTOR_FAILED, warning=True, account=user.id)
    if code is None:
        raise CodeRefused(_("Fill in the 6 digits that your app shows now."))
    if result is Match.USED:
        raise CodeRefused(_("This code was used already. Wait for the next code in your app."))
    raise CodeRefused(_("This code is not right. Check the time on your phone and try again."))


def pass_second_factor(
    db: Session, settings: Settings, pending_state: Pending, code: str | None, address: str
) -> User:
    """A code for the half-way state: enrols the new secret, or checks the stored one.
    Raises CodeRefused or TooManyAttempts; on success the throttle forgets the account's
    failures (the password's too, which were kept until now). StateGone when another
    request used the state first."""
    user = pending_state.user
    _refuse_while_throttled(db, settings, user, address)
    # Now that attempts on this account wait for each other (PostgreSQL), read the row
    # again: a code sent twice at once, from two tabs, must make one session, not two.
    db.refresh(user)
    if _account_mark(settings, user) != pending_state.account_mark:
        raise StateGone()
    if pending_state.new_secret is not None:
        step = _check(db, user, pending_state.new_secret, code, None, address)
        _store(db, settings, user, pending_state.new_secret, step, action="enrolled")
    else:
        secret = decrypt(settings.secret_key, user.totp_secret or "")
        assert secret is not None  # noqa: S101 - pending() sends unreadable ones to enrol
        user.totp_last_step = _check(db, user, secret, code, user.totp_last_step, address)
    throttle.clear_failures(db, user.email)
    return user


def _store(
    db: Session, settings: Settings, user: User, secret: str, step: int, *, action: str
) -> None:
    user.totp_secret = encrypt(settings.secret_key, secret)
    user.totp_confirmed_at = utcnow()
    user.totp_last_step = step
    record(db, actor=user, action=f"user.second_factor_{action}", target=user)
    security_event(SECOND_FACTOR_ENROLLED, warning=True, account=user.id, how=action)


def renewal_secret(request: Request, settings: Settings) -> str:
    """The new secret offered on the profile's re-enrol page; the same one while the page
    is reloaded or corrected, a fresh one after ten minutes."""
    state = request.session.get(RENEWAL_KEY)
    if isinstance(state, dict) and 0 <= time.time() - int(state.get("at", 0)) <= RENEWAL_SECONDS:
        secret = decrypt(settings.secret_key, str(state.get("secret", "")))
        if secret is not None:
            return secret
    secret = new_secret()
    request.session[RENEWAL_KEY] = {
        "at": int(time.time()),
        "secret": encrypt(settings.secret_key, secret),
    }
    return secret


def renew(
    db: Session,
    settings: Settings,
    user: User,
    current_code: str | None,
    new_secret_value: str,
    new_code: str | None,
    address: str,
) -> None:
    """A new app (a new phone) replaces the old one: proven with a code from each.
    Raises CodeRefused (``field`` tells which) or TooManyAttempts."""
    _refuse_while_throttled(db, settings, user, address)
    secret = decrypt(settings.secret_key, user.totp_secret or "")
    if secret is None:
        raise CodeRefused(_("Your second step cannot be read. Ask the administrator to reset it."))
    try:
        _check(db, user, secret, current_code, user.totp_last_step, address)
    except CodeRefused as exc:
        raise RenewalRefused("current_code", exc.message) from None
    try:
        step = _check(db, user, new_secret_value, new_code, None, address)
    except CodeRefused as exc:
        # The current code was not used up: the person corrects the new one and sends both.
        raise RenewalRefused("new_code", exc.message) from None
    _store(db, settings, user, new_secret_value, step, action="renewed")
    throttle.clear_failures(db, user.email)


def reset(db: Session, admin: Actor, user: User, reason: str) -> int:
    """The admin clears a person's second factor (a lost phone): they enrol again at their
    next sign-in. Their sessions end too: the phone may be lost with a signed-in laptop.
    Returns how many sessions ended."""
    user.totp_secret = None
    user.totp_confirmed_at = None
    user.totp_last_step = None
    ended = end_all_sessions(db, user)
    record(
        db,
        actor=admin,
        action="user.second_factor_reset",
        target=user,
        after={"sessions_ended": ended},
        reason=reason,
    )
    security_event(SECOND_FACTOR_RESET, warning=True, account=user.id, by=admin.id, sessions=ended)
    return ended
