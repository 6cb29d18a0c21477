"""What the shared review queue reads: the measures in play that wait for a verdict of one
kind (none yet, or one that needs another look since the measure changed), oldest first,
each with the claim on it; a reviewer's own claim; and everything a reviewer needs to
judge one measure. Each in a fixed number of statements, however long the queue."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session, selectinload

from app.models import (
    Group,
    Proposal,
    ProposalAmount,
    Review,
    ReviewClaim,
    SprintMeasure,
    SprintOption,
    User,
)
from app.proposals.states import COUNTED
from app.reviews.kinds import ReviewKind
from app.sprint.loading import SprintPlace

# A claim nobody acted on for this long may be taken over: a reviewer who went for
# coffee (or home) must not hold a measure back for the rest of the sprint.
STALE_AFTER = timedelta(minutes=30)

_COUNTED = [state.value for state in COUNTED]


@dataclass(frozen=True)
class QueueItem:
    proposal_id: int
    title: str
    team_id: int
    team_name: str
    waiting_since: datetime
    claim_id: int | None = None
    reviewer_id: int | None = None
    reviewer_name: str | None = None
    claimed_at: datetime | None = None
    # A review of an earlier version is there: the measure changed since.
    again: bool = False

    def is_stale(self, now: datetime) -> bool:
        return self.claimed_at is not None and self.claimed_at < now - STALE_AFTER

    def is_free(self, now: datetime) -> bool:
        """Anyone may take it: nobody holds it, or its holder let it lie too long."""
        return self.claim_id is None or self.is_stale(now)


def _in_play(place: SprintPlace) -> list[ColumnElement[bool]]:
    return [
        Proposal.process_id == place.process.id,
        Proposal.group_id.in_(place.team_ids),
        Proposal.state.in_(_COUNTED),
    ]


def queue(db: Session, place: SprintPlace, kind: ReviewKind) -> list[QueueItem]:
    """The measures waiting for a verdict of ``kind``, oldest first (by when they were
    handed in, then id, so equal moments keep a fixed order): one statement."""
    if not place.teams:
        return []
    since = func.coalesce(Proposal.submitted_at, Proposal.created_at)
    rows = db.execute(
        select(
            Proposal.id,
            Proposal.title,
            Proposal.group_id,
            since,
            ReviewClaim.id,
            ReviewClaim.reviewer_id,
            User.display_name,
            ReviewClaim.claimed_at,
            Review.id,
        )
        .outerjoin(Review, and_(Review.proposal_id == Proposal.id, Review.kind == kind.value))
        .outerjoin(
            ReviewClaim,
            and_(ReviewClaim.proposal_id == Proposal.id, ReviewClaim.kind == kind.value),
        )
        .outerjoin(User, User.id == ReviewClaim.reviewer_id)
        .where(*_in_play(place), or_(Review.id.is_(None), Review.needs_another_look.is_(True)))
        .order_by(since, Proposal.id)
    ).all()
    names = {team.id: team.name for team in place.teams}
    return [
        QueueItem(
            proposal_id=proposal_id,
            title=title,
            team_id=group_id,
            team_name=names.get(group_id, ""),
            waiting_since=moment,
            claim_id=claim_id,
            reviewer_id=reviewer_id,
            reviewer_name=reviewer_name,
            claimed_at=claimed_at,
            again=review_id is not None,
        )
        for (
            proposal_id,
            title,
            group_id,
            moment,
            claim_id,
            reviewer_id,
            reviewer_name,
            claimed_at,
            review_id,
        ) in rows
    ]


def held_claim(
    db: Session, place: SprintPlace, reviewer_id: int, kind: ReviewKind
) -> ReviewClaim | None:
    """The claim this reviewer holds for ``kind`` in this sprint (at most one)."""
    return db.scalar(
        select(ReviewClaim)
        .where(
            ReviewClaim.process_id == place.process.id,
            ReviewClaim.reviewer_id == reviewer_id,
            ReviewClaim.kind == kind.value,
        )
        .order_by(ReviewClaim.claimed_at, ReviewClaim.id)
        .limit(1)
    )


def claim_on(db: Session, proposal_id: int, kind: ReviewKind) -> tuple[ReviewClaim, str] | None:
    """The claim on this measure for ``kind`` and the name of who holds it."""
    row = db.execute(
        select(ReviewClaim, User.display_name)
        .join(User, User.id == ReviewClaim.reviewer_id)
        .where(ReviewClaim.proposal_id == proposal_id, ReviewClaim.kind == kind.value)
    ).first()
    return (row[0], row[1]) if row is not None else None


def measure_in(db: Session, place: SprintPlace, proposal_id: int) -> Proposal | None:
    """A measure of one of this sprint's teams (any state; the use case checks it)."""
    if not place.teams:
        return None
    return db.scalar(
        select(Proposal).where(
            Proposal.id == proposal_id,
            Proposal.process_id == place.process.id,
            Proposal.group_id.in_(place.team_ids),
        )
    )


@dataclass
class MeasureView:
    """One measure as the reviewer judges it: the team, the amounts it claims per year,
    the catalogue option it came from (with the legal snags officials knew of), and the
    reviews it has."""

    proposal: Proposal
    team: Group
    years: list[int]
    claimed: dict[int, tuple[int, int]] = field(default_factory=dict)
    origin: str | None = None
    option: SprintOption | None = None
    reviews: dict[str, Review] = field(default_factory=dict)

    @property
    def claimed_structural(self) -> int:
        return self.claimed.get(self.years[-1], (0, 0))[0] if self.years else 0

    @property
    def claimed_current_year(self) -> int:
        structural, one_off = self.claimed.get(self.years[0], (0, 0)) if self.years else (0, 0)
        return structural + one_off


def measure_view(db: Session, place: SprintPlace, proposal: Proposal) -> MeasureView:
    """Four statements: amounts, origin with option, reviews, their validated amounts."""
    process = place.process
    claimed = {
        year: (structural, one_off)
        for year, structural, one_off in db.execute(
            select(ProposalAmount.year, ProposalAmount.structural, ProposalAmount.one_off).where(
                ProposalAmount.proposal_id == proposal.id
            )
        )
    }
    origin_row = db.execute(
        select(SprintMeasure.origin, SprintOption)
        .outerjoin(SprintOption, SprintOption.id == SprintMeasure.option_id)
        .where(SprintMeasure.proposal_id == proposal.id)
    ).first()
    reviews = {
        review.kind: review
        for review in db.scalars(
            select(Review)
            .where(Review.proposal_id == proposal.id)
            .options(selectinload(Review.amounts))
        )
    }
    return MeasureView(
        proposal=proposal,
        team=place.team_or_404(proposal.group_id),
        years=list(range(process.first_year, process.last_year + 1)),
        claimed=claimed,
        origin=origin_row[0] if origin_row is not None else None,
        option=origin_row[1] if origin_row is not None else None,
        reviews=reviews,
    )
