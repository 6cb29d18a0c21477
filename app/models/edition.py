from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db import AppendOnly, Base, OrganizationScoped, utcnow
from app.models.personal import STAFF_RECORD, personal


class CentralWhitePaper(OrganizationScoped, Base):
    """A numbered edition of the central white paper (centraal witboek): the submitted
    white papers of a process as they were when the admin compiled them. Its chapters and
    entries never change; compiling again makes the next number, which supersedes this
    one. Only its publication is recorded on it later."""

    __tablename__ = "central_white_papers"
    __table_args__ = (UniqueConstraint("process_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("processes.id", ondelete="CASCADE"))
    number: Mapped[int]
    note: Mapped[str] = mapped_column(Text, default="")  # why this edition (the admin's words)
    compiled_at: Mapped[datetime] = mapped_column(default=utcnow)
    compiled_by: Mapped[str] = mapped_column(String(200), info=personal(STAFF_RECORD))
    published_at: Mapped[datetime | None]
    published_by: Mapped[str | None] = mapped_column(String(200), info=personal(STAFF_RECORD))


class EditionChapter(AppendOnly, OrganizationScoped, Base):
    """One group's white paper in an edition: its title and introduction as compiled."""

    __tablename__ = "edition_chapters"
    __table_args__ = (UniqueConstraint("edition_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(
        ForeignKey("central_white_papers.id", ondelete="CASCADE")
    )
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"))
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id"))
    position: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    introduction: Mapped[str] = mapped_column(Text, default="")  # Markdown
    target: Mapped[int] = mapped_column(BigInteger, default=0)  # the theme's, a year


class EditionEntry(AppendOnly, OrganizationScoped, Base):
    """One proposal in an edition, as it was: its texts, budget lines and amounts per
    year (claimed, and validated where the financial review allowed it)."""

    __tablename__ = "edition_entries"
    __table_args__ = (
        UniqueConstraint("edition_id", "proposal_id"),
        Index("ix_edition_entries_chapter_position", "chapter_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(
        ForeignKey("central_white_papers.id", ondelete="CASCADE")
    )
    chapter_id: Mapped[int] = mapped_column(ForeignKey("edition_chapters.id", ondelete="CASCADE"))
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id"), index=True)
    proposal_version: Mapped[int]
    position: Mapped[int]  # the number within its chapter
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    measure: Mapped[str] = mapped_column(Text, default="")
    consequences: Mapped[str] = mapped_column(Text, default="")
    # [{"code": ..., "name": ...}]
    budget_lines: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    # {"2012": [structural, one_off], ...}; validated is None without a sound review.
    claimed: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    validated: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    claimed_total: Mapped[int] = mapped_column(BigInteger, default=0)


class ProductSheet(OrganizationScoped, Base):
    """The productblad of a proposal in the central white paper: everything the council
    needs to decide on it. An official drafts it; the financial adviser and then the chef
    sign it off; a step refused goes back to the official with a reason."""

    __tablename__ = "product_sheets"
    __table_args__ = (Index("ix_product_sheets_process_step", "process_id", "step"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("processes.id", ondelete="CASCADE"))
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("proposals.id", ondelete="CASCADE"), unique=True
    )
    step: Mapped[str] = mapped_column(String(20), default="official")  # SheetStep
    budget_lines: Mapped[str] = mapped_column(Text, default="")
    # {"2012": [structural, one_off], ...}: the financial effect the sheet states.
    financial_effect: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    staff_effect: Mapped[str] = mapped_column(Text, default="")
    legal_aspects: Mapped[str] = mapped_column(Text, default="")
    consequences: Mapped[str] = mapped_column(Text, default="")
    risks: Mapped[str] = mapped_column(Text, default="")
    implementation: Mapped[str] = mapped_column(Text, default="")
    advice: Mapped[str] = mapped_column(Text, default="")
    returned_reason: Mapped[str | None] = mapped_column(Text)  # why a step sent it back
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(200), info=personal(STAFF_RECORD))


class ProductSheetStep(AppendOnly, OrganizationScoped, Base):
    """One step of a product sheet's sign-off: who passed it on or sent it back, and why."""

    __tablename__ = "product_sheet_steps"
    __table_args__ = (Index("ix_product_sheet_steps_sheet", "sheet_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sheet_id: Mapped[int] = mapped_column(ForeignKey("product_sheets.id", ondelete="CASCADE"))
    from_step: Mapped[str] = mapped_column(String(20))
    to_step: Mapped[str] = mapped_column(String(20))
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id"), info=personal(STAFF_RECORD)
    )
    actor_label: Mapped[str] = mapped_column(String(200), info=personal(STAFF_RECORD))
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class DocumentBuild(OrganizationScoped, Base):
    """A document made from an edition (its PDF, Word file, CSV or XLSX) by a background
    job, or from a sprint's published result (its PDF and XLSX): each build belongs to
    exactly one of the two. The file is offered only when ``status`` is done: it is
    written under a temporary name and moved into place whole."""

    __tablename__ = "document_builds"
    __table_args__ = (
        Index("ix_document_builds_edition_kind", "edition_id", "kind"),
        Index("ix_document_builds_sprint_kind", "sprint_id", "kind"),
        CheckConstraint("(edition_id IS NULL) <> (sprint_id IS NULL)", name="one_subject"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int | None] = mapped_column(
        ForeignKey("central_white_papers.id", ondelete="CASCADE")
    )
    sprint_id: Mapped[int | None] = mapped_column(ForeignKey("sprints.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))  # DocumentKind
    status: Mapped[str] = mapped_column(String(20), default="queued")
    job_id: Mapped[int | None] = mapped_column(ForeignKey("jobs.id", ondelete="SET NULL"))
    progress_done: Mapped[int] = mapped_column(default=0)
    progress_total: Mapped[int | None]
    file_name: Mapped[str | None] = mapped_column(String(200))
    storage_key: Mapped[str | None] = mapped_column(String(300))  # below the documents folder
    size: Mapped[int | None] = mapped_column(BigInteger)
    sha256: Mapped[str | None] = mapped_column(String(64))
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
