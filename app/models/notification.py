from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, OrganizationScoped, utcnow
from app.models.personal import NOTIFICATION, personal


class Notification(OrganizationScoped, Base):
    """Something a person should know, shown under the bell. The text is made when it is
    shown, from ``kind`` and ``params``, so it reads in the language the person uses then."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_read", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), info=personal(NOTIFICATION)
    )
    kind: Mapped[str] = mapped_column(String(40))  # app.notifications.kinds.NotificationKind
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, info=personal(NOTIFICATION))
    link: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]


class NotificationPreference(OrganizationScoped, Base):
    """A person's choice for one kind of notification; no row means both channels on."""

    __tablename__ = "notification_preferences"
    __table_args__ = (UniqueConstraint("user_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), info=personal(NOTIFICATION)
    )
    kind: Mapped[str] = mapped_column(String(40))
    in_app: Mapped[bool] = mapped_column(Boolean, default=True)
    by_mail: Mapped[bool] = mapped_column(Boolean, default=True)
