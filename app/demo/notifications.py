"""A few unread notifications, so the bell of the two named Zeist accounts shows something:
Ruud (chef of Burger en Bestuur) hears of late applications to his group, Annelies of her
acceptance, an invitation and shared minutes. The params are what the use cases store
(app/notifications/kinds.py makes the text), the links go to real pages. Each (person,
kind, link) is made once: one that was read is not made again on the next run."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.demo.meeting_texts import REUNION_TITLE, evening_title
from app.demo.people import ANNELIES
from app.demo.recruitment import zeist_process
from app.meetings.notifier import meeting_path, when_text
from app.models import ExpertApplication, Meeting, Notification, User
from app.notifications.kinds import NotificationKind
from app.recruitment.states import ApplicationStatus

RUUD = "ruud@zeist.example"
TIMEZONE = "Europe/Amsterdam"


def ensure_notifications(db: Session, organization_slug: str) -> int:
    if organization_slug != "zeist":
        return 0
    found = zeist_process(db)
    if found is None:
        return 0
    process, groups = found
    users = {u.email: u for u in db.scalars(select(User).where(User.email.in_([RUUD, ANNELIES])))}
    ruud, annelies = users.get(RUUD), users.get(ANNELIES)
    if ruud is None or annelies is None:
        return 0
    group_path = f"/processen/{process.slug}/groepen"
    bestuur, onderwijs = groups["Burger en Bestuur"], groups["Onderwijs"]
    wanted: list[tuple[User, NotificationKind, str, dict[str, Any]]] = []

    late = db.execute(
        select(User.display_name)
        .join(ExpertApplication, ExpertApplication.user_id == User.id)
        .where(
            ExpertApplication.group_id == bestuur.id,
            ExpertApplication.status == ApplicationStatus.PENDING,
        )
        .order_by(ExpertApplication.created_at.desc())
        .limit(2)
    ).scalars()
    for name in late:
        wanted.append(
            (
                ruud,
                NotificationKind.APPLICATION_RECEIVED,
                f"{group_path}/{bestuur.slug}/aanmeldingen",
                {"name": name, "group": bestuur.name},
            )
        )

    accepted = db.scalar(
        select(ExpertApplication.decision_message).where(
            ExpertApplication.group_id == onderwijs.id, ExpertApplication.user_id == annelies.id
        )
    )
    wanted.append(
        (
            annelies,
            NotificationKind.APPLICATION_DECIDED,
            f"{group_path}/{onderwijs.slug}",
            {"group": onderwijs.name, "accepted": True, "message": accepted or ""},
        )
    )
    meetings = {
        m.title: m
        for m in db.scalars(
            select(Meeting).where(
                Meeting.group_id == onderwijs.id,
                Meeting.title.in_([REUNION_TITLE, evening_title(2, onderwijs.name)]),
            )
        )
    }
    for title, kind in (
        (evening_title(2, onderwijs.name), NotificationKind.MINUTES_SHARED),
        (REUNION_TITLE, NotificationKind.MEETING_INVITATION),
    ):
        meeting = meetings.get(title)
        if meeting is not None:
            wanted.append((annelies, kind, meeting_path(process, meeting), _params(meeting)))

    have = {
        tuple(row)
        for row in db.execute(
            select(Notification.user_id, Notification.kind, Notification.link).where(
                Notification.user_id.in_([ruud.id, annelies.id])
            )
        )
    }
    new = [
        Notification(user_id=user.id, kind=kind.value, params=params, link=link)
        for user, kind, link, params in wanted
        if (user.id, kind.value, link) not in have
    ]
    db.add_all(new)
    db.flush()
    return len(new)


def _params(meeting: Meeting) -> dict[str, Any]:
    # As Notifier.send stores them (app/meetings/service.py).
    return {
        "title": meeting.title,
        "when": when_text(meeting.starts_at, meeting.ends_at, TIMEZONE),
        "place": meeting.place,
        "starts_at": meeting.starts_at.isoformat(),
    }
