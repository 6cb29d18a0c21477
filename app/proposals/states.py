"""A proposal's life as a table: (state, step) -> next state, and who takes each step.
Nothing else assigns ``Proposal.state``."""

from __future__ import annotations

from enum import StrEnum

from app.errors import InvalidTransition
from app.i18n import gettext as _
from app.i18n import lazy_gettext as _l


class ProposalState(StrEnum):
    DRAFT = "draft"  # with its authors (and the chef), not public
    SUBMITTED = "submitted"  # public; waits for the chef to open the discussion
    IN_DISCUSSION = "in_discussion"  # discussed, questioned, reviewed
    INCLUDED = "included"  # in the group's white paper
    MERGED = "merged"  # taken up in another proposal
    WITHDRAWN = "withdrawn"  # by its authors
    REJECTED = "rejected"  # by the chef, with a reason


class Step(StrEnum):
    SUBMIT = "submit"
    WITHDRAW = "withdraw"
    OPEN_DISCUSSION = "open_discussion"
    INCLUDE = "include"
    MERGE = "merge"
    REJECT = "reject"
    RECONSIDER = "reconsider"  # an included proposal back into the discussion


class Who(StrEnum):
    AUTHOR = "author"
    CHEF = "chef"


S, P = ProposalState, Step
TRANSITIONS: dict[tuple[ProposalState, Step], ProposalState] = {
    (S.DRAFT, P.SUBMIT): S.SUBMITTED,
    (S.DRAFT, P.WITHDRAW): S.WITHDRAWN,
    (S.SUBMITTED, P.WITHDRAW): S.WITHDRAWN,
    (S.IN_DISCUSSION, P.WITHDRAW): S.WITHDRAWN,
    (S.SUBMITTED, P.OPEN_DISCUSSION): S.IN_DISCUSSION,
    (S.SUBMITTED, P.MERGE): S.MERGED,
    (S.SUBMITTED, P.REJECT): S.REJECTED,
    (S.IN_DISCUSSION, P.INCLUDE): S.INCLUDED,
    (S.IN_DISCUSSION, P.MERGE): S.MERGED,
    (S.IN_DISCUSSION, P.REJECT): S.REJECTED,
    (S.INCLUDED, P.RECONSIDER): S.IN_DISCUSSION,
}

# Authors submit and withdraw; the chef moves the rest (DESIGN.md).
TAKEN_BY: dict[Step, Who] = {
    P.SUBMIT: Who.AUTHOR,
    P.WITHDRAW: Who.AUTHOR,
    P.OPEN_DISCUSSION: Who.CHEF,
    P.INCLUDE: Who.CHEF,
    P.MERGE: Who.CHEF,
    P.REJECT: Who.CHEF,
    P.RECONSIDER: Who.CHEF,
}

# A step that needs words: why it was rejected, or which proposal it went into.
NEEDS_REASON: frozenset[Step] = frozenset({P.REJECT, P.MERGE})

# Whose amounts count towards the claimed totals (and may be reviewed).
COUNTED: frozenset[ProposalState] = frozenset({S.SUBMITTED, S.IN_DISCUSSION, S.INCLUDED})

# Authors may still change the text in these states; a change after submission is a
# new revision, and reviews then need another look.
EDITABLE: frozenset[ProposalState] = frozenset({S.DRAFT, S.SUBMITTED, S.IN_DISCUSSION})

STATE_LABELS: dict[str, str] = {
    S.DRAFT: _l("Draft"),
    S.SUBMITTED: _l("Submitted"),
    S.IN_DISCUSSION: _l("In discussion"),
    S.INCLUDED: _l("In the white paper"),
    S.MERGED: _l("Merged into another proposal"),
    S.WITHDRAWN: _l("Withdrawn"),
    S.REJECTED: _l("Rejected"),
}

STEP_LABELS: dict[str, str] = {
    P.SUBMIT: _l("Submit"),
    P.WITHDRAW: _l("Withdraw"),
    P.OPEN_DISCUSSION: _l("Open the discussion"),
    P.INCLUDE: _l("Include in the white paper"),
    P.MERGE: _l("Merge into another proposal"),
    P.REJECT: _l("Reject"),
    P.RECONSIDER: _l("Back into the discussion"),
}


def next_state(state: str, step: Step) -> ProposalState:
    try:
        return TRANSITIONS[(ProposalState(state), step)]
    except KeyError:
        raise InvalidTransition(
            _(
                "This step is not possible for a proposal that is %(state)s.",
                state=str(STATE_LABELS[state]).lower(),
            )
        ) from None


def steps_from(state: str) -> list[Step]:
    """The steps the table allows from ``state``, in the table's order."""
    return [step for (s, step) in TRANSITIONS if s == state]
