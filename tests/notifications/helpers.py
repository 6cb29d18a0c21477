from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from app.db import organization_scope, utcnow
from app.models import Notification, Organization, User
from app.notifications.kinds import NotificationKind


def make_notification(
    db: Session,
    organization: Organization,
    user: User,
    *,
    kind: NotificationKind = NotificationKind.MINUTES_SHARED,
    params: dict[str, Any] | None = None,
    link: str = "/processen/dialoog",
    minutes_ago: int = 0,
    read: bool = False,
) -> Notification:
    """A row under the bell, as notify() would leave it (without a mail)."""
    created = utcnow() - timedelta(minutes=minutes_ago)
    with organization_scope(db, organization.id):
        notification = Notification(
            user_id=user.id,
            kind=kind.value,
            params=params if params is not None else {"title": "Werkgroep Sport"},
            link=link,
            created_at=created,
            read_at=created if read else None,
        )
        db.add(notification)
    return notification
