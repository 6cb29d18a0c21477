"""Use cases of meetings: plan, change, cancel; register and unregister (with a waiting
list); take attendance; share the minutes. Each writes the audit trail and tells the
people concerned; mails are queued in the transaction and sent after it commits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.audit.service import changes, record
from app.db import utcnow
from app.errors import Conflict, InvalidTransition
from app.i18n import gettext as _
from app.jobs import enqueue
from app.meetings.notifier import Notifier
from app.meetings.queries import member_group_ids, registrations_with_users
from app.models import Group, Meeting, MeetingRegistration, Process, User
from app.models.meeting import RegistrationStatus
from app.notifications.kinds import NotificationKind
from app.recruitment.membership import members

By = Actor | str

REMINDER_JOB = "meetings.remind"
REMIND_BEFORE = timedelta(hours=24)


@dataclass(frozen=True)
class MeetingData:
    """What the chef fills in; times are aware (UTC or local), the form checked them."""

    title: str
    phase: str
    starts_at: datetime
    ends_at: datetime
    place: str
    agenda: str = ""
    capacity: int | None = None


def registration_open(meeting: Meeting, now: datetime | None = None) -> bool:
    return meeting.cancelled_at is None and (now or utcnow()) < meeting.starts_at


def _members(db: Session, meeting: Meeting) -> list[User]:
    return members(db, sorted(member_group_ids(db, meeting)))


def _summary(data: MeetingData) -> dict[str, Any]:
    return {
        "title": data.title,
        "phase": data.phase,
        "starts_at": data.starts_at.astimezone(UTC).isoformat(),
        "ends_at": data.ends_at.astimezone(UTC).isoformat(),
        "place": data.place,
        "capacity": data.capacity,
    }


def _check(data: MeetingData) -> None:
    if data.ends_at <= data.starts_at:
        raise Conflict(_("The end must be after the start."))
    if data.capacity is not None and data.capacity < 1:
        raise Conflict(_("The number of places must be at least 1."))


def _queue_reminder(db: Session, meeting: Meeting, notifier: Notifier) -> None:
    """The reminder carries the meeting's sequence: a later change queues a new one and
    the old one, finding another sequence, does nothing. Too late for a reminder the day
    before (a meeting planned at short notice): the invitation is enough."""
    run_after = meeting.starts_at - REMIND_BEFORE
    if run_after <= utcnow():
        return
    enqueue(
        db,
        REMINDER_JOB,
        run_after=run_after,
        meeting_id=meeting.id,
        sequence=meeting.sequence,
        base_url=notifier.base_url,
    )


def plan_meeting(
    db: Session,
    by: By,
    process: Process,
    group: Group | None,
    data: MeetingData,
    notifier: Notifier,
) -> Meeting:
    """A new meeting; the members are invited (not to one that has begun already)."""
    _check(data)
    meeting = Meeting(
        process_id=process.id,
        group_id=group.id if group else None,
        title=data.title,
        phase=data.phase,
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        place=data.place,
        agenda=data.agenda,
        capacity=data.capacity,
        minutes="",
        minutes_public=False,
        sequence=0,
    )
    db.add(meeting)
    db.flush()
    record(db, actor=by, action="meeting.planned", target=meeting, after=_summary(data))
    if meeting.starts_at > utcnow():
        notifier.send(
            db, _members(db, meeting), NotificationKind.MEETING_INVITATION, process, meeting
        )
        _queue_reminder(db, meeting, notifier)
    return meeting


def change_meeting(
    db: Session, by: By, process: Process, meeting: Meeting, data: MeetingData, notifier: Notifier
) -> bool:
    """Change what the chef filled in. A new time or place goes up the sequence (calendar
    programs replace the old entry), tells members and registered people, and queues a
    new reminder. More places move people up from the waiting list."""
    if meeting.cancelled_at is not None:
        raise InvalidTransition(_("This meeting is cancelled; it cannot be changed."))
    _check(data)
    registered = _registered_count(db, meeting)
    if data.capacity is not None and data.capacity < registered:
        raise Conflict(
            _(
                "%(n)d people have a place already; the number of places cannot be lower.",
                n=registered,
            )
        )
    wanted = _summary(data) | {"agenda": data.agenda}
    current = _summary(_data_of(meeting)) | {"agenda": meeting.agenda}
    before = {k: v for k, v in current.items() if wanted[k] != v}
    after = {k: wanted[k] for k in before}
    if not after:
        return False
    moved = bool({"starts_at", "ends_at", "place"} & after.keys())
    meeting.title, meeting.phase, meeting.place = data.title, data.phase, data.place
    meeting.starts_at, meeting.ends_at = data.starts_at, data.ends_at
    meeting.agenda, meeting.capacity = data.agenda, data.capacity
    if moved:
        meeting.sequence += 1
    db.flush()
    record(db, actor=by, action="meeting.changed", target=meeting, before=before, after=after)
    if moved:
        people = [r.user for r in registrations_with_users(db, meeting)] + _members(db, meeting)
        notifier.send(db, people, NotificationKind.MEETING_CHANGED, process, meeting)
        _queue_reminder(db, meeting, notifier)
    _promote(db, by, process, meeting, notifier)
    return True


def _data_of(meeting: Meeting) -> MeetingData:
    return MeetingData(
        title=meeting.title,
        phase=meeting.phase,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        place=meeting.place,
        agenda=meeting.agenda,
        capacity=meeting.capacity,
    )


def cancel_meeting(
    db: Session, by: By, process: Process, meeting: Meeting, notifier: Notifier, reason: str = ""
) -> None:
    """Cancelled, not deleted: the page and the calendar entry say so (STATUS:CANCELLED)."""
    if meeting.cancelled_at is not None:
        raise InvalidTransition(_("This meeting is cancelled already."))
    if meeting.ends_at <= utcnow():
        raise InvalidTransition(_("This meeting is over already."))
    meeting.cancelled_at = utcnow()
    meeting.sequence += 1
    db.flush()
    record(db, actor=by, action="meeting.cancelled", target=meeting, reason=reason or None)
    people = [r.user for r in registrations_with_users(db, meeting)] + _members(db, meeting)
    notifier.send(db, people, NotificationKind.MEETING_CHANGED, process, meeting, cancelled=True)


# --- registrations ----------------------------------------------------------------------


def _registered_count(db: Session, meeting: Meeting) -> int:
    return (
        db.scalar(
            select(func.count(MeetingRegistration.id)).where(
                MeetingRegistration.meeting_id == meeting.id,
                MeetingRegistration.status == RegistrationStatus.REGISTERED,
            )
        )
        or 0
    )


def _lock(db: Session, meeting: Meeting) -> None:
    # Two people taking the last place at once: on PostgreSQL the second waits here and
    # then counts the first; SQLite serialises writers anyway (BEGIN IMMEDIATE).
    db.execute(select(Meeting.id).where(Meeting.id == meeting.id).with_for_update())


def _require_open(meeting: Meeting) -> None:
    if meeting.cancelled_at is not None:
        raise InvalidTransition(_("This meeting is cancelled."))
    if not registration_open(meeting):
        raise InvalidTransition(_("This meeting has started; registration is closed."))


def _own_registration(db: Session, meeting: Meeting, user_id: int) -> MeetingRegistration | None:
    return db.scalar(
        select(MeetingRegistration).where(
            MeetingRegistration.meeting_id == meeting.id, MeetingRegistration.user_id == user_id
        )
    )


def register(db: Session, by: Actor, meeting: Meeting) -> MeetingRegistration:
    """A place when there is one, otherwise the end of the waiting list."""
    _require_open(meeting)
    _lock(db, meeting)
    if _own_registration(db, meeting, by.id) is not None:
        raise Conflict(_("You are registered for this meeting already."))
    full = meeting.capacity is not None and _registered_count(db, meeting) >= meeting.capacity
    registration = MeetingRegistration(
        meeting_id=meeting.id,
        user_id=by.id,
        status=RegistrationStatus.WAITING if full else RegistrationStatus.REGISTERED,
    )
    db.add(registration)
    db.flush()
    record(
        db,
        actor=by,
        action="meeting.registered",
        target=meeting,
        after={"user_id": by.id, "status": registration.status},
    )
    return registration


def unregister(
    db: Session, by: Actor, process: Process, meeting: Meeting, notifier: Notifier
) -> list[MeetingRegistration]:
    """Give up a place (or a spot on the waiting list); returns who moved up."""
    _require_open(meeting)
    _lock(db, meeting)
    registration = _own_registration(db, meeting, by.id)
    if registration is None:
        raise Conflict(_("You are not registered for this meeting."))
    status = registration.status
    db.delete(registration)
    db.flush()
    record(
        db,
        actor=by,
        action="meeting.unregistered",
        target=meeting,
        before={"user_id": by.id, "status": status},
    )
    return _promote(db, by, process, meeting, notifier)


def _promote(
    db: Session, by: By, process: Process, meeting: Meeting, notifier: Notifier
) -> list[MeetingRegistration]:
    """Fill free places from the waiting list, first come first served, and tell them."""
    if not registration_open(meeting):
        return []
    waiting = [
        r for r in registrations_with_users(db, meeting) if r.status == RegistrationStatus.WAITING
    ]
    free = (
        len(waiting)
        if meeting.capacity is None
        else max(meeting.capacity - _registered_count(db, meeting), 0)
    )
    promoted = waiting[:free]
    for registration in promoted:
        registration.status = RegistrationStatus.REGISTERED
        record(
            db,
            actor=by,
            action="meeting.moved_up",
            target=meeting,
            after={"user_id": registration.user_id},
        )
    if promoted:
        db.flush()
        notifier.send(
            db,
            [r.user for r in promoted],
            NotificationKind.MEETING_PLACE_FREE,
            process,
            meeting,
        )
    return promoted


# --- after the meeting --------------------------------------------------------------------


def take_attendance(
    db: Session,
    by: By,
    meeting: Meeting,
    registrations: Sequence[MeetingRegistration],
    present: set[int],
) -> int:
    """Mark who came among those with a place; returns how many came."""
    if meeting.cancelled_at is not None:
        raise InvalidTransition(_("This meeting is cancelled."))
    if utcnow() < meeting.starts_at:
        raise InvalidTransition(_("You can take attendance once the meeting has started."))
    came = 0
    for registration in registrations:
        if registration.status != RegistrationStatus.REGISTERED:
            continue
        registration.attended = registration.id in present
        if registration.attended:
            came += 1
    db.flush()
    record(
        db,
        actor=by,
        action="meeting.attendance_taken",
        target=meeting,
        after={"present": sorted(r.user_id for r in registrations if r.attended)},
    )
    return came


def save_minutes(
    db: Session,
    by: By,
    process: Process,
    meeting: Meeting,
    text: str,
    public: bool,
    notifier: Notifier,
) -> bool:
    """Minutes are shared with the members; the first time they are written the members
    hear of it. Every wording stays in the audit trail, so a published record never
    silently changes."""
    if public and not text:
        raise Conflict(_("Write the minutes before you publish them."))
    before, after = changes(meeting, {"minutes": text, "minutes_public": public})
    if not after:
        return False
    first_time = not meeting.minutes and bool(text)
    meeting.minutes, meeting.minutes_public = text, public
    db.flush()
    record(db, actor=by, action="meeting.minutes_saved", target=meeting, before=before, after=after)
    if first_time:
        notifier.send(db, _members(db, meeting), NotificationKind.MINUTES_SHARED, process, meeting)
    return True
