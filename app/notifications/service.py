"""Telling people things: a row under the bell and a mail in their language, each kind
switchable off per channel by the person (no preference row means both on)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from jinja2 import Environment
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.db import utcnow
from app.mail.service import queue_mail
from app.models import Notification, NotificationPreference, User
from app.notifications.kinds import NotificationKind


def notify(
    db: Session,
    jinja: Environment,
    recipients: Sequence[User],
    kind: NotificationKind,
    *,
    link: str,
    params: dict[str, Any],
    base_url: str,
    mail_context: dict[str, Any] | None = None,
) -> int:
    """Notify each recipient as they chose; returns how many mails were queued.

    ``link`` is a path on this site; mails get it absolute (``base_url`` + link). ``params``
    must be JSON (they are stored); ``mail_context`` may hold objects for the mail template.
    """
    if not recipients:
        return 0
    ids = [user.id for user in recipients]
    chosen = {
        row.user_id: (row.in_app, row.by_mail)
        for row in db.scalars(
            select(NotificationPreference).where(
                NotificationPreference.user_id.in_(ids), NotificationPreference.kind == kind.value
            )
        )
    }
    mails = 0
    for user in recipients:
        in_app, by_mail = chosen.get(user.id, (True, True))
        if in_app:
            db.add(Notification(user_id=user.id, kind=kind.value, params=params, link=link))
        # The profile's general switch and a confirmed address come first: no mail to an
        # address nobody has proven to own.
        if by_mail and user.notify_by_mail and user.is_confirmed:
            queue_mail(
                db,
                jinja,
                to=user.email,
                kind=kind.value,
                locale=user.locale,
                context={
                    "user": user,
                    "link": f"{base_url}{link}",
                    "base_url": base_url,
                    **params,
                    **(mail_context or {}),
                },
            )
            mails += 1
    db.flush()
    return mails


def mark_read(db: Session, notification: Notification) -> None:
    """Opening a notification reads it; opening it again keeps the first time."""
    if notification.read_at is None:
        notification.read_at = utcnow()
        db.flush()


def mark_all_read(db: Session, user_id: int) -> int:
    result = db.execute(
        update(Notification)
        .where(Notification.user_id == user_id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    return int(getattr(result, "rowcount", 0) or 0)


def set_preference(
    db: Session, user_id: int, kind: NotificationKind, *, in_app: bool, by_mail: bool
) -> None:
    set_preferences(db, user_id, {kind: (in_app, by_mail)})


def set_preferences(
    db: Session, user_id: int, choices: Mapping[NotificationKind, tuple[bool, bool]]
) -> int:
    """Save (in app, by mail) per kind in one read; returns how many kinds changed. A kind
    left at both on gets no new row, since no row already means both on."""
    rows = {
        row.kind: row
        for row in db.scalars(
            select(NotificationPreference).where(NotificationPreference.user_id == user_id)
        )
    }
    changed = 0
    for kind, (in_app, by_mail) in choices.items():
        row = rows.get(kind.value)
        current = (row.in_app, row.by_mail) if row else (True, True)
        if current == (in_app, by_mail):
            continue
        if row is None:
            row = NotificationPreference(user_id=user_id, kind=kind.value)
            db.add(row)
        row.in_app, row.by_mail = in_app, by_mail
        changed += 1
    db.flush()
    return changed
