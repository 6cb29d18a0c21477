"""The public decision page: who reads it when, its totals against the council's book,
the links to the product sheets and amendments, its statement count, and its documents
block (kept with the edition, downloaded through the edition's route, rebuilt by the
clerk)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.council import queries as council_queries
from app.council.queries import CouncilBook
from app.db import organization_scope, utcnow
from app.documents.kinds import KINDS, DocumentKind
from app.i18n import gettext
from app.jobs.runner import run_pending
from app.models import (
    Amendment,
    AmendmentSignature,
    CouncilVote,
    DocumentBuild,
    EditionEntry,
    ProductSheet,
    Proposal,
)
from app.product_sheets.states import SheetStep
from app.web.templating import euro
from tests.conftest import QueryCounter
from tests.council.conftest import Council
from tests.council.decision_setup import CONDITION, FINAL_CORRECTION, Decided, decide
from tests.web.helpers import post_form, sign_in

PAGE = "/processen/dialoog/raad/besluit"
BLOCK = PAGE + "/documenten"
SIGN_IN = (302, 303, 401)


def _book(db: Session, c: Council) -> CouncilBook:
    assert c.decision is not None
    with organization_scope(db, c.book.organization.id):
        db.expire_all()
        return council_queries.council_book(db, c.decision)


def _plain(html: str) -> str:
    return " ".join(html.replace("\xa0", " ").split())


def _published(
    db: Session, c: Council, session_factory: sessionmaker[Session], settings: Settings
) -> Decided:
    decided = decide(db, c)
    run_pending(session_factory, settings)  # the documents publishing queued
    return decided


# --- who reads it when ----------------------------------------------------------------------


def test_without_a_decision_there_is_no_page(client: TestClient, council: Council) -> None:
    assert client.get(PAGE).status_code == 404


def test_while_the_council_decides_nobody_reads_it(client: TestClient, submitted: Council) -> None:
    assert client.get(PAGE, follow_redirects=False).status_code in SIGN_IN
    sign_in(client, submitted.clerk.email)
    assert client.get(PAGE).status_code == 403


def test_decided_it_is_read_by_the_council_only_and_says_it_is_not_public(
    client: TestClient, db: Session, submitted: Council
) -> None:
    decide(db, submitted, publish=False)
    assert client.get(PAGE, follow_redirects=False).status_code in SIGN_IN
    assert client.get(BLOCK, follow_redirects=False).status_code in SIGN_IN
    sign_in(client, submitted.book.official.email)
    assert client.get(PAGE).status_code == 403
    client.cookies.clear()
    not_public = gettext(
        "Not public yet: this is the decision as it will be published. Until the clerk "
        "publishes it, only the clerk, the administrator and the councillors can read it."
    )
    for reader in (submitted.clerk, submitted.henk):
        sign_in(client, reader.email)
        page = client.get(PAGE)
        assert page.status_code == 200
        assert not_public in page.text.replace("&#39;", "'")
        assert 'id="documents"' not in page.text  # the documents come with publication
        client.cookies.clear()


def test_published_everyone_reads_it(
    client: TestClient,
    db: Session,
    submitted: Council,
    session_factory: sessionmaker[Session],
    settings: Settings,
) -> None:
    _published(db, submitted, session_factory, settings)
    page = client.get(PAGE)
    assert page.status_code == 200
    assert "Not public yet" not in page.text
    assert FINAL_CORRECTION in page.text
    assert CONDITION in page.text


# --- what it shows ----------------------------------------------------------------------------


def test_the_totals_are_the_packages(
    client: TestClient,
    db: Session,
    submitted: Council,
    session_factory: sessionmaker[Session],
    settings: Settings,
) -> None:
    _published(db, submitted, session_factory, settings)
    book = _book(db, submitted)
    html = _plain(client.get(PAGE).text)
    total = book.package.total
    for year in book.years:
        assert f'data-adopted="{year}"><strong>{euro(total.adopted[year])}</strong>' in html
    assert f'data-adopted="all"><strong>{euro(sum(total.adopted.values()))}</strong>' in html
    assert sum(total.adopted.values()) < sum(total.submitted.values())  # A1 and A2 count
    short = euro(total.target - total.adopted[book.years[0]])
    assert gettext("%(amount)s short", amount=short) in html
    for row in book.package.themes:
        assert row.title in html
        for year in book.years:
            assert euro(row.adopted[year]) in html
            assert euro(row.submitted[year]) in html


def test_every_measure_and_amendment_is_linked(
    client: TestClient,
    db: Session,
    submitted: Council,
    session_factory: sessionmaker[Session],
    settings: Settings,
) -> None:
    _published(db, submitted, session_factory, settings)
    book = _book(db, submitted)
    html = client.get(PAGE).text
    for measure in book.measures:
        link = f'href="/processen/dialoog/productbladen/{measure.proposal_id}"'
        # Once with the adopted measure, and again with each amendment on it.
        assert html.count(link) == 1 + len(book.amendments_on(measure.proposal_id))
    for view in book.amendments:
        assert f'href="/processen/dialoog/raad/amendementen/{view.amendment.number}"' in html
    struck = book.measures[0]
    assert f"<del>{struck.number} {struck.title}</del>" in html
    assert "adopted-measure--changed" in html
    assert "adopted-measure--condition" in html


# --- what it costs ----------------------------------------------------------------------------


def _grow(db: Session, c: Council, decided: Decided, measures: int, amendments: int) -> None:
    """More measures (signed-off sheets, in the first chapter) and more amendments (each
    co-signed and voted), straight into the tables: the page only reads them."""
    first_entry = c.entries[0]
    first = decided.amendments[0]
    assert c.decision is not None
    with organization_scope(db, c.book.organization.id):
        group_id = db.scalar(
            select(ProductSheet.group_id).where(ProductSheet.proposal_id == first.proposal_id)
        )
        assert group_id is not None
        for index in range(measures):
            amounts = {str(y): [1_000 * (index + 1), 0] for y in range(2012, 2016)}
            proposal = Proposal(
                process_id=c.process.id, group_id=group_id, author_id=c.book.expert.id,
                title=f"Extra maatregel {index}", state="included", submitted_at=utcnow(),
                claimed_total=4_000 * (index + 1),
            )  # fmt: skip
            db.add(proposal)
            db.flush()
            db.add(
                EditionEntry(
                    edition_id=c.book.edition.id, chapter_id=first_entry.chapter_id,
                    proposal_id=proposal.id, proposal_version=1, position=100 + index,
                    title=proposal.title, claimed=amounts, validated=None,
                    claimed_total=proposal.claimed_total,
                )
            )  # fmt: skip
            db.add(
                ProductSheet(
                    process_id=c.process.id, group_id=group_id, proposal_id=proposal.id,
                    updated_by="Olaf (#2)", step=SheetStep.SIGNED_OFF.value,
                    financial_effect=amounts,
                )
            )  # fmt: skip
        for number in range(100, 100 + amendments):
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
        db.flush()


def test_the_statement_count_does_not_grow_with_measures_or_amendments(
    client: TestClient,
    db: Session,
    submitted: Council,
    session_factory: sessionmaker[Session],
    settings: Settings,
    queries: QueryCounter,
) -> None:
    decided = _published(db, submitted, session_factory, settings)
    client.get(PAGE)
    queries.statements.clear()
    assert client.get(PAGE).status_code == 200
    few = queries.count
    _grow(db, submitted, decided, measures=15, amendments=20)
    client.get(PAGE)
    queries.statements.clear()
    page = client.get(PAGE)
    assert page.status_code == 200
    assert queries.count == few, "\n".join(queries.statements)
    assert "Extra maatregel 14" in page.text
    assert 'href="/processen/dialoog/raad/amendementen/119"' in page.text


# --- the documents block ------------------------------------------------------------------


def _decision_builds(db: Session, c: Council) -> dict[str, DocumentBuild]:
    with organization_scope(db, c.book.organization.id):
        db.expire_all()
        return {
            b.kind: b
            for b in db.scalars(select(DocumentBuild).order_by(DocumentBuild.id))
            if b.kind.startswith(("decision", "adopted"))
        }


def test_the_block_offers_the_decisions_documents_through_the_editions_route(
    client: TestClient,
    db: Session,
    submitted: Council,
    session_factory: sessionmaker[Session],
    settings: Settings,
) -> None:
    _published(db, submitted, session_factory, settings)
    builds = _decision_builds(db, submitted)
    assert len(builds) == 3
    for html in (client.get(PAGE).text, client.get(BLOCK).text):
        for kind in ("decision_pdf", "adopted_csv", "adopted_xlsx"):
            href = f'href="/processen/dialoog/witboek-edities/1/documenten/{builds[kind].id}"'
            assert href in html
            assert str(KINDS[DocumentKind(kind)].label) in html
        assert str(KINDS[DocumentKind.EDITION_PDF].label) not in html
        assert "every 2s" not in html
        assert f'action="{BLOCK}"' not in html  # not the clerk
    download = client.get(
        f"/processen/dialoog/witboek-edities/1/documenten/{builds['adopted_csv'].id}"
    )
    assert download.status_code == 200
    assert (
        "vastgestelde-maatregelen-dialoog-editie-1.csv" in download.headers["content-disposition"]
    )
    # The edition's own block lists the edition's four, not the decision's.
    edition_block = client.get("/processen/dialoog/witboek-edities/1/documenten").text
    assert str(KINDS[DocumentKind.DECISION_PDF].label) not in edition_block
    assert str(KINDS[DocumentKind.EDITION_PDF].label) in edition_block


def test_the_block_polls_while_a_build_is_under_way(
    client: TestClient,
    db: Session,
    submitted: Council,
    session_factory: sessionmaker[Session],
    settings: Settings,
) -> None:
    _published(db, submitted, session_factory, settings)
    with organization_scope(db, submitted.book.organization.id):
        db.add(
            DocumentBuild(
                edition_id=submitted.book.edition.id, kind="decision_pdf", status="running",
                progress_done=2, progress_total=7,
            )
        )  # fmt: skip
        db.flush()
    block = client.get(BLOCK).text
    assert f'data-hx-get="{BLOCK}"' in block
    assert 'data-hx-trigger="every 2s"' in block
    assert gettext("Being built: step %(done)d of %(total)d.", done=2, total=7) in block
    # The previous file is still offered while the new one is built.
    assert gettext("(the previous build)") in block


@pytest.mark.parametrize("who", ["clerk", "admin"])
def test_the_clerk_or_the_admin_rebuilds_them(
    client: TestClient,
    db: Session,
    submitted: Council,
    session_factory: sessionmaker[Session],
    settings: Settings,
    who: str,
) -> None:
    _published(db, submitted, session_factory, settings)
    before = _decision_builds(db, submitted)
    sign_in(client, (submitted.clerk if who == "clerk" else submitted.book.admin).email)
    assert f'action="{BLOCK}"' in client.get(PAGE).text
    response = post_form(client, BLOCK, {})
    assert response.status_code == 303
    assert response.headers["location"] == PAGE + "#documents"
    after = _decision_builds(db, submitted)
    assert set(after) == set(before)
    for kind, build in after.items():
        assert build.id != before[kind].id
        assert build.status == "done", build.error
    with organization_scope(db, submitted.book.organization.id):
        kinds = set(db.scalars(select(DocumentBuild.kind)))
    assert not kinds & {"edition_pdf", "edition_docx", "measures_csv", "measures_xlsx"}


def test_a_failed_build_is_retried_by_the_clerk_only(
    client: TestClient,
    db: Session,
    submitted: Council,
    session_factory: sessionmaker[Session],
    settings: Settings,
) -> None:
    _published(db, submitted, session_factory, settings)
    with organization_scope(db, submitted.book.organization.id):
        failed = DocumentBuild(
            edition_id=submitted.book.edition.id, kind="adopted_xlsx", status="failed",
            error="build",
        )  # fmt: skip
        db.add(failed)
        db.flush()
    retry = f"{BLOCK}/{failed.id}/opnieuw"
    sign_in(client, submitted.joost.email)
    assert retry not in client.get(PAGE).text
    assert post_form(client, retry, {}).status_code == 403
    assert post_form(client, BLOCK, {}).status_code == 403
    client.cookies.clear()
    sign_in(client, submitted.clerk.email)
    assert f'action="{retry}"' in client.get(PAGE).text
    assert post_form(client, retry, {}).status_code == 303
    assert _decision_builds(db, submitted)["adopted_xlsx"].status == "done"
    # An edition's build is not the decision's to retry.
    with organization_scope(db, submitted.book.organization.id):
        other = DocumentBuild(
            edition_id=submitted.book.edition.id, kind="edition_pdf", status="failed"
        )
        db.add(other)
        db.flush()
    assert post_form(client, f"{BLOCK}/{other.id}/opnieuw", {}).status_code == 404


def test_the_clerk_cannot_build_them_before_publication(
    client: TestClient, db: Session, submitted: Council
) -> None:
    decide(db, submitted, publish=False)
    sign_in(client, submitted.clerk.email)
    assert post_form(client, BLOCK, {}).status_code == 403
    assert re.search(r'action="[^"]*/besluit/documenten"', client.get(PAGE).text) is None
