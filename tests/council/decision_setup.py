"""A decision taken all the way, through the use cases, for the tests of the decision page
and its documents: on the ``submitted`` edition (six measures in two themes) five
amendments of every kind and fate, votes by counts and per party, a corrected amendment
vote, a corrected final vote, and (unless asked not to) publication."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.council import service, vote_service
from app.council.states import AmendmentKind, PartyVote, VoteMode
from app.db import organization_scope
from app.models import Amendment, CouncilParty, ProductSheet, User
from tests.council.conftest import BASE_URL, Council, actor, phases_of

CHANGED_AMOUNTS = {"2012": [1_000, 0], "2013": [2_500, 500], "2014": [3_000, 0], "2015": [3_000, 0]}
CONDITION = "Alleen als de scholen het ermee eens zijn."
CORRECTION = "De stemmen van twee leden waren verkeerd geteld."
FINAL_CORRECTION = "Een fractie stemde anders dan genoteerd."


@dataclass
class Decided:
    council: Council
    amendments: list[Amendment]


def per_party(parties: list[CouncilParty], votes: list[PartyVote]) -> vote_service.Tally:
    rows = [
        {"party": p.name, "seats": p.seats, "vote": v.value}
        for p, v in zip(parties, votes, strict=True)
    ]
    yes = sum(p.seats for p, v in zip(parties, votes, strict=True) if v == PartyVote.FOR)
    no = sum(p.seats for p, v in zip(parties, votes, strict=True) if v == PartyVote.AGAINST)
    return vote_service.Tally(VoteMode.PARTIES, yes, no, rows)


def counts(yes: int, no: int) -> vote_service.Tally:
    return vote_service.Tally(VoteMode.COUNTS, yes, no)


def decide(db: Session, c: Council, *, publish: bool = True) -> Decided:
    """A1 strike (co-signed twice, carried), A2 change (defeated per party, corrected to
    carried), A3 condition (carried), A4 strike (defeated), A5 change (withdrawn); the
    edition adopted per party, the final vote corrected; published."""
    decision = c.decision
    assert decision is not None
    with organization_scope(db, c.book.organization.id):
        sheets = {
            s.proposal_id: s
            for s in db.scalars(
                select(ProductSheet).where(
                    ProductSheet.proposal_id.in_([e.proposal_id for e in c.entries])
                )
            )
        }

        def file(who: User, index: int, data: service.AmendmentInput) -> Amendment:
            entry = c.entries[index]
            return service.file_amendment(
                db, c.jinja, actor(who), c.process, phases_of(db, c), decision, entry,
                sheets[entry.proposal_id], data, base_url=BASE_URL,
            )  # fmt: skip

        def vote(amendment: Amendment, tally: vote_service.Tally, reason: str = "") -> None:
            vote_service.record_amendment_vote(
                db, c.jinja, actor(c.clerk), c.process, phases_of(db, c), decision, amendment,
                tally, reason=reason, base_url=BASE_URL,
            )  # fmt: skip

        a1 = file(
            c.joost, 0, service.AmendmentInput(AmendmentKind.STRIKE, "Schrappen: **te duur**.")
        )
        a2 = file(
            c.marieke,
            1,
            service.AmendmentInput(
                AmendmentKind.CHANGE, "Minder besparen.", amounts=CHANGED_AMOUNTS
            ),
        )
        a3 = file(
            c.joost,
            3,
            service.AmendmentInput(AmendmentKind.CONDITION, "Met draagvlak.", condition=CONDITION),
        )
        a4 = file(c.henk, 4, service.AmendmentInput(AmendmentKind.STRIKE, "Ook schrappen."))
        a5 = file(
            c.marieke,
            5,
            service.AmendmentInput(AmendmentKind.CHANGE, "Later.", amounts=CHANGED_AMOUNTS),
        )
        for who in (c.marieke, c.henk):
            service.cosign(db, actor(who), c.process, phases_of(db, c), decision, a1)
        service.withdraw(db, actor(c.marieke), c.process, phases_of(db, c), decision, a5)
        vote(a1, counts(10, 7))
        vote(a2, per_party(c.parties, [PartyVote.FOR, PartyVote.AGAINST, PartyVote.AGAINST]))
        vote(a2, counts(11, 6), CORRECTION)
        vote(a3, counts(9, 8))
        vote(a4, counts(5, 12))
        final = per_party(c.parties, [PartyVote.FOR, PartyVote.FOR, PartyVote.AGAINST])
        vote_service.record_final_vote(
            db, actor(c.clerk), c.process, phases_of(db, c), decision, final
        )
        vote_service.record_final_vote(
            db, actor(c.clerk), c.process, phases_of(db, c), decision, counts(12, 5),
            reason=FINAL_CORRECTION,
        )  # fmt: skip
        if publish:
            vote_service.publish_decision(
                db, c.jinja, actor(c.clerk), c.process, decision, base_url=BASE_URL
            )
        db.flush()
    return Decided(c, [a1, a2, a3, a4, a5])
