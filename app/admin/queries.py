from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.models import RoleAssignment, User


def users_with_roles(db: Session) -> Sequence[User]:
    """Everyone holding at least one active role, with those roles (two queries)."""
    holders = select(RoleAssignment.user_id).where(RoleAssignment.revoked_at.is_(None))
    return db.scalars(
        select(User)
        .where(User.id.in_(holders))
        .options(selectinload(User.roles))
        .order_by(User.display_name, User.id)
    ).all()


def assignment_by_id(db: Session, assignment_id: int) -> RoleAssignment | None:
    return db.get(RoleAssignment, assignment_id)
