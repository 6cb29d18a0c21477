"""Telling open screens that something changed, across every server process.

``publish`` writes a SprintEvent in the request's own transaction, so a screen never
hears of a change that rolled back, and a screen that reconnects asks for what came after
the last id it saw. On PostgreSQL it also sends ``NOTIFY`` on the channel below, which
PostgreSQL delivers only when the transaction commits: every server process listens and
wakes its streams at once. On SQLite (one machine, the embedded default) the streams look
at the log every second instead."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Process, SprintEvent
from app.sprint.kinds import EventKind

CHANNEL = "dialoog_sprint"


def publish(
    db: Session, process: Process, kind: EventKind, *, group_id: int | None = None
) -> SprintEvent:
    """Record that ``kind`` changed in this sprint (for one team's channel: ``group_id``)."""
    event = SprintEvent(process_id=process.id, group_id=group_id, kind=kind.value)
    db.add(event)
    db.flush()
    if db.get_bind().dialect.name == "postgresql":
        db.execute(select(func.pg_notify(CHANNEL, str(process.id))))
    return event
