from __future__ import annotations

from typing import Any

from app.access.permissions import Actor, predicate


@predicate("page.view")
def may_view_page(actor: Actor, page: Any) -> bool:
    """Content pages are public: they explain the dialogue to everyone."""
    return True


@predicate("page.edit")
def may_edit_page(actor: Actor, page: Any) -> bool:
    """Only an organization's admin edits its pages; admins arrive with accounts."""
    return bool(actor is not None and getattr(actor, "is_admin", False))
