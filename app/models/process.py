from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import BigInteger, ForeignKey, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base, OrganizationScoped, utcnow


class Process(OrganizationScoped, Base):
    """A savings dialogue or sprint: its targets, horizon and timeline of phases."""

    __tablename__ = "processes"
    __table_args__ = (UniqueConstraint("organization_id", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80))
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))  # app.phases.kinds.ProcessKind
    summary: Mapped[str] = mapped_column(Text, default="")  # Markdown
    # Euros a year: the structural target, and for a sprint also the current year's.
    target_total: Mapped[int] = mapped_column(BigInteger)
    target_current_year: Mapped[int | None] = mapped_column(BigInteger)
    first_year: Mapped[int]
    last_year: Mapped[int]
    # A theme's target is this percentage of its controllable costs (Zeist: 10%).
    target_percentage: Mapped[Decimal] = mapped_column(Numeric(5, 2), default=Decimal("10"))
    # The phase the process is in; changed only by an audited use case, never by a date.
    current_phase: Mapped[str | None] = mapped_column(String(30))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    phases: Mapped[list[Phase]] = relationship(
        lazy="raise", order_by="Phase.position", cascade="all, delete-orphan"
    )


class Phase(OrganizationScoped, Base):
    __tablename__ = "phases"
    __table_args__ = (
        UniqueConstraint("process_id", "kind"),
        UniqueConstraint("process_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("processes.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(30))  # app.phases.kinds.PhaseKind
    position: Mapped[int]
    starts_on: Mapped[date]
    ends_on: Mapped[date]


class Framework(OrganizationScoped, Base):
    """One of the council's frameworks (kaders): numbered, editable until the kick-off.
    Its earlier texts are in the audit trail (``framework.updated`` before/after)."""

    __tablename__ = "frameworks"
    __table_args__ = (UniqueConstraint("process_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        ForeignKey("processes.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)  # Markdown
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
