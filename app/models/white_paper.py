from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, OrganizationScoped, utcnow
from app.models.personal import STAFF_RECORD, personal


class WhitePaper(OrganizationScoped, Base):
    """A group's witboek: the chef's introduction and the included proposals in the
    chef's order (``Proposal.white_paper_position``). Submitted, it is read-only."""

    __tablename__ = "white_papers"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        ForeignKey("processes.id", ondelete="CASCADE"), index=True
    )
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), unique=True)
    introduction: Mapped[str] = mapped_column(Text, default="")  # Markdown
    status: Mapped[str] = mapped_column(String(20), default="draft")  # draft | submitted
    submitted_at: Mapped[datetime | None]
    submitted_by: Mapped[str | None] = mapped_column(String(200), info=personal(STAFF_RECORD))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
