from sqlalchemy.orm import Session

from app.council import queries, service, vote_service
from app.council.states import AmendmentKind, AmendmentState, DecisionState, VoteMode
from app.db import organization_scope
from app.models import ProductSheet
from tests.council.conftest import BASE_URL, Council, actor, phases_of


def test_file_vote_decide(db: Session, submitted: Council) -> None:
    c = submitted
    assert c.decision is not None
    with organization_scope(db, c.book.organization.id):
        entry = c.entries[0]
        sheet = db.query(ProductSheet).filter_by(proposal_id=entry.proposal_id).one()
        a1 = service.file_amendment(
            db, c.jinja, actor(c.joost), c.process, phases_of(db, c), c.decision, entry, sheet,
            service.AmendmentInput(AmendmentKind.STRIKE, "Niet doen."), base_url=BASE_URL,
        )  # fmt: skip
        service.cosign(db, actor(c.marieke), c.process, phases_of(db, c), c.decision, a1)
        book = queries.council_book(db, c.decision)
        assert book.amendments[0].effect[2013] == -book.measures[0].total(2013)
        tally = vote_service.Tally(VoteMode.COUNTS, 10, 7)
        vote_service.record_amendment_vote(
            db, c.jinja, actor(c.clerk), c.process, phases_of(db, c), c.decision, a1, tally,
            base_url=BASE_URL,
        )  # fmt: skip
        assert a1.state == AmendmentState.CARRIED
        vote_service.record_final_vote(
            db, actor(c.clerk), c.process, phases_of(db, c), c.decision,
            vote_service.Tally(VoteMode.COUNTS, 12, 5),
        )  # fmt: skip
        assert c.decision.state == DecisionState.DECIDED
        book = queries.council_book(db, c.decision)
        assert book.package.total.adopted[2013] == (
            book.package.total.submitted[2013] - book.measures[0].total(2013)
        )
