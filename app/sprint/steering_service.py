"""The steering group publishes interim standings: every team's standing at this moment,
frozen as a numbered snapshot, so what the teams saw at nine in the evening stays what it
was however the figures move afterwards. Every participant's screen shows it at once."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.permissions import require
from app.audit.service import record
from app.db import utcnow
from app.errors import Conflict
from app.i18n import gettext as _
from app.models import Sprint, StandingsSnapshot
from app.phases.guard import require_phase
from app.phases.kinds import Action
from app.sprint import live, steering_queries
from app.sprint.kinds import EventKind
from app.sprint.loading import SprintPlace
from app.sprint.standings import team_standings

NOTE_LIMIT = 500


def publish_standings(db: Session, by: Actor, place: SprintPlace, note: str) -> StandingsSnapshot:
    require(by, "sprint.steer", place)
    require_phase(place.process, place.phases, Action.PUBLISH_STANDINGS)
    note = note.strip()
    if len(note) > NOTE_LIMIT:
        raise Conflict(_("Keep the note to %(n)d characters.", n=NOTE_LIMIT))
    # Numbered max + 1 with no unique constraint: two members publishing at once would
    # both get the same number on PostgreSQL. Locking the sprint's row makes the second
    # wait for the first's commit (SQLite's BEGIN IMMEDIATE serializes writers already).
    db.execute(select(Sprint.id).where(Sprint.id == place.sprint.id).with_for_update())
    rows = [standing.as_row() for standing in team_standings(db, place)]
    snapshot = StandingsSnapshot(
        process_id=place.process.id,
        number=steering_queries.next_number(db, place),
        note=note,
        rows=rows,
        published_by_id=by.id,
        published_at=utcnow(),
    )
    db.add(snapshot)
    db.flush()
    record(
        db,
        actor=by,
        action="sprint.standings_published",
        target=snapshot,
        after={"number": snapshot.number, "note": note, "rows": rows},
    )
    live.publish(db, place.process, EventKind.STANDINGS)
    return snapshot
