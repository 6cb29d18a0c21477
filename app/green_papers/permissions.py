"""Who may do what with a green paper. The object is the GreenPaper (or, before it is
started, the Group): both carry the group's id."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.access.actor import Actor
from app.access.permissions import predicate
from app.access.roles import Role
from app.green_papers.states import PUBLISHED, GreenPaperStatus
from app.recruitment.membership import is_chef, is_member


@dataclass(frozen=True)
class WorkshopView:
    """What deciding who sees the council workshop needs: the group, and whether the
    workshop phase is over."""

    group_id: int
    over: bool


def _group_id(obj: Any) -> int | None:
    return getattr(obj, "group_id", None) or getattr(obj, "id", None)


@predicate("green_paper.read")
def may_read(actor: Actor | None, paper: Any) -> bool:
    """Everyone once the board has decided; before that the group, the admin, and the
    board (which reviews it once submitted)."""
    status = getattr(paper, "status", None)
    if status in PUBLISHED:
        return True
    if actor is None:
        return False
    if actor.is_admin or is_member(actor, _group_id(paper)):
        return True
    return status == GreenPaperStatus.SUBMITTED and actor.has_role(Role.BOARD)


@predicate("green_paper.write")
def may_write(actor: Actor | None, paper: Any) -> bool:
    """The group's members (experts and chef) write the text; the phase is checked by
    the use case, so a closed phase gets its own message."""
    return (
        actor is not None
        and actor.is_confirmed
        and is_member(actor, _group_id(paper))
        and getattr(paper, "status", GreenPaperStatus.DRAFT) == GreenPaperStatus.DRAFT
    )


@predicate("green_paper.arrange")
def may_arrange(actor: Actor | None, paper: Any) -> bool:
    """The chef runs the process: starts the paper, adds, renames and orders sections,
    hides comments, submits, and answers the council."""
    return actor is not None and is_chef(actor, _group_id(paper))


@predicate("green_paper.decide")
def may_decide(actor: Actor | None, paper: Any) -> bool:
    return (
        actor is not None
        and actor.has_role(Role.BOARD)
        and getattr(paper, "status", None) == GreenPaperStatus.SUBMITTED
    )


@predicate("green_paper.give_input")
def may_give_input(actor: Actor | None, paper: Any) -> bool:
    return (
        actor is not None
        and actor.has_role(Role.COUNCIL)
        and getattr(paper, "status", None) == GreenPaperStatus.CONTINUED
    )


@predicate("green_paper.read_workshop")
def may_read_workshop(actor: Actor | None, view: Any) -> bool:
    """The exchange between council and chef: public once the workshop is over; during it
    the councillors, the group and the admin follow it."""
    if getattr(view, "over", False):
        return True
    return actor is not None and (
        actor.is_admin or actor.has_role(Role.COUNCIL) or is_member(actor, _group_id(view))
    )
