"""What the attachment pages read: the attachments of one proposal or sheet (one
statement), one attachment of this organization, and what it hangs on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.attachments.permissions import PRODUCT_SHEET, PROPOSAL
from app.errors import NotFound
from app.models import Attachment, Process, ProductSheet, Proposal
from app.product_sheets import queries as sheet_queries
from app.product_sheets.queries import SheetPage
from app.proposals import queries as proposal_queries


@dataclass(frozen=True)
class Subject:
    """A proposal or a product sheet, as the attachment predicates ask about it.
    ``target`` is the Proposal (with its co-authors loaded) or the sheet's SheetPage."""

    kind: str  # PROPOSAL or PRODUCT_SHEET
    target: Any
    process: Process

    @property
    def proposal(self) -> Proposal:
        return self.target if self.kind == PROPOSAL else self.target.proposal  # type: ignore[no-any-return]

    @property
    def organization_id(self) -> int:
        return self.proposal.organization_id

    @property
    def path(self) -> str:
        """The page the attachments are listed on."""
        part = "voorstellen" if self.kind == PROPOSAL else "productbladen"
        return f"/processen/{self.process.slug}/{part}/{self.proposal.id}"

    def column_filter(self) -> Any:
        if self.kind == PROPOSAL:
            return Attachment.proposal_id == self.target.id
        return Attachment.product_sheet_id == self.target.sheet.id

    def link(self, attachment: Attachment) -> None:
        if self.kind == PROPOSAL:
            attachment.proposal_id = self.target.id
        else:
            attachment.product_sheet_id = self.target.sheet.id


def for_proposal(process: Process, proposal: Proposal) -> Subject:
    return Subject(PROPOSAL, proposal, process)


def for_sheet(process: Process, page: SheetPage) -> Subject:
    return Subject(PRODUCT_SHEET, page, process)


def attachments_of(db: Session, subject: Subject) -> list[Attachment]:
    """Oldest first, in one statement however many there are."""
    return list(
        db.scalars(
            select(Attachment)
            .where(subject.column_filter())
            .order_by(Attachment.created_at, Attachment.id)
        )
    )


def count_of(db: Session, subject: Subject) -> int:
    return db.scalar(select(func.count(Attachment.id)).where(subject.column_filter())) or 0


def attachment_or_404(db: Session, attachment_id: int) -> Attachment:
    """Only this organization's: the session's scope filters the statement, so another
    organization's id is not found, exactly like an id that does not exist."""
    attachment = db.scalar(select(Attachment).where(Attachment.id == attachment_id))
    if attachment is None:
        raise NotFound()
    return attachment


def _process(db: Session, process_id: int) -> Process:
    """With its phases: the use cases ask whether the phase allows the change."""
    return db.scalars(
        select(Process).where(Process.id == process_id).options(selectinload(Process.phases))
    ).one()


def subject_of(db: Session, attachment: Attachment) -> Subject:
    """What the attachment hangs on, loaded as its own page loads it (the predicates read
    the proposal's co-authors and whether the sheet is published)."""
    if attachment.proposal_id is not None:
        proposal = db.get(Proposal, attachment.proposal_id)
        if proposal is None:
            raise NotFound()
        proposal_queries.load_coauthors(db, proposal)
        return for_proposal(_process(db, proposal.process_id), proposal)
    sheet = db.get(ProductSheet, attachment.product_sheet_id)
    if sheet is None:
        raise NotFound()
    process = _process(db, sheet.process_id)
    page = sheet_queries.sheet_page(db, process, sheet.proposal_id)
    if page is None:
        raise NotFound()
    return for_sheet(process, page)
