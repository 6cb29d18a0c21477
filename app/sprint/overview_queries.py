"""What the participants' home page, the programme and the message channels read. Each
function is one or two statements, however many items, messages or teams there are."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.db import utcnow
from app.models import Group, ProgrammeItem, SprintMessage, StandingsSnapshot
from app.sprint.loading import SprintPlace

# A channel shows its latest messages, newest last; older ones are in the audit trail.
CHANNEL_SHOWN = 200
TO_ALL_SHOWN = 10


def programme(db: Session, place: SprintPlace) -> list[ProgrammeItem]:
    return list(
        db.scalars(
            select(ProgrammeItem)
            .where(ProgrammeItem.process_id == place.process.id)
            .order_by(ProgrammeItem.starts_at, ProgrammeItem.ends_at, ProgrammeItem.id)
        )
    )


def current_item(items: list[ProgrammeItem], now: datetime | None = None) -> ProgrammeItem | None:
    """The item under way now (the latest started, should two overlap)."""
    moment = now or utcnow()
    running = [item for item in items if item.starts_at <= moment < item.ends_at]
    return running[-1] if running else None


def latest_snapshot(db: Session, place: SprintPlace) -> StandingsSnapshot | None:
    return db.scalar(
        select(StandingsSnapshot)
        .where(StandingsSnapshot.process_id == place.process.id)
        .order_by(StandingsSnapshot.number.desc())
        .limit(1)
    )


def _newest_last(statement: object, limit: int, db: Session) -> list[SprintMessage]:
    rows = list(db.scalars(statement.limit(limit)))  # type: ignore[attr-defined]
    rows.reverse()
    return rows


def messages_to_all(
    db: Session, place: SprintPlace, limit: int = TO_ALL_SHOWN
) -> list[SprintMessage]:
    """The steering group's latest messages to all teams, newest last."""
    statement = (
        select(SprintMessage)
        .where(SprintMessage.process_id == place.process.id, SprintMessage.group_id.is_(None))
        .order_by(SprintMessage.id.desc())
    )
    return _newest_last(statement, limit, db)


def channel_messages(
    db: Session, place: SprintPlace, team: Group, limit: int = CHANNEL_SHOWN
) -> list[SprintMessage]:
    """A team's channel: its own messages and those to all teams, newest last."""
    statement = (
        select(SprintMessage)
        .where(
            SprintMessage.process_id == place.process.id,
            or_(SprintMessage.group_id == team.id, SprintMessage.group_id.is_(None)),
        )
        .order_by(SprintMessage.id.desc())
    )
    return _newest_last(statement, limit, db)


@dataclass(frozen=True)
class ChannelSummary:
    team: Group
    count: int
    latest: SprintMessage | None


def channel_summaries(db: Session, place: SprintPlace) -> list[ChannelSummary]:
    """Every team's channel with its number of messages and its latest one (the steering
    group's overview); two statements for any number of teams."""
    counts = {
        group_id: (int(count), int(newest))
        for group_id, count, newest in db.execute(
            select(SprintMessage.group_id, func.count(SprintMessage.id), func.max(SprintMessage.id))
            .where(
                SprintMessage.process_id == place.process.id,
                SprintMessage.group_id.is_not(None),
            )
            .group_by(SprintMessage.group_id)
        )
    }
    newest_ids = [newest for _count, newest in counts.values()]
    latest = (
        {
            message.group_id: message
            for message in db.scalars(select(SprintMessage).where(SprintMessage.id.in_(newest_ids)))
        }
        if newest_ids
        else {}
    )
    return [
        ChannelSummary(team, counts.get(team.id, (0, 0))[0], latest.get(team.id))
        for team in place.teams
    ]
