"""Who may do what in the council's handling of an edition.

The council's work is public: every amendment, vote and the decision can be read by
anyone once the edition is with the council (DESIGN.md: the public reads amendments and
the decision). Acting is for the roles: the admin submits the edition, councillors file and
co-sign amendments, the clerk (or the admin) keeps the parties, records the votes and
publishes the decision. The phase and the states are checked by the use cases, so a
councillor who is too late gets a message that says so rather than a bare 403.

The amendment predicates take the Amendment (anything with ``filer_id`` and ``state``)."""

from __future__ import annotations

from typing import Any

from app.access.actor import Actor
from app.access.permissions import predicate
from app.access.roles import Role
from app.council.states import DecisionState


def is_councillor(actor: Actor | None) -> bool:
    return actor is not None and actor.has_role(Role.COUNCIL)


def is_clerk(actor: Actor | None) -> bool:
    """The council's clerk; the admin may stand in (a small municipality has no griffie
    that works in the platform)."""
    return actor is not None and (actor.has_role(Role.CLERK) or actor.is_admin)


@predicate("council.submit")
def may_submit(actor: Actor | None, edition: Any) -> bool:
    return actor is not None and actor.is_admin


@predicate("amendment.file")
def may_file(actor: Actor | None, decision: Any) -> bool:
    """Any councillor, while the decision is open (a closed one gets its own message)."""
    return is_councillor(actor)


@predicate("amendment.cosign")
def may_cosign(actor: Actor | None, amendment: Any) -> bool:
    """Another councillor than the filer. Whether it still waits for its vote is the use
    case's to say (a page left open past the vote gets that message, not a 403)."""
    return (
        is_councillor(actor)
        and actor is not None
        and getattr(amendment, "filer_id", None) != actor.id
    )


@predicate("amendment.withdraw")
def may_withdraw(actor: Actor | None, amendment: Any) -> bool:
    """Only the filer (while a councillor); before the vote, as the use case says."""
    return (
        is_councillor(actor)
        and actor is not None
        and getattr(amendment, "filer_id", None) == actor.id
    )


@predicate("council.record_vote")
def may_record_vote(actor: Actor | None, decision: Any) -> bool:
    return is_clerk(actor)


@predicate("council.publish")
def may_publish(actor: Actor | None, decision: Any) -> bool:
    return is_clerk(actor) and getattr(decision, "state", None) == DecisionState.DECIDED


@predicate("council.manage_parties")
def may_manage_parties(actor: Actor | None, organization: Any) -> bool:
    return is_clerk(actor)


@predicate("council.read_decision")
def may_read_decision(actor: Actor | None, decision: Any) -> bool:
    """The decision page: everyone once published; before that, from the final vote on,
    the clerk, the admin and the councillors see it as it will be published."""
    state = getattr(decision, "state", None)
    if state == DecisionState.PUBLISHED:
        return True
    return state == DecisionState.DECIDED and (is_clerk(actor) or is_councillor(actor))
