"""Who may do what with a proposal. The object is the Proposal (or, for creating one,
the Group): both carry the group's id."""

from __future__ import annotations

from typing import Any

from app.access.actor import Actor
from app.access.permissions import predicate
from app.access.roles import Role
from app.proposals.states import EDITABLE, ProposalState
from app.recruitment.membership import is_chef, is_member


def _group_id(obj: Any) -> int | None:
    return getattr(obj, "group_id", None) or getattr(obj, "id", None)


def is_author(actor: Actor | None, proposal: Any) -> bool:
    """The first author or a co-author; ``coauthor_ids`` is set on the proposal by the
    query that loads it for a page (a set of user ids)."""
    if actor is None:
        return False
    return actor.id == getattr(proposal, "author_id", None) or actor.id in getattr(
        proposal, "coauthor_ids", frozenset()
    )


@predicate("proposal.read")
def may_read(actor: Actor | None, proposal: Any) -> bool:
    """Public from submission on; a draft stays with its authors, the chef and the admin."""
    if getattr(proposal, "submitted_at", None) is not None:
        return True
    if actor is None:
        return False
    return actor.is_admin or is_author(actor, proposal) or is_chef(actor, _group_id(proposal))


@predicate("proposal.create")
def may_create(actor: Actor | None, group: Any) -> bool:
    """Experts (and the chef) draft proposals in their own group; the phase is checked by
    the use case, so a closed phase gets its own message."""
    return actor is not None and actor.is_confirmed and is_member(actor, _group_id(group))


@predicate("proposal.edit")
def may_edit(actor: Actor | None, proposal: Any) -> bool:
    return (
        getattr(proposal, "state", None) in EDITABLE
        and actor is not None
        and (is_author(actor, proposal) or is_chef(actor, _group_id(proposal)))
    )


@predicate("proposal.author_step")
def may_take_author_step(actor: Actor | None, proposal: Any) -> bool:
    """Submit and withdraw: the authors."""
    return is_author(actor, proposal)


@predicate("proposal.chef_step")
def may_take_chef_step(actor: Actor | None, proposal: Any) -> bool:
    """Open the discussion, include, merge, reject, reconsider: the group's chef."""
    return actor is not None and is_chef(actor, _group_id(proposal))


@predicate("proposal.discuss")
def may_discuss(actor: Actor | None, proposal: Any) -> bool:
    """Comment, reply, support: signed-in people with a confirmed address, on a proposal
    that is submitted or in discussion."""
    return (
        actor is not None
        and actor.is_confirmed
        and getattr(proposal, "state", None)
        in (ProposalState.SUBMITTED, ProposalState.IN_DISCUSSION)
    )


@predicate("proposal.ask_official")
def may_ask_official(actor: Actor | None, proposal: Any) -> bool:
    """Members of the group ask the officials what they need to know."""
    return (
        actor is not None
        and actor.is_confirmed
        and is_member(actor, _group_id(proposal))
        and getattr(proposal, "state", None) in EDITABLE
    )


@predicate("proposal.answer_question")
def may_answer_question(actor: Actor | None, obj: Any) -> bool:
    return actor is not None and actor.has_role(Role.OFFICIAL)


@predicate("proposal.moderate")
def may_moderate(actor: Actor | None, proposal: Any) -> bool:
    """Hide a comment with a reason, handle flags: the group's chef."""
    return actor is not None and is_chef(actor, _group_id(proposal))


@predicate("proposal.review")
def may_review(actor: Actor | None, obj: Any) -> bool:
    """Lawyers give the legal verdict, financial advisers the financial one (the route
    checks which kind); the phase is checked by the use case."""
    return actor is not None and (actor.has_role(Role.LEGAL) or actor.has_role(Role.FINANCE))
