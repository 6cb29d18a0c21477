"""Setting the sprint's clock: when the teams may start building their packages and when
the packages lock. Only the admin sets it; moving it tells every open screen at once, so a
countdown never runs on a stale end."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.permissions import require
from app.audit.service import record
from app.errors import Conflict, NotFound
from app.i18n import gettext as _
from app.models import Process, Sprint
from app.phases.kinds import ProcessKind
from app.sprint import live
from app.sprint.kinds import EventKind


def clock_path(process: Process) -> str:
    return f"/beheer/processen/{process.slug}/sprint"


def clock_of(db: Session, process: Process) -> Sprint | None:
    return db.scalar(select(Sprint).where(Sprint.process_id == process.id))


def set_clock(
    db: Session, actor: Actor, process: Process, *, starts_at: datetime, ends_at: datetime
) -> Sprint:
    """Create the sprint's clock, or move it (both moments in UTC). A dialogue has no
    clock; a sprint that ends before it starts is a typing mistake."""
    require(actor, "sprint.set_clock", process)
    if process.kind != ProcessKind.SPRINT:
        raise NotFound()
    if ends_at <= starts_at:
        raise Conflict(_("The sprint must end after it starts."))
    sprint = clock_of(db, process)
    before = None
    if sprint is None:
        sprint = Sprint(process_id=process.id, starts_at=starts_at, ends_at=ends_at)
        db.add(sprint)
    else:
        if sprint.starts_at == starts_at and sprint.ends_at == ends_at:
            return sprint
        before = {"starts_at": sprint.starts_at.isoformat(), "ends_at": sprint.ends_at.isoformat()}
        sprint.starts_at, sprint.ends_at = starts_at, ends_at
    db.flush()
    record(
        db,
        actor=actor,
        action="sprint.clock_set",
        target=sprint,
        before=before,
        after={"starts_at": starts_at.isoformat(), "ends_at": ends_at.isoformat()},
    )
    live.publish(db, process, EventKind.CLOCK)
    return sprint
