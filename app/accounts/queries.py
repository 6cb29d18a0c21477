from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import UserSession


def sessions_of(db: Session, user_id: int) -> Sequence[UserSession]:
    """A person's signed-in browsers, most recently used first (one query)."""
    return db.scalars(
        select(UserSession)
        .where(UserSession.user_id == user_id)
        .order_by(UserSession.last_seen_at.desc(), UserSession.id.desc())
    ).all()
