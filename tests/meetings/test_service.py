"""Planning, the waiting list, changes and their reminders, attendance and minutes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit.queries import entries_for
from app.config import Settings
from app.db import organization_scope, utcnow
from app.errors import Conflict, InvalidTransition
from app.meetings import service
from app.meetings.forms import parse_local
from app.meetings.jobs import remind
from app.meetings.notifier import Notifier
from app.meetings.queries import meetings_for_group, upcoming_for_process
from app.meetings.service import MeetingData
from app.models import Job, Meeting, Notification
from app.models.meeting import RegistrationStatus
from tests.meetings.conftest import Dialogue, actor, plan


def _notified(db: Session, kind: str) -> list[int]:
    db.flush()  # the session does not autoflush
    return sorted(db.scalars(select(Notification.user_id).where(Notification.kind == kind)).all())


def _reminders(db: Session) -> list[Job]:
    db.flush()
    return list(db.scalars(select(Job).where(Job.name == "meetings.remind").order_by(Job.id)))


def _data(meeting: Meeting, **changes: object) -> MeetingData:
    values: dict[str, object] = {
        "title": meeting.title,
        "phase": meeting.phase,
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "place": meeting.place,
        "agenda": meeting.agenda,
        "capacity": meeting.capacity,
    }
    return MeetingData(**(values | changes))  # type: ignore[arg-type]


def test_planning_invites_the_members_and_queues_a_reminder_the_day_before(
    db: Session, dialogue: Dialogue, notifier: Notifier
) -> None:
    meeting = plan(db, dialogue, notifier)
    with organization_scope(db, dialogue.organization.id):
        invited = _notified(db, "meeting_invitation")
        reminders = _reminders(db)
        history = entries_for(db, "Meeting", meeting.id)
    members = sorted([dialogue.chef.id, *(e.id for e in dialogue.experts)])
    assert invited == members  # not the other group, not the admin
    assert len(reminders) == 1
    assert reminders[0].run_after == meeting.starts_at - timedelta(hours=24)
    assert reminders[0].arguments["sequence"] == 0
    assert reminders[0].arguments["base_url"] == "http://testdorp.test"
    assert history[0].action == "meeting.planned"


def test_a_meeting_of_the_whole_process_invites_every_group(
    db: Session, dialogue: Dialogue, notifier: Notifier
) -> None:
    plan(db, dialogue, notifier, whole_process=True, title="Kick-off")
    with organization_scope(db, dialogue.organization.id):
        invited = _notified(db, "meeting_invitation")
    assert dialogue.sport_expert.id in invited
    assert dialogue.other_chef.id in invited
    assert dialogue.outsider.id not in invited
    assert len(invited) == 7


def test_a_full_meeting_has_a_waiting_list_and_a_free_place_goes_to_the_first(
    db: Session, dialogue: Dialogue, notifier: Notifier
) -> None:
    meeting = plan(db, dialogue, notifier, capacity=2)
    e1, e2, e3, e4 = (actor(db, u) for u in dialogue.experts)
    with organization_scope(db, dialogue.organization.id):
        statuses = [service.register(db, a, meeting).status for a in (e1, e2, e3, e4)]
        assert statuses == ["registered", "registered", "waiting", "waiting"]
        with pytest.raises(Conflict):
            service.register(db, e1, meeting)
        moved = service.unregister(db, e1, dialogue.process, meeting, notifier)
        assert [r.user_id for r in moved] == [e3.id]
        assert _notified(db, "meeting_place_free") == [e3.id]
        # Leaving the waiting list frees no place: nobody moves up.
        assert service.unregister(db, e4, dialogue.process, meeting, notifier) == []
        with pytest.raises(Conflict):
            service.unregister(db, e4, dialogue.process, meeting, notifier)


def test_more_places_move_people_up_and_fewer_than_taken_is_refused(
    db: Session, dialogue: Dialogue, notifier: Notifier
) -> None:
    meeting = plan(db, dialogue, notifier, capacity=1)
    e1, e2, e3, _e4 = (actor(db, u) for u in dialogue.experts)
    with organization_scope(db, dialogue.organization.id):
        for a in (e1, e2, e3):
            service.register(db, a, meeting)
        service.change_meeting(
            db, "chef", dialogue.process, meeting, _data(meeting, capacity=2), notifier
        )
        assert _notified(db, "meeting_place_free") == [e2.id]
        with pytest.raises(Conflict):
            service.change_meeting(
                db, "chef", dialogue.process, meeting, _data(meeting, capacity=1), notifier
            )
        service.change_meeting(
            db, "chef", dialogue.process, meeting, _data(meeting, capacity=None), notifier
        )
        assert _notified(db, "meeting_place_free") == [e2.id, e3.id]
    assert meeting.sequence == 0  # the number of places is no new time or place


def test_registration_closes_when_the_meeting_starts_or_is_cancelled(
    db: Session, dialogue: Dialogue, notifier: Notifier
) -> None:
    started = plan(db, dialogue, notifier, starts_in=timedelta(minutes=-5))
    later = plan(db, dialogue, notifier, title="Tweede avond")
    expert = actor(db, dialogue.experts[0])
    with organization_scope(db, dialogue.organization.id):
        with pytest.raises(InvalidTransition):
            service.register(db, expert, started)
        service.cancel_meeting(db, "chef", dialogue.process, later, notifier, "ziek")
        with pytest.raises(InvalidTransition):
            service.register(db, expert, later)
        with pytest.raises(InvalidTransition):
            service.change_meeting(db, "chef", dialogue.process, later, _data(later), notifier)
        assert len(_notified(db, "meeting_changed")) == 5  # the cancellation
    assert later.sequence == 1


def test_a_new_time_goes_up_the_sequence_tells_people_and_queues_a_new_reminder(
    db: Session, dialogue: Dialogue, notifier: Notifier, settings: Settings
) -> None:
    meeting = plan(db, dialogue, notifier, capacity=1)
    first, second = (actor(db, u) for u in dialogue.experts[:2])
    with organization_scope(db, dialogue.organization.id):
        service.register(db, first, meeting)
        service.register(db, second, meeting)  # waiting
        later = meeting.starts_at + timedelta(days=1)
        service.change_meeting(
            db,
            "chef",
            dialogue.process,
            meeting,
            _data(meeting, starts_at=later, ends_at=later + timedelta(hours=2)),
            notifier,
        )
        assert meeting.sequence == 1
        assert len(_notified(db, "meeting_changed")) == 5
        assert [j.arguments["sequence"] for j in _reminders(db)] == [0, 1]
        # The reminder for the old time finds another sequence and does nothing.
        remind(db, settings, meeting_id=meeting.id, sequence=0, base_url="http://x.test")
        assert _notified(db, "meeting_reminder") == []
        remind(db, settings, meeting_id=meeting.id, sequence=1, base_url="http://x.test")
        # Everyone with a place or on the waiting list; not the other members.
        assert _notified(db, "meeting_reminder") == sorted([first.id, second.id])


def test_a_reminder_for_a_cancelled_meeting_does_nothing(
    db: Session, dialogue: Dialogue, notifier: Notifier, settings: Settings
) -> None:
    meeting = plan(db, dialogue, notifier)
    with organization_scope(db, dialogue.organization.id):
        service.register(db, actor(db, dialogue.experts[0]), meeting)
        service.cancel_meeting(db, "chef", dialogue.process, meeting, notifier)
        remind(db, settings, meeting_id=meeting.id, sequence=meeting.sequence, base_url="x")
        assert _notified(db, "meeting_reminder") == []


def test_attendance_is_taken_once_the_meeting_has_started(
    db: Session, dialogue: Dialogue, notifier: Notifier
) -> None:
    meeting = plan(db, dialogue, notifier, capacity=2)
    with organization_scope(db, dialogue.organization.id):
        regs = [service.register(db, actor(db, u), meeting) for u in dialogue.experts[:3]]
        with pytest.raises(InvalidTransition):
            service.take_attendance(db, "chef", meeting, regs, {regs[0].id})
        meeting.starts_at = utcnow() - timedelta(minutes=10)  # the evening has come
        came = service.take_attendance(db, "chef", meeting, regs, {regs[0].id, regs[2].id})
    assert came == 1  # the third was on the waiting list
    assert [r.attended for r in regs] == [True, False, None]
    assert regs[2].status == RegistrationStatus.WAITING


def test_minutes_are_shared_once_and_every_wording_is_kept(
    db: Session, dialogue: Dialogue, notifier: Notifier
) -> None:
    meeting = plan(db, dialogue, notifier)
    process = dialogue.process
    with organization_scope(db, dialogue.organization.id):
        with pytest.raises(Conflict):
            service.save_minutes(db, "chef", process, meeting, "", True, notifier)
        service.save_minutes(db, "chef", process, meeting, "We spraken.", False, notifier)
        service.save_minutes(db, "chef", process, meeting, "We spraken af.", True, notifier)
        shared = _notified(db, "minutes_shared")  # flushes the audit entries too
        history = [e for e in entries_for(db, "Meeting", meeting.id) if "minutes" in e.action]
    assert len(shared) == 5  # the members, once
    assert history[-1].before == {"minutes": "We spraken.", "minutes_public": False}
    assert meeting.minutes_public


@pytest.mark.parametrize(
    ("typed", "utc"),
    [
        ("2030-01-25T19:30", "2030-01-25T18:30:00+00:00"),  # winter: UTC+1
        ("2030-07-01 19:30", "2030-07-01T17:30:00+00:00"),  # summer: UTC+2
        ("25-01-2030 19:30", "2030-01-25T18:30:00+00:00"),
    ],
)
def test_times_are_typed_in_local_time_and_stored_in_utc(typed: str, utc: str) -> None:
    moment, problem = parse_local(typed, "Europe/Amsterdam")
    assert problem is None
    assert moment is not None
    assert moment.isoformat() == utc


@pytest.mark.parametrize("typed", ["2030-03-31T02:30", "morgen", "1999-01-01T10:00"])
def test_a_time_that_does_not_exist_is_refused(typed: str) -> None:
    moment, problem = parse_local(typed, "Europe/Amsterdam")
    assert moment is None
    assert problem


def test_the_group_page_queries_list_meetings_in_order(
    db: Session, dialogue: Dialogue, notifier: Notifier
) -> None:
    later = plan(db, dialogue, notifier, title="Later", starts_in=timedelta(days=20))
    sooner = plan(db, dialogue, notifier, title="Eerder", starts_in=timedelta(days=5))
    past = plan(db, dialogue, notifier, title="Geweest", starts_in=timedelta(days=-3))
    kickoff = plan(db, dialogue, notifier, whole_process=True, title="Kick-off")
    with organization_scope(db, dialogue.organization.id):
        service.cancel_meeting(db, "chef", dialogue.process, later, notifier)
        db.flush()
        own = meetings_for_group(db, dialogue.onderwijs.id)
        coming = upcoming_for_process(db, dialogue.process.id, limit=5)
        first = upcoming_for_process(db, dialogue.process.id, limit=1)
    assert [m.id for m in own] == [past.id, sooner.id, later.id]  # not the kick-off
    assert [m.id for m in coming] == [sooner.id, kickoff.id]  # not past, not cancelled
    assert coming[0].group is not None  # loaded with the list
    assert coming[0].group.name == "Onderwijs"
    assert [m.id for m in first] == [sooner.id]
