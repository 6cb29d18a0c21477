"""The attachments block that the proposal page and the product sheet page show: the
list with download links, and the upload form for those who may add."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.permissions import can
from app.attachments import checks, queries, service
from app.attachments.queries import Subject
from app.config import Settings

FIELD = "bestand"  # the upload form's file field


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    kind: str
    size: str


@dataclass(frozen=True)
class Block:
    subject: Subject
    rows: list[Row]
    may_add: bool  # the form is shown
    may_remove: bool
    closed: str | None  # why nothing can be added or removed now
    full: bool  # as many as allowed
    max_size: str
    most: int
    accept: str
    kinds: str

    @property
    def action(self) -> str:
        return f"{self.subject.path}/bijlagen"


def block_for(db: Session, actor: Actor | None, settings: Settings, subject: Subject) -> Block:
    """One statement for the attachments, whatever their number."""
    attachments = queries.attachments_of(db, subject)
    rows = [
        Row(
            a.id,
            a.original_name,
            str(kind.label) if (kind := checks.BY_CONTENT_TYPE.get(a.content_type)) else "",
            checks.human_size(a.size_bytes),
        )
        for a in attachments
    ]
    may_change = can(actor, "attachment.add", subject)
    closed = service.closed_for(subject) if may_change else None
    return Block(
        subject=subject,
        rows=rows,
        may_add=may_change and closed is None,
        may_remove=can(actor, "attachment.remove", subject) and closed is None,
        closed=closed,
        full=len(rows) >= settings.uploads.max_per_subject,
        max_size=checks.human_size(settings.uploads.max_bytes),
        most=settings.uploads.max_per_subject,
        accept=checks.ACCEPT,
        kinds=checks.allowed_extensions(),
    )
