"""What the meeting pages show, each in a fixed number of queries however many meetings
or registrations there are (relations are loaded explicitly; they are lazy="raise")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from app.db import utcnow
from app.models import Group, Meeting, MeetingRegistration, Process
from app.models.meeting import RegistrationStatus


@dataclass(frozen=True)
class MeetingAccess:
    """A meeting with what its permission predicates need (app.meetings.permissions)."""

    meeting: Meeting
    member_group_ids: frozenset[int]

    @property
    def id(self) -> int:
        return self.meeting.id

    @property
    def group_id(self) -> int | None:
        return self.meeting.group_id

    @property
    def minutes_public(self) -> bool:
        return self.meeting.minutes_public and bool(self.meeting.minutes)


@dataclass(frozen=True)
class MeetingDetail(MeetingAccess):
    registered: list[MeetingRegistration] = field(default_factory=list)
    waiting: list[MeetingRegistration] = field(default_factory=list)

    @property
    def places_left(self) -> int | None:
        capacity = self.meeting.capacity
        return None if capacity is None else max(capacity - len(self.registered), 0)

    def registration_of(self, user_id: int | None) -> MeetingRegistration | None:
        return next((r for r in (*self.registered, *self.waiting) if r.user_id == user_id), None)

    def waiting_position(self, user_id: int | None) -> int | None:
        """1 for the first on the waiting list; None when not waiting."""
        return next((n for n, r in enumerate(self.waiting, 1) if r.user_id == user_id), None)


def group_ids_of_process(db: Session, process_id: int) -> frozenset[int]:
    return frozenset(db.scalars(select(Group.id).where(Group.process_id == process_id)))


def member_group_ids(db: Session, meeting: Meeting) -> frozenset[int]:
    """Whose members take part: the group's, or for the whole process every group's."""
    if meeting.group_id is not None:
        return frozenset({meeting.group_id})
    return group_ids_of_process(db, meeting.process_id)


def groups_of_process(db: Session, process: Process) -> Sequence[Group]:
    return db.scalars(
        select(Group).where(Group.process_id == process.id).order_by(Group.position, Group.id)
    ).all()


def group_by_slug(db: Session, process: Process, slug: str) -> Group | None:
    return db.scalar(select(Group).where(Group.process_id == process.id, Group.slug == slug))


def meeting_of_process(db: Session, process: Process, meeting_id: int) -> Meeting | None:
    """The meeting with its group, or None (never a meeting of another process)."""
    return db.scalar(
        select(Meeting)
        .where(Meeting.id == meeting_id, Meeting.process_id == process.id)
        .options(joinedload(Meeting.group))
    )


def detail(db: Session, process: Process, meeting_id: int) -> MeetingDetail | None:
    meeting = meeting_of_process(db, process, meeting_id)
    if meeting is None:
        return None
    registrations = db.scalars(
        select(MeetingRegistration)
        .where(MeetingRegistration.meeting_id == meeting.id)
        .options(joinedload(MeetingRegistration.user))
        .order_by(MeetingRegistration.id)
    ).all()
    return MeetingDetail(
        meeting=meeting,
        member_group_ids=member_group_ids(db, meeting),
        registered=[r for r in registrations if r.status == RegistrationStatus.REGISTERED],
        waiting=[r for r in registrations if r.status == RegistrationStatus.WAITING],
    )


def meetings_of_process(
    db: Session, process: Process, now: datetime | None = None
) -> tuple[list[MeetingAccess], list[MeetingAccess]]:
    """(upcoming, soonest first; past, latest first); a meeting is upcoming until it ends."""
    now = now or utcnow()
    meetings = db.scalars(
        select(Meeting)
        .where(Meeting.process_id == process.id)
        .options(joinedload(Meeting.group))
        .order_by(Meeting.starts_at, Meeting.id)
    ).all()
    all_groups = group_ids_of_process(db, process.id)
    views = [
        MeetingAccess(m, frozenset({m.group_id}) if m.group_id is not None else all_groups)
        for m in meetings
    ]
    upcoming = [v for v in views if v.meeting.ends_at >= now]
    past = [v for v in views if v.meeting.ends_at < now]
    past.reverse()
    return upcoming, past


def meetings_for_group(db: Session, group_id: int) -> list[Meeting]:
    """A group's own meetings (not the process's), in order of time, cancelled included
    (the page says so): for the group page."""
    return list(
        db.scalars(
            select(Meeting)
            .where(Meeting.group_id == group_id)
            .order_by(Meeting.starts_at, Meeting.id)
        )
    )


def upcoming_for_process(db: Session, process_id: int, limit: int = 5) -> list[Meeting]:
    """The next meetings of a process that still go ahead, group ones and the process's
    own, with their group loaded."""
    return list(
        db.scalars(
            select(Meeting)
            .where(
                Meeting.process_id == process_id,
                Meeting.ends_at >= utcnow(),
                Meeting.cancelled_at.is_(None),
            )
            .options(joinedload(Meeting.group))
            .order_by(Meeting.starts_at, Meeting.id)
            .limit(limit)
        )
    )


def registrations_with_users(db: Session, meeting: Meeting) -> list[MeetingRegistration]:
    return list(
        db.scalars(
            select(MeetingRegistration)
            .where(MeetingRegistration.meeting_id == meeting.id)
            .options(selectinload(MeetingRegistration.user))
            .order_by(MeetingRegistration.id)
        )
    )


def registered_counts(db: Session, meeting_ids: Sequence[int]) -> dict[int, int]:
    """People with a place, per meeting (the waiting list not counted), in one query."""
    if not meeting_ids:
        return {}
    rows = db.execute(
        select(MeetingRegistration.meeting_id, func.count(MeetingRegistration.id))
        .where(
            MeetingRegistration.meeting_id.in_(meeting_ids),
            MeetingRegistration.status == RegistrationStatus.REGISTERED,
        )
        .group_by(MeetingRegistration.meeting_id)
    ).all()
    return {int(meeting_id): int(count) for meeting_id, count in rows}
