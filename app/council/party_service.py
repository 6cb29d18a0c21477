"""Use cases of the council's composition, kept by the clerk: the parties with their
seats, and which party each councillor sits for. A vote per party counts these seats."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.audit.service import changes, record
from app.errors import Conflict
from app.i18n import gettext as _
from app.models import CouncilMember, CouncilParty, User

NAME_LIMIT = 100
MAX_SEATS = 45  # the largest Dutch councils (Amsterdam, Rotterdam) have 45 seats

By = Actor | str


def _check(db: Session, name: str, seats: int, party_id: int | None = None) -> None:
    if not name or len(name) > NAME_LIMIT:
        raise Conflict(_("Give the party a name of at most %(n)d characters.", n=NAME_LIMIT))
    if not 1 <= seats <= MAX_SEATS:
        raise Conflict(_("A party has between 1 and %(n)d seats.", n=MAX_SEATS))
    same = db.scalar(select(CouncilParty.id).where(func.lower(CouncilParty.name) == name.lower()))
    if same is not None and same != party_id:
        raise Conflict(_("There is already a party with this name."))


def add_party(db: Session, by: By, name: str, seats: int) -> CouncilParty:
    name = name.strip()
    _check(db, name, seats)
    position = int(db.scalar(select(func.coalesce(func.max(CouncilParty.position), 0))) or 0)
    party = CouncilParty(name=name, seats=seats, position=position + 1, active=True)
    db.add(party)
    db.flush()
    record(
        db,
        actor=by,
        action="council.party_added",
        target=party,
        after={"name": name, "seats": seats},
    )
    return party


def update_party(
    db: Session, by: By, party: CouncilParty, *, name: str, seats: int, active: bool
) -> bool:
    """False when nothing changed. A party that left the council is made inactive, not
    deleted: earlier votes name it."""
    name = name.strip()
    _check(db, name, seats, party.id)
    before, after = changes(party, {"name": name, "seats": seats, "active": active})
    if not after:
        return False
    party.name, party.seats, party.active = name, seats, active
    db.flush()
    record(db, actor=by, action="council.party_changed", target=party, before=before, after=after)
    return True


def set_member_party(db: Session, by: By, user: User, party: CouncilParty | None) -> bool:
    """Which party ``user`` sits for (None: none recorded). False when nothing changed."""
    member = db.scalar(select(CouncilMember).where(CouncilMember.user_id == user.id))
    before = member.party_id if member is not None else None
    after = party.id if party is not None else None
    if before == after:
        return False
    if member is not None and party is None:
        db.delete(member)
    elif member is None and party is not None:
        db.add(CouncilMember(user_id=user.id, party_id=party.id))
    elif member is not None and party is not None:
        member.party_id = party.id
    db.flush()
    record(
        db,
        actor=by,
        action="council.member_party_set",
        target=user,
        before={"party": before},
        after={"party": after},
    )
    return True
