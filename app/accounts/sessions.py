"""Sign-in sessions: a random token in a signed, HttpOnly cookie; its hash in the database.

Signing in always makes a new session (a new id: no fixation); signing out deletes the row,
so a copied cookie is worthless afterwards. A session also ends by itself (ASVS V7.3):
after a while without use and after a fixed time, shorter for staff roles than for
citizens (see AccountSettings); the row is deleted and the person is asked to sign in again.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from itsdangerous import BadSignature, Signer
from sqlalchemy import delete, select
from sqlalchemy.orm import Session, joinedload

from app.access.actor import Actor
from app.access.roles import STAFF_ROLES, Role, ScopeType
from app.config import AccountSettings, Settings
from app.db import KEEP_ON_ROLLBACK, utcnow
from app.models import User, UserSession
from app.notifications.queries import unread_count_of_session_user
from app.security.events import SESSION_TIMED_OUT, SIGN_IN, security_event

COOKIE_NAME = "dialoog_session"


def cookie_name(settings: Settings) -> str:
    """``__Host-`` prefixed with Secure cookies (production): no sibling domain can set
    or overwrite it."""
    return f"__Host-{COOKIE_NAME}" if settings.secure_cookies else COOKIE_NAME


# The idle time is counted from the last recorded use, which may be up to this much older
# than the real last use: a session may end this much earlier than its idle limit.
TOUCH_AFTER = timedelta(minutes=5)
# Sent by requests the page makes on its own (templates/notifications/_bell.html).
POLL_HEADER = "X-Dialoog-Poll"


def _signer(settings: Settings) -> Signer:
    return Signer(settings.secret_key, salt="dialoog.session")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def start_session(
    db: Session, request: Request, settings: Settings, user: User, method: str
) -> str:
    """Create a session for ``user`` and return the cookie value to set."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    db.add(
        UserSession(
            token_hash=_hash(token),
            user_id=user.id,
            created_at=now,
            last_seen_at=now,
            # Refined on the first use, when the person's roles are known (load_actor).
            expires_at=now + timedelta(days=settings.accounts.idle_days),
            ip_address=client_address(request)[:45],
            user_agent=(request.headers.get("user-agent") or "")[:300],
            method=method,
        )
    )
    user.last_sign_in_at = now
    db.flush()
    return _signer(settings).sign(token).decode()


def set_session_cookie(response: Response, value: str, settings: Settings) -> None:
    response.set_cookie(
        cookie_name(settings),
        value,
        max_age=settings.accounts.absolute_days * 24 * 3600,
        httponly=True,
        samesite="lax",
        secure=settings.secure_cookies,
        path="/",
    )


def signed_in_response(
    request: Request, db: Session, user: User, method: str, target: str
) -> Response:
    """A redirect to ``target`` that carries a brand-new session for ``user``; the
    browser's previous session, if any, is ended (no session is ever reused)."""
    settings: Settings = request.app.state.settings
    previous = getattr(request.state, "actor", None)
    if previous is not None:
        end_session(db, previous)
    response = RedirectResponse(target, status_code=303)
    set_session_cookie(response, start_session(db, request, settings, user, method), settings)
    security_event(SIGN_IN, account=user.id, method=method)
    return response


def clear_session_cookie(response: Response, settings: Settings) -> None:
    response.delete_cookie(
        cookie_name(settings),
        path="/",
        httponly=True,
        samesite="lax",
        secure=settings.secure_cookies,
    )


def _token_from(request: Request, settings: Settings) -> str | None:
    raw = request.cookies.get(cookie_name(settings))
    if not raw:
        return None
    try:
        return _signer(settings).unsign(raw).decode()
    except BadSignature:
        return None


def time_limits(
    settings: AccountSettings, roles: frozenset[tuple[Role, ScopeType, int | None]]
) -> tuple[timedelta, timedelta]:
    """(idle, absolute) for a session with these roles."""
    if any(role in STAFF_ROLES for role, _scope, _id in roles):
        return (
            timedelta(minutes=settings.staff_idle_minutes),
            timedelta(hours=settings.staff_absolute_hours),
        )
    return timedelta(days=settings.idle_days), timedelta(days=settings.absolute_days)


def _timed_out(row: UserSession, idle: timedelta, absolute: timedelta, now: datetime) -> str | None:
    if now - row.created_at >= absolute:
        return "absolute"
    if now - row.last_seen_at >= idle or now >= row.expires_at:
        return "idle"
    return None


def load_actor(db: Session, request: Request, settings: Settings) -> Actor | None:
    """The signed-in person of this request with their active roles and the bell's
    unread count, in one statement: it runs before every signed-in page, so each round
    trip here is paid on all of them (issue #13's signed-in group page)."""
    token = _token_from(request, settings)
    if token is None:
        return None
    now = utcnow()
    found = (
        db.execute(
            select(UserSession, unread_count_of_session_user())
            .where(UserSession.token_hash == _hash(token))
            # A person has a handful of roles: joining them repeats the row a few times,
            # which is cheaper than another round trip.
            .options(joinedload(UserSession.user).joinedload(User.roles))
        )
        .unique()
        .first()
    )
    if found is None:
        return None
    session_row, unread = found
    user = session_row.user
    # Roles an identity provider asserts hold only in a session signed in through that
    # provider: someone who left the organization keeps no staff role by password.
    roles = frozenset(
        (Role(a.role), ScopeType(a.scope_type), a.scope_id)
        for a in user.roles
        if not a.granted_by.startswith("oidc:") or a.granted_by == session_row.method
    )
    idle, absolute = time_limits(settings.accounts, roles)
    if session_row.method == "password" and settings.accounts.second_factor_for_staff:
        # Staff roles hold in a password session only after the second factor
        # (app.accounts.second_factor, method "password+totp"). A role granted during a
        # session, or the setting turned on, takes effect at the next sign-in; the time
        # limits stay a staff member's meanwhile.
        roles = frozenset(held for held in roles if held[0] not in STAFF_ROLES)
    reason = _timed_out(session_row, idle, absolute, now)
    if reason is not None:
        ended = delete(UserSession).where(UserSession.id == session_row.id)
        db.execute(ended)
        # The page that follows may well fail (sign in required); its rollback must not
        # bring the session back.
        db.info.setdefault(KEEP_ON_ROLLBACK, []).append(lambda s: s.execute(ended))
        security_event(SESSION_TIMED_OUT, account=user.id, reason=reason, method=session_row.method)
        request.state.session_timed_out = True
        return None
    # The bell's poll is no use of the site: it must not keep an open tab signed in forever.
    polled = request.headers.get(POLL_HEADER) == "1"
    if now - session_row.last_seen_at > TOUCH_AFTER and not polled:
        session_row.last_seen_at = now
        session_row.expires_at = min(now + idle, session_row.created_at + absolute)
    return Actor.of(user, roles, session_row.id, unread_notifications=unread or 0)


def end_session(db: Session, actor: Actor) -> None:
    if actor.session_id is not None:
        db.execute(delete(UserSession).where(UserSession.id == actor.session_id))


def end_all_sessions(db: Session, user: User, *, keep: int | None = None) -> int:
    """Every browser signed in as this person is signed out (after a password reset, or
    by an admin), except the session ``keep``; returns how many ended."""
    statement = delete(UserSession).where(UserSession.user_id == user.id)
    if keep is not None:
        statement = statement.where(UserSession.id != keep)
    return int(getattr(db.execute(statement), "rowcount", 0) or 0)
