"""Use cases of an edition's documents: the admin (or publishing, automatically) asks for
them to be built, and the clerk for the council decision's (publishing the decision does
too); a failed build is queued again. These only queue work: the files are made by the
job in :mod:`app.documents.jobs` after the request's transaction commits."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.audit.service import record
from app.db import utcnow
from app.documents import queries
from app.documents.kinds import DECISION_KINDS, EDITION_KINDS, BuildStatus, DocumentKind
from app.errors import Conflict
from app.i18n import gettext as _
from app.jobs.queue import enqueue
from app.models import CentralWhitePaper, DocumentBuild, Sprint

JOB_NAME = "documents.build"


def _queue(db: Session, build: DocumentBuild) -> None:
    """One attempt per job: a build that fails says why and waits for a person to retry,
    rather than being tried again and again behind their back."""
    job = enqueue(db, JOB_NAME, max_attempts=1, build_id=build.id)
    db.flush()
    build.job_id = job.id


def request_build(
    db: Session, actor: Actor | str, edition: CentralWhitePaper
) -> list[DocumentBuild]:
    """Queue a build of every kind of the edition's own documents; a kind already queued
    or running is left to finish rather than built twice. Returns the builds queued now.
    Publishing an edition calls this too (with the publishing admin as ``actor``)."""
    return request_builds(db, actor, edition, EDITION_KINDS)


def request_decision_build(
    db: Session, actor: Actor | str, edition: CentralWhitePaper
) -> list[DocumentBuild]:
    """Queue a build of the documents of the council's decision on ``edition`` (kept with
    the edition, as its other documents are), as :func:`request_build` does for the
    edition's own. Publishing the decision calls this (with the clerk as ``actor``)."""
    return request_builds(db, actor, edition, DECISION_KINDS)


def request_builds(
    db: Session,
    actor: Actor | str,
    subject: CentralWhitePaper | Sprint,
    kinds: Sequence[DocumentKind],
) -> list[DocumentBuild]:
    """Queue a build of each of ``kinds`` for an edition or a sprint's result; a kind
    already queued or running is left to finish (one whose job died is failed and built
    anew). Returns the builds queued now."""
    owner = {"sprint_id" if isinstance(subject, Sprint) else "edition_id": subject.id}
    busy: set[str] = set()
    for build, job_status in queries.under_way(db, subject, kinds):
        if job_status == "failed":
            # Its job died with its process: record that, and build the kind anew.
            _fail(build, queries.STOPPED)
        else:
            busy.add(build.kind)
    queued = []
    for kind in kinds:
        if kind.value in busy:
            continue
        build = DocumentBuild(kind=kind.value, status=BuildStatus.QUEUED, **owner)
        db.add(build)
        db.flush()
        _queue(db, build)
        queued.append(build)
    if queued:
        record(
            db,
            actor=actor,
            action="documents.build_requested",
            target=subject,
            after={"kinds": [b.kind for b in queued], "builds": [b.id for b in queued]},
        )
    return queued


def _fail(build: DocumentBuild, reason: str) -> None:
    build.status, build.error, build.finished_at = BuildStatus.FAILED, reason, utcnow()


def retry_build(db: Session, actor: Actor | str, build: DocumentBuild) -> DocumentBuild:
    """Queue a failed build again (the same row: its history is in the job and the audit
    trail). Refused while it is under way or once it is done."""
    if queries.effective_status(db, build) != BuildStatus.FAILED:
        raise Conflict(_("Only a failed build can be tried again."))
    previous = build.error
    build.status, build.error, build.finished_at = BuildStatus.QUEUED, None, None
    build.progress_done, build.progress_total = 0, None
    _queue(db, build)
    record(
        db,
        actor=actor,
        action="documents.build_retried",
        target=build,
        before={"status": BuildStatus.FAILED.value, "error": previous},
        after={"status": BuildStatus.QUEUED.value, "job": build.job_id},
    )
    return build
