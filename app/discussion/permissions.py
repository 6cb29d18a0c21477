"""Permission predicates of discussion. Commenting, supporting and moderating are the
proposal's own predicates (app.proposals.permissions); reporting a comment is here."""

from __future__ import annotations

from typing import Any

from app.access.actor import Actor
from app.access.permissions import predicate


@predicate("proposal.flag_comment")
def may_flag_comment(actor: Actor | None, comment: Any) -> bool:
    """Any signed-in person with a confirmed address may ask the chef to look at someone
    else's comment (reporting one's own makes no sense)."""
    return (
        actor is not None and actor.is_confirmed and getattr(comment, "author_id", None) != actor.id
    )
