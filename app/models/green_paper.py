from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import AppendOnly, Base, OrganizationScoped, utcnow
from app.models.account import User
from app.models.personal import CONTRIBUTION, COUNCIL, STAFF_RECORD, personal


class GreenPaper(OrganizationScoped, Base):
    """A group's groenboek: the context of the savings and the frameworks they should fall
    within, written together in sections; submitted by the chef, decided on by the board
    (continue or stop, with a reason), then public."""

    __tablename__ = "green_papers"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        ForeignKey("processes.id", ondelete="CASCADE"), index=True
    )
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), unique=True)
    status: Mapped[str] = mapped_column(String(20), default="draft")  # GreenPaperStatus
    submitted_at: Mapped[datetime | None]
    decided_at: Mapped[datetime | None]
    decided_by: Mapped[str | None] = mapped_column(String(200), info=personal(STAFF_RECORD))
    decision_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    sections: Mapped[list[GreenPaperSection]] = relationship(
        lazy="raise", order_by="GreenPaperSection.position", back_populates="green_paper"
    )


class GreenPaperSection(OrganizationScoped, Base):
    """One section's current text. ``version`` is the number of its latest revision: a
    save names the version it started from and is refused if another came in between."""

    __tablename__ = "green_paper_sections"
    __table_args__ = (
        Index("ix_green_paper_sections_paper_position", "green_paper_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    green_paper_id: Mapped[int] = mapped_column(ForeignKey("green_papers.id", ondelete="CASCADE"))
    position: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")  # Markdown, sanitised on output
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(200), info=personal(CONTRIBUTION))

    green_paper: Mapped[GreenPaper] = relationship(lazy="raise", back_populates="sections")


class SectionRevision(AppendOnly, OrganizationScoped, Base):
    """Every save of a section, kept as it was: the history, the diffs and restoring
    (which makes a new revision) read these. Written once, never changed."""

    __tablename__ = "section_revisions"
    __table_args__ = (UniqueConstraint("section_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(
        ForeignKey("green_paper_sections.id", ondelete="CASCADE")
    )
    number: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    # No ON DELETE action: an erased person is anonymised, never deleted.
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id"), info=personal(CONTRIBUTION)
    )
    author_label: Mapped[str] = mapped_column(String(200), info=personal(CONTRIBUTION))
    restored_from: Mapped[int | None]  # the revision number this one brought back
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SectionComment(OrganizationScoped, Base):
    """A comment on a section, or a reply to one (one level deep). The chef may hide it
    with a reason that its author sees."""

    __tablename__ = "section_comments"
    __table_args__ = (Index("ix_section_comments_section_created", "section_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(
        ForeignKey("green_paper_sections.id", ondelete="CASCADE")
    )
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("section_comments.id", ondelete="CASCADE")
    )
    author_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), info=personal(CONTRIBUTION)
    )
    body: Mapped[str] = mapped_column(Text, info=personal(CONTRIBUTION))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    hidden_at: Mapped[datetime | None]
    hidden_reason: Mapped[str | None] = mapped_column(Text)
    hidden_by: Mapped[str | None] = mapped_column(String(200), info=personal(STAFF_RECORD))

    author: Mapped[User] = relationship(lazy="raise")


class WorkshopInput(OrganizationScoped, Base):
    """A councillor's input on a green paper in the council workshop, and the chef's
    answer. Public once the workshop phase is over."""

    __tablename__ = "workshop_inputs"

    id: Mapped[int] = mapped_column(primary_key=True)
    green_paper_id: Mapped[int] = mapped_column(
        ForeignKey("green_papers.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), info=personal(COUNCIL)
    )
    body: Mapped[str] = mapped_column(Text, info=personal(COUNCIL))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    answer: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime | None]
    answered_by: Mapped[str | None] = mapped_column(String(200), info=personal(STAFF_RECORD))

    author: Mapped[User] = relationship(lazy="raise")
