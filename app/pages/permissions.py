from __future__ import annotations

from typing import Any

from app.access.actor import Actor
from app.access.permissions import predicate


@predicate("page.view")
def may_view_page(actor: Actor | None, page: Any) -> bool:
    """Content pages are public: they explain the dialogue to everyone."""
    return True


@predicate("page.edit")
def may_edit_page(actor: Actor | None, page: Any) -> bool:
    """Only an organization's admin edits its pages."""
    return actor is not None and actor.is_admin
