"""Compiling an edition: only the admin, only in its phase and with a submitted white
paper; what the snapshot holds; that it does not move afterwards; the product sheets it
leaves for the officials."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.db import organization_scope
from app.editions import queries, service
from app.models import (
    AuditEntry,
    CentralWhitePaper,
    EditionChapter,
    EditionEntry,
    ProductSheet,
    ProposalAmount,
)
from app.phases.kinds import PhaseKind
from tests.editions.conftest import ADMIN_PAGE, Bundle
from tests.web.helpers import post_form, sign_in


def _editions(db: Session, bundle: Bundle) -> list[CentralWhitePaper]:
    with organization_scope(db, bundle.organization.id):
        return list(db.scalars(select(CentralWhitePaper).order_by(CentralWhitePaper.number)))


def test_only_the_admin_compiles(client: TestClient, db: Session, bundle: Bundle) -> None:
    bundle.proposal(db, bundle.onderwijs, "Minder leerlingenvervoer", position=1)
    bundle.submit(db, bundle.onderwijs)
    response = client.get(ADMIN_PAGE, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/aanmelden")
    for email in ("ruud@example.org", "olaf@example.org", "fatma@example.org"):
        sign_in(client, email)
        assert client.get(ADMIN_PAGE).status_code == 403
        assert post_form(client, ADMIN_PAGE, {"note": "Eerste"}).status_code == 403
    assert _editions(db, bundle) == []

    sign_in(client, "beheer@example.org")
    page = client.get(ADMIN_PAGE)
    assert "Editie samenstellen" in page.text
    response = post_form(client, ADMIN_PAGE, {"note": "Voor het college"}, form_page=ADMIN_PAGE)
    assert response.status_code == 303
    (edition,) = _editions(db, bundle)
    assert (edition.number, edition.note, edition.published_at) == (1, "Voor het college", None)
    assert edition.compiled_by.startswith("Beheer (#")
    listing = client.get(ADMIN_PAGE).text
    assert "Editie 1" in listing
    assert "Niet gepubliceerd" in listing
    with organization_scope(db, bundle.organization.id):
        actions = db.scalars(select(AuditEntry.action).where(AuditEntry.action.like("edition.%")))
        assert list(actions) == ["edition.compiled"]


def test_refused_outside_the_phase_and_without_a_submitted_paper(
    client: TestClient, db: Session, bundle: Bundle
) -> None:
    bundle.proposal(db, bundle.onderwijs, "Minder leerlingenvervoer", position=1)
    sign_in(client, "beheer@example.org")
    # Nothing submitted yet: said in the page, nothing made.
    response = post_form(client, ADMIN_PAGE, {"note": "Te vroeg"}, form_page=ADMIN_PAGE)
    assert response.status_code == 409
    assert "nog geen witboek ingediend" in response.text
    assert "Te vroeg" in response.text  # what was typed is kept
    # Too long a note.
    long = "x" * (service.NOTE_LIMIT + 1)
    response = post_form(client, ADMIN_PAGE, {"note": long}, form_page=ADMIN_PAGE)
    assert response.status_code == 400
    assert long in response.text
    # Outside the phase: the page says when, and the form is not offered.
    bundle.submit(db, bundle.onderwijs)
    bundle.set_phase(db, PhaseKind.WHITE_PAPER)
    page = client.get(ADMIN_PAGE)
    assert "Editie samenstellen" not in page.text
    assert "Bundeling" in page.text  # the phase in which it is possible
    response = post_form(client, ADMIN_PAGE, {"note": ""}, form_page=ADMIN_PAGE)
    assert response.status_code == 409
    assert _editions(db, bundle) == []


def test_the_snapshot_holds_the_papers_as_they_were(db: Session, bundle: Bundle) -> None:
    second = bundle.proposal(
        db, bundle.onderwijs, "Schoolgebouwen delen", position=2, lines=["ON-1", "ON-2"]
    )
    first = bundle.proposal(
        db, bundle.onderwijs, "Minder leerlingenvervoer", position=1,
        amounts={2012: (40_000, -5_000), 2013: (80_000, 0)},
    )  # fmt: skip
    sport = bundle.proposal(db, bundle.sport, "Velden verhuren", position=1, lines=["SP-1"])
    stale = bundle.proposal(db, bundle.sport, "Kantine sluiten", position=2)
    bundle.proposal(db, bundle.onderwijs, "Nog in discussie", state="in_discussion")
    bundle.review(db, first, {2012: (30_000, -5_000), 2013: (60_000, 0)})
    bundle.review(db, second, {2013: (1, 0)}, verdict="not_feasible")
    bundle.review(db, stale, {2013: (1, 0)}, needs_another_look=True)
    bundle.submit(db, bundle.onderwijs, "Inleiding Onderwijs.")
    bundle.submit(db, bundle.sport, "Inleiding Sport.")
    with organization_scope(db, bundle.organization.id):
        edition = service.compile_edition(db, bundle.actor(bundle.admin), bundle.process, "")
        contents = queries.edition_with_entries(db, edition)
    assert [c.chapter.title for c in contents.chapters] == ["Onderwijs", "Sport"]
    onderwijs, sport_chapter = contents.chapters
    assert onderwijs.chapter.introduction == "Inleiding Onderwijs."
    assert onderwijs.chapter.target == 200_000  # 10% of the controllable 1,500,000 + 500,000
    assert [v.entry.title for v in onderwijs.entries] == [
        "Minder leerlingenvervoer",
        "Schoolgebouwen delen",
    ]
    assert [v.number for v in sport_chapter.entries] == ["2.1", "2.2"]
    one, two = (v.entry for v in onderwijs.entries)
    assert one.claimed == {"2012": [40_000, -5_000], "2013": [80_000, 0]}
    assert one.validated == {"2012": [30_000, -5_000], "2013": [60_000, 0]}
    assert one.claimed_total == 115_000
    assert (one.proposal_id, one.proposal_version) == (first.id, 1)
    assert two.validated is None  # not feasible: nothing validated
    assert two.budget_lines == [
        {"code": "ON-1", "name": "Schoolgebouwen"},
        {"code": "ON-2", "name": "Leerlingenvervoer"},
    ]
    assert sport_chapter.entries[1].entry.validated is None  # the review needs another look
    assert sport_chapter.entries[0].entry.proposal_id == sport.id

    summary = queries.summary_table(contents)
    assert summary.total is not None
    assert summary.total.target == 6_200_000
    assert summary.themes[0].year(2012).claimed == 40_000 - 5_000 + 50_000 - 10_000
    assert summary.themes[0].year(2012).validated == 25_000
    assert summary.total.year(2013).claimed == 80_000 + 3 * 100_000
    assert (summary.total.entries, summary.total.validated_entries) == (4, 1)

    # The product sheets wait for the officials, prefilled.
    with organization_scope(db, bundle.organization.id):
        sheets = {s.proposal_id: s for s in db.scalars(select(ProductSheet))}
    assert set(sheets) == {first.id, second.id, sport.id, stale.id}
    assert sheets[first.id].financial_effect == one.validated
    assert sheets[second.id].financial_effect == two.claimed
    assert sheets[second.id].budget_lines == "ON-1 Schoolgebouwen\nON-2 Leerlingenvervoer"
    assert sheets[second.id].consequences == "Gevolgen van Schoolgebouwen delen."
    assert {s.step for s in sheets.values()} == {"official"}

    # A later change to a proposal leaves the edition as it was.
    with organization_scope(db, bundle.organization.id):
        first.title, first.version = "Veel minder leerlingenvervoer", 2
        db.execute(
            update(ProposalAmount)
            .where(ProposalAmount.proposal_id == first.id)
            .values(structural=1)
        )
        db.flush()
        db.expire_all()
        entry = db.scalar(select(EditionEntry).where(EditionEntry.proposal_id == first.id))
        assert entry is not None
        assert (entry.title, entry.proposal_version) == ("Minder leerlingenvervoer", 1)
        assert entry.claimed == {"2012": [40_000, -5_000], "2013": [80_000, 0]}
        assert len(db.scalars(select(EditionChapter)).all()) == 2


def test_a_new_edition_supersedes_and_keeps_the_sheets(db: Session, bundle: Bundle) -> None:
    kept = bundle.proposal(db, bundle.onderwijs, "Minder leerlingenvervoer", position=1)
    bundle.submit(db, bundle.onderwijs)
    admin = bundle.actor(bundle.admin)
    with organization_scope(db, bundle.organization.id):
        first = service.compile_edition(db, admin, bundle.process, "")
        sheet = db.scalar(select(ProductSheet).where(ProductSheet.proposal_id == kept.id))
        assert sheet is not None
        sheet.staff_effect = "0,5 fte minder."
        db.flush()
    bundle.proposal(db, bundle.onderwijs, "Nieuw erbij", position=2)
    bundle.set_phase(db, PhaseKind.PRODUCT_SHEETS)  # compiling is possible here too
    with organization_scope(db, bundle.organization.id):
        second = service.compile_edition(db, admin, bundle.process, "Met één voorstel meer")
        assert second.number == 2
        assert queries.latest_edition(db, bundle.process) is second
        rows = queries.editions_of(db, bundle.process)
        assert [(r.edition.number, r.entries, r.superseded_by) for r in rows] == [
            (2, 2, None),
            (1, 1, 2),
        ]
        assert queries.edition_with_entries(db, first).superseded_by == 2
        sheets = db.scalars(select(ProductSheet).order_by(ProductSheet.id)).all()
    assert len(sheets) == 2  # one per proposal, the first one untouched
    assert sheets[0].staff_effect == "0,5 fte minder."
