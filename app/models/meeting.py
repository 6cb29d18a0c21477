from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base, OrganizationScoped, utcnow
from app.models.account import User
from app.models.budget import Group
from app.models.personal import PARTICIPATION, personal


class RegistrationStatus(StrEnum):
    REGISTERED = "registered"  # has a place
    WAITING = "waiting"  # on the waiting list, in order of registration


class Meeting(OrganizationScoped, Base):
    """An evening of a theme group, or a meeting of the whole process (the kick-off) when
    ``group_id`` is empty. Times are stored in UTC and shown in the organization's zone."""

    __tablename__ = "meetings"
    __table_args__ = (Index("ix_meetings_process_starts", "process_id", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("processes.id", ondelete="CASCADE"))
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("groups.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    phase: Mapped[str] = mapped_column(String(30))  # app.phases.kinds.PhaseKind
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    place: Mapped[str] = mapped_column(String(300))
    agenda: Mapped[str] = mapped_column(Text, default="")  # Markdown
    capacity: Mapped[int | None]  # None: no limit
    minutes: Mapped[str] = mapped_column(Text, default="")  # Markdown, shared with the group
    minutes_public: Mapped[bool] = mapped_column(Boolean, default=False)
    cancelled_at: Mapped[datetime | None]
    # Goes up with every change of time or place: calendar programs (RFC 5545 SEQUENCE)
    # replace the older invitation, and a queued reminder for an older time is skipped.
    sequence: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    group: Mapped[Group | None] = relationship(lazy="raise")
    registrations: Mapped[list[MeetingRegistration]] = relationship(
        lazy="raise", back_populates="meeting", order_by="MeetingRegistration.id"
    )


class MeetingRegistration(OrganizationScoped, Base):
    """One person coming to a meeting, or waiting for a place; the chef marks attendance."""

    __tablename__ = "meeting_registrations"
    __table_args__ = (UniqueConstraint("meeting_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True, info=personal(PARTICIPATION)
    )
    status: Mapped[str] = mapped_column(String(20))  # RegistrationStatus
    # None until the chef takes attendance.
    attended: Mapped[bool | None] = mapped_column(info=personal(PARTICIPATION))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    meeting: Mapped[Meeting] = relationship(lazy="raise", back_populates="registrations")
    user: Mapped[User] = relationship(lazy="raise")
