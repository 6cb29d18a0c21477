"""Data for the open-data API: the council's published decision on the documents' test
edition (six proposals in two themes, each with a product sheet; five amendments), plus
reviews, a proposal still in discussion, two that never left draft, and a second
municipality with a process of the same slug, whose data must never show."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import organization_scope, utcnow
from app.models import (
    Group,
    Organization,
    OrganizationHost,
    Proposal,
    ProposalAmount,
    Review,
    ValidatedAmount,
)
from tests.council.conftest import Council, council, submitted  # noqa: F401 - fixtures
from tests.council.decision_setup import Decided, decide
from tests.documents.conftest import Edition, make_edition
from tests.factories import make_organization, make_process


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Gives each schemathesis test its operation in its node id again.

    pytest 9 builds a test's node id from its original name and its callspec, and
    schemathesis's tests have neither for the operation, so all fourteen had one node id
    (``...::test_the_api_keeps_to_its_document``). pytest-xdist's --dist loadgroup keys its
    work by node id and so ran one of the fourteen; a single one could not be selected either.
    """
    for item in items:
        name, _, label = item.name.partition("[")
        if label and "[" not in item.nodeid and isinstance(item, pytest.Function):
            item._id = item.parent.id.child(name).with_params(label.removesuffix("]"))  # type: ignore[union-attr]


API = "/api/v1"
PROCESS = f"{API}/processes/dialoog"
# Words that are only in what must never be published: a draft, or another municipality.
SECRET_WORDS = ("Geheim concept", "Ingetrokken concept", "Andersdorp", "anders-proces")


@dataclass
class OpenData:
    council: Council
    decided: Decided
    draft: Proposal
    withdrawn_draft: Proposal
    in_discussion: Proposal
    reviews: list[Review]
    other: Edition

    @property
    def proposals(self) -> list[Proposal]:
        """The public ones of the edition, in id order."""
        return sorted(
            (p for p in self.all_proposals if p.submitted_at is not None), key=lambda p: p.id
        )

    all_proposals: list[Proposal]


def _proposal(db: Session, made: Edition, title: str, state: str, *, public: bool) -> Proposal:
    group = db.scalars(select(Group).order_by(Group.position, Group.id)).first()
    assert group is not None
    proposal = Proposal(
        process_id=made.process.id, group_id=group.id, author_id=made.expert.id, title=title,
        summary="Niet voor iedereen.", state=state, submitted_at=utcnow() if public else None,
        claimed_total=4_000,
        amounts=[ProposalAmount(year=y, structural=1_000, one_off=0) for y in range(2012, 2016)],
    )  # fmt: skip
    db.add(proposal)
    db.flush()
    return proposal


def _review(
    proposal: Proposal, kind: str, verdict: str, *, amounts: bool, stale: bool = False
) -> Review:
    return Review(
        proposal_id=proposal.id, kind=kind, verdict=verdict, notes=f"Oordeel {kind}.",
        reviewer_label="Fleur (#99)", reviewed_version=1, needs_another_look=stale,
        amounts=[ValidatedAmount(year=y, structural=2_000 + y, one_off=-100 if y == 2012 else 0)
                 for y in range(2012, 2016)] if amounts else [],
    )  # fmt: skip


def other_municipality(db: Session) -> Edition:
    """Andersdorp: its own process called "dialoog" (same slug) with a published edition
    and a process of its own, with proposals whose titles give them away."""
    other = make_organization(db, slug="andersdorp", hosts=("andersdorp.test",))
    made = make_edition(db, other)
    with organization_scope(db, other.id):
        for proposal in db.scalars(select(Proposal)):
            proposal.title = f"Andersdorp {proposal.title}"
        made.edition.published_at, made.edition.published_by = utcnow(), "Ada (#1)"
        make_process(db, other, slug="anders-proces", title="Andersdorp bespaart")
        db.flush()
    return made


@pytest.fixture
def open_data(db: Session, organization: Organization, submitted: Council) -> OpenData:  # noqa: F811
    decided = decide(db, submitted)
    made = submitted.book
    with organization_scope(db, organization.id):
        draft = _proposal(db, made, "Geheim concept", "draft", public=False)
        withdrawn = _proposal(db, made, "Ingetrokken concept", "withdrawn", public=False)
        in_discussion = _proposal(db, made, "Open gesprek", "in_discussion", public=True)
        edition_proposals = list(
            db.scalars(
                select(Proposal).where(Proposal.id.in_([e.proposal_id for e in made.entries]))
            )
        )
        first, second, third = sorted(edition_proposals, key=lambda p: p.id)[:3]
        reviews = [
            _review(first, "financial", "feasible", amounts=True),
            _review(first, "legal", "on_conditions", amounts=False),
            _review(second, "legal", "not_feasible", amounts=False),
            _review(third, "financial", "feasible", amounts=True, stale=True),
            _review(draft, "legal", "feasible", amounts=False),  # a draft's: never public
        ]
        db.add_all(reviews)
        db.flush()
    other = other_municipality(db)
    return OpenData(
        submitted, decided, draft, withdrawn, in_discussion, reviews, other,
        all_proposals=[*edition_proposals, draft, withdrawn, in_discussion],
    )  # fmt: skip


def add_host(db: Session, organization: Organization, host: str) -> None:
    db.add(OrganizationHost(host=host, organization_id=organization.id))
    db.flush()
