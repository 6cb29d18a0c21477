"""What the review pages read, each in a fixed number of statements."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, select
from sqlalchemy.orm import Session, selectinload

from app.access.actor import Actor
from app.models import Group, Process, Proposal, ProposalAmount, Review, Theme
from app.proposals.states import COUNTED
from app.reviews.kinds import ReviewKind
from app.reviews.permissions import kinds_of


@dataclass(frozen=True)
class YearAmounts:
    """One year: what the authors claim beside what the financial adviser validated
    (None: not validated)."""

    year: int
    claimed_structural: int
    claimed_one_off: int
    validated_structural: int | None
    validated_one_off: int | None


@dataclass(frozen=True)
class ProposalReviews:
    legal: Review | None
    financial: Review | None
    years: list[YearAmounts]
    # Only proposals in the counted states can be reviewed (again).
    reviewable: bool = False

    @property
    def reviews(self) -> list[tuple[ReviewKind, Review | None]]:
        return [(ReviewKind.LEGAL, self.legal), (ReviewKind.FINANCIAL, self.financial)]


def claimed_amounts(db: Session, proposal: Proposal) -> dict[int, tuple[int, int]]:
    rows = db.execute(
        select(ProposalAmount.year, ProposalAmount.structural, ProposalAmount.one_off).where(
            ProposalAmount.proposal_id == proposal.id
        )
    ).all()
    return {year: (structural, one_off) for year, structural, one_off in rows}


def horizon(process: Process) -> list[int]:
    return list(range(process.first_year, process.last_year + 1))


def reviews_for(db: Session, proposal: Proposal) -> ProposalReviews:
    """Both reviews of the proposal (with the validated amounts) and, per year of the
    horizon, the claimed amounts beside the validated ones: two statements."""
    reviews = {
        review.kind: review
        for review in db.scalars(
            select(Review)
            .where(Review.proposal_id == proposal.id)
            .options(selectinload(Review.amounts))
        )
    }
    claimed = claimed_amounts(db, proposal)
    financial = reviews.get(ReviewKind.FINANCIAL.value)
    validated = {a.year: a for a in financial.amounts} if financial else {}
    process = db.get_one(Process, proposal.process_id)  # in the session already: no query
    years = sorted(set(horizon(process)) | set(claimed) | set(validated))
    return ProposalReviews(
        legal=reviews.get(ReviewKind.LEGAL.value),
        financial=financial,
        years=[
            YearAmounts(
                year,
                claimed.get(year, (0, 0))[0],
                claimed.get(year, (0, 0))[1],
                validated[year].structural if year in validated else None,
                validated[year].one_off if year in validated else None,
            )
            for year in years
        ],
        reviewable=proposal.state in COUNTED,
    )


@dataclass(frozen=True)
class InboxItem:
    kind: ReviewKind
    proposal_id: int
    title: str
    claimed_total: int
    submitted_at: datetime | None
    group: str
    theme: str
    process_slug: str
    process_title: str
    needs_another_look: bool


def inbox(db: Session, actor: Actor) -> dict[ReviewKind, list[InboxItem]]:
    """Per kind this person reviews: the organization's counted proposals without a review
    of that kind, or whose review needs another look (those first), oldest submitted
    first. One statement per kind, however many proposals."""
    result: dict[ReviewKind, list[InboxItem]] = {}
    for kind in kinds_of(actor):
        rows = db.execute(
            select(
                Proposal.id,
                Proposal.title,
                Proposal.claimed_total,
                Proposal.submitted_at,
                Group.name,
                Theme.name,
                Process.slug,
                Process.title,
                Review.needs_another_look,
            )
            .join(Group, Group.id == Proposal.group_id)
            .join(Theme, Theme.id == Group.theme_id)
            .join(Process, Process.id == Proposal.process_id)
            .outerjoin(Review, and_(Review.proposal_id == Proposal.id, Review.kind == kind.value))
            .where(
                Proposal.state.in_([state.value for state in COUNTED]),
                Review.id.is_(None) | Review.needs_another_look.is_(True),
            )
        ).all()
        items = [InboxItem(kind, *row[:8], needs_another_look=bool(row[8])) for row in rows]
        # Sorted here: "no review" is NULL, and databases order NULLs differently.
        items.sort(key=lambda i: (not i.needs_another_look, _moment(i.submitted_at), i.proposal_id))
        result[kind] = items
    return result


def _moment(value: datetime | None) -> float:
    return value.timestamp() if value is not None else float("inf")


def proposal_in(db: Session, process: Process, proposal_id: int) -> Proposal | None:
    proposal = db.get(Proposal, proposal_id)
    return proposal if proposal is not None and proposal.process_id == process.id else None


def theme_by_slug(db: Session, process: Process, slug: str) -> Theme | None:
    return db.scalar(select(Theme).where(Theme.process_id == process.id, Theme.slug == slug))
