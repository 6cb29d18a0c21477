"""What the proposal pages read, each in a fixed number of statements however many
proposals, amounts, authors or transitions there are."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from math import ceil

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import (
    BudgetLine,
    Framework,
    Group,
    Process,
    Proposal,
    ProposalAmount,
    ProposalBudgetLine,
    ProposalCoauthor,
    ProposalFramework,
    ProposalRevision,
    ProposalTransition,
    Theme,
    User,
)
from app.proposals.forms import Options
from app.proposals.states import ProposalState
from app.recruitment.membership import members

PER_PAGE = 20
# A proposal may be merged into one that is still alive in the group's work.
MERGE_TARGET_STATES = (
    ProposalState.SUBMITTED.value,
    ProposalState.IN_DISCUSSION.value,
    ProposalState.INCLUDED.value,
)


def proposal_in(db: Session, process: Process, proposal_id: int) -> Proposal | None:
    proposal = db.get(Proposal, proposal_id)
    return proposal if proposal is not None and proposal.process_id == process.id else None


def load_coauthors(db: Session, proposal: Proposal) -> frozenset[int]:
    """Set ``proposal.coauthor_ids``, which the permission predicates read."""
    ids = frozenset(
        db.scalars(
            select(ProposalCoauthor.user_id).where(ProposalCoauthor.proposal_id == proposal.id)
        )
    )
    setattr(proposal, "coauthor_ids", ids)  # noqa: B010 - not a mapped column
    return ids


def form_options(db: Session, process: Process, group: Group, author_id: int) -> Options:
    lines = db.scalars(
        select(BudgetLine).where(BudgetLine.theme_id == group.theme_id).order_by(BudgetLine.code)
    ).all()
    frameworks = db.scalars(
        select(Framework).where(Framework.process_id == process.id).order_by(Framework.number)
    ).all()
    people = [u for u in members(db, [group.id]) if u.id != author_id]
    return Options(
        years=list(range(process.first_year, process.last_year + 1)),
        lines=lines,
        frameworks=frameworks,
        members=people,
    )


@dataclass
class ProposalPage:
    proposal: Proposal
    group: Group
    theme: Theme
    amounts: list[ProposalAmount]
    lines: list[BudgetLine]
    frameworks: list[tuple[Framework, str]]
    authors: list[User]  # the first author first
    transitions: list[ProposalTransition]  # oldest first
    merged_into: Proposal | None
    merge_targets: list[Proposal] = field(default_factory=list)

    @property
    def structural(self) -> int:
        return sum(a.structural for a in self.amounts)

    @property
    def one_off(self) -> int:
        return sum(a.one_off for a in self.amounts)


def page_of(db: Session, proposal: Proposal, *, with_merge_targets: bool = False) -> ProposalPage:
    coauthor_ids = load_coauthors(db, proposal)
    group, theme = db.execute(
        select(Group, Theme)
        .join(Theme, Theme.id == Group.theme_id)
        .where(Group.id == proposal.group_id)
    ).one()
    people = {
        u.id: u
        for u in db.scalars(select(User).where(User.id.in_([proposal.author_id, *coauthor_ids])))
    }
    coauthors = sorted(
        (people[i] for i in coauthor_ids if i in people), key=lambda u: u.display_name
    )
    authors = [people[proposal.author_id], *coauthors]
    amounts = list(
        db.scalars(
            select(ProposalAmount)
            .where(ProposalAmount.proposal_id == proposal.id)
            .order_by(ProposalAmount.year)
        )
    )
    lines = list(
        db.scalars(
            select(BudgetLine)
            .join(ProposalBudgetLine, ProposalBudgetLine.budget_line_id == BudgetLine.id)
            .where(ProposalBudgetLine.proposal_id == proposal.id)
            .order_by(BudgetLine.code)
        )
    )
    frameworks = [
        (framework, explanation)
        for framework, explanation in db.execute(
            select(Framework, ProposalFramework.explanation)
            .join(ProposalFramework, ProposalFramework.framework_id == Framework.id)
            .where(ProposalFramework.proposal_id == proposal.id)
            .order_by(Framework.number)
        )
    ]
    transitions = list(
        db.scalars(
            select(ProposalTransition)
            .where(ProposalTransition.proposal_id == proposal.id)
            .order_by(ProposalTransition.created_at, ProposalTransition.id)
        )
    )
    merged_into = db.get(Proposal, proposal.merged_into_id) if proposal.merged_into_id else None
    page = ProposalPage(
        proposal, group, theme, amounts, lines, frameworks, authors, transitions, merged_into
    )
    if with_merge_targets:
        page.merge_targets = list(
            db.scalars(
                select(Proposal)
                .where(
                    Proposal.process_id == proposal.process_id,
                    Proposal.id != proposal.id,
                    Proposal.state.in_(MERGE_TARGET_STATES),
                )
                .order_by(Proposal.title, Proposal.id)
            )
        )
    return page


@dataclass(frozen=True)
class Row:
    proposal: Proposal
    authors: list[str]


def _rows(db: Session, proposals: Sequence[tuple[Proposal, str]]) -> list[Row]:
    """Each proposal with its authors' names: the first author, then the co-authors."""
    ids = [p.id for p, _name in proposals]
    coauthors: dict[int, list[str]] = defaultdict(list)
    if ids:
        for proposal_id, name in db.execute(
            select(ProposalCoauthor.proposal_id, User.display_name)
            .join(User, User.id == ProposalCoauthor.user_id)
            .where(ProposalCoauthor.proposal_id.in_(ids))
            .order_by(User.display_name)
        ):
            coauthors[proposal_id].append(name)
    return [Row(p, [name, *coauthors[p.id]]) for p, name in proposals]


def group_proposals(db: Session, group: Group, viewer_id: int) -> list[Row]:
    """What the group works on: the viewer's own drafts (as author or co-author) and
    everything submitted, drafts first, then newest first."""
    mine = list(
        db.scalars(
            select(ProposalCoauthor.proposal_id).where(ProposalCoauthor.user_id == viewer_id)
        )
    )
    rows = db.execute(
        select(Proposal, User.display_name)
        .join(User, User.id == Proposal.author_id)
        .where(
            Proposal.group_id == group.id,
            Proposal.submitted_at.is_not(None)
            | (Proposal.author_id == viewer_id)
            | Proposal.id.in_(mine),
        )
        .order_by(Proposal.submitted_at.is_(None).desc(), Proposal.updated_at.desc())
    ).all()
    return _rows(db, [(p, name) for p, name in rows])


@dataclass(frozen=True)
class Filters:
    state: str | None = None
    minimum: int | None = None
    maximum: int | None = None
    sort: str = "nieuw"  # or "bedrag"
    page: int = 1


@dataclass(frozen=True)
class Listing:
    rows: list[Row]
    total: int
    page: int
    pages: int


def theme_proposals(db: Session, theme: Theme, filters: Filters) -> Listing:
    """Published proposals of the theme (never drafts), filtered, one page of them."""
    conditions = [Group.theme_id == theme.id, Proposal.submitted_at.is_not(None)]
    if filters.state:
        conditions.append(Proposal.state == filters.state)
    if filters.minimum is not None:
        conditions.append(Proposal.claimed_total >= filters.minimum)
    if filters.maximum is not None:
        conditions.append(Proposal.claimed_total <= filters.maximum)
    total = db.scalar(
        select(func.count(Proposal.id))
        .join(Group, Group.id == Proposal.group_id)
        .where(*conditions)
    )
    pages = max(1, ceil((total or 0) / PER_PAGE))
    page = min(max(1, filters.page), pages)
    order = (
        (Proposal.claimed_total.desc(), Proposal.id.desc())
        if filters.sort == "bedrag"
        else (Proposal.submitted_at.desc(), Proposal.id.desc())
    )
    found = db.execute(
        select(Proposal, User.display_name)
        .join(Group, Group.id == Proposal.group_id)
        .join(User, User.id == Proposal.author_id)
        .where(*conditions)
        .order_by(*order)
        .limit(PER_PAGE)
        .offset((page - 1) * PER_PAGE)
    ).all()
    return Listing(_rows(db, [(p, name) for p, name in found]), total or 0, page, pages)


def theme_by_slug(db: Session, process: Process, slug: str) -> Theme | None:
    return db.scalar(select(Theme).where(Theme.process_id == process.id, Theme.slug == slug))


def revisions_of(db: Session, proposal: Proposal) -> list[ProposalRevision]:
    """Oldest first."""
    return list(
        db.scalars(
            select(ProposalRevision)
            .where(ProposalRevision.proposal_id == proposal.id)
            .order_by(ProposalRevision.number)
        )
    )
