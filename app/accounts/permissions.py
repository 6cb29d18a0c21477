from __future__ import annotations

from typing import Any

from app.access.actor import Actor
from app.access.permissions import predicate


@predicate("profile.edit")
def may_edit_profile(actor: Actor | None, obj: Any) -> bool:
    """Everyone signed in edits their own profile (there is no way to name another's)."""
    return actor is not None


@predicate("contribute")
def may_contribute(actor: Actor | None, obj: Any) -> bool:
    """Writing anything public needs a confirmed email address."""
    return actor is not None and actor.is_confirmed
