from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base, utcnow


class Organization(Base):
    """One municipality. Every other row belongs to exactly one of these."""

    __tablename__ = "organizations"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # Design-token overrides (CSS custom properties) that give the site the
    # municipality's own colours; validated in app.organizations.branding.
    theme_tokens: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    logo_path: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Moved on by every committed write to what the organization's pages show
    # (app.cache.versions); pages rendered under an older number are not served again.
    content_version: Mapped[int] = mapped_column(default=0, server_default="0")

    hosts: Mapped[list[OrganizationHost]] = relationship(
        back_populates="organization", lazy="raise", cascade="all, delete-orphan"
    )


class OrganizationHost(Base):
    """A host name that serves an organization; looked up before any scoping applies."""

    __tablename__ = "organization_hosts"

    id: Mapped[int] = mapped_column(primary_key=True)
    host: Mapped[str] = mapped_column(String(253), unique=True)
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )

    organization: Mapped[Organization] = relationship(back_populates="hosts", lazy="raise")
