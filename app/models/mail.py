from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, OrganizationScoped, utcnow
from app.models.personal import MAIL, personal


class Mail(OrganizationScoped, Base):
    """An outgoing mail, written in the request that caused it and sent by a job after
    that request committed. In development it stays here, readable on the outbox page."""

    __tablename__ = "mails"

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient: Mapped[str] = mapped_column(String(254), info=personal(MAIL))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, info=personal(MAIL))
    kind: Mapped[str] = mapped_column(String(60))  # the template, e.g. "confirm_email"
    status: Mapped[str] = mapped_column(String(20), default="queued")  # queued/sent/kept/failed
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    sent_at: Mapped[datetime | None]
    error: Mapped[str | None] = mapped_column(Text)
