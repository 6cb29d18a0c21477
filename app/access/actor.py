"""Who is acting: the signed-in person with their active roles, loaded once per request."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from app.access.roles import Role, ScopeType
from app.models import User


def _no_account() -> User:
    raise LookupError("this actor was made without an account row")


@dataclass(frozen=True)
class Actor:
    """Who is signed in, as plain fields: what pages and predicates read. An error page
    after a rolled-back request can still say who is signed in.

    ``user`` is the ORM row, for the use cases that change the account. It is loaded when
    first asked for, from the request's session, because most pages never ask and every
    signed-in page loads the actor (issue #13)."""

    roles: frozenset[tuple[Role, ScopeType, int | None]]
    session_id: int | None
    id: int
    display_name: str
    email: str
    is_confirmed: bool
    # The bell's count, loaded with the actor so a page render costs no extra request.
    unread_notifications: int = 0
    account: Callable[[], User] = field(default=_no_account, repr=False, compare=False)

    @property
    def user(self) -> User:
        return self.account()

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
            account=lambda: user,
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
