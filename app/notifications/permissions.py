from __future__ import annotations

from typing import Any

from app.access.actor import Actor
from app.access.permissions import predicate


@predicate("notifications.view")
def may_view_notifications(actor: Actor | None, obj: Any) -> bool:
    """Everyone signed in has their own notifications; no one reads another's (the
    queries name the person, so there is no object to check here)."""
    return actor is not None
