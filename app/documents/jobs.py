"""The background job that builds one document of an edition (or of the council's
decision on it).

It marks the build running, reads the edition (or the decision) as plain data with the
kind's loader, lets the kind's builder write to a temporary file in the edition's folder
(reporting progress on the build and on the job row, committed as it goes so the page
can show "n of m"), and moves the finished file into place before it says "done". On any
error the build is marked failed with a reason for people, the temporary file is gone,
and the error is raised again so the runner keeps the traceback in the job's row (one
attempt: a person retries)."""

from __future__ import annotations

import time

import structlog
from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from app.config import Settings
from app.db import utcnow
from app.documents import storage
from app.documents.builders import builder_for, loader_for
from app.documents.kinds import (
    DECISION_KINDS,
    SPRINT_KINDS,
    BuildStatus,
    DocumentKind,
    FailReason,
    file_name,
)
from app.documents.service import JOB_NAME
from app.jobs.queue import job
from app.models import DocumentBuild, Job

log = structlog.get_logger("dialoog.documents")

# Progress is committed at most this often: each commit is a write (and on SQLite a
# sync), and a page polling every 2 s needs no more.
PROGRESS_EVERY = 0.5


class _Reporter:
    def __init__(self, session: Session, build: DocumentBuild) -> None:
        self.session, self.build = session, build
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last < PROGRESS_EVERY:
            return
        self.last = now
        self.build.progress_done, self.build.progress_total = done, total
        if self.build.job_id is not None:
            row = self.session.get(Job, self.build.job_id)
            if row is not None:
                row.progress_done, row.progress_total = done, total
        self.session.commit()


def _reason(exc: BaseException) -> FailReason:
    if isinstance(exc, OSError):
        return FailReason.DISK
    if isinstance(exc, LookupError) and str(exc) == "edition":
        return FailReason.MISSING
    if isinstance(exc, LookupError) and str(exc) == "decision":
        return FailReason.NO_DECISION
    if isinstance(exc, LookupError) and str(exc) == "sprint":
        return FailReason.NO_SPRINT
    return FailReason.BUILD


@job(JOB_NAME)
def build_document(session: Session, settings: Settings, *, build_id: int) -> None:
    build = session.scalar(select(DocumentBuild).where(DocumentBuild.id == build_id))
    if build is None or build.status not in (BuildStatus.QUEUED, BuildStatus.RUNNING):
        return  # gone with its edition, or finished by an earlier run
    started = time.perf_counter()
    build.status, build.progress_done, build.progress_total = BuildStatus.RUNNING, 0, None
    session.commit()
    kind = DocumentKind(build.kind)
    try:
        data = loader_for(kind)(session, _subject_id(build))
        if data is None:
            raise LookupError(_missing(kind))
        name = file_name(kind, data.process_slug, data.number)
        folder = _folder(build)
        with storage.writing(settings.documents_dir, folder, f"{build.id}-{name}") as (
            temporary,
            stored,
        ):
            builder_for(kind)(data, temporary, _Reporter(session, build))
    except Exception as exc:
        session.rollback()
        failed = session.get(DocumentBuild, build_id)
        if failed is not None:
            failed.status, failed.error = BuildStatus.FAILED, _reason(exc).value
            failed.finished_at = utcnow()
            session.commit()
        log.warning("documents.build_failed", build=build_id, kind=kind.value, error=repr(exc))
        raise
    result = stored[0]
    build.status, build.error, build.finished_at = BuildStatus.DONE, None, utcnow()
    build.file_name, build.storage_key = name, result.key
    build.size, build.sha256 = result.size, result.sha256
    _forget_older(session, settings, build)
    log.info(
        "documents.built",
        build=build.id,
        kind=kind.value,
        bytes=result.size,
        duration_ms=round((time.perf_counter() - started) * 1000, 1),
    )


def _subject_id(build: DocumentBuild) -> int:
    """What the build is made from: its edition, or for a sprint's result its sprint."""
    subject = build.sprint_id if build.sprint_id is not None else build.edition_id
    if subject is None:  # pragma: no cover - the table's check constraint forbids it
        raise LookupError("edition")
    return subject


def _missing(kind: DocumentKind) -> str:
    if kind in SPRINT_KINDS:
        return "sprint"
    return "decision" if kind in DECISION_KINDS else "edition"


def _folder(build: DocumentBuild) -> str:
    if build.sprint_id is not None:
        return f"{build.organization_id}/sprint-{build.sprint_id}"
    return storage.folder_key(build.organization_id, _subject_id(build))


def _same_subject(build: DocumentBuild) -> ColumnElement[bool]:
    if build.sprint_id is not None:
        return DocumentBuild.sprint_id == build.sprint_id
    return DocumentBuild.edition_id == build.edition_id


def _forget_older(session: Session, settings: Settings, build: DocumentBuild) -> None:
    """Older files of the same edition (or sprint) and kind are superseded by this one:
    remove them (their rows stay, as history; without a file they are no longer offered)."""
    for older in session.scalars(
        select(DocumentBuild).where(
            _same_subject(build),
            DocumentBuild.kind == build.kind,
            DocumentBuild.id < build.id,
            DocumentBuild.storage_key.is_not(None),
        )
    ):
        storage.remove(settings.documents_dir, older.storage_key)
        older.storage_key = None
