from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base, OrganizationScoped, utcnow
from app.models.personal import STAFF_RECORD, personal


class Review(OrganizationScoped, Base):
    """A lawyer's or financial adviser's verdict on a proposal. One current review per
    kind: a later one replaces it (the audit trail keeps the earlier). The financial
    review sets the validated amounts. When the proposal changes after the review, the
    review needs another look."""

    __tablename__ = "reviews"
    __table_args__ = (
        UniqueConstraint("proposal_id", "kind"),
        Index("ix_reviews_kind_stale", "kind", "needs_another_look"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))  # ReviewKind: legal | financial
    verdict: Mapped[str] = mapped_column(String(30))  # Verdict
    notes: Mapped[str] = mapped_column(Text, default="")
    reviewer_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id"), info=personal(STAFF_RECORD)
    )
    reviewer_label: Mapped[str] = mapped_column(String(200), info=personal(STAFF_RECORD))
    reviewed_version: Mapped[int]  # the proposal's version the verdict is about
    needs_another_look: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    amounts: Mapped[list[ValidatedAmount]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="ValidatedAmount.year"
    )


class ValidatedAmount(OrganizationScoped, Base):
    """What the financial adviser holds the proposal saves in a year."""

    __tablename__ = "validated_amounts"
    __table_args__ = (UniqueConstraint("review_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    year: Mapped[int]
    structural: Mapped[int] = mapped_column(BigInteger, default=0)
    one_off: Mapped[int] = mapped_column(BigInteger, default=0)
