"""Permission predicates of meetings.

A meeting belongs to a group, or to the whole process (``group_id`` empty, the kick-off).
The predicates on a meeting read ``group_id``, ``member_group_ids`` (the groups whose
members take part: the one group, or every group of the process) and ``minutes_public``
from the object they get: a :class:`app.meetings.queries.MeetingAccess` or its subclass.
"""

from __future__ import annotations

from typing import Any

from app.access.actor import Actor
from app.access.permissions import predicate
from app.models import Group, Process
from app.recruitment.membership import is_chef, member_of_any


@predicate("meeting.plan")
def may_plan_meeting(actor: Actor | None, where: Any) -> bool:
    """A group's meetings are planned by its chef (the admin may stand in); a meeting of
    the whole process only by the admin."""
    if actor is None:
        return False
    if isinstance(where, Group):
        return actor.is_admin or is_chef(actor, where.id)
    return isinstance(where, Process) and actor.is_admin


@predicate("meeting.manage")
def may_manage_meeting(actor: Actor | None, meeting: Any) -> bool:
    """Change, cancel, see who registered, take attendance, write the minutes."""
    if actor is None or meeting is None:
        return False
    group_id = getattr(meeting, "group_id", None)
    return actor.is_admin or (group_id is not None and is_chef(actor, group_id))


@predicate("meeting.register")
def may_register(actor: Actor | None, meeting: Any) -> bool:
    """Members of the group come; to a meeting of the whole process, members of any of
    its groups. Whether registration is still open is the service's question (a closed
    meeting gets a message, not a 403)."""
    return (
        actor is not None
        and actor.is_confirmed
        and member_of_any(actor, getattr(meeting, "member_group_ids", ()))
    )


@predicate("meeting.view_minutes")
def may_view_minutes(actor: Actor | None, meeting: Any) -> bool:
    """Minutes are shared with the members (and the chef and admin); the public reads
    them only once they are published."""
    if meeting is None:
        return False
    if getattr(meeting, "minutes_public", False):
        return True
    return may_manage_meeting(actor, meeting) or member_of_any(
        actor, getattr(meeting, "member_group_ids", ())
    )
