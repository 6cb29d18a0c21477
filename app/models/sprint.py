"""The savings sprint (Hoogeveen's hackathon): its clock, the options catalogue, the shared
review queue, mood checks, the message channels, the programme, the published interim
standings, the board's chosen package, and the event log that carries live updates.

A team's measures are Proposals in the team's Group (so amounts per year, reviews and
validated amounts work as in a dialogue); what the sprint adds lives here."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, OrganizationScoped, utcnow
from app.models.personal import CONTRIBUTION, PARTICIPATION, STAFF_RECORD, personal


class Sprint(OrganizationScoped, Base):
    """The sprint's clock: packages can be built between ``starts_at`` and ``ends_at``
    (UTC), and lock when the time is up. One per sprint process."""

    __tablename__ = "sprints"
    __table_args__ = (UniqueConstraint("process_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("processes.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    # Set when the board publishes its chosen package; the result page is public from then.
    package_published_at: Mapped[datetime | None]
    package_note: Mapped[str] = mapped_column(Text, default="")  # Markdown, the board's why


class SprintOption(OrganizationScoped, Base):
    """An option from the catalogue officials prepare before the sprint: a measure with
    its budget lines, indicative amounts and known legal snags. Teams adopt it as is,
    adapt it, or write their own measure."""

    __tablename__ = "sprint_options"
    __table_args__ = (UniqueConstraint("process_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        ForeignKey("processes.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    measure: Mapped[str] = mapped_column(Text)  # Markdown
    budget_lines: Mapped[str] = mapped_column(Text, default="")  # codes and names, free text
    # Indicative euros: a full year's structural effect, and the effect in the current year.
    structural: Mapped[int] = mapped_column(BigInteger, default=0)
    current_year: Mapped[int] = mapped_column(BigInteger, default=0)
    legal_snags: Mapped[str] = mapped_column(Text, default="")  # Markdown
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id"), info=personal(STAFF_RECORD)
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class SprintMeasure(OrganizationScoped, Base):
    """What the sprint knows of a team's measure beyond the Proposal: which option it came
    from and whether the team took it as is or adapted it (none: the team's own)."""

    __tablename__ = "sprint_measures"
    __table_args__ = (UniqueConstraint("proposal_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        ForeignKey("processes.id", ondelete="CASCADE"), index=True
    )
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"))
    option_id: Mapped[int | None] = mapped_column(
        ForeignKey("sprint_options.id", ondelete="SET NULL"), index=True
    )
    origin: Mapped[str] = mapped_column(String(20))  # MeasureOrigin: as_is | adapted | own


class ReviewClaim(OrganizationScoped, Base):
    """A reviewer's hold on a measure in the shared queue: one reviewer per measure and
    kind at a time (the unique constraint is what guarantees it under concurrency)."""

    __tablename__ = "sprint_review_claims"
    __table_args__ = (UniqueConstraint("proposal_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        ForeignKey("processes.id", ondelete="CASCADE"), index=True
    )
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))  # ReviewKind
    reviewer_id: Mapped[int] = mapped_column(
        ForeignKey("users.id"), index=True, info=personal(STAFF_RECORD)
    )
    claimed_at: Mapped[datetime] = mapped_column(default=utcnow)


class MoodCheck(OrganizationScoped, Base):
    """A team's mood (1 to 5) and a line; only the steering group reads them."""

    __tablename__ = "sprint_mood_checks"
    __table_args__ = (
        CheckConstraint("score BETWEEN 1 AND 5", name="score_range"),
        Index("ix_sprint_mood_checks_group_created", "group_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        ForeignKey("processes.id", ondelete="CASCADE"), index=True
    )
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), info=personal(PARTICIPATION))
    score: Mapped[int]
    line: Mapped[str] = mapped_column(String(300), default="", info=personal(PARTICIPATION))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SprintMessage(OrganizationScoped, Base):
    """A message in a team's channel between the steering group and the team. A message
    the steering group sends to all teams has no group."""

    __tablename__ = "sprint_messages"
    __table_args__ = (Index("ix_sprint_messages_process_group", "process_id", "group_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("processes.id", ondelete="CASCADE"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id"), info=personal(CONTRIBUTION)
    )
    author_label: Mapped[str] = mapped_column(String(200), info=personal(CONTRIBUTION))
    from_steering: Mapped[bool] = mapped_column(default=False)
    body: Mapped[str] = mapped_column(Text, info=personal(CONTRIBUTION))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ProgrammeItem(OrganizationScoped, Base):
    """A slot in the sprint's programme: a working session, a guest speaker, a break."""

    __tablename__ = "sprint_programme_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        ForeignKey("processes.id", ondelete="CASCADE"), index=True
    )
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(20))  # ProgrammeKind
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")


class StandingsSnapshot(OrganizationScoped, Base):
    """Interim standings as the steering group published them: frozen, so what teams saw
    at 21:00 stays what it was. ``rows`` holds one dict per team (see standings.py)."""

    __tablename__ = "sprint_standings_snapshots"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        ForeignKey("processes.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int]
    note: Mapped[str] = mapped_column(Text, default="")
    rows: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    published_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id"), info=personal(STAFF_RECORD)
    )
    published_at: Mapped[datetime] = mapped_column(default=utcnow)


class PackageChoice(OrganizationScoped, Base):
    """A measure the board takes into its chosen package, from any team."""

    __tablename__ = "sprint_package_choices"
    __table_args__ = (UniqueConstraint("proposal_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        ForeignKey("processes.id", ondelete="CASCADE"), index=True
    )
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"))
    chosen_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id"), info=personal(STAFF_RECORD)
    )
    chosen_at: Mapped[datetime] = mapped_column(default=utcnow)


class SprintEvent(OrganizationScoped, Base):
    """Something happened in a sprint that open screens should show: the log that live
    updates read. Written in the same transaction as the change, so an event is never
    seen for a change that rolled back, and a screen that reconnects resumes from the id
    it saw last. ``group_id`` narrows who is told (a team's channel); none is everyone."""

    __tablename__ = "sprint_events"
    __table_args__ = (Index("ix_sprint_events_process_id_id", "process_id", "id"),)

    # SQLite only counts up an INTEGER primary key by itself.
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("processes.id", ondelete="CASCADE"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(30))  # EventKind
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
