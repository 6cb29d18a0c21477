"""The council's two state machines as tables: an amendment's (filed, then withdrawn,
carried or defeated, a vote's correction moving it between the last two) and the
decision's (open, decided, published). Nothing else assigns ``Amendment.state`` or
``CouncilDecision.state``."""

from __future__ import annotations

from enum import StrEnum

from app.errors import InvalidTransition
from app.i18n import gettext as _
from app.i18n import lazy_gettext as _l


class AmendmentKind(StrEnum):
    STRIKE = "strike"  # the measure is not adopted
    CHANGE = "change"  # the measure is adopted with other amounts per year
    CONDITION = "condition"  # the measure is adopted on a condition


class AmendmentState(StrEnum):
    FILED = "filed"
    WITHDRAWN = "withdrawn"
    CARRIED = "carried"
    DEFEATED = "defeated"


class AmendmentEvent(StrEnum):
    WITHDRAW = "withdraw"
    VOTE_CARRIED = "vote_carried"
    VOTE_DEFEATED = "vote_defeated"
    CORRECTED_CARRIED = "corrected_carried"
    CORRECTED_DEFEATED = "corrected_defeated"


AS, AE = AmendmentState, AmendmentEvent
AMENDMENT_TRANSITIONS: dict[tuple[AmendmentState, AmendmentEvent], AmendmentState] = {
    (AS.FILED, AE.WITHDRAW): AS.WITHDRAWN,
    (AS.FILED, AE.VOTE_CARRIED): AS.CARRIED,
    (AS.FILED, AE.VOTE_DEFEATED): AS.DEFEATED,
    # A correction of the recorded vote may turn the outcome either way (or keep it).
    (AS.CARRIED, AE.CORRECTED_CARRIED): AS.CARRIED,
    (AS.CARRIED, AE.CORRECTED_DEFEATED): AS.DEFEATED,
    (AS.DEFEATED, AE.CORRECTED_CARRIED): AS.CARRIED,
    (AS.DEFEATED, AE.CORRECTED_DEFEATED): AS.DEFEATED,
}

# Filed and not yet voted: co-signing, withdrawing and the vote are possible.
OPEN_AMENDMENT = AS.FILED
VOTED = frozenset({AS.CARRIED, AS.DEFEATED})


def vote_event(carried: bool, *, correction: bool) -> AmendmentEvent:
    if correction:
        return AE.CORRECTED_CARRIED if carried else AE.CORRECTED_DEFEATED
    return AE.VOTE_CARRIED if carried else AE.VOTE_DEFEATED


def amendment_transition(state: str, event: AmendmentEvent) -> AmendmentState:
    try:
        return AMENDMENT_TRANSITIONS[(AmendmentState(state), event)]
    except (KeyError, ValueError):
        raise InvalidTransition(
            _(
                "This is not possible for an amendment that is %(state)s.",
                state=str(AMENDMENT_STATE_LABELS.get(state, state)).lower(),
            )
        ) from None


class DecisionState(StrEnum):
    OPEN = "open"  # amendments are filed and voted
    DECIDED = "decided"  # the council voted on the whole edition as amended
    PUBLISHED = "published"  # the clerk published the decision


class DecisionEvent(StrEnum):
    FINAL_VOTE = "final_vote"
    CORRECT_FINAL_VOTE = "correct_final_vote"
    PUBLISH = "publish"


DS, DE = DecisionState, DecisionEvent
DECISION_TRANSITIONS: dict[tuple[DecisionState, DecisionEvent], DecisionState] = {
    (DS.OPEN, DE.FINAL_VOTE): DS.DECIDED,
    (DS.DECIDED, DE.CORRECT_FINAL_VOTE): DS.DECIDED,
    (DS.DECIDED, DE.PUBLISH): DS.PUBLISHED,
}


def decision_transition(state: str, event: DecisionEvent) -> DecisionState:
    try:
        return DECISION_TRANSITIONS[(DecisionState(state), event)]
    except (KeyError, ValueError):
        raise InvalidTransition(
            _(
                "This is not possible while the council's decision is %(state)s.",
                state=str(DECISION_STATE_LABELS.get(state, state)).lower(),
            )
        ) from None


KIND_LABELS: dict[str, str] = {
    AmendmentKind.STRIKE: _l("Strike the measure"),
    AmendmentKind.CHANGE: _l("Change the amounts"),
    AmendmentKind.CONDITION: _l("Attach a condition"),
}

AMENDMENT_STATE_LABELS: dict[str, str] = {
    AS.FILED: _l("Filed"),
    AS.WITHDRAWN: _l("Withdrawn"),
    AS.CARRIED: _l("Carried"),
    AS.DEFEATED: _l("Defeated"),
}

DECISION_STATE_LABELS: dict[str, str] = {
    DS.OPEN: _l("Open for amendments"),
    DS.DECIDED: _l("Decided"),
    DS.PUBLISHED: _l("Published"),
}


class VoteMode(StrEnum):
    COUNTS = "counts"  # the numbers for and against
    PARTIES = "parties"  # each party's seats for, against or absent


class PartyVote(StrEnum):
    FOR = "for"
    AGAINST = "against"
    ABSENT = "absent"


PARTY_VOTE_LABELS: dict[str, str] = {
    PartyVote.FOR: _l("For"),
    PartyVote.AGAINST: _l("Against"),
    PartyVote.ABSENT: _l("Did not vote"),
}


def is_carried(votes_for: int, votes_against: int) -> bool:
    """A majority of the votes cast (Gemeentewet art. 32): more for than against. A tie is
    no majority, so it is not carried."""
    return votes_for > votes_against
