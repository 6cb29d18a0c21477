"""Who is acting: the signed-in person with their active roles, loaded once per request."""

from __future__ import annotations

from dataclasses import dataclass

from app.access.roles import Role, ScopeType
from app.models import User


@dataclass(frozen=True)
class Actor:
    """``user`` is the ORM row, for use cases. What pages show is copied into plain fields
    when the actor is loaded: an error page after a rolled-back request can still say who
    is signed in, although the row itself is expired by the rollback."""

    user: User
    roles: frozenset[tuple[Role, ScopeType, int | None]]
    session_id: int | None
    id: int
    display_name: str
    email: str
    is_confirmed: bool
    # The bell's count, loaded with the actor so a page render costs no extra request.
    unread_notifications: int = 0

    @classmethod
    def of(
        cls,
        user: User,
        roles: frozenset[tuple[Role, ScopeType, int | None]],
        session_id: int | None = None,
        *,
        unread_notifications: int = 0,
    ) -> Actor:
        return cls(
            user=user,
            roles=roles,
            session_id=session_id,
            id=user.id,
            display_name=user.display_name,
            email=user.email,
            is_confirmed=user.is_confirmed,
            unread_notifications=unread_notifications,
        )

    @property
    def is_admin(self) -> bool:
        return self.has_role(Role.ADMIN)

    def has_role(self, role: Role, scope: tuple[ScopeType, int] | None = None) -> bool:
        """An organization-wide assignment holds everywhere; a scoped one only there."""
        for held, scope_type, scope_id in self.roles:
            if held != role:
                continue
            if scope_type == ScopeType.ORGANIZATION:
                return True
            if scope is not None and (scope_type, scope_id) == scope:
                return True
        return False

    def label(self) -> str:
        return self.display_name
