"""Telling open screens that something changed, across every server process.

``publish`` writes a SprintEvent in the request's own transaction, so a screen never
hears of a change that rolled back, and a screen that reconnects asks for what came after
the last id it saw. On PostgreSQL it also sends ``NOTIFY`` on the channel below, which
PostgreSQL delivers only when the transaction commits: every server process listens and
wakes its streams at once. On SQLite (one machine, the embedded default) the streams look
at the log every second instead."""

from __future__ import annotations

from datetime import datetime

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


def newest_event_id(db: Session, process: Process) -> int:
    """Where a stream that brings no Last-Event-ID starts: after what has happened."""
    return int(
        db.scalar(select(func.max(SprintEvent.id)).where(SprintEvent.process_id == process.id)) or 0
    )


def events_since(
    db: Session, process_id: int, after_id: int, since: datetime, limit: int = 500
) -> list[tuple[int, str, int | None, datetime]]:
    """The sprint's events after ``after_id`` (at most ``limit``, oldest first), and also
    those at or below it written since ``since``: on PostgreSQL ids are handed out when
    written but become visible when committed, so a slower transaction can show a lower id
    after a higher one was read. The stream remembers what it sent and skips it
    (app.sprint.live_routes)."""
    columns = (SprintEvent.id, SprintEvent.kind, SprintEvent.group_id, SprintEvent.created_at)
    late = db.execute(
        select(*columns)
        .where(
            SprintEvent.process_id == process_id,
            SprintEvent.id <= after_id,
            SprintEvent.created_at >= since,
        )
        .order_by(SprintEvent.id)
        .limit(limit)
    ).all()
    new = db.execute(
        select(*columns)
        .where(SprintEvent.process_id == process_id, SprintEvent.id > after_id)
        .order_by(SprintEvent.id)
        .limit(limit)
    ).all()
    return [(row.id, row.kind, row.group_id, row.created_at) for row in (*late, *new)]
