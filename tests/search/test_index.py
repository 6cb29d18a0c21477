"""The index follows every change in the same transaction: what becomes public is found,
what changes is found as it is now, and what is not public is never found."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.council import vote_service
from app.db import organization_scope, utcnow
from app.green_papers.states import GreenPaperStatus
from app.models import (
    GreenPaper,
    GreenPaperSection,
    Group,
    Organization,
    Page,
    ProductSheet,
    Proposal,
    SearchEntry,
    WhitePaper,
)
from app.processes.budget_import import import_budget_lines
from app.proposals import service
from app.proposals.states import Step
from app.search import indexer
from app.search.documents import Wanted
from app.search.indexer import rebuild
from app.search.text import stemmed_text
from tests.conftest import QueryCounter
from tests.council.conftest import BASE_URL, Council, actor
from tests.council.decision_setup import decide
from tests.documents.conftest import make_edition
from tests.factories import SMALL_BUDGET, make_organization, make_process, make_user
from tests.proposals.conftest import Dialogue
from tests.search.conftest import add_proposal, entries, find, titles


def test_a_proposal_is_found_from_its_submission_on(db: Session, dialogue: Dialogue) -> None:
    proposal = dialogue.draft(db, "Bibliotheken in de scholen")
    assert find(db, dialogue.organization, "bibliotheek").total == 0
    dialogue.step(db, proposal, Step.SUBMIT, dialogue.expert)
    results = find(db, dialogue.organization, "bibliotheek")
    assert titles(results) == ["Bibliotheken in de scholen"]
    entry = results.hits[0].entry
    assert (entry.kind, entry.state, entry.amount) == ("proposal", "submitted", 100_000)
    assert entry.url == f"/processen/dialoog/voorstellen/{proposal.id}"
    assert entry.theme_id == dialogue.group.theme_id
    assert entry.body == (
        "Kinderen fietsen vaker naar school.\nWe stoppen de busjes voor wie dichtbij woont.\n"
        "Ouders brengen vaker zelf."
    )


def test_changes_and_steps_are_followed(db: Session, dialogue: Dialogue) -> None:
    proposal = dialogue.submitted(db, "Minder leerlingenvervoer")
    with organization_scope(db, dialogue.organization.id):
        data = service.current_input(db, proposal)
        changed = replace(
            data,
            title="Bibliotheekbus in plaats van schoolbus",
            amounts=dict.fromkeys(range(2012, 2016), (40_000, 5_000)),
        )
        assert service.update(
            db, dialogue.actor(dialogue.expert), dialogue.process, dialogue.group, proposal,
            changed,
        )  # fmt: skip
    assert find(db, dialogue.organization, "leerlingenvervoer").total == 0
    [hit] = find(db, dialogue.organization, "bibliotheekbus").hits
    assert (hit.entry.amount, hit.entry.state) == (45_000, "submitted")
    dialogue.step(db, proposal, Step.OPEN_DISCUSSION, dialogue.chef)
    [hit] = find(db, dialogue.organization, "bibliotheekbus").hits
    assert hit.entry.state == "in_discussion"
    # Withdrawn after submission it stays public (its page does), as withdrawn.
    dialogue.step(db, proposal, Step.WITHDRAW, dialogue.expert)
    [hit] = find(db, dialogue.organization, "bibliotheekbus", kind="proposal").hits
    assert hit.entry.state == "withdrawn"


def test_drafts_are_never_found(db: Session, dialogue: Dialogue) -> None:
    draft = dialogue.draft(db, "Bibliotheken dicht")
    dialogue.step(db, draft, Step.WITHDRAW, dialogue.expert)  # withdrawn before submission
    add_proposal(db, dialogue, "Bibliotheken samen", state="draft")
    assert find(db, dialogue.organization, "bibliotheek").total == 0
    assert entries(db, dialogue.organization) == []


def test_an_item_that_stops_being_public_loses_its_entry(db: Session, dialogue: Dialogue) -> None:
    proposal = add_proposal(db, dialogue, "Bibliotheken samenvoegen")
    assert find(db, dialogue.organization, "bibliotheek").total == 1
    with organization_scope(db, dialogue.organization.id):
        proposal.submitted_at, proposal.state = None, "draft"  # as a data repair might
        db.flush()
    assert find(db, dialogue.organization, "bibliotheek").total == 0


def _green_paper(db: Session, d: Dialogue, status: GreenPaperStatus) -> GreenPaper:
    with organization_scope(db, d.organization.id):
        paper = GreenPaper(process_id=d.process.id, group_id=d.group.id, status=status.value)
        db.add(paper)
        db.flush()
        db.add(
            GreenPaperSection(
                green_paper_id=paper.id, position=1, title="Context",
                body="De **bibliotheken** kosten veel.", updated_by="Ruud",
            )
        )  # fmt: skip
        db.flush()
    return paper


def test_a_green_paper_is_found_once_the_board_decided(db: Session, dialogue: Dialogue) -> None:
    paper = _green_paper(db, dialogue, GreenPaperStatus.DRAFT)
    with organization_scope(db, dialogue.organization.id):
        paper.status, paper.submitted_at = GreenPaperStatus.SUBMITTED.value, utcnow()
        db.flush()
    assert find(db, dialogue.organization, "bibliotheek").total == 0
    with organization_scope(db, dialogue.organization.id):
        paper.status, paper.decided_at = GreenPaperStatus.CONTINUED.value, utcnow()
        paper.decision_reason = "Ga door met de zwembaden."
        db.flush()
    [hit] = find(db, dialogue.organization, "bibliotheek").hits
    assert hit.entry.title == "Groenboek: Onderwijs"
    assert hit.entry.body == "Context\nDe bibliotheken kosten veel.\nGa door met de zwembaden."
    assert hit.entry.url == "/processen/dialoog/groenboeken/onderwijs"
    assert find(db, dialogue.organization, "zwembad", state="continued").total == 1


def test_a_white_paper_is_found_once_submitted(db: Session, dialogue: Dialogue) -> None:
    add_proposal(db, dialogue, "Bibliotheken in de scholen", state="included")
    with organization_scope(db, dialogue.organization.id):
        paper = WhitePaper(
            process_id=dialogue.process.id, group_id=dialogue.group.id, introduction="Wij _kiezen_."
        )
        db.add(paper)
        db.flush()
    assert [e.kind for e in entries(db, dialogue.organization)] == ["proposal"]
    with organization_scope(db, dialogue.organization.id):
        paper.status, paper.submitted_at = "submitted", utcnow()
        db.flush()
    results = find(db, dialogue.organization, "bibliotheek", kind="white_paper")
    [hit] = results.hits
    assert hit.entry.title == "Witboek: Onderwijs"
    assert hit.entry.body == "Wij kiezen.\nBibliotheken in de scholen"


def test_an_edition_and_its_product_sheets_from_publication_on(
    db: Session, organization: Organization
) -> None:
    made = make_edition(db, organization, per_group=2)
    kinds = {e.kind for e in entries(db, organization)}
    assert kinds == {"proposal"}  # compiled, not yet published
    with organization_scope(db, organization.id):
        made.edition.published_at = utcnow()
        made.edition.note = "De eerste editie."
        db.flush()
        sheets = list(db.scalars(select(ProductSheet).order_by(ProductSheet.id)))
    indexed = entries(db, organization)
    assert {e.kind for e in indexed} == {"proposal", "edition", "product_sheet"}
    edition = next(e for e in indexed if e.kind == "edition")
    assert edition.title == "Centraal witboek, editie 1"
    assert edition.url == "/processen/dialoog/witboek-edities/1"
    sheet_entries = [e for e in indexed if e.kind == "product_sheet"]
    assert sorted(e.object_id for e in sheet_entries) == [s.id for s in sheets]
    with organization_scope(db, organization.id):
        sheets[0].financial_effect = {"2015": [70_000, 5_000]}
        sheets[0].risks = "Bibliotheken protesteren."
        db.flush()
    [hit] = find(db, organization, "bibliotheek").hits
    assert hit.entry.kind == "product_sheet"
    assert hit.entry.amount == 75_000
    assert hit.entry.url == f"/processen/dialoog/productbladen/{sheets[0].proposal_id}"


def test_amendments_from_filing_and_the_decision_once_published(
    db: Session, submitted: Council
) -> None:
    organization = submitted.book.organization
    decided = decide(db, submitted, publish=False)
    indexed = entries(db, organization)
    assert [e.kind for e in indexed].count("amendment") == 5
    assert "decision" not in {e.kind for e in indexed}
    a1 = next(
        e for e in indexed if e.kind == "amendment" and e.object_id == decided.amendments[0].id
    )
    assert a1.url == "/processen/dialoog/raad/amendementen/1"
    assert a1.title.startswith("Amendement A1: Maatregel 1")
    assert a1.state == "carried"
    assert a1.amount is not None
    assert a1.amount < 0
    assert submitted.decision is not None
    with organization_scope(db, organization.id):
        vote_service.publish_decision(
            db, submitted.jinja, actor(submitted.clerk), submitted.process, submitted.decision,
            base_url=BASE_URL,
        )  # fmt: skip
        db.flush()
    decision = next(e for e in entries(db, organization) if e.kind == "decision")
    assert (decision.state, decision.url) == ("published", "/processen/dialoog/raad/besluit")


def _snapshot(db: Session, organization: Organization) -> list[tuple[object, ...]]:
    return [
        (e.kind, e.object_id, e.process_id, e.theme_id, e.state, e.amount, e.title, e.body,
         e.url, e.published_at, e.organization_id)
        for e in entries(db, organization)
    ]  # fmt: skip


def test_a_rebuild_makes_what_the_flushes_made(db: Session, submitted: Council) -> None:
    organization = submitted.book.organization
    decide(db, submitted)
    before = _snapshot(db, organization)
    assert {row[0] for row in before} == {
        "proposal", "edition", "product_sheet", "amendment", "decision",
    }  # fmt: skip
    with organization_scope(db, organization.id):
        assert rebuild(db, organization) == len(before)
    assert _snapshot(db, organization) == before
    if db.get_bind().dialect.name == "sqlite":
        for entry in entries(db, organization):
            assert entry.stemmed == stemmed_text(entry.title, entry.body)


def test_organizations_never_see_each_other(db: Session, dialogue: Dialogue) -> None:
    add_proposal(db, dialogue, "Bibliotheken in Testdorp")
    other = make_organization(db, slug="anderdorp", hosts=("anderdorp.test",))
    process = make_process(db, other, slug="dialoog")
    author = make_user(db, other, email="piet@example.org", display_name="Piet")
    with organization_scope(db, other.id):
        import_budget_lines(db, "test", process, SMALL_BUDGET.encode())
        group = db.scalars(select(Group).where(Group.slug == "sport")).one()
        db.add(
            Proposal(
                process_id=process.id, group_id=group.id, author_id=author.id,
                title="Bibliotheken in Anderdorp", state="submitted", submitted_at=utcnow(),
            )
        )  # fmt: skip
        db.flush()
    assert titles(find(db, dialogue.organization, "bibliotheek")) == ["Bibliotheken in Testdorp"]
    assert titles(find(db, other, "bibliotheek")) == ["Bibliotheken in Anderdorp"]
    with organization_scope(db, other.id):
        kept = db.scalars(select(SearchEntry.organization_id)).all()
    assert kept == [other.id]


def _index_statements(
    db: Session, queries: QueryCounter, monkeypatch: pytest.MonkeyPatch, write: Callable[[], None]
) -> int:
    """The statements the index's after-flush work sends while ``write`` runs."""
    spent: list[int] = []
    real = indexer.sync

    def counted(session: Session, wanted: Wanted) -> None:
        before = queries.count
        real(session, wanted)
        spent.append(queries.count - before)

    monkeypatch.setattr(indexer, "sync", counted)
    write()
    monkeypatch.setattr(indexer, "sync", real)
    return sum(spent)


def test_the_index_costs_the_same_statements_for_one_item_or_many(
    db: Session, dialogue: Dialogue, queries: QueryCounter, monkeypatch: pytest.MonkeyPatch
) -> None:
    def publish(count: int) -> Callable[[], None]:
        def write() -> None:
            with organization_scope(db, dialogue.organization.id):
                for n in range(count):
                    db.add(
                        Proposal(
                            process_id=dialogue.process.id, group_id=dialogue.group.id,
                            author_id=dialogue.expert.id, title=f"Voorstel {n}",
                            state="submitted", submitted_at=utcnow(),
                        )
                    )  # fmt: skip
                db.flush()

        return write

    one = _index_statements(db, queries, monkeypatch, publish(1))
    many = _index_statements(db, queries, monkeypatch, publish(25))
    assert one == many
    # A flush of rows the index does not follow costs it nothing.

    def unrelated() -> None:
        with organization_scope(db, dialogue.organization.id):
            db.add(Page(slug="over", title="Over", body="Tekst."))
            db.flush()

    assert _index_statements(db, queries, monkeypatch, unrelated) == 0
