"""Search test data: the proposals' dialogue (Onderwijs and Sport, made through the use
cases there) and published items made straight with the ORM, which is all the index
follows (its after-flush hook sees every ORM write, whichever use case made it)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import organization_scope, utcnow
from app.models import Group, Organization, Proposal, ProposalAmount, SearchEntry
from app.search import queries
from app.search.queries import Filters, Results
from app.search.text import parse_query

# Fixtures of other folders, re-exported for the tests here.
from tests.council.conftest import council as council
from tests.council.conftest import submitted as submitted
from tests.proposals.conftest import Dialogue
from tests.proposals.conftest import dialogue as dialogue

__all__ = ["council", "dialogue", "submitted"]


def group_of(db: Session, d: Dialogue, slug: str) -> Group:
    with organization_scope(db, d.organization.id):
        return db.scalars(select(Group).where(Group.slug == slug)).one()


def add_proposal(
    db: Session,
    d: Dialogue,
    title: str,
    *,
    summary: str = "Een voorstel.",
    measure: str = "",
    state: str = "submitted",
    amount: int = 100_000,
    group: Group | None = None,
) -> Proposal:
    """A proposal written straight to the database; ``state="draft"`` is not submitted."""
    with organization_scope(db, d.organization.id):
        group = group or d.group
        proposal = Proposal(
            process_id=group.process_id,
            group_id=group.id,
            author_id=d.expert.id,
            title=title,
            summary=summary,
            measure=measure,
            state=state,
            submitted_at=None if state == "draft" else utcnow(),
            claimed_total=4 * amount,
            amounts=[
                ProposalAmount(year=y, structural=amount, one_off=0) for y in range(2012, 2016)
            ],
        )
        db.add(proposal)
        db.flush()
    return proposal


def _forget_entries(db: Session) -> None:
    """The indexer writes with plain statements, which do not refresh entries the test's
    session already holds (a request's session is new each time)."""
    for obj in list(db.identity_map.values()):
        if isinstance(obj, SearchEntry):
            db.expunge(obj)


def find(db: Session, organization: Organization, q: str, **filters: object) -> Results:
    _forget_entries(db)
    with organization_scope(db, organization.id):
        return queries.search(db, parse_query(q), Filters(**filters))  # type: ignore[arg-type]


def titles(results: Results) -> list[str]:
    return [hit.entry.title for hit in results.hits]


def entries(db: Session, organization: Organization) -> list[SearchEntry]:
    _forget_entries(db)
    with organization_scope(db, organization.id):
        return list(
            db.scalars(select(SearchEntry).order_by(SearchEntry.kind, SearchEntry.object_id))
        )


def english(client: TestClient) -> TestClient:
    client.cookies.set("dialoog_lang", "en")
    return client


def result_titles(html: str) -> list[str]:
    """The results' titles on a page, their markup taken out."""
    found = re.findall(r'class="utrecht-heading-3 search-result__title"><a[^>]*>(.*?)</a>', html)
    return [re.sub(r"</?mark>", "", t) for t in found]


@pytest.fixture
def searcher(client: TestClient) -> TestClient:
    return english(client)
