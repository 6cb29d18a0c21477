"""The council decision's documents: publishing builds the PDF, the CSV and the XLSX (and
only those) on the decision's edition; their contents are checked against the package as
:func:`app.council.queries.council_book` works it out; they are read as the decision is."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from fastapi.testclient import TestClient
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.council import queries as council_queries
from app.council.queries import CouncilBook
from app.council.states import KIND_LABELS
from app.db import organization_scope
from app.documents import service
from app.documents.decision_data import MEASURE_STATUS_LABELS, decision_data
from app.documents.kinds import DECISION_KINDS, EDITION_KINDS
from app.i18n import gettext
from app.jobs.runner import run_pending
from app.models import Amendment, AmendmentSignature, CouncilVote, DocumentBuild
from app.web.templating import euro
from tests.conftest import QueryCounter
from tests.council.conftest import Council, actor
from tests.council.conftest import council as council  # a fixture, used here too
from tests.council.conftest import submitted as submitted  # a fixture, used here too
from tests.council.decision_setup import CONDITION, CORRECTION, FINAL_CORRECTION, Decided, decide
from tests.documents.conftest import YEARS
from tests.web.helpers import sign_in


def _plain(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").replace("\u202f", " ").split())


def _builds(db: Session, c: Council) -> dict[str, DocumentBuild]:
    with organization_scope(db, c.book.organization.id):
        db.expire_all()
        rows = db.scalars(select(DocumentBuild).order_by(DocumentBuild.id))
        return {b.kind: b for b in rows}


def _file(settings: Settings, build: DocumentBuild) -> Path:
    assert build.status == "done", build.error
    assert build.storage_key is not None
    return settings.documents_dir / build.storage_key


def _book(db: Session, c: Council) -> CouncilBook:
    assert c.decision is not None
    with organization_scope(db, c.book.organization.id):
        return council_queries.council_book(db, c.decision)


def _published(
    db: Session, submitted: Council, session_factory: sessionmaker[Session], settings: Settings
) -> Decided:
    decided = decide(db, submitted)
    run_pending(session_factory, settings)
    return decided


def test_publishing_builds_the_three_decision_documents_and_nothing_else(
    db: Session, submitted: Council, session_factory: sessionmaker[Session], settings: Settings
) -> None:
    _published(db, submitted, session_factory, settings)
    builds = _builds(db, submitted)
    assert set(builds) == {kind.value for kind in DECISION_KINDS}
    for build in builds.values():
        assert build.edition_id == submitted.book.edition.id
        path = _file(settings, build)
        assert path.stat().st_size == build.size
        assert build.progress_done == build.progress_total
    assert builds["decision_pdf"].file_name == "raadsbesluit-dialoog-editie-1.pdf"
    assert builds["adopted_csv"].file_name == "vastgestelde-maatregelen-dialoog-editie-1.csv"
    assert builds["adopted_xlsx"].file_name == "vastgestelde-maatregelen-dialoog-editie-1.xlsx"
    assert not list(settings.documents_dir.rglob("*.part"))


def test_each_group_of_kinds_is_requested_on_its_own(db: Session, submitted: Council) -> None:
    with organization_scope(db, submitted.book.organization.id):
        edition = submitted.book.edition
        decision = service.request_decision_build(db, "test", edition)
        assert [b.kind for b in decision] == [k.value for k in DECISION_KINDS]
        # The edition's own are not held up by the decision's under way, nor the other way.
        assert [b.kind for b in service.request_build(db, "test", edition)] == [
            k.value for k in EDITION_KINDS
        ]
        assert service.request_decision_build(db, "test", edition) == []


def test_the_pdf_holds_every_amendment_and_the_adopted_total(
    db: Session, submitted: Council, session_factory: sessionmaker[Session], settings: Settings
) -> None:
    _published(db, submitted, session_factory, settings)
    book = _book(db, submitted)
    pdf = PdfReader(_file(settings, _builds(db, submitted)["decision_pdf"]))
    text = _plain("\n".join(page.extract_text() for page in pdf.pages))
    assert len(book.amendments) == 5
    for view in book.amendments:
        heading = f"{view.label} · {KIND_LABELS[view.amendment.kind]}: {view.measure.number}"
        assert heading in text
    adopted = sum(book.package.total.adopted.values())
    assert adopted != sum(book.package.total.submitted.values())  # the amendments count
    assert _plain(gettext("Adopted savings, all years: %(amount)s", amount=euro(adopted))) in text
    for measure in book.measures:
        assert measure.title in text
    assert CONDITION in text
    assert _plain(CORRECTION) in text
    assert _plain(FINAL_CORRECTION) in text
    assert "Lokaal Belang" in text  # the final vote was first recorded per party


def test_the_xlsx_has_a_row_per_measure_per_year_and_the_package_totals(
    db: Session, submitted: Council, session_factory: sessionmaker[Session], settings: Settings
) -> None:
    _published(db, submitted, session_factory, settings)
    book = _book(db, submitted)
    workbook = load_workbook(_file(settings, _builds(db, submitted)["adopted_xlsx"]))
    sheet = workbook.worksheets[0]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(book.measures) * len(YEARS)
    assert sheet.freeze_panes == "A2"
    assert sheet["G2"].number_format.startswith('"€"')
    assert sum(r[8] for r in rows) == sum(book.package.total.adopted.values())
    assert sum(r[11] for r in rows) == sum(book.package.total.submitted.values())
    for row in rows:
        assert row[6] + row[7] == row[8]
        assert row[9] + row[10] == row[11]
    struck = [r for r in rows if r[2] == book.measures[0].title]
    assert {r[4] for r in struck} == {str(MEASURE_STATUS_LABELS["struck"])}
    assert {r[5] for r in struck} == {"A1"}
    assert all(r[8] == 0 for r in struck)
    assert sum(r[11] for r in struck) == sum(book.measures[0].total(y) for y in YEARS)
    totals = list(workbook.worksheets[1].iter_rows(min_row=2, values_only=True))
    assert len(totals) == len(book.package.themes) + 1
    assert totals[-1][-1] == sum(book.package.total.adopted.values())
    assert sum(r[-1] for r in totals[:-1]) == totals[-1][-1]


def test_the_csv_parses_and_marks_what_the_decision_did(
    db: Session, submitted: Council, session_factory: sessionmaker[Session], settings: Settings
) -> None:
    _published(db, submitted, session_factory, settings)
    book = _book(db, submitted)
    raw = _file(settings, _builds(db, submitted)["adopted_csv"]).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(rows[0]) == 12
    body = rows[1:]
    assert len(body) == len(book.measures) * len(YEARS)
    assert sum(int(r[8]) for r in body) == sum(book.package.total.adopted.values())
    status = {r[2]: (r[4], r[5]) for r in body}
    labels = {k: str(v) for k, v in MEASURE_STATUS_LABELS.items()}
    titles = [m.title for m in book.measures]
    assert status[titles[0]] == (labels["struck"], "A1")
    assert status[titles[1]] == (labels["changed"], "A2")
    assert status[titles[3]] == (labels["condition"], "A3")
    assert status[titles[4]] == (labels["adopted"], "")  # A4 was defeated
    assert status[titles[5]] == (labels["adopted"], "")  # A5 was withdrawn
    changed_2013 = next(r for r in body if r[2] == titles[1] and r[3] == "2013")
    assert (int(changed_2013[6]), int(changed_2013[7])) == (2_500, 500)
    assert int(changed_2013[11]) == book.measures[1].total(2013)


def test_decision_data_costs_the_same_with_more_amendments(
    db: Session, submitted: Council, queries: QueryCounter
) -> None:
    decided = decide(db, submitted, publish=False)
    decision = submitted.decision
    assert decision is not None
    edition_id = submitted.book.edition.id
    with organization_scope(db, submitted.book.organization.id):
        db.expire_all()
        queries.statements.clear()
        few = decision_data(db, edition_id)
        once = queries.count
        first = decided.amendments[0]
        for number in range(6, 18):
            extra = Amendment(
                process_id=first.process_id, decision_id=decision.id, entry_id=first.entry_id,
                sheet_id=first.sheet_id, proposal_id=first.proposal_id, number=number,
                kind="condition", state="carried", explanation="Meer.", condition="Als het kan.",
                filer_id=submitted.joost.id, filer_label="Joost (#3)", party="Groen Links Zeist",
            )  # fmt: skip
            db.add(extra)
            db.flush()
            db.add(AmendmentSignature(amendment_id=extra.id, user_id=submitted.marieke.id,
                                      label="Marieke (#4)"))  # fmt: skip
            db.add(CouncilVote(decision_id=decision.id, amendment_id=extra.id, mode="counts",
                               votes_for=9, votes_against=8, carried=True,
                               recorded_by=actor(submitted.clerk).display_name))  # fmt: skip
        db.flush()
        db.expire_all()
        queries.statements.clear()
        many = decision_data(db, edition_id)
        assert queries.count == once
    assert few is not None
    assert many is not None
    assert len(many.amendments) == len(few.amendments) + 12
    assert many.measures[0].struck  # A1 still strikes it; the conditions do not count


def test_the_decision_documents_are_read_as_the_decision_is(
    client: TestClient,
    db: Session,
    submitted: Council,
    session_factory: sessionmaker[Session],
    settings: Settings,
) -> None:
    """Kept on a published edition, they are still not for the public before the decision
    is published (a build made then is refused, not merely unlisted)."""
    decide(db, submitted, publish=False)
    with organization_scope(db, submitted.book.organization.id):
        service.request_decision_build(db, "test", submitted.book.edition)
        db.flush()
    run_pending(session_factory, settings)
    build = _builds(db, submitted)["decision_pdf"]
    url = f"/processen/dialoog/witboek-edities/1/documenten/{build.id}"
    assert client.get(url, follow_redirects=False).status_code in (302, 303, 401)
    sign_in(client, submitted.clerk.email)  # the clerk reads the decided decision
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"  # signed in: app.web.middleware
    client.cookies.clear()
    sign_in(client, submitted.book.official.email)
    assert client.get(url).status_code == 403
    client.cookies.clear()
    assert submitted.decision is not None
    with organization_scope(db, submitted.book.organization.id):
        from app.council import vote_service as council_service

        council_service.publish_decision(
            db, submitted.jinja, actor(submitted.clerk), submitted.process, submitted.decision,
            base_url="http://testserver",
        )  # fmt: skip
        db.flush()
    public = client.get(url)
    assert public.status_code == 200
    assert public.content.startswith(b"%PDF")
    assert public.headers["cache-control"].startswith("public")
