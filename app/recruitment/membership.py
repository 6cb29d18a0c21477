"""Who belongs to a group: its chef and its accepted experts, both role assignments scoped
to the group (an accepted application grants the expert role there). Used by the
recruitment, meeting and (later) proposal pages alike."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.roles import Role, ScopeType
from app.models import RoleAssignment, User

MEMBER_ROLES = (Role.CHEF, Role.EXPERT)


def is_chef(actor: Actor | None, group_id: int | None) -> bool:
    return (
        actor is not None
        and group_id is not None
        and any(
            role == Role.CHEF and scope_type == ScopeType.GROUP and scope_id == group_id
            for role, scope_type, scope_id in actor.roles
        )
    )


def is_member(actor: Actor | None, group_id: int | None) -> bool:
    """The chef or an accepted expert of this very group (organization-wide roles do not
    make anyone a member of a group)."""
    return (
        actor is not None
        and group_id is not None
        and any(
            role in MEMBER_ROLES and scope_type == ScopeType.GROUP and scope_id == group_id
            for role, scope_type, scope_id in actor.roles
        )
    )


def member_of_any(actor: Actor | None, group_ids: Iterable[int]) -> bool:
    wanted = set(group_ids)
    return actor is not None and any(
        role in MEMBER_ROLES and scope_type == ScopeType.GROUP and scope_id in wanted
        for role, scope_type, scope_id in actor.roles
    )


def members(
    db: Session, group_ids: Sequence[int], *, roles: Sequence[Role] = MEMBER_ROLES
) -> list[User]:
    """Everyone holding one of ``roles`` in any of these groups, once each, by name."""
    if not group_ids:
        return []
    return list(
        db.scalars(
            select(User)
            .join(RoleAssignment, RoleAssignment.user_id == User.id)
            .where(
                RoleAssignment.scope_type == ScopeType.GROUP,
                RoleAssignment.scope_id.in_(group_ids),
                RoleAssignment.role.in_([r.value for r in roles]),
                RoleAssignment.revoked_at.is_(None),
            )
            .distinct()
            .order_by(User.display_name, User.id)
        )
    )
