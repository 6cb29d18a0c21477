"""A sprint's result documents: publishing the package builds its PDF and XLSX (and only
those) on the sprint, by the documents' job; their contents agree with the result page's
numbers exactly; they are read as the result is; the board builds them again."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.db import organization_scope
from app.documents.kinds import SPRINT_KINDS
from app.jobs.runner import run_pending
from app.models import DocumentBuild
from app.sprint import result_service
from tests.sprint.fixtures_result import BOARD, ResultStage
from tests.sprint.fixtures_result import result_stage as result_stage  # a fixture
from tests.sprint.fixtures_team import CAPTAIN
from tests.web.helpers import post_form, sign_in


@pytest.fixture
def settings(settings: Settings, tmp_path: Path) -> Settings:
    return settings.model_copy(update={"documents_dir": tmp_path / "documents"})


def _publish(db: Session, r: ResultStage) -> None:
    place = r.place(db)
    with organization_scope(db, r.organization.id):
        for name in ("inhuur", "inkopen", "eigen"):
            result_service.choose_measure(db, r.actor(BOARD), place, r.measures[name].id)
        result_service.publish_package(db, r.actor(BOARD), place, "Het **gekozen** pakket.")


def _builds(db: Session, r: ResultStage) -> dict[str, DocumentBuild]:
    with organization_scope(db, r.organization.id):
        db.expire_all()
        rows = db.scalars(select(DocumentBuild).order_by(DocumentBuild.id))
        return {b.kind: b for b in rows}


def _plain(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").replace("\u202f", " ").split())


@pytest.fixture
def built(
    db: Session,
    result_stage: ResultStage,
    session_factory: sessionmaker[Session],
    settings: Settings,
) -> dict[str, DocumentBuild]:
    _publish(db, result_stage)
    run_pending(session_factory, settings)
    return _builds(db, result_stage)


def test_publishing_builds_the_pdf_and_the_xlsx_on_the_sprint(
    built: dict[str, DocumentBuild], result_stage: ResultStage, settings: Settings
) -> None:
    assert set(built) == {kind.value for kind in SPRINT_KINDS}
    for build in built.values():
        assert build.status == "done", build.error
        assert build.sprint_id == result_stage.stage.sprint.id
        assert build.edition_id is None
        assert build.progress_done == build.progress_total
        assert build.storage_key is not None
        assert (settings.documents_dir / build.storage_key).stat().st_size == build.size
    assert built["sprint_result_pdf"].file_name == "resultaat-hackaton.pdf"
    assert built["sprint_result_xlsx"].file_name == "gekozen-maatregelen-hackaton.xlsx"


def test_the_pdf_states_the_totals_and_every_chosen_measure(
    built: dict[str, DocumentBuild], settings: Settings
) -> None:
    key = built["sprint_result_pdf"].storage_key
    assert key is not None
    reader = PdfReader(settings.documents_dir / key)
    text = _plain(" ".join(page.extract_text() for page in reader.pages))
    for amount in ("1.550.000", "405.000", "9.000.000", "5.000.000", "900.000", "650.000"):
        assert amount in text, amount
    for title in ("Minder inhuur", "Eigen plan", "Samen inkopen, aangepast", "Team 1", "Team 2"):
        assert title in text, title
    assert "Te mooi" not in text
    assert "gekozen" in text  # the board's note


def test_the_xlsx_holds_every_measure_per_year_and_the_totals_as_numbers(
    built: dict[str, DocumentBuild], settings: Settings
) -> None:
    key = built["sprint_result_xlsx"].storage_key
    assert key is not None
    book = load_workbook(settings.documents_dir / key)
    measures, teams, totals = book.worksheets
    rows = list(measures.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 3 * 4  # three measures, four years
    by_key = {(r[1], r[4]): (r[5], r[6]) for r in rows}
    assert by_key[("Minder inhuur", 2019)] == (100_000, 50_000)
    assert by_key[("Minder inhuur", 2022)] == (400_000, 0)
    assert by_key[("Samen inkopen, aangepast", 2019)] == (200_000, 25_000)
    assert {r[0]: r[2:] for r in teams.iter_rows(min_row=2, values_only=True)} == {
        "Team 2": (900_000, 225_000),
        "Team 1": (650_000, 180_000),
    }
    total_rows = list(totals.iter_rows(min_row=2, max_row=3, values_only=True))
    assert total_rows[0][1:] == (1_550_000, 9_000_000, 1_550_000 - 9_000_000)
    assert total_rows[1][1:] == (405_000, 5_000_000, 405_000 - 5_000_000)


def test_anyone_downloads_them_once_published(
    client: TestClient, built: dict[str, DocumentBuild], result_stage: ResultStage
) -> None:
    page = client.get(f"{result_stage.path}/resultaat")
    pdf = built["sprint_result_pdf"]
    link = f"{result_stage.path}/resultaat/documenten/{pdf.id}"
    assert f'href="{link}"' in page.text
    response = client.get(link)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert "attachment" in response.headers["content-disposition"]
    assert response.content.startswith(b"%PDF")
    again = client.get(link, headers={"If-None-Match": f'"{pdf.sha256}"'})
    assert again.status_code == 304
    xlsx = client.get(f"{result_stage.path}/resultaat/documenten/{built['sprint_result_xlsx'].id}")
    assert load_workbook(io.BytesIO(xlsx.content)).worksheets[0].max_row == 13
    assert client.get(f"{result_stage.path}/resultaat/documenten/999999").status_code == 404


def test_the_board_builds_them_again_and_others_may_not(
    db: Session,
    client: TestClient,
    built: dict[str, DocumentBuild],
    result_stage: ResultStage,
    session_factory: sessionmaker[Session],
    settings: Settings,
) -> None:
    path = f"{result_stage.path}/resultaat"
    sign_in(client, CAPTAIN)
    assert post_form(client, f"{path}/documenten", {}, form_page=path).status_code == 403
    client.cookies.clear()
    sign_in(client, BOARD)
    assert 'action="/processen/hackaton/sprint/resultaat/documenten"' in client.get(path).text
    response = post_form(client, f"{path}/documenten", {}, form_page=path)
    assert response.status_code == 303
    assert client.get(f"{path}/documenten").status_code == 200
    run_pending(session_factory, settings)
    with organization_scope(db, result_stage.organization.id):
        db.expire_all()
        builds = list(db.scalars(select(DocumentBuild).order_by(DocumentBuild.id)))
    assert len(builds) == 4
    assert [b.status for b in builds] == ["done"] * 4
    assert [b.storage_key is None for b in builds] == [True, True, False, False]
    # A build that is done is not retried.
    retried = post_form(client, f"{path}/documenten/{builds[-1].id}/opnieuw", {}, form_page=path)
    assert retried.status_code == 303


def test_no_documents_before_publication(
    db: Session, client: TestClient, result_stage: ResultStage
) -> None:
    sign_in(client, BOARD)
    path = f"{result_stage.path}/resultaat"
    assert post_form(client, f"{path}/documenten", {}, form_page=path).status_code == 409
    with organization_scope(db, result_stage.organization.id):
        assert db.scalar(select(DocumentBuild.id)) is None
