"""Who may see, download and build an edition's documents. The object is the edition
(CentralWhitePaper), or for the council decision's documents the decision."""

from __future__ import annotations

from typing import Any

from app.access.actor import Actor
from app.access.permissions import predicate
from app.access.roles import Role
from app.council.permissions import is_clerk
from app.council.states import DecisionState

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


@predicate("documents.build_decision")
def may_build_decision(actor: Actor | None, decision: Any) -> bool:
    """The clerk (or the admin) builds the decision's documents again, and retries a
    failed build; publishing the decision builds them the first time. Only once it is
    published: until then the decision may still change (the documents are read with
    ``council.read_decision``)."""
    return is_clerk(actor) and getattr(decision, "state", None) == DecisionState.PUBLISHED
