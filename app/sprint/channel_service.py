"""The steering group and the teams talk: one channel per team, where the steering group
encourages and advises and the team answers; a message to all teams reaches every
channel and the participants' home page. Each message tells the open screens of those
who may read it (app.sprint.live_routes narrows a team's events to that team)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.permissions import require
from app.audit.service import record, signature
from app.errors import Conflict
from app.i18n import gettext as _
from app.models import Group, SprintMessage
from app.sprint import live
from app.sprint.kinds import EventKind
from app.sprint.loading import SprintPlace
from app.sprint.permissions import is_steering

BODY_LIMIT = 2000


def check_body(body: str) -> str:
    """The message as it is kept: trimmed, 1 to 2000 characters."""
    body = body.replace("\r\n", "\n").strip()
    if not body:
        raise Conflict(_("Write a message first."))
    if len(body) > BODY_LIMIT:
        raise Conflict(_("A message has at most %(n)d characters.", n=BODY_LIMIT))
    return body


def post_message(
    db: Session, actor: Actor, place: SprintPlace, team: Group | None, body: str
) -> SprintMessage:
    """Post in ``team``'s channel (its members and the steering group), or, with no team,
    to all teams (the steering group only)."""
    if team is None:
        require(actor, "sprint.steer", place)
    else:
        require(actor, "sprint.message", team)
    message = SprintMessage(
        process_id=place.process.id,
        group_id=team.id if team is not None else None,
        author_id=actor.id,
        author_label=signature(actor)[:200],
        from_steering=is_steering(actor),
        body=check_body(body),
    )
    db.add(message)
    db.flush()
    record(
        db,
        actor=actor,
        action="sprint.message_posted",
        target=message,
        after={"group_id": message.group_id, "length": len(message.body)},
    )
    live.publish(db, place.process, EventKind.MESSAGE, group_id=message.group_id)
    return message
