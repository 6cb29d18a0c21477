"""Telling people about a meeting: the bell and a mail in their language, with the time
in local words and an absolute link back to the meeting."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from jinja2 import Environment
from sqlalchemy.orm import Session

from app.models import Meeting, Process, User
from app.notifications.kinds import NotificationKind
from app.notifications.service import notify
from app.web.templating import local_datetime


@dataclass(frozen=True)
class Notifier:
    """How to tell people: the mail templates, the site's address for absolute links in
    mails, and the zone times are written in."""

    jinja: Environment
    base_url: str
    timezone: str

    def when(self, meeting: Meeting) -> str:
        """Start and end in local time, like "dinsdag 25 januari 2011, 19:30-22:00"."""
        return when_text(meeting.starts_at, meeting.ends_at, self.timezone)

    def send(
        self,
        db: Session,
        recipients: Iterable[User],
        kind: NotificationKind,
        process: Process,
        meeting: Meeting,
        **extra: Any,
    ) -> int:
        unique = list({user.id: user for user in recipients}.values())
        return notify(
            db,
            self.jinja,
            unique,
            kind,
            link=meeting_path(process, meeting),
            params={
                "title": meeting.title,
                "when": self.when(meeting),
                "place": meeting.place,
                "starts_at": meeting.starts_at.isoformat(),
                **extra,
            },
            base_url=self.base_url,
            mail_context={"meeting": meeting, "timezone": self.timezone},
        )


def when_text(starts_at: datetime, ends_at: datetime, timezone: str) -> str:
    start = local_datetime(starts_at, timezone)
    day = "y-MM-dd"
    if local_datetime(starts_at, timezone, day) == local_datetime(ends_at, timezone, day):
        return f"{start}–{local_datetime(ends_at, timezone, 'HH:mm')}"
    return f"{start} – {local_datetime(ends_at, timezone)}"


def meeting_path(process: Process, meeting: Meeting) -> str:
    return f"/processen/{process.slug}/bijeenkomsten/{meeting.id}"
