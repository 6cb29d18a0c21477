"""What the bell, the list and the preferences page read. Every query names the person:
the organization filter (app.db) keeps organizations apart, this keeps people apart."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.models import Notification, NotificationPreference
from app.notifications.kinds import NotificationKind

# The list shows the latest ones only: older notifications have done their work.
RECENT_LIMIT = 50


def unread_count(db: Session, user_id: int) -> int:
    """One COUNT on (user_id, read_at), which ix_notifications_user_read covers: it runs
    on every page a signed-in person opens and every minute under the bell."""
    count = db.scalar(
        select(func.count(Notification.id)).where(
            Notification.user_id == user_id, Notification.read_at.is_(None)
        )
    )
    return count or 0


def recent(db: Session, user_id: int, limit: int = RECENT_LIMIT) -> Sequence[Notification]:
    return db.scalars(
        select(Notification)
        .where(Notification.user_id == user_id)
        .order_by(Notification.created_at.desc(), Notification.id.desc())
        .limit(limit)
    ).all()


def own_notification(db: Session, user_id: int, notification_id: int) -> Notification:
    """Someone else's notification is a 404, as if it did not exist: ids reveal nothing."""
    found = db.scalar(
        select(Notification).where(
            Notification.id == notification_id, Notification.user_id == user_id
        )
    )
    if found is None:
        raise NotFound()
    return found


def preferences(db: Session, user_id: int) -> dict[NotificationKind, tuple[bool, bool]]:
    """(in app, by mail) per kind, for every kind; no row means both on."""
    rows = db.scalars(
        select(NotificationPreference).where(NotificationPreference.user_id == user_id)
    ).all()
    chosen = {row.kind: (row.in_app, row.by_mail) for row in rows}
    return {kind: chosen.get(kind.value, (True, True)) for kind in NotificationKind}
