"""A sprint's result documents (its PDF and XLSX): queued when the board publishes the
chosen package, built by the same job as an edition's (app.documents.jobs), kept with the
sprint (``DocumentBuild.sprint_id``). The board builds them again or retries a failed
build from the result page; a retry is :func:`app.documents.service.retry_build`."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.documents import queries
from app.documents.kinds import SPRINT_KINDS
from app.documents.queries import DocumentRow
from app.documents.service import request_builds
from app.models import DocumentBuild, Sprint


def sprint_documents(db: Session, sprint: Sprint, documents_dir: Path | None) -> list[DocumentRow]:
    """The result's kinds with their builds' state, in one statement."""
    return queries.documents_where(
        db, DocumentBuild.sprint_id == sprint.id, documents_dir, SPRINT_KINDS
    )


def sprint_build_of(db: Session, sprint: Sprint, build_id: int) -> DocumentBuild | None:
    return db.scalar(
        select(DocumentBuild).where(
            DocumentBuild.id == build_id, DocumentBuild.sprint_id == sprint.id
        )
    )


def request_sprint_build(db: Session, actor: Actor | str, sprint: Sprint) -> list[DocumentBuild]:
    """Queue a build of each of the result's documents; a kind already queued or running
    is left to finish rather than built twice (one whose job died is marked failed and
    built anew). Returns the builds queued now."""
    return request_builds(db, actor, sprint, SPRINT_KINDS)
