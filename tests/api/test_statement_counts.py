"""Every answer costs a fixed number of statements, however many rows it shows: measured
on the test data, then again after adding a dozen of everything."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import organization_scope, utcnow
from app.models import (
    Amendment,
    AmendmentSignature,
    BudgetLine,
    CouncilVote,
    EditionEntry,
    Group,
    ProductSheet,
    Proposal,
    ProposalAmount,
    ProposalBudgetLine,
    Review,
    Theme,
    ValidatedAmount,
)
from app.product_sheets.states import SheetStep
from tests.api.conftest import API, PROCESS, OpenData
from tests.conftest import QueryCounter
from tests.factories import make_process

MORE = 12
YEARS = range(2012, 2016)

# The statements each answer takes, pinned so that one more is a choice: the test's
# SAVEPOINT and RELEASE (2), the organization (1), the process with its phases (2, not for
# the process list), and what the answer itself reads.
ALL = "?per_page=100"
# A process and its phases are one statement (app.processes.queries.process_by_slug).
BUDGET = {
    f"{API}/processes{ALL}": 5,
    PROCESS: 9,
    f"{PROCESS}/themes{ALL}": 10,
    f"{PROCESS}/proposals{ALL}": 9,
    f"{PROCESS}/reviews{ALL}": 7,
    f"{PROCESS}/product-sheets{ALL}": 7,
    f"{PROCESS}/amendments{ALL}": 13,
    f"{PROCESS}/decision": 13,
    f"{PROCESS}/proposals.csv": 8,
    f"{PROCESS}/themes.csv": 9,
    f"{PROCESS}/reviews.csv": 6,
    f"{PROCESS}/product-sheets.csv": 6,
    f"{PROCESS}/amendments.csv": 13,
}


def _more_proposals(db: Session, data: OpenData) -> None:
    """A dozen more proposals in the edition, each with amounts, both reviews, budget
    lines and a signed-off sheet; the first proposal touches every budget line."""
    c = data.council
    entry = c.entries[0]
    group = db.scalars(select(Group).order_by(Group.id)).first()
    lines = db.scalars(select(BudgetLine).where(BudgetLine.process_id == c.process.id)).all()
    assert group is not None
    for line in lines[1:]:
        db.add(ProposalBudgetLine(proposal_id=data.proposals[0].id, budget_line_id=line.id))
    for index in range(MORE):
        amounts = {str(y): [1_000 * (index + 1), 0] for y in YEARS}
        proposal = Proposal(
            process_id=c.process.id, group_id=group.id, author_id=c.book.expert.id,
            title=f"Extra {index}", state="included", submitted_at=utcnow(), claimed_total=4_000,
            amounts=[ProposalAmount(year=y, structural=1_000, one_off=0) for y in YEARS],
        )  # fmt: skip
        db.add(proposal)
        db.flush()
        db.add(ProposalBudgetLine(proposal_id=proposal.id, budget_line_id=lines[0].id))
        for kind in ("financial", "legal"):
            db.add(
                Review(
                    proposal_id=proposal.id, kind=kind, verdict="feasible", reviewer_label="F",
                    reviewed_version=1,
                    amounts=[ValidatedAmount(year=y, structural=900) for y in YEARS]
                    if kind == "financial" else [],
                )
            )  # fmt: skip
        db.add(
            EditionEntry(
                edition_id=c.book.edition.id, chapter_id=entry.chapter_id,
                proposal_id=proposal.id, proposal_version=1, position=100 + index,
                title=proposal.title, claimed=amounts, validated=None, claimed_total=4_000,
            )
        )  # fmt: skip
        db.add(
            ProductSheet(
                process_id=c.process.id, group_id=group.id, proposal_id=proposal.id,
                updated_by="Olaf (#2)", step=SheetStep.SIGNED_OFF.value, financial_effect=amounts,
            )
        )  # fmt: skip


def _more_amendments(db: Session, data: OpenData) -> None:
    c, first = data.council, data.decided.amendments[0]
    assert c.decision is not None
    for number in range(100, 100 + MORE):
        extra = Amendment(
            process_id=first.process_id, decision_id=c.decision.id, entry_id=first.entry_id,
            sheet_id=first.sheet_id, proposal_id=first.proposal_id, number=number,
            kind="condition", state="defeated", explanation="Meer.", condition="Als het kan.",
            filer_id=c.joost.id, filer_label="Joost (#3)", party="Groen Links Zeist",
        )  # fmt: skip
        db.add(extra)
        db.flush()
        db.add(AmendmentSignature(amendment_id=extra.id, user_id=c.marieke.id,
                                  label="Marieke (#4)", party="Lokaal Belang"))  # fmt: skip
        db.add(CouncilVote(decision_id=c.decision.id, amendment_id=extra.id, mode="counts",
                           votes_for=8, votes_against=9, carried=False,
                           recorded_by="Griet (#6)"))  # fmt: skip


def _more_themes(db: Session, data: OpenData) -> None:
    process = data.council.process
    for index in range(MORE):
        theme = Theme(
            process_id=process.id, slug=f"extra-{index}", name=f"Extra {index}", position=10 + index
        )
        db.add(theme)
        db.flush()
        db.add(
            BudgetLine(
                process_id=process.id, theme_id=theme.id, code=f"EX-{index}", name="Extra",
                budget=100_000, controllable=50_000,
            )
        )  # fmt: skip


def grow(db: Session, data: OpenData) -> None:
    organization = data.council.book.organization
    with organization_scope(db, organization.id):
        _more_proposals(db, data)
        _more_amendments(db, data)
        _more_themes(db, data)
        db.flush()
    for index in range(MORE):
        make_process(db, organization, slug=f"extra-{index}", title=f"Extra {index}")


def _count(client: TestClient, queries: QueryCounter, path: str) -> int:
    client.get(path)
    queries.statements.clear()
    assert client.get(path).status_code == 200, path
    return queries.count


@pytest.mark.parametrize("path", list(BUDGET))
def test_the_statement_count_does_not_grow_with_the_rows(
    client: TestClient, db: Session, open_data: OpenData, queries: QueryCounter, path: str
) -> None:
    few = _count(client, queries, path)
    grow(db, open_data)
    many = _count(client, queries, path)
    assert many == few == BUDGET[path], queries.statements


def test_a_proposals_detail_costs_the_same_with_more_lines_and_reviews(
    client: TestClient, db: Session, open_data: OpenData, queries: QueryCounter
) -> None:
    path = f"{PROCESS}/proposals/{open_data.proposals[0].id}"
    few = _count(client, queries, path)
    grow(db, open_data)
    assert _count(client, queries, path) == few == 9
