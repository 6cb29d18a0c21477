from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, OrganizationScoped

# PostgreSQL keeps the stemmed words as a tsvector (``to_tsvector('dutch', ...)``, with a
# GIN index made by the migration); SQLite keeps them as text, stemmed in Python, which
# feeds the FTS5 table ``search_fts`` (also made by the migration, kept in step by
# triggers). Neither index is in the model: each exists on one database only.
StemmedText = Text().with_variant(TSVECTOR(), "postgresql")


class SearchEntry(OrganizationScoped, Base):
    """One published item as the search finds it: a proposal, a green or white paper, an
    edition of the central white paper, a product sheet, an amendment or the council's
    decision. Written only by :mod:`app.search.indexer`, in the same transaction as the
    change to the item; an item that is not (or no longer) public has no entry."""

    __tablename__ = "search_entries"
    __table_args__ = (
        UniqueConstraint("kind", "object_id"),
        Index("ix_search_entries_process_kind", "process_id", "kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # app.search.documents.Kind
    object_id: Mapped[int]
    process_id: Mapped[int] = mapped_column(ForeignKey("processes.id", ondelete="CASCADE"))
    theme_id: Mapped[int | None] = mapped_column(
        ForeignKey("themes.id", ondelete="SET NULL"), index=True
    )
    state: Mapped[str | None] = mapped_column(String(20))  # the item's own state
    # Euros saved in the horizon's last year, for the savings range: a proposal's claim,
    # a sheet's financial effect, an amendment's effect; None where it means nothing.
    amount: Mapped[int | None] = mapped_column(BigInteger)
    title: Mapped[str] = mapped_column(String(400))
    body: Mapped[str] = mapped_column(Text)  # plain text, the Markdown taken out
    url: Mapped[str] = mapped_column(String(300))
    published_at: Mapped[datetime]
    stemmed: Mapped[str] = mapped_column(StemmedText)
