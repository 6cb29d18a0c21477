"""Use cases of attachments: attach a file to a proposal or a product sheet, and remove
one. Both are audited; the file on disk follows the transaction (app.attachments.storage).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.permissions import require
from app.attachments import checks, storage
from app.attachments.checks import UploadRefused, human_size
from app.attachments.permissions import PROPOSAL
from app.attachments.queries import Subject, count_of
from app.audit.service import record
from app.config import Settings
from app.errors import PhaseClosed
from app.i18n import gettext as _
from app.models import Attachment, ProductSheet, Proposal
from app.phases.guard import require_phase
from app.phases.kinds import Action


def _action(subject: Subject) -> Action:
    """The phase action that changing the subject needs: its attachments are part of it."""
    return Action.DRAFT_PROPOSAL if subject.kind == PROPOSAL else Action.WRITE_PRODUCT_SHEET


def closed_for(subject: Subject) -> str | None:
    """Why attachments cannot be changed now (the phase in which they can), or None."""
    try:
        require_phase(subject.process, list(subject.process.phases), _action(subject))
    except PhaseClosed as exc:
        return exc.message
    return None


def too_large(settings: Settings) -> UploadRefused:
    return UploadRefused(
        _(
            "The file is larger than %(limit)s. Attach a smaller file, or make it smaller "
            "first (for example a PDF with smaller images).",
            limit=human_size(settings.uploads.max_bytes),
        )
    )


def _lock(db: Session, subject: Subject) -> None:
    """Two uploads at once wait for each other, so together they cannot pass the most
    allowed (PostgreSQL; SQLite takes its write lock at the start of every transaction)."""
    if subject.kind == PROPOSAL:
        db.execute(select(Proposal.id).where(Proposal.id == subject.target.id).with_for_update())
    else:
        db.execute(
            select(ProductSheet.id)
            .where(ProductSheet.id == subject.target.sheet.id)
            .with_for_update()
        )


def add_attachment(
    db: Session,
    actor: Actor,
    settings: Settings,
    subject: Subject,
    source: storage.Source | None,
    file_name: str,
    *,
    cut_short: bool = False,
) -> Attachment:
    """Check and keep one file. ``cut_short``: the request was longer than the upload
    route reads (app.web.upload_limit), so the file did not arrive whole."""
    require(actor, "attachment.add", subject)
    require_phase(subject.process, list(subject.process.phases), _action(subject))
    if cut_short:
        raise too_large(settings)
    if source is None:
        raise UploadRefused(_("Choose a file to attach."))
    name = checks.clean_name(file_name)
    kind = checks.kind_of_name(name)
    _lock(db, subject)
    most = settings.uploads.max_per_subject
    if count_of(db, subject) >= most:
        raise UploadRefused(
            _(
                "This already has %(n)d attachments, the most allowed. Remove one first.",
                n=most,
            )
        )
    try:
        received = storage.receive(
            source, settings.uploads_dir, subject.organization_id, settings.uploads.max_bytes
        )
    except storage.TooLarge:
        raise too_large(settings) from None
    try:
        checks.check_content(received.temporary, kind)
    except BaseException:
        storage.discard(received)
        raise
    attachment = Attachment(
        organization_id=subject.organization_id,
        stored_name=storage.place(db, received),
        original_name=name,
        content_type=kind.content_type,
        size_bytes=received.size,
        sha256=received.sha256,
        uploaded_by_id=actor.id,
    )
    subject.link(attachment)
    db.add(attachment)
    db.flush()
    record(
        db,
        actor=actor,
        action="attachment.added",
        target=attachment,
        after={
            "name": name,
            "kind": kind.key,
            "size": received.size,
            "sha256": received.sha256,
            "subject": subject.kind,
        },
    )
    return attachment


def remove_attachment(
    db: Session, actor: Actor, settings: Settings, subject: Subject, attachment: Attachment
) -> None:
    """Remove the row now and the file once that is committed."""
    require(actor, "attachment.remove", subject)
    require_phase(subject.process, list(subject.process.phases), _action(subject))
    record(
        db,
        actor=actor,
        action="attachment.removed",
        target=attachment,
        before={
            "name": attachment.original_name,
            "size": attachment.size_bytes,
            "sha256": attachment.sha256,
        },
    )
    storage.remove_after_commit(
        db,
        storage.path_of(settings.uploads_dir, attachment.organization_id, attachment.stored_name),
    )
    db.delete(attachment)
    db.flush()
