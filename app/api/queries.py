"""What the API reads, only ever what is published, each response in a fixed number of
statements however many rows it shows.

Published means what the pages show to a visitor who is not signed in: a process with its
phases and themes; a proposal once submitted (``proposal.read``), with its reviews; a
product sheet once its proposal is in a published edition (``product_sheet.read``, through
:func:`app.product_sheets.queries.published_proposal_ids`); the amendments once an edition
is with the council; the decision once published (``council.read_decision``). Lists filter
in SQL, so that pages and totals are right; the tests hold each filter against its
permission predicate.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVarTuple

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session, selectinload

from app.api.paging import Paging
from app.council.queries import CouncilBook, council_book, decision_of
from app.models import (
    BudgetLine,
    CouncilDecision,
    Group,
    Process,
    ProductSheet,
    Proposal,
    ProposalAmount,
    ProposalBudgetLine,
    Review,
    Theme,
)
from app.processes.targets import theme_target
from app.product_sheets.queries import published_proposal_ids
from app.reviews.kinds import ReviewKind
from app.reviews.progress import Progress, theme_progress

# (structural, one-off) per year
Amounts = dict[int, tuple[int, int]]
Ts = TypeVarTuple("Ts")


def _page(statement: Select[*Ts], paging: Paging | None) -> Select[*Ts]:
    if paging is None:
        return statement
    return statement.offset(paging.offset).limit(paging.per_page)


# --- processes and themes -----------------------------------------------------------------------


def processes(db: Session, paging: Paging) -> tuple[int, Sequence[Process]]:
    total = db.scalar(select(func.count(Process.id))) or 0
    rows = db.scalars(
        _page(select(Process).order_by(Process.created_at.desc(), Process.id.desc()), paging)
    ).all()
    return total, rows


@dataclass(frozen=True)
class ThemeFigures:
    theme: Theme
    lines: int
    controllable: int
    target: int
    progress: Progress | None


def theme_count(db: Session, process: Process) -> int:
    return db.scalar(select(func.count(Theme.id)).where(Theme.process_id == process.id)) or 0


def themes(db: Session, process: Process, paging: Paging | None = None) -> list[ThemeFigures]:
    """The themes in order with their budget sums, targets and figures per year."""
    rows = db.execute(
        _page(
            select(
                Theme,
                func.count(BudgetLine.id),
                func.coalesce(func.sum(BudgetLine.controllable), 0),
            )
            .outerjoin(BudgetLine, BudgetLine.theme_id == Theme.id)
            .where(Theme.process_id == process.id)
            .group_by(Theme.id)
            .order_by(Theme.position, Theme.id),
            paging,
        )
    ).all()
    progress = theme_progress(db, process, [theme.id for theme, _n, _c in rows])
    return [
        ThemeFigures(
            theme,
            int(lines),
            int(controllable),
            theme_target(int(controllable), process.target_percentage, theme.target_override),
            progress.get(theme.id),
        )
        for theme, lines, controllable in rows
    ]


# --- proposals and reviews ------------------------------------------------------------------


@dataclass(frozen=True)
class ProposalRow:
    proposal: Proposal
    group: Group
    theme: Theme
    claimed: Amounts
    financial: Review | None  # with its amounts loaded


def _public(process: Process) -> list[ColumnElement[bool]]:
    """A proposal is public from its submission on (``proposal.read`` for a visitor)."""
    return [Proposal.process_id == process.id, Proposal.submitted_at.is_not(None)]


def _proposal_filters(
    process: Process, theme: str | None, state: str | None
) -> list[ColumnElement[bool]]:
    filters = _public(process)
    if theme is not None:
        filters.append(Theme.slug == theme)
    if state is not None:
        filters.append(Proposal.state == state)
    return filters


def _claimed(db: Session, ids: list[int]) -> dict[int, Amounts]:
    result: dict[int, Amounts] = defaultdict(dict)
    if ids:
        for proposal_id, year, structural, one_off in db.execute(
            select(
                ProposalAmount.proposal_id,
                ProposalAmount.year,
                ProposalAmount.structural,
                ProposalAmount.one_off,
            ).where(ProposalAmount.proposal_id.in_(ids))
        ):
            result[proposal_id][year] = (int(structural), int(one_off))
    return result


def _reviews(db: Session, ids: list[int], kind: ReviewKind | None = None) -> list[Review]:
    """The reviews of these proposals with their amounts: two statements (none without)."""
    if not ids:
        return []
    statement = (
        select(Review)
        .where(Review.proposal_id.in_(ids))
        .options(selectinload(Review.amounts))
        .order_by(Review.proposal_id, Review.kind)
    )
    if kind is not None:
        statement = statement.where(Review.kind == kind.value)
    return list(db.scalars(statement))


def proposals(
    db: Session,
    process: Process,
    *,
    theme: str | None = None,
    state: str | None = None,
    paging: Paging | None = None,
) -> tuple[int, list[ProposalRow]]:
    """Public proposals, oldest first, with amounts claimed and the financial review; the
    total counts every page. Without ``paging``, all of them (the CSV)."""
    filters = _proposal_filters(process, theme, state)
    joined = select(Proposal, Group, Theme).join(Group, Group.id == Proposal.group_id)
    joined = joined.join(Theme, Theme.id == Group.theme_id).where(*filters)
    rows = db.execute(_page(joined.order_by(Proposal.id), paging)).all()
    if paging is None:
        total = len(rows)
    else:
        total = (
            db.scalar(
                select(func.count(Proposal.id))
                .join(Group, Group.id == Proposal.group_id)
                .join(Theme, Theme.id == Group.theme_id)
                .where(*filters)
            )
            or 0
        )
    ids = [proposal.id for proposal, _g, _t in rows]
    claimed = _claimed(db, ids)
    financial = {r.proposal_id: r for r in _reviews(db, ids, ReviewKind.FINANCIAL)}
    return total, [
        ProposalRow(
            proposal, group, theme_, claimed.get(proposal.id, {}), financial.get(proposal.id)
        )
        for proposal, group, theme_ in rows
    ]


@dataclass(frozen=True)
class ProposalDetail:
    row: ProposalRow
    budget_lines: list[BudgetLine]
    reviews: list[Review]


def proposal(db: Session, process: Process, proposal_id: int) -> ProposalDetail | None:
    found = db.execute(
        select(Proposal, Group, Theme)
        .join(Group, Group.id == Proposal.group_id)
        .join(Theme, Theme.id == Group.theme_id)
        .where(*_public(process), Proposal.id == proposal_id)
    ).first()
    if found is None:
        return None
    item, group, theme_ = found
    reviews = _reviews(db, [item.id])
    financial = next((r for r in reviews if r.kind == ReviewKind.FINANCIAL.value), None)
    lines = db.scalars(
        select(BudgetLine)
        .join(ProposalBudgetLine, ProposalBudgetLine.budget_line_id == BudgetLine.id)
        .where(ProposalBudgetLine.proposal_id == item.id)
        .order_by(BudgetLine.code)
    ).all()
    row = ProposalRow(item, group, theme_, _claimed(db, [item.id]).get(item.id, {}), financial)
    return ProposalDetail(row, list(lines), reviews)


def reviews(
    db: Session, process: Process, paging: Paging | None = None
) -> tuple[int, list[Review]]:
    """The reviews of public proposals, by proposal and kind, with their amounts."""
    where = _public(process)
    rows = list(
        db.scalars(
            _page(
                select(Review)
                .join(Proposal, Proposal.id == Review.proposal_id)
                .where(*where)
                .options(selectinload(Review.amounts))
                .order_by(Review.proposal_id, Review.kind),
                paging,
            )
        )
    )
    if paging is None:
        return len(rows), rows
    total = db.scalar(
        select(func.count(Review.id))
        .join(Proposal, Proposal.id == Review.proposal_id)
        .where(*where)
    )
    return total or 0, rows


# --- product sheets -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SheetRow:
    sheet: ProductSheet
    title: str
    theme: Theme
    # What ``product_sheet.read`` asks about: only published rows are ever made.
    published: bool = True

    @property
    def group_id(self) -> int:
        return self.sheet.group_id


def product_sheets(
    db: Session, process: Process, paging: Paging | None = None
) -> tuple[int, list[SheetRow]]:
    """Sheets whose proposal is in a published edition, by proposal."""
    published = sorted(published_proposal_ids(db, process))
    if not published:
        return 0, []
    where = [ProductSheet.process_id == process.id, ProductSheet.proposal_id.in_(published)]
    rows = db.execute(
        _page(
            select(ProductSheet, Proposal.title, Theme)
            .join(Proposal, Proposal.id == ProductSheet.proposal_id)
            .join(Group, Group.id == ProductSheet.group_id)
            .join(Theme, Theme.id == Group.theme_id)
            .where(*where)
            .order_by(ProductSheet.proposal_id),
            paging,
        )
    ).all()
    items = [SheetRow(sheet, title, theme_) for sheet, title, theme_ in rows]
    if paging is None:
        return len(items), items
    return db.scalar(select(func.count(ProductSheet.id)).where(*where)) or 0, items


# --- the council ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Council:
    decision: CouncilDecision
    book: CouncilBook
    themes: dict[int, Theme]


def council(db: Session, process: Process) -> Council | None:
    """The process's decision with everything on it (council_book), once an edition is
    with the council; None before."""
    decision = decision_of(db, process)
    if decision is None:
        return None
    themes_ = {t.id: t for t in db.scalars(select(Theme).where(Theme.process_id == process.id))}
    return Council(decision, council_book(db, decision), themes_)
