"""A person's export: every table that points at a person is covered, the ZIP holds their
data (and not other people's, nor secrets), it is built with one query per table, it
expires, and a failure says so."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.config import Settings
from app.db import Base, organization_scope, utcnow
from app.models import (
    ApplicationBudgetLine,
    Consent,
    DataExport,
    ExpertApplication,
    Job,
    Mail,
    Notification,
    ProposalComment,
    ProposalSupport,
    SignInFailure,
)
from app.privacy.export_sections import NOT_EXPORTED, SECTIONS, covered_columns
from app.privacy.export_service import EXPIRE_JOB
from tests.conftest import QueryCounter
from tests.privacy.export_support import settings  # noqa: F401 - a fixture
from tests.proposals.conftest import (
    Dialogue,
    dialogue,  # noqa: F401 - a fixture
)
from tests.web.helpers import post_form, sign_in

PAGE = "/profiel/gegevens"


def test_every_column_that_points_at_a_person_is_exported_or_explained() -> None:
    pointing = {
        f"{table.name}.{column.name}"
        for table in Base.metadata.tables.values()
        for column in table.columns
        if any(fk.column.table.name == "users" for fk in column.foreign_keys)
    }
    missing = pointing - covered_columns() - set(NOT_EXPORTED)
    assert missing == set(), "add a section in app/privacy/export_sections.py"
    assert covered_columns() <= pointing  # no section names a column that is gone


def test_the_sections_are_well_formed() -> None:
    names = [s.name for s in SECTIONS]
    assert len(names) == len(set(names))
    for s in SECTIONS:
        columns = {c.name for c in s.model.__table__.columns}
        assert set(s.leave_out) <= columns, s.name
        assert s.about_nl
        assert s.about_en


def _export(client: TestClient, db: Session, organization_id: int) -> DataExport:
    assert post_form(client, PAGE, {}, form_page=PAGE).status_code == 303
    with organization_scope(db, organization_id):
        db.expire_all()
        export = db.scalar(select(DataExport).order_by(DataExport.id.desc()).limit(1))
    assert export is not None
    return export


def _open(config: Settings, export: DataExport) -> zipfile.ZipFile:
    assert export.file_name is not None
    return zipfile.ZipFile(config.exports_dir / export.file_name)


def _json(archive: zipfile.ZipFile, name: str) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(archive.read(f"json/{name}.json"))
    return data


def _fill(db: Session, d: Dialogue) -> None:
    """Rows about Annelies in many tables, and a few about Bram next to them."""
    proposal = d.draft(db, coauthors=[d.second.id])
    other = d.draft(db, "Van Bram", by=d.second)
    with organization_scope(db, d.organization.id):
        application = ExpertApplication(
            process_id=d.process.id, group_id=d.group.id, user_id=d.expert.id,
            motivation="Ik ken de scholen.", expertise="Onderwijs",
        )  # fmt: skip
        db.add(application)
        db.flush()
        db.add_all(
            [
                ApplicationBudgetLine(application_id=application.id, budget_line_id=d.lines[0].id),
                ProposalComment(proposal_id=other.id, author_id=d.expert.id, body="=1+1 klopt"),
                ProposalComment(proposal_id=other.id, author_id=d.second.id, body="Van Bram"),
                ProposalSupport(proposal_id=other.id, user_id=d.expert.id),
                Consent(user_id=d.expert.id, document="privacy", version="2026-11"),
                Notification(user_id=d.expert.id, kind="comment", params={"n": 1}, link="/"),
                Mail(recipient="Annelies@example.org", subject="Welkom", body="geheim-link",
                     kind="confirm_email"),
                Mail(recipient="bram@example.org", subject="Voor Bram", body="x", kind="x"),
            ]
        )  # fmt: skip
        db.flush()
    assert proposal.id


def test_the_zip_holds_the_persons_data(
    client: TestClient,
    db: Session,
    dialogue: Dialogue,  # noqa: F811
    settings: Settings,  # noqa: F811
) -> None:
    _fill(db, dialogue)
    sign_in(client, dialogue.expert.email)
    with organization_scope(db, dialogue.organization.id):
        # After the sign-in, which clears the account's failures.
        db.add(SignInFailure(email="annelies@example.org", ip_address="203.0.113.9"))
        db.flush()
    export = _export(client, db, dialogue.organization.id)
    assert export.status == "ready"
    assert export.expires_at is not None
    assert export.finished_at is not None
    assert timedelta(days=6) < export.expires_at - export.finished_at <= timedelta(days=7)
    # A random name below the organization's folder: nothing in it names the person.
    assert export.file_name is not None
    assert export.file_name.startswith(f"{dialogue.organization.id}/")
    assert "annelies" not in export.file_name.lower()
    with _open(settings, export) as archive:
        names = set(archive.namelist())
        assert "README.txt" in names
        for s in SECTIONS:
            assert {f"json/{s.name}.json", f"csv/{s.name}.csv"} <= names
        readme = archive.read("README.txt").decode()
        assert "UW GEGEVENS IN DIALOOG" in readme
        assert "YOUR DATA IN DIALOOG" in readme
        [profile] = _json(archive, "profile")
        assert profile["email"] == "annelies@example.org"
        assert "password_hash" not in profile
        assert "totp_secret" not in profile
        assert [p["title"] for p in _json(archive, "proposals")] == ["Minder leerlingenvervoer"]
        assert [c["body"] for c in _json(archive, "comments")] == ["=1+1 klopt"]
        assert len(_json(archive, "supports")) == 1
        assert len(_json(archive, "consents")) == 1
        assert _json(archive, "notifications")[0]["params"] == {"n": 1}
        assert [
            len(_json(archive, n)) for n in ("expert_applications", "application_budget_lines")
        ] == [1, 1]
        assert [m["subject"] for m in _json(archive, "mails")] == ["Welkom"]
        assert "body" not in _json(archive, "mails")[0]
        assert "ip_address" not in _json(archive, "failed_sign_ins")[0]
        assert len(_json(archive, "sessions")) == 1  # this sign-in
        assert "token_hash" not in _json(archive, "sessions")[0]
        assert any(
            a["action"] == "privacy.export_requested" for a in _json(archive, "audit_entries")
        )
        assert b"203.0.113.9" not in b"".join(archive.read(n) for n in names)
        assert b"geheim-link" not in b"".join(archive.read(n) for n in names)
        assert b"Van Bram" not in archive.read("json/comments.json")
        # CSV: a byte order mark, semicolons, and text a spreadsheet would run made safe.
        raw = archive.read("csv/comments.csv")
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
        assert rows[0]["body"] == "'=1+1 klopt"
    # Bram co-authors Annelies's proposal: his export holds it as such.
    client.cookies.clear()
    sign_in(client, dialogue.second.email)
    bram = _export(client, db, dialogue.organization.id)
    with _open(settings, bram) as archive:
        assert [p["title"] for p in _json(archive, "proposals_coauthored")] == [
            "Minder leerlingenvervoer"
        ]
        assert [p["title"] for p in _json(archive, "proposals")] == ["Van Bram"]


def test_the_build_reads_per_table_not_per_row(
    client: TestClient,
    db: Session,
    dialogue: Dialogue,  # noqa: F811
    queries: QueryCounter,
) -> None:
    other = dialogue.draft(db, "Van Bram", by=dialogue.second)
    sign_in(client, dialogue.expert.email)
    before = queries.count
    _export(client, db, dialogue.organization.id)
    few = queries.count - before
    with organization_scope(db, dialogue.organization.id):
        for n in range(40):
            db.add(ProposalComment(proposal_id=other.id, author_id=dialogue.expert.id, body=f"{n}"))
            db.add(Notification(user_id=dialogue.expert.id, kind="comment", params={}, link="/"))
        db.flush()
    before = queries.count
    _export(client, db, dialogue.organization.id)
    # 80 more rows, the same statements (one more: the first export's file is removed).
    assert queries.count - before <= few + 1


def test_a_newer_export_removes_the_older_file_and_an_expired_one_goes(
    client: TestClient,
    db: Session,
    dialogue: Dialogue,  # noqa: F811
    settings: Settings,  # noqa: F811
) -> None:
    sign_in(client, dialogue.expert.email)
    first = _export(client, db, dialogue.organization.id)
    first_path = settings.exports_dir / str(first.file_name)
    assert first_path.is_file()
    second = _export(client, db, dialogue.organization.id)
    assert not first_path.exists()
    with organization_scope(db, dialogue.organization.id):
        db.refresh(first)
        assert first.file_name is None
        # The expiry job was queued for the moment the file expires; bring it forward.
        db.execute(
            update(Job).where(Job.name == EXPIRE_JOB).values(run_after=utcnow() - timedelta(1))
        )
        db.flush()
    second_path = settings.exports_dir / str(second.file_name)
    assert second_path.is_file()
    page = client.get(PAGE)
    assert f'href="{PAGE}/{second.id}/download"' in page.text
    # Any request that queues work runs due jobs: ask for the page's part after a commit.
    client.app.state.jobs.after_commit()  # type: ignore[attr-defined]
    assert not second_path.exists()
    page = client.get(PAGE)
    assert f'data-export="{second.id}" data-state="expired"' in page.text
    assert client.get(f"{PAGE}/{second.id}/download").status_code == 404


def test_a_build_that_fails_says_so(
    client: TestClient,
    db: Session,
    dialogue: Dialogue,  # noqa: F811
    settings: Settings,  # noqa: F811
    tmp_path: Path,
) -> None:
    # The exports folder cannot be made: a file is in its way.
    blocked = settings.exports_dir
    blocked.parent.mkdir(parents=True, exist_ok=True)
    blocked.write_text("not a folder")
    sign_in(client, dialogue.expert.email)
    export = _export(client, db, dialogue.organization.id)
    assert export.status == "failed"
    assert export.file_name is None
    page = client.get(PAGE)
    assert f'data-export="{export.id}" data-state="failed"' in page.text
    # Asking again is allowed after a failure.
    blocked.unlink()
    again = _export(client, db, dialogue.organization.id)
    assert again.id != export.id
    assert again.status == "ready"
