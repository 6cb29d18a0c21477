"""The sprint's programme: the steering group plans the working sessions, guest speakers,
breaks and energizers, and every participant's screen shows it (Hoogeveen's 24 hours had
a rhythm the teams kept to). Each change tells open screens at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.permissions import require
from app.audit.service import changes, record
from app.errors import Conflict, NotFound
from app.i18n import gettext as _
from app.models import ProgrammeItem
from app.sprint import live
from app.sprint.kinds import EventKind, ProgrammeKind
from app.sprint.loading import SprintPlace

TITLE_LIMIT = 200
DESCRIPTION_LIMIT = 2000


@dataclass(frozen=True)
class ItemInput:
    starts_at: datetime
    ends_at: datetime
    kind: ProgrammeKind
    title: str
    description: str = ""


def _check(data: ItemInput) -> None:
    """The same rules the form shows at its fields, for callers without a form."""
    if not data.title.strip() or len(data.title) > TITLE_LIMIT:
        raise Conflict(_("Give the item a title of at most %(n)d characters.", n=TITLE_LIMIT))
    if len(data.description) > DESCRIPTION_LIMIT:
        raise Conflict(_("Use at most %(n)d characters for the description.", n=DESCRIPTION_LIMIT))
    if data.ends_at <= data.starts_at:
        raise Conflict(_("An item must end after it starts."))


def item_or_404(db: Session, place: SprintPlace, item_id: int) -> ProgrammeItem:
    item = db.scalar(
        select(ProgrammeItem).where(
            ProgrammeItem.id == item_id, ProgrammeItem.process_id == place.process.id
        )
    )
    if item is None:
        raise NotFound()
    return item


def _fields(data: ItemInput) -> dict[str, object]:
    return {
        "starts_at": data.starts_at,
        "ends_at": data.ends_at,
        "kind": data.kind.value,
        "title": data.title.strip(),
        "description": data.description.strip(),
    }


def _audited(fields: dict[str, object]) -> dict[str, object]:
    return {
        name: value.isoformat() if isinstance(value, datetime) else value
        for name, value in fields.items()
    }


def add_item(db: Session, actor: Actor, place: SprintPlace, data: ItemInput) -> ProgrammeItem:
    require(actor, "sprint.steer", place)
    _check(data)
    fields = _fields(data)
    item = ProgrammeItem(process_id=place.process.id, **fields)
    db.add(item)
    db.flush()
    record(db, actor=actor, action="sprint.programme_added", target=item, after=_audited(fields))
    live.publish(db, place.process, EventKind.PROGRAMME)
    return item


def change_item(
    db: Session, actor: Actor, place: SprintPlace, item: ProgrammeItem, data: ItemInput
) -> bool:
    """False when nothing changed (and then no one is told)."""
    require(actor, "sprint.steer", place)
    _check(data)
    before, after = changes(item, _fields(data))
    if not after:
        return False
    for name, value in after.items():
        setattr(item, name, value)
    db.flush()
    record(
        db,
        actor=actor,
        action="sprint.programme_changed",
        target=item,
        before=_audited(before),
        after=_audited(after),
    )
    live.publish(db, place.process, EventKind.PROGRAMME)
    return True


def remove_item(db: Session, actor: Actor, place: SprintPlace, item: ProgrammeItem) -> None:
    require(actor, "sprint.steer", place)
    before = _audited(
        {
            "starts_at": item.starts_at,
            "ends_at": item.ends_at,
            "kind": item.kind,
            "title": item.title,
        }
    )
    record(db, actor=actor, action="sprint.programme_removed", target=item, before=before)
    db.delete(item)
    db.flush()
    live.publish(db, place.process, EventKind.PROGRAMME)
