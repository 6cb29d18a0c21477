"""What the product-sheet pages (and the edition's documents) read, each in a fixed
number of statements whatever the number of sheets."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import desc, select
from sqlalchemy.orm import Session

from app.access.roles import Role, ScopeType
from app.models import (
    AuditEntry,
    CentralWhitePaper,
    EditionEntry,
    Group,
    Process,
    ProductSheet,
    ProductSheetStep,
    Proposal,
    RoleAssignment,
    User,
)
from app.product_sheets.states import ORDER

SAVED = "product_sheet.saved"  # the audit action of an official's save


def sheets_by_proposal(db: Session, proposal_ids: Iterable[int]) -> dict[int, ProductSheet]:
    """The sheets of these proposals by proposal id, in one statement (the edition's PDF
    puts each proposal's sheet beside it); a proposal without a sheet is left out."""
    ids = list(proposal_ids)
    if not ids:
        return {}
    return {
        sheet.proposal_id: sheet
        for sheet in db.scalars(select(ProductSheet).where(ProductSheet.proposal_id.in_(ids)))
    }


def published_proposal_ids(
    db: Session, process: Process, proposal_ids: Iterable[int] | None = None
) -> set[int]:
    """Proposals that are in a published edition of the process: their sheets are public."""
    statement = (
        select(EditionEntry.proposal_id)
        .join(CentralWhitePaper, CentralWhitePaper.id == EditionEntry.edition_id)
        .where(
            CentralWhitePaper.process_id == process.id,
            CentralWhitePaper.published_at.is_not(None),
        )
        .distinct()
    )
    if proposal_ids is not None:
        statement = statement.where(EditionEntry.proposal_id.in_(list(proposal_ids)))
    return set(db.scalars(statement))


@dataclass
class SheetPage:
    """One sheet with what its page shows. ``group_id``, ``step`` and ``published`` are
    what the predicates ask about."""

    sheet: ProductSheet
    proposal: Proposal
    group: Group
    steps: list[ProductSheetStep]
    published: bool

    @property
    def group_id(self) -> int:
        return self.sheet.group_id

    @property
    def step(self) -> str:
        return self.sheet.step


def sheet_page(db: Session, process: Process, proposal_id: int) -> SheetPage | None:
    row = db.execute(
        select(ProductSheet, Proposal, Group)
        .join(Proposal, Proposal.id == ProductSheet.proposal_id)
        .join(Group, Group.id == ProductSheet.group_id)
        .where(ProductSheet.process_id == process.id, ProductSheet.proposal_id == proposal_id)
    ).first()
    if row is None:
        return None
    sheet, proposal, group = row
    steps = list(
        db.scalars(
            select(ProductSheetStep)
            .where(ProductSheetStep.sheet_id == sheet.id)
            .order_by(ProductSheetStep.created_at, ProductSheetStep.id)
        )
    )
    published = bool(published_proposal_ids(db, process, [proposal_id]))
    return SheetPage(sheet, proposal, group, steps, published)


@dataclass(frozen=True)
class SheetRow:
    """A sheet in the overview: enough to count, list and link it."""

    id: int
    proposal_id: int
    group_id: int
    step: str
    title: str
    published: bool


@dataclass
class Overview:
    groups: Sequence[Group]
    rows: list[SheetRow]  # every sheet of the process, by group and title
    # group id -> step -> how many; and the same over all groups
    counts: dict[int, dict[str, int]] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.totals.values())


def overview(db: Session, process: Process) -> Overview:
    """Every group and every sheet of the process (two statements, plus one for which are
    published); the counts are made from the rows."""
    groups = list(
        db.scalars(
            select(Group).where(Group.process_id == process.id).order_by(Group.position, Group.id)
        )
    )
    published = published_proposal_ids(db, process)
    order = {group.id: index for index, group in enumerate(groups)}
    rows = [
        SheetRow(id_, proposal_id, group_id, step, title, proposal_id in published)
        for id_, proposal_id, group_id, step, title in db.execute(
            select(
                ProductSheet.id,
                ProductSheet.proposal_id,
                ProductSheet.group_id,
                ProductSheet.step,
                Proposal.title,
            )
            .join(Proposal, Proposal.id == ProductSheet.proposal_id)
            .where(ProductSheet.process_id == process.id)
        )
    ]
    rows.sort(key=lambda r: (order.get(r.group_id, len(order)), r.title.casefold(), r.id))
    result = Overview(groups, rows)
    result.totals = dict.fromkeys(ORDER, 0)
    result.counts = {group.id: dict.fromkeys(ORDER, 0) for group in groups}
    for row in rows:
        result.counts.setdefault(row.group_id, dict.fromkeys(ORDER, 0))
        result.counts[row.group_id][row.step] = result.counts[row.group_id].get(row.step, 0) + 1
        result.totals[row.step] = result.totals.get(row.step, 0) + 1
    return result


def has_published_edition(db: Session, process: Process) -> bool:
    return (
        db.scalar(
            select(CentralWhitePaper.id)
            .where(
                CentralWhitePaper.process_id == process.id,
                CentralWhitePaper.published_at.is_not(None),
            )
            .limit(1)
        )
        is not None
    )


def holders(db: Session, role: Role) -> list[User]:
    """Everyone who holds ``role`` for the whole organization (the predicates count only
    those), once each, by name."""
    return list(
        db.scalars(
            select(User)
            .join(RoleAssignment, RoleAssignment.user_id == User.id)
            .where(
                RoleAssignment.role == role.value,
                RoleAssignment.scope_type == ScopeType.ORGANIZATION.value,
                RoleAssignment.revoked_at.is_(None),
            )
            .distinct()
            .order_by(User.display_name, User.id)
        )
    )


def last_editor(db: Session, sheet: ProductSheet) -> User | None:
    """The official who last saved the sheet (from the audit trail); failing that, whoever
    last passed it on from the official's step."""
    user_id = db.scalar(
        select(AuditEntry.actor_id)
        .where(
            AuditEntry.object_type == ProductSheet.__name__,
            AuditEntry.object_id == str(sheet.id),
            AuditEntry.action == SAVED,
            AuditEntry.actor_id.is_not(None),
        )
        .order_by(desc(AuditEntry.id))
        .limit(1)
    )
    if user_id is None:
        user_id = db.scalar(
            select(ProductSheetStep.actor_id)
            .where(
                ProductSheetStep.sheet_id == sheet.id,
                ProductSheetStep.from_step == ORDER[0],
                ProductSheetStep.actor_id.is_not(None),
            )
            .order_by(desc(ProductSheetStep.id))
            .limit(1)
        )
    return db.get(User, user_id) if user_id is not None else None
