from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, OrganizationScoped, utcnow


class Page(OrganizationScoped, Base):
    """A published content page of an organization (about the dialogue, privacy, ...)."""

    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("organization_id", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")  # Markdown, sanitised on output
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
