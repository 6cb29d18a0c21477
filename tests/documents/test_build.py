"""The documents job: all four kinds built and moved into place, their contents checked
against the database, a failure that says why and leaves no file, and the retry."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from babel.numbers import format_currency
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.config import Settings
from app.db import organization_scope
from app.documents import jobs as document_jobs
from app.documents import service
from app.documents.builders import Progress, builder_for
from app.documents.kinds import EDITION_KINDS, DocumentKind
from app.documents.queries import EditionData
from app.models import DocumentBuild, EditionEntry, Job
from tests.documents.conftest import YEARS, Edition
from tests.web.helpers import post_form, sign_in


def _builds(db: Session, compiled: Edition) -> dict[str, DocumentBuild]:
    with organization_scope(db, compiled.organization.id):
        db.expire_all()
        rows = db.scalars(select(DocumentBuild).order_by(DocumentBuild.id))
        return {b.kind: b for b in rows}


def _build_all(client: TestClient, compiled: Edition) -> None:
    sign_in(client, compiled.admin.email)
    response = post_form(client, compiled.path, {})
    assert response.status_code == 303, response.text[:300]


def _file(settings: Settings, build: DocumentBuild) -> Path:
    assert build.storage_key is not None
    return settings.documents_dir / build.storage_key


def _plain(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def test_the_job_builds_all_four_kinds(
    client: TestClient, db: Session, compiled: Edition, settings: Settings
) -> None:
    _build_all(client, compiled)
    builds = _builds(db, compiled)
    assert set(builds) == {k.value for k in EDITION_KINDS}
    for build in builds.values():
        assert build.status == "done", build.error
        path = _file(settings, build)
        assert path.stat().st_size == build.size
        assert build.sha256 is not None
        assert len(build.sha256) == 64
        assert build.progress_total
        assert build.progress_done == build.progress_total
        assert path.parent == settings.documents_dir / str(compiled.organization.id) / str(
            compiled.edition.id
        )
    assert builds["edition_pdf"].file_name == "centraal-witboek-dialoog-editie-1.pdf"
    assert builds["measures_xlsx"].file_name == "maatregelen-dialoog-editie-1.xlsx"
    # Nothing half-written is left behind.
    assert not list(settings.documents_dir.rglob("*.part"))
    jobs = list(db.scalars(select(Job).where(Job.name == "documents.build")))
    assert len(jobs) == 4
    assert all(j.status == "done" and j.progress_done == j.progress_total for j in jobs)


def test_the_pdf_holds_every_title_and_the_total_of_the_database(
    client: TestClient, db: Session, compiled: Edition, settings: Settings
) -> None:
    _build_all(client, compiled)
    pdf = PdfReader(_file(settings, _builds(db, compiled)["edition_pdf"]))
    text = _plain("\n".join(page.extract_text() for page in pdf.pages))
    for entry in compiled.entries:
        assert entry.title in text
    assert "Centraal witboek, editie 1" in text
    assert "Het productblad is nog niet geschreven." in text  # the third has none
    with organization_scope(db, compiled.organization.id):
        total = db.scalar(select(func.sum(EditionEntry.claimed_total)))
    assert total
    printed = _plain(
        format_currency(total, "EUR", locale="nl", format="¤ #,##0", currency_digits=False)
    )
    assert f"Totaal geclaimd, alle jaren {printed}" in text


def test_the_xlsx_has_a_row_per_measure_per_year_and_the_sums_match(
    client: TestClient, db: Session, compiled: Edition, settings: Settings
) -> None:
    _build_all(client, compiled)
    book = load_workbook(_file(settings, _builds(db, compiled)["measures_xlsx"]))
    measures = book.worksheets[0]
    rows = list(measures.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(compiled.entries) * len(YEARS)
    assert measures.freeze_panes == "A2"
    claimed = sum(r[4] + r[5] for r in rows)
    assert claimed == sum(e.claimed_total for e in compiled.entries)
    assert measures["E2"].number_format.startswith('"€"')
    totals = list(book.worksheets[1].iter_rows(min_row=2, values_only=True))
    assert totals[-1][-1] == claimed
    assert sum(r[-1] for r in totals[:-1]) == claimed


def test_the_csv_parses_with_a_row_per_measure_per_year(
    client: TestClient, db: Session, compiled: Edition, settings: Settings
) -> None:
    _build_all(client, compiled)
    raw = _file(settings, _builds(db, compiled)["measures_csv"]).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["Thema", "Voorstelnummer", "Titel", "Jaar"]
    body = rows[1:]
    assert len(body) == len(compiled.entries) * len(YEARS)
    assert sum(int(r[4]) + int(r[5]) for r in body) == sum(
        e.claimed_total for e in compiled.entries
    )
    assert {r[2] for r in body} == {e.title for e in compiled.entries}


def test_a_failed_build_says_why_leaves_no_file_and_can_be_retried(
    client: TestClient,
    db: Session,
    compiled: Edition,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = builder_for

    def half_then_broken(data: EditionData, target: Path, progress: Progress) -> None:
        target.write_bytes(b"%PDF-1.7 half a file")
        progress(1, 3)
        raise RuntimeError("the layout broke")

    monkeypatch.setattr(
        document_jobs,
        "builder_for",
        lambda kind: half_then_broken if kind == DocumentKind.EDITION_PDF else real(kind),
    )
    _build_all(client, compiled)
    failed = _builds(db, compiled)["edition_pdf"]
    assert failed.status == "failed"
    assert failed.error == "build"
    assert failed.storage_key is None
    assert failed.size is None
    folder = settings.documents_dir / str(compiled.organization.id) / str(compiled.edition.id)
    assert not [p for p in folder.iterdir() if p.name.endswith((".pdf", ".part"))]
    job = db.get(Job, failed.job_id)
    assert job is not None
    assert job.status == "failed"
    assert job.error is not None
    assert "the layout broke" in job.error
    block = client.get(compiled.path)
    assert "Iets in de editie kon niet in dit document worden gezet." in block.text
    assert f"{compiled.path}/{failed.id}/opnieuw" in block.text

    monkeypatch.setattr(document_jobs, "builder_for", real)
    response = post_form(client, f"{compiled.path}/{failed.id}/opnieuw", {})
    assert response.status_code == 303
    retried = _builds(db, compiled)["edition_pdf"]
    assert retried.id == failed.id
    assert retried.status == "done"
    assert retried.error is None
    assert _file(settings, retried).read_bytes().startswith(b"%PDF")
    # A build that did not fail is not retried.
    again = post_form(client, f"{compiled.path}/{failed.id}/opnieuw", {})
    assert again.status_code == 303
    assert _builds(db, compiled)["edition_pdf"].job_id == retried.job_id


def test_a_kind_under_way_is_not_queued_twice(db: Session, compiled: Edition) -> None:
    with organization_scope(db, compiled.organization.id):
        first = service.request_build(db, "test", compiled.edition)
        second = service.request_build(db, "test", compiled.edition)
        assert len(first) == 4
        assert second == []
        assert db.scalar(select(func.count(Job.id)).where(Job.name == "documents.build")) == 4
