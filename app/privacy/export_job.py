"""The background jobs of a person's export: collect their data into a ZIP, and remove
the file when it expires.

The build reads one section at a time (one query per table, never one per row), writes
each as JSON and as CSV into a temporary file below the exports folder, and moves it into
place whole before the export says "ready" (app.documents.storage). Its progress goes on
the job's row, committed as it goes so the page can show "step n of m". On an error the
export is marked failed, the temporary file is gone, and the error is raised again so the
runner keeps the traceback (one attempt: the person asks again)."""

from __future__ import annotations

import json
import secrets
import time
import zipfile
from datetime import date, datetime, timedelta
from typing import Any

import structlog
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import Settings
from app.db import utcnow
from app.documents import storage
from app.jobs.queue import enqueue, job
from app.models import DataExport, Job, User
from app.privacy.export_sections import COLLECT, SECTIONS, Owner, Section
from app.privacy.export_service import (
    BUILD_JOB,
    EXPIRE_JOB,
    ExportState,
    remove_expired,
    remove_file,
)
from app.security.spreadsheets import csv_bytes

log = structlog.get_logger("dialoog.privacy")

# Progress is committed at most this often (each commit is a write; the page asks every 2 s).
PROGRESS_EVERY = 0.5


class _Progress:
    def __init__(self, session: Session, job_id: int | None, total: int) -> None:
        self.session, self.job_id, self.total = session, job_id, total
        self.last = 0.0

    def __call__(self, done: int) -> None:
        now = time.monotonic()
        if self.job_id is None or (done < self.total and now - self.last < PROGRESS_EVERY):
            return
        self.last = now
        row = self.session.get(Job, self.job_id)
        if row is not None:
            row.progress_done, row.progress_total = done, self.total
            self.session.commit()


def _plain(value: Any) -> Any:
    """A value as JSON holds it."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _cell(value: Any) -> Any:
    """A value as a CSV cell holds it: nested JSON as its text (csv_bytes does the rest)."""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def _columns(section: Section) -> list[str]:
    table = section.model.__table__
    return [c.name for c in table.columns if c.name not in section.leave_out]


def _rows(session: Session, section: Section, owner: Owner) -> list[dict[str, Any]]:
    where = section.where(owner)
    names = _columns(section)
    if where is None:
        return []
    model = section.model
    statement = select(*(getattr(model, name) for name in names)).where(where).order_by(model.id)
    rows = [dict(zip(names, row, strict=True)) for row in session.execute(statement)]
    if section.name in COLLECT:
        key, column = COLLECT[section.name]
        owner.ids[key] = [row[column] for row in rows]
    return rows


def _csv(names: list[str], rows: list[dict[str, Any]]) -> bytes:
    return csv_bytes(names, ([_cell(row[name]) for name in names] for row in rows))


def _readme(user: User, made: datetime, expires: datetime) -> str:
    lines = [
        "UW GEGEVENS IN DIALOOG",
        "",
        f"Gemaakt op {made:%Y-%m-%d %H:%M} UTC voor account #{user.id}.",
        f"Dit bestand is tot {expires:%Y-%m-%d} te downloaden.",
        "Elk onderdeel staat er twee keer in: als JSON (map json/) en als CSV (map csv/,",
        "puntkomma's, UTF-8). Wat de bestanden bevatten:",
        "",
    ]
    lines += [f"  {s.name}: {s.about_nl}" for s in SECTIONS]
    lines += [
        "",
        "Niet opgenomen: de versleutelde vorm van uw wachtwoord, het geheim van uw tweede",
        "factor en de sleutels van uw sessies (ze geven toegang tot uw account), de tekst",
        "van e-mails, en het netwerkadres bij mislukte aanmeldingen.",
        "Vragen? Neem contact op met de gemeente.",
        "",
        "",
        "YOUR DATA IN DIALOOG",
        "",
        f"Made on {made:%Y-%m-%d %H:%M} UTC for account #{user.id}.",
        f"This file can be downloaded until {expires:%Y-%m-%d}.",
        "Each part is here twice: as JSON (folder json/) and as CSV (folder csv/,",
        "semicolons, UTF-8). What the files hold:",
        "",
    ]
    lines += [f"  {s.name}: {s.about_en}" for s in SECTIONS]
    lines += [
        "",
        "Not included: the hashed form of your password, your second factor's secret and",
        "your sessions' keys (they give access to your account), the text of mails, and",
        "the network address of failed sign-ins.",
        "Questions? Contact the municipality.",
        "",
    ]
    return "\n".join(lines)


def _write(session: Session, archive: zipfile.ZipFile, user: User, progress: _Progress) -> None:
    owner = Owner(user_id=user.id, email=user.email.lower())
    for number, section in enumerate(SECTIONS, start=1):
        rows = _rows(session, section, owner)
        names = _columns(section)
        document = [{k: _plain(v) for k, v in row.items()} for row in rows]
        archive.writestr(
            f"json/{section.name}.json", json.dumps(document, ensure_ascii=False, indent=2)
        )
        archive.writestr(f"csv/{section.name}.csv", _csv(names, rows))
        progress(number)


@job(BUILD_JOB)
def build_export(session: Session, settings: Settings, *, export_id: int) -> None:
    export = session.scalar(select(DataExport).where(DataExport.id == export_id))
    if export is None or export.status != ExportState.QUEUED:
        return  # gone with its account, or finished by an earlier run
    started = time.perf_counter()
    remove_expired(session, settings)
    try:
        user = session.scalar(select(User).where(User.id == export.user_id))
        if user is None or user.erased_at is not None:
            raise LookupError("account")
        made = utcnow()
        expires = made + timedelta(days=settings.privacy.export_days)
        folder = str(export.organization_id)
        name = f"{secrets.token_urlsafe(24)}.zip"
        progress = _Progress(session, export.job_id, len(SECTIONS))
        with (
            storage.writing(settings.exports_dir, folder, name) as (temporary, stored),
            zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive,
        ):
            archive.writestr("README.txt", _readme(user, made, expires))
            _write(session, archive, user, progress)
    except Exception as exc:
        session.rollback()
        failed = session.get(DataExport, export_id)
        if failed is not None:
            failed.status, failed.finished_at = ExportState.FAILED.value, utcnow()
            session.commit()
        log.warning("privacy.export_failed", export=export_id, error=type(exc).__name__)
        raise
    _forget_older(session, settings, export)
    export.status, export.finished_at, export.expires_at = ExportState.READY.value, made, expires
    export.file_name, export.size_bytes = stored[0].key, stored[0].size
    enqueue(session, EXPIRE_JOB, max_attempts=3, run_after=expires, export_id=export.id)
    log.info(
        "privacy.export_built",
        export=export.id,
        bytes=stored[0].size,
        duration_ms=round((time.perf_counter() - started) * 1000, 1),
    )


def _forget_older(session: Session, settings: Settings, export: DataExport) -> None:
    """A newer export supersedes the person's older files: fewer copies lying around."""
    for older in session.scalars(
        select(DataExport).where(
            DataExport.user_id == export.user_id,
            DataExport.id < export.id,
            DataExport.file_name.is_not(None),
        )
    ):
        remove_file(settings, older)


@job(EXPIRE_JOB)
def expire_export(session: Session, settings: Settings, *, export_id: int) -> None:
    export = session.scalar(select(DataExport).where(DataExport.id == export_id))
    if export is not None and export.file_name is not None:
        remove_file(settings, export)
        log.info("privacy.export_expired", export=export_id)
