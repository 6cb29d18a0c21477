"""A person asks for everything the platform holds about them (AVG art. 15 and 20).

Asking only queues work: the ZIP is made by the job in :mod:`app.privacy.export_job`
after the request's transaction commits. The file lives under a random name below the
exports folder, is offered to its owner only, and is removed when it expires (a job
queued for that moment, and a sweep at every new export for any that were missed)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.audit.service import record
from app.config import Settings
from app.db import utcnow
from app.documents import storage
from app.errors import Conflict
from app.i18n import gettext as _
from app.jobs.queue import JobStatus, enqueue
from app.models import DataExport, Job
from app.web.templating import number as format_number

BUILD_JOB = "privacy.export"
EXPIRE_JOB = "privacy.export_expire"
# The page lists this many of the person's latest exports.
SHOWN = 5


class ExportState(StrEnum):
    """What the person sees; stored is only queued/ready/failed (the job adds the rest)."""

    QUEUED = "queued"
    RUNNING = "running"
    READY = "ready"
    FAILED = "failed"
    EXPIRED = "expired"


@dataclass(frozen=True)
class ExportRow:
    export: DataExport
    state: ExportState
    progress: tuple[int, int] | None  # (done, total) while running, when known

    @property
    def under_way(self) -> bool:
        return self.state in (ExportState.QUEUED, ExportState.RUNNING)

    @property
    def size(self) -> str:
        """The file's size as people read it: "84 kB", "2,4 MB"."""
        size = self.export.size_bytes or 0
        if size < 1_000_000:
            return f"{format_number(max(1, round(size / 1000)))} kB"
        return f"{format_number(round(size / 1_000_000, 1))} MB"


def state_of(export: DataExport, job: Job | None, now: datetime | None = None) -> ExportState:
    now = now or utcnow()
    if export.status == ExportState.READY:
        expired = export.file_name is None or (
            export.expires_at is not None and export.expires_at <= now
        )
        return ExportState.EXPIRED if expired else ExportState.READY
    if export.status == ExportState.FAILED:
        return ExportState.FAILED
    # Queued: the job says how far it is; a job that died with its process failed it.
    if job is None or job.status == JobStatus.FAILED:
        return ExportState.FAILED
    return ExportState.RUNNING if job.status == JobStatus.RUNNING else ExportState.QUEUED


def exports_of(db: Session, user_id: int, limit: int = SHOWN) -> list[ExportRow]:
    """The person's latest exports with their jobs, in one query."""
    rows = db.execute(
        select(DataExport, Job)
        .outerjoin(Job, Job.id == DataExport.job_id)
        .where(DataExport.user_id == user_id)
        .order_by(DataExport.id.desc())
        .limit(limit)
    ).all()
    now = utcnow()
    result = []
    for export, job in rows:
        state = state_of(export, job, now)
        progress = None
        if state == ExportState.RUNNING and job is not None and job.progress_total:
            progress = (job.progress_done, job.progress_total)
        result.append(ExportRow(export, state, progress))
    return result


def export_by_id(db: Session, export_id: int) -> DataExport | None:
    """Within the session's organization only: another organization's id is not found."""
    return db.scalar(select(DataExport).where(DataExport.id == export_id))


def request_export(db: Session, actor: Actor) -> DataExport:
    """Queue the collection of the person's data. One at a time: while one is under way
    another is refused (the person waits for it rather than starting it twice)."""
    if any(row.under_way for row in exports_of(db, actor.id, limit=3)):
        raise Conflict(_("Your data is already being collected. This page shows how far it is."))
    export = DataExport(user_id=actor.id, status=ExportState.QUEUED.value)
    db.add(export)
    db.flush()
    # One attempt: a failed export says so, and the person asks again.
    job = enqueue(db, BUILD_JOB, max_attempts=1, export_id=export.id)
    db.flush()
    export.job_id = job.id
    record(db, actor=actor, action="privacy.export_requested", target=export)
    return export


# --- the files ----------------------------------------------------------------------------


def path_of(settings: Settings, export: DataExport) -> Path | None:
    if export.file_name is None:
        return None
    try:
        return storage.path_of(settings.exports_dir, export.file_name)
    except ValueError:
        return None


def available(settings: Settings, export: DataExport) -> Path | None:
    """The file to hand out: ready, not expired, and whole on disk."""
    if state_of(export, None) != ExportState.READY or export.size_bytes is None:
        return None
    path = path_of(settings, export)
    try:
        if path is None or path.stat().st_size != export.size_bytes:
            return None
    except OSError:
        return None
    return path


def remove_file(settings: Settings, export: DataExport) -> None:
    """Remove the export's file (expiry, a newer export, erasure of the account); the row
    stays as the note that an export was made."""
    storage.remove(settings.exports_dir, export.file_name)
    export.file_name = None


def remove_expired(db: Session, settings: Settings) -> int:
    """Remove the files of the organization's exports that have expired."""
    expired = db.scalars(
        select(DataExport).where(
            DataExport.file_name.is_not(None), DataExport.expires_at <= utcnow()
        )
    ).all()
    for export in expired:
        remove_file(settings, export)
    return len(expired)
