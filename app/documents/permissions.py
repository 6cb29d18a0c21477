"""Who may see, download and build an edition's documents. The object is the edition
(CentralWhitePaper)."""

from __future__ import annotations

from typing import Any

from app.access.actor import Actor
from app.access.permissions import predicate
from app.access.roles import Role

# Before publication an edition's documents are working material of these roles.
STAFF = (Role.ADMIN, Role.OFFICIAL, Role.FINANCE, Role.LEGAL)


@predicate("documents.read")
def may_read(actor: Actor | None, edition: Any) -> bool:
    """Everyone once the edition is published; before that the admin, officials,
    financial advisers and lawyers (who write and sign off its product sheets)."""
    if getattr(edition, "published_at", None) is not None:
        return True
    return actor is not None and any(actor.has_role(role) for role in STAFF)


@predicate("documents.build")
def may_build(actor: Actor | None, edition: Any) -> bool:
    """The admin builds (and rebuilds, and retries); publishing builds them as well."""
    return actor is not None and actor.is_admin
