"""Granting and revoking roles; every change is audited."""

from __future__ import annotations

import structlog
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.roles import Role, ScopeType
from app.audit.service import record, signature
from app.db import utcnow
from app.errors import Conflict
from app.i18n import gettext as _
from app.models import RoleAssignment, User
from app.security.events import ROLE_GRANTED, ROLE_REVOKED, security_event

log = structlog.get_logger("dialoog.access")


def active_assignment(
    db: Session, user: User, role: Role, scope_type: ScopeType, scope_id: int | None
) -> RoleAssignment | None:
    return db.scalar(
        select(RoleAssignment).where(
            RoleAssignment.user_id == user.id,
            RoleAssignment.role == role,
            RoleAssignment.scope_type == scope_type,
            RoleAssignment.scope_id.is_(None)
            if scope_id is None
            else RoleAssignment.scope_id == scope_id,
            RoleAssignment.revoked_at.is_(None),
        )
    )


def grant_role(
    db: Session,
    by: Actor | str,
    user: User,
    role: Role,
    scope_type: ScopeType = ScopeType.ORGANIZATION,
    scope_id: int | None = None,
) -> RoleAssignment:
    if user.email_confirmed_at is None:
        # Anyone can register any address; a role goes only to a proven owner.
        raise Conflict(_("This person has not confirmed their email address yet."))
    if active_assignment(db, user, role, scope_type, scope_id) is not None:
        raise Conflict(_("This person already has this role."))
    assignment = RoleAssignment(
        user_id=user.id,
        role=role,
        scope_type=scope_type,
        scope_id=scope_id,
        # A person is named with their id, so no display name can pose as a source
        # such as "oidc:<provider>" or "system".
        granted_by=signature(by),
    )
    db.add(assignment)
    db.flush()
    record(
        db,
        actor=by,
        action="role.granted",
        target=user,
        after={"role": role.value, "scope": scope_type.value, "scope_id": scope_id},
    )
    security_event(
        ROLE_GRANTED,
        warning=True,
        account=user.id,
        by=signature(by),
        role=role.value,
        scope=scope_type.value,
        scope_id=scope_id,
    )
    return assignment


def _active_admins(db: Session) -> int:
    return (
        db.scalar(
            select(func.count(RoleAssignment.id)).where(
                RoleAssignment.role == Role.ADMIN,
                RoleAssignment.scope_type == ScopeType.ORGANIZATION,
                RoleAssignment.revoked_at.is_(None),
            )
        )
        or 0
    )


def revoke_role(db: Session, by: Actor | str, assignment: RoleAssignment, user: User) -> None:
    if assignment.revoked_at is not None:
        raise Conflict(_("This role was already revoked."))
    if assignment.role == Role.ADMIN and _active_admins(db) <= 1:
        raise Conflict(_("This is the last administrator. Grant the role to someone else first."))
    assignment.revoked_at = utcnow()
    db.flush()
    record(
        db,
        actor=by,
        action="role.revoked",
        target=user,
        before={
            "role": assignment.role,
            "scope": assignment.scope_type,
            "scope_id": assignment.scope_id,
        },
    )
    security_event(
        ROLE_REVOKED, warning=True, account=user.id, by=signature(by), role=str(assignment.role)
    )


def sync_provider_roles(db: Session, user: User, provider: str, wanted: set[Role]) -> None:
    """Roles an identity provider asserts follow the provider: granted when the claim
    names them, revoked when it no longer does. Roles given by hand stay untouched."""
    source = f"oidc:{provider}"
    held = {
        Role(a.role): a
        for a in db.scalars(
            select(RoleAssignment).where(
                RoleAssignment.user_id == user.id,
                RoleAssignment.granted_by == source,
                RoleAssignment.revoked_at.is_(None),
            )
        )
    }
    for role in wanted - held.keys():
        if active_assignment(db, user, role, ScopeType.ORGANIZATION, None) is None:
            grant_role(db, source, user, role)
    for role in held.keys() - wanted:
        if role == Role.ADMIN and _active_admins(db) <= 1:
            log.warning("oidc.last_admin_kept", provider=provider, user_id=user.id)
            continue
        held[role].revoked_at = utcnow()
        record(db, actor=source, action="role.revoked", target=user, before={"role": role.value})
        security_event(ROLE_REVOKED, warning=True, account=user.id, by=source, role=role.value)
    db.flush()
