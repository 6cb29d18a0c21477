from __future__ import annotations

from typing import Any

from app.access.actor import Actor
from app.access.permissions import predicate


@predicate("roles.manage")
def may_manage_roles(actor: Actor | None, obj: Any) -> bool:
    return actor is not None and actor.is_admin


@predicate("sessions.end_any")
def may_end_sessions(actor: Actor | None, obj: Any) -> bool:
    """Signing someone out everywhere: the admin, who also manages their roles."""
    return actor is not None and actor.is_admin
