from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, OrganizationScoped, utcnow
from app.models.personal import ROLE, STAFF_RECORD, personal


class RoleAssignment(OrganizationScoped, Base):
    """One role of one person, for the whole organization or one process or group.

    Revoking sets ``revoked_at`` rather than deleting, so the history stays readable
    next to the audit trail.
    """

    __tablename__ = "role_assignments"
    __table_args__ = (
        CheckConstraint(
            "(scope_type = 'organization' AND scope_id IS NULL)"
            " OR (scope_type IN ('process', 'group') AND scope_id IS NOT NULL)",
            name="scope_id_matches_type",
        ),
        Index("ix_role_assignments_user_active", "user_id", "revoked_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), info=personal(ROLE)
    )
    role: Mapped[str] = mapped_column(String(20))  # app.access.roles.Role
    scope_type: Mapped[str] = mapped_column(String(20), default="organization")
    scope_id: Mapped[int | None]
    # Who gave it: a person's name, or "oidc:<provider>" for roles an identity provider
    # asserts (those are synchronised at each sign-in).
    granted_by: Mapped[str] = mapped_column(String(200), info=personal(STAFF_RECORD))
    granted_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]
