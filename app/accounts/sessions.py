"""Sign-in sessions: a random token in a signed, HttpOnly cookie; its hash in the database.

Signing in always makes a new session (a new id: no fixation); signing out deletes the row,
so a copied cookie is worthless afterwards. A session also ends by itself (ASVS V7.3):
after a while without use and after a fixed time, shorter for staff roles than for
citizens (see AccountSettings); the row is deleted and the person is asked to sign in again.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import cache, partial
from typing import Any, Protocol

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from itsdangerous import BadSignature, Signer
from sqlalchemy import (
    Integer,
    Row,
    Select,
    and_,
    bindparam,
    delete,
    func,
    select,
    update,
)
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.roles import STAFF_ROLES, Role, ScopeType
from app.config import AccountSettings, Settings
from app.db import KEEP_ON_ROLLBACK, ORGANIZATION_KEY, ScopeViolation, utcnow
from app.models import Notification, Organization, RoleAssignment, User, UserSession
from app.organizations.queries import (
    OrganizationView,
    by_host_statement,
    host_of,
    organization_for_host,
    view_of,
)
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


class _SessionTimes(Protocol):
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime


def _timed_out(
    row: _SessionTimes, idle: timedelta, absolute: timedelta, now: datetime
) -> str | None:
    if now - row.created_at >= absolute:
        return "absolute"
    if now - row.last_seen_at >= idle or now >= row.expires_at:
        return "idle"
    return None


def _with_actor(statement: Select[Any]) -> Select[Any]:
    """``statement`` (which selects from the organizations) with the session of the token
    given, its account, active roles and the bell's unread count joined, in one Core
    statement: one row per role, or one row of nulls past the organization's columns when
    no session of this organization has that token.

    Core on the session's connection, not the ORM: every signed-in page runs it, and
    building ORM rows for a session, an account and its roles cost 1.5 ms of CPU a page,
    more than the rest of the statement (issue #13). Core passes by the organization
    scoping of the ORM (app.db), so each table is joined on the organization here.
    A person has a handful of roles: joining them repeats the row a few times, which is
    cheaper than another round trip."""
    organization = Organization.id
    unread = (
        select(func.count(Notification.id))
        .where(
            Notification.organization_id == organization,
            Notification.user_id == User.id,
            Notification.read_at.is_(None),
        )
        .correlate(User, Organization)
        .scalar_subquery()
    )
    return (
        statement.add_columns(
            UserSession.id.label("session_id"),
            UserSession.method,
            UserSession.created_at,
            UserSession.last_seen_at,
            UserSession.expires_at,
            User.id.label("user_id"),
            User.display_name,
            User.email,
            User.email_confirmed_at,
            RoleAssignment.role,
            RoleAssignment.scope_type,
            RoleAssignment.scope_id,
            RoleAssignment.granted_by,
            unread.label("unread"),
        )
        .outerjoin(
            UserSession,
            and_(
                UserSession.organization_id == organization,
                UserSession.token_hash == bindparam("token_hash"),
            ),
        )
        .outerjoin(User, and_(User.id == UserSession.user_id, User.organization_id == organization))
        .outerjoin(
            RoleAssignment,
            and_(
                RoleAssignment.user_id == User.id,
                RoleAssignment.organization_id == organization,
                RoleAssignment.revoked_at.is_(None),
            ),
        )
    )


@cache
def _actor_statement() -> Select[Any]:
    """The session's person within an organization known by id."""
    return _with_actor(select().select_from(Organization)).where(
        Organization.id == bindparam("organization_id", type_=Integer)
    )


@cache
def _organization_and_actor_statement() -> Select[Any]:
    """The organization that claims the host, and the session's person in it: what every
    signed-in page asks first, in one round trip where it took two."""
    return _with_actor(by_host_statement())


def organization_and_actor(
    db: Session, request: Request, settings: Settings
) -> tuple[OrganizationView | None, Actor | None]:
    """The request's organization (app.organizations.queries.organization_for_host) and
    its signed-in person: ``(None, None)`` for a host no organization claims. Scopes
    ``db`` to the organization, as the person's own rows belong to it."""
    raw_host = request.headers.get("host", "")
    token = _token_from(request, settings)
    if token is not None:
        rows = (
            db.connection()
            .execute(
                _organization_and_actor_statement(),
                {"host": host_of(raw_host), "token_hash": _hash(token)},
            )
            .all()
        )
        if rows:
            organization = view_of(rows[0])
            db.info[ORGANIZATION_KEY] = organization.id
            return organization, _actor_of(db, request, settings, rows)
    # Nobody signed in, or a development host (localhost) without a claim of its own,
    # which is the default organization: the organization first, then the person in it.
    found = organization_for_host(db, raw_host, settings)
    if found is None:
        return None, None
    db.info[ORGANIZATION_KEY] = found.id
    return found, load_actor(db, request, settings)


def load_actor(db: Session, request: Request, settings: Settings) -> Actor | None:
    """The signed-in person of this request within the session's organization."""
    token = _token_from(request, settings)
    if token is None:
        return None
    organization_id = db.info.get(ORGANIZATION_KEY)
    if organization_id is None:
        raise ScopeViolation("the signed-in person is looked up within an organization")
    rows = (
        db.connection()
        .execute(
            _actor_statement(), {"organization_id": organization_id, "token_hash": _hash(token)}
        )
        .all()
    )
    return _actor_of(db, request, settings, rows)


def _actor_of(
    db: Session, request: Request, settings: Settings, rows: Sequence[Row[Any]]
) -> Actor | None:
    """The person of the joined rows (_with_actor): None without a session, or when it
    timed out (then it ends here); touches a session in use."""
    if not rows or rows[0].user_id is None:
        return None
    first = rows[0]
    now = utcnow()
    # Roles an identity provider asserts hold only in a session signed in through that
    # provider: someone who left the organization keeps no staff role by password.
    roles = frozenset(
        (Role(row.role), ScopeType(row.scope_type), row.scope_id)
        for row in rows
        if row.role is not None
        and (not row.granted_by.startswith("oidc:") or row.granted_by == first.method)
    )
    idle, absolute = time_limits(settings.accounts, roles)
    if first.method == "password" and settings.accounts.second_factor_for_staff:
        # Staff roles hold in a password session only after the second factor
        # (app.accounts.second_factor, method "password+totp"). A role granted during a
        # session, or the setting turned on, takes effect at the next sign-in; the time
        # limits stay a staff member's meanwhile.
        roles = frozenset(held for held in roles if held[0] not in STAFF_ROLES)
    reason = _timed_out(first, idle, absolute, now)
    if reason is not None:
        ended = delete(UserSession).where(UserSession.id == first.session_id)
        db.execute(ended)
        # The page that follows may well fail (sign in required); its rollback must not
        # bring the session back.
        db.info.setdefault(KEEP_ON_ROLLBACK, []).append(lambda s: s.execute(ended))
        security_event(SESSION_TIMED_OUT, account=first.user_id, reason=reason, method=first.method)
        request.state.session_timed_out = True
        return None
    # The bell's poll is no use of the site: it must not keep an open tab signed in forever.
    polled = request.headers.get(POLL_HEADER) == "1"
    if now - first.last_seen_at > TOUCH_AFTER and not polled:
        db.execute(
            update(UserSession)
            .where(UserSession.id == first.session_id)
            .values(
                last_seen_at=now,
                expires_at=min(now + idle, first.created_at + absolute),
            )
        )
    return Actor(
        roles=roles,
        session_id=first.session_id,
        id=first.user_id,
        display_name=first.display_name,
        email=first.email,
        is_confirmed=first.email_confirmed_at is not None,
        unread_notifications=first.unread or 0,
        account=partial(db.get_one, User, first.user_id),
    )


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
