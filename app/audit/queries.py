from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEntry


def entries_for(session: Session, object_type: str, object_id: int | str) -> Sequence[AuditEntry]:
    """The history of one object, oldest first (the current organization only)."""
    return session.scalars(
        select(AuditEntry)
        .where(AuditEntry.object_type == object_type, AuditEntry.object_id == str(object_id))
        .order_by(AuditEntry.created_at, AuditEntry.id)
    ).all()
