"""The demo loader's flushes index everything it publishes, exactly as a rebuild would, and
a second load writes nothing; a database loaded before the search existed gets its index."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.db import ALL_ORGANIZATIONS, organization_scope
from app.demo.loader import load_demo
from app.models import Amendment, Organization, Proposal, SearchEntry
from app.search.indexer import rebuild
from tests.search.conftest import entries, find, titles


def _snapshot(db: Session, organization: Organization) -> list[tuple[object, ...]]:
    return [
        (e.kind, e.object_id, e.process_id, e.theme_id, e.state, e.amount, e.title, e.body,
         e.url, e.published_at)
        for e in entries(db, organization)
    ]  # fmt: skip


def test_the_demo_is_indexed_by_its_own_flushes(db: Session) -> None:
    load_demo(db)
    zeist = db.scalars(
        select(Organization).where(Organization.slug == "zeist"),
        execution_options={ALL_ORGANIZATIONS: True},
    ).one()
    indexed = _snapshot(db, zeist)
    kinds = Counter(row[0] for row in indexed)
    assert set(kinds) == {
        "proposal", "green_paper", "white_paper", "edition", "product_sheet", "amendment",
        "decision",
    }  # fmt: skip
    with organization_scope(db, zeist.id):
        submitted = db.scalar(
            select(func.count(Proposal.id)).where(Proposal.submitted_at.is_not(None))
        )
        amendments = db.scalar(select(func.count(Amendment.id)))
    assert (kinds["proposal"], kinds["amendment"]) == (submitted, amendments)
    assert "Subsidie bibliotheek 10 procent lager" in titles(find(db, zeist, "bibliotheken"))
    # Its title has "bibliotheekvestiging" (another stem); only its measure says "bibliotheken".
    assert "Kleine bibliotheekvestiging sluiten" in titles(find(db, zeist, "bibliotheek"))
    with organization_scope(db, zeist.id):
        rebuild(db, zeist)
    assert _snapshot(db, zeist) == indexed
    load_demo(db)  # a second load changes nothing, the index included
    assert _snapshot(db, zeist) == indexed
    # A database whose demo was loaded before the search index existed: the next load
    # fills the empty index.
    db.execute(delete(SearchEntry), execution_options={ALL_ORGANIZATIONS: True})
    load_demo(db)
    assert _snapshot(db, zeist) == indexed
