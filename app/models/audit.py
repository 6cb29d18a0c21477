from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db import AppendOnly, Base, OrganizationScoped, utcnow
from app.models.personal import AUDIT, personal


class AuditEntry(AppendOnly, OrganizationScoped, Base):
    """One thing a person (or the system) did: who, when, what, to what, and why.

    Written by every use case through :func:`app.audit.service.record`; never updated or
    deleted (the ORM refuses, and database triggers refuse whatever bypasses the ORM).
    """

    __tablename__ = "audit_entries"
    __table_args__ = (Index("ix_audit_entries_object", "object_type", "object_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # The person who acted (None for the system or an identity provider), and a label
    # that names them as they were then.
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id"), index=True, info=personal(AUDIT)
    )
    actor_label: Mapped[str] = mapped_column(String(200), info=personal(AUDIT))
    action: Mapped[str] = mapped_column(String(100))
    object_type: Mapped[str] = mapped_column(String(60))
    object_id: Mapped[str] = mapped_column(String(60))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON, info=personal(AUDIT))
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON, info=personal(AUDIT))
    reason: Mapped[str | None] = mapped_column(Text, info=personal(AUDIT))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
