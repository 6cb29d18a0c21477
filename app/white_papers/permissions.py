"""Who may do what with a white paper. The object is the WhitePaper, or before its first
save the Group: both carry the group's id (a Group has no status, so it counts as draft)."""

from __future__ import annotations

from typing import Any

from app.access.actor import Actor
from app.access.permissions import predicate
from app.recruitment.membership import is_chef, is_member

DRAFT = "draft"
SUBMITTED = "submitted"


def _group_id(obj: Any) -> int | None:
    return getattr(obj, "group_id", None) or getattr(obj, "id", None)


@predicate("white_paper.read")
def may_read(actor: Actor | None, paper: Any) -> bool:
    """Everyone once submitted; before that the group and the admin."""
    if getattr(paper, "status", DRAFT) == SUBMITTED:
        return True
    return actor is not None and (actor.is_admin or is_member(actor, _group_id(paper)))


@predicate("white_paper.edit")
def may_edit(actor: Actor | None, paper: Any) -> bool:
    """The chef writes the introduction, orders the proposals and submits; once submitted
    nobody changes it (the phase is checked by the use case, with its own message)."""
    return (
        actor is not None
        and is_chef(actor, _group_id(paper))
        and getattr(paper, "status", DRAFT) == DRAFT
    )
