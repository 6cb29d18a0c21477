from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, OrganizationScoped, utcnow
from app.models.personal import CONTRIBUTION, personal


class Attachment(OrganizationScoped, Base):
    """A file attached to a proposal or to a product sheet (exactly one). Stored under a
    generated name; the name the person gave is kept only to offer it on download."""

    __tablename__ = "attachments"
    __table_args__ = (
        CheckConstraint("(proposal_id IS NULL) <> (product_sheet_id IS NULL)", name="one_subject"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int | None] = mapped_column(
        ForeignKey("proposals.id", ondelete="CASCADE"), index=True
    )
    product_sheet_id: Mapped[int | None] = mapped_column(
        ForeignKey("product_sheets.id", ondelete="CASCADE"), index=True
    )
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)
    original_name: Mapped[str] = mapped_column(String(255), info=personal(CONTRIBUTION))
    content_type: Mapped[str] = mapped_column(String(100))
    size_bytes: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    uploaded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), info=personal(CONTRIBUTION)
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
