from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base, OrganizationScoped, utcnow
from app.models.account import User
from app.models.personal import APPLICATION, STAFF_RECORD, personal


class ChefApplication(OrganizationScoped, Base):
    """A staff member's answer to the open call for chefs of a process. Zeist chose its
    chefs on enthusiasm and skills rather than job title, so this holds both."""

    __tablename__ = "chef_applications"
    __table_args__ = (UniqueConstraint("process_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        ForeignKey("processes.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True, info=personal(APPLICATION)
    )
    # The theme the person would like to run, if any; the admin may choose another.
    preferred_theme_id: Mapped[int | None] = mapped_column(
        ForeignKey("themes.id", ondelete="SET NULL")
    )
    motivation: Mapped[str] = mapped_column(Text, info=personal(APPLICATION))
    competencies: Mapped[str] = mapped_column(Text, info=personal(APPLICATION))
    status: Mapped[str] = mapped_column(String(20), default="pending")  # ChefApplicationStatus
    selected_group_id: Mapped[int | None] = mapped_column(
        ForeignKey("groups.id", ondelete="SET NULL")
    )
    decision_message: Mapped[str | None] = mapped_column(Text, info=personal(APPLICATION))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]

    user: Mapped[User] = relationship(lazy="raise")


class ExpertApplication(OrganizationScoped, Base):
    """Someone offering to join a theme group, with what they bring: expertise, experience
    and stake ("a mix of expertise, experience and stake", Zeist). The chef decides."""

    __tablename__ = "expert_applications"
    __table_args__ = (
        UniqueConstraint("group_id", "user_id"),
        Index("ix_expert_applications_group_status", "group_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        ForeignKey("processes.id", ondelete="CASCADE"), index=True
    )
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True, info=personal(APPLICATION)
    )
    has_expertise: Mapped[bool] = mapped_column(Boolean, default=False, info=personal(APPLICATION))
    expertise: Mapped[str] = mapped_column(Text, default="", info=personal(APPLICATION))
    has_experience: Mapped[bool] = mapped_column(Boolean, default=False, info=personal(APPLICATION))
    experience: Mapped[str] = mapped_column(Text, default="", info=personal(APPLICATION))
    has_stake: Mapped[bool] = mapped_column(Boolean, default=False, info=personal(APPLICATION))
    stake: Mapped[str] = mapped_column(Text, default="", info=personal(APPLICATION))
    organization_name: Mapped[str] = mapped_column(
        String(200), default="", info=personal(APPLICATION)
    )
    motivation: Mapped[str] = mapped_column(Text, info=personal(APPLICATION))
    status: Mapped[str] = mapped_column(String(20), default="pending")  # ApplicationStatus
    decision_message: Mapped[str | None] = mapped_column(Text, info=personal(APPLICATION))
    decided_by: Mapped[str | None] = mapped_column(String(200), info=personal(STAFF_RECORD))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]

    user: Mapped[User] = relationship(lazy="raise")
    claimed_lines: Mapped[list[ApplicationBudgetLine]] = relationship(
        lazy="raise", cascade="all, delete-orphan"
    )


class ApplicationBudgetLine(OrganizationScoped, Base):
    """A budget line of the theme the applicant says they know about; the chef's coverage
    view shows the lines nobody in the group has claimed."""

    __tablename__ = "application_budget_lines"
    __table_args__ = (UniqueConstraint("application_id", "budget_line_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("expert_applications.id", ondelete="CASCADE")
    )
    budget_line_id: Mapped[int] = mapped_column(
        ForeignKey("budget_lines.id", ondelete="CASCADE"), index=True
    )
