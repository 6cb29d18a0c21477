"""Background jobs of meetings (the reminder the day before)."""

from __future__ import annotations

from functools import lru_cache

import structlog
from jinja2 import Environment
from sqlalchemy.orm import Session

from app.config import Settings
from app.db import utcnow
from app.jobs import job
from app.meetings.notifier import Notifier
from app.meetings.queries import registrations_with_users
from app.meetings.service import REMINDER_JOB
from app.models import Meeting, Process
from app.notifications.kinds import NotificationKind
from app.web.templating import make_environment

log = structlog.get_logger("dialoog.meetings")


@lru_cache(maxsize=1)
def _jinja() -> Environment:
    # A job has no app at hand; one environment serves every reminder of this process.
    return make_environment()


@job(REMINDER_JOB)
def remind(
    session: Session, settings: Settings, *, meeting_id: int, sequence: int, base_url: str
) -> None:
    """Remind everyone with a place or on the waiting list, the day before. Queued when
    the meeting was planned or moved; a reminder for an older time (the sequence went up
    since) or for a cancelled meeting does nothing."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None or meeting.cancelled_at is not None or meeting.sequence != sequence:
        log.info("meeting.reminder_skipped", meeting_id=meeting_id, sequence=sequence)
        return
    if meeting.starts_at <= utcnow():
        log.info("meeting.reminder_too_late", meeting_id=meeting_id)
        return
    process = session.get(Process, meeting.process_id)
    assert process is not None  # noqa: S101 - a meeting's process is deleted with it
    people = [r.user for r in registrations_with_users(session, meeting)]
    notifier = Notifier(jinja=_jinja(), base_url=base_url, timezone=settings.timezone)
    notifier.send(session, people, NotificationKind.MEETING_REMINDER, process, meeting)
