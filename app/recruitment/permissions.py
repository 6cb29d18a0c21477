from __future__ import annotations

from typing import Any

from app.access.actor import Actor
from app.access.permissions import predicate
from app.access.roles import Role, ScopeType
from app.recruitment.membership import MEMBER_ROLES, is_chef, is_member


@predicate("chef_call.apply")
def may_answer_chef_call(actor: Actor | None, process: Any) -> bool:
    """The open call for chefs is among the organization's own staff (the official role)."""
    return actor is not None and actor.is_confirmed and actor.has_role(Role.OFFICIAL)


@predicate("chef_call.decide")
def may_decide_chef_call(actor: Actor | None, process: Any) -> bool:
    return actor is not None and actor.is_admin


@predicate("group.apply")
def may_apply_to_group(actor: Actor | None, group: Any) -> bool:
    """Anyone with a confirmed account who is not in the group already."""
    return (
        actor is not None
        and actor.is_confirmed
        and not is_member(actor, getattr(group, "id", None))
    )


@predicate("group.moderate")
def may_moderate_group(actor: Actor | None, group: Any) -> bool:
    """The group's chef runs it: decides on applications, sees its coverage, plans its
    meetings. The admin may stand in."""
    return actor is not None and (actor.is_admin or is_chef(actor, getattr(group, "id", None)))


@predicate("group.view")
def may_view_group(actor: Actor | None, group: Any) -> bool:
    """The group's own page (roster, meetings, minutes): its members, and the admin."""
    return actor is not None and (actor.is_admin or is_member(actor, getattr(group, "id", None)))


@predicate("groups.mine")
def has_groups(actor: Actor | None, obj: Any) -> bool:
    """A person who runs or works in a group gets a way to it from every page."""
    return actor is not None and any(
        role in MEMBER_ROLES and scope_type == ScopeType.GROUP
        for role, scope_type, _scope_id in actor.roles
    )
