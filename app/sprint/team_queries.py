"""What a team's page shows: its package (the measures in play, their amounts per year,
where each came from, and each one's review state: the verdict per kind and the validated
amounts), its totals, and whether its mood check was sent. Five statements for the package
however many measures it holds (the page's query budget)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.models import Group, MoodCheck, Process, Proposal, Review, SprintMeasure, SprintOption
from app.proposals.states import COUNTED
from app.reviews.kinds import SOUND, ReviewKind

_COUNTED = [state.value for state in COUNTED]

Amounts = dict[int, tuple[int, int]]


def structural_of(process: Process, amounts: Amounts) -> int:
    """The full-year effect: the structural amount in the horizon's last year (standings.py
    counts it alike)."""
    return amounts.get(process.last_year, (0, 0))[0]


def current_year_of(process: Process, amounts: Amounts) -> int:
    """The effect in the current year: structural and one-off in the first year."""
    structural, one_off = amounts.get(process.first_year, (0, 0))
    return structural + one_off


@dataclass
class ReviewState:
    """One kind's verdict as the team reads it; ``stale`` when the measure changed since."""

    kind: str
    verdict: str
    stale: bool
    reviewer: str
    notes: str
    validated: Amounts = field(default_factory=dict)

    @property
    def sound(self) -> bool:
        return not self.stale and self.verdict in SOUND


@dataclass
class MeasureRow:
    proposal: Proposal
    origin: str
    option_number: int | None
    amounts: Amounts
    structural: int
    current_year: int
    legal: ReviewState | None = None
    financial: ReviewState | None = None
    validated_structural: int | None = None
    validated_current_year: int | None = None

    @property
    def feasible(self) -> bool:
        return bool(self.legal and self.legal.sound and self.financial and self.financial.sound)

    @property
    def reviews(self) -> list[tuple[str, ReviewState | None]]:
        return [(ReviewKind.LEGAL.value, self.legal), (ReviewKind.FINANCIAL.value, self.financial)]


@dataclass
class TeamPackage:
    team: Group
    years: list[int]
    measures: list[MeasureRow] = field(default_factory=list)

    @property
    def claimed_structural(self) -> int:
        return sum(m.structural for m in self.measures)

    @property
    def claimed_current_year(self) -> int:
        return sum(m.current_year for m in self.measures)

    @property
    def feasible(self) -> list[MeasureRow]:
        return [m for m in self.measures if m.feasible]

    @property
    def validated_structural(self) -> int:
        return sum(m.validated_structural or 0 for m in self.feasible)

    @property
    def validated_current_year(self) -> int:
        return sum(m.validated_current_year or 0 for m in self.feasible)


def team_package(db: Session, process: Process, team: Group) -> TeamPackage:
    """The team's measures in play, oldest first, with their origins and review states."""
    package = TeamPackage(team, list(range(process.first_year, process.last_year + 1)))
    proposals = list(
        db.scalars(
            select(Proposal)
            .where(Proposal.group_id == team.id, Proposal.state.in_(_COUNTED))
            .options(selectinload(Proposal.amounts))
            .order_by(Proposal.submitted_at, Proposal.id)
        )
    )
    if not proposals:
        return package
    ids = [p.id for p in proposals]
    origins = {
        proposal_id: (origin, number)
        for proposal_id, origin, number in db.execute(
            select(SprintMeasure.proposal_id, SprintMeasure.origin, SprintOption.number)
            .outerjoin(SprintOption, SprintOption.id == SprintMeasure.option_id)
            .where(SprintMeasure.proposal_id.in_(ids))
        )
    }
    reviews: dict[tuple[int, str], Review] = {
        (r.proposal_id, r.kind): r
        for r in db.scalars(
            select(Review).where(Review.proposal_id.in_(ids)).options(selectinload(Review.amounts))
        )
    }
    for proposal in proposals:
        amounts = {a.year: (a.structural, a.one_off) for a in proposal.amounts}
        origin, number = origins.get(proposal.id, ("own", None))
        row = MeasureRow(
            proposal=proposal,
            origin=origin,
            option_number=number,
            amounts=amounts,
            structural=structural_of(process, amounts),
            current_year=current_year_of(process, amounts),
        )
        for kind in ReviewKind:
            review = reviews.get((proposal.id, kind.value))
            if review is None:
                continue
            state = ReviewState(
                kind=kind.value,
                verdict=review.verdict,
                stale=review.needs_another_look or review.reviewed_version < proposal.version,
                reviewer=review.reviewer_label,
                notes=review.notes,
                validated={a.year: (a.structural, a.one_off) for a in review.amounts},
            )
            if kind == ReviewKind.LEGAL:
                row.legal = state
            else:
                row.financial = state
                row.validated_structural = structural_of(process, state.validated)
                row.validated_current_year = current_year_of(process, state.validated)
        package.measures.append(row)
    return package


def options_in_package(db: Session, team: Group) -> dict[int, int]:
    """Option id: the proposal id of the team's measure made from it (in play)."""
    return {
        option_id: proposal_id
        for option_id, proposal_id in db.execute(
            select(SprintMeasure.option_id, Proposal.id)
            .join(Proposal, Proposal.id == SprintMeasure.proposal_id)
            .where(
                Proposal.group_id == team.id,
                Proposal.state.in_(_COUNTED),
                SprintMeasure.option_id.is_not(None),
            )
        )
        if option_id is not None
    }


def options(db: Session, process: Process) -> list[SprintOption]:
    return list(
        db.scalars(
            select(SprintOption)
            .where(SprintOption.process_id == process.id)
            .order_by(SprintOption.number)
        )
    )


def last_mood_sent(db: Session, team: Group) -> tuple[int, datetime | None]:
    """How many mood checks the team sent, and when the last one went: the team sees that
    it was sent, never what the steering group reads."""
    count, last = db.execute(
        select(func.count(MoodCheck.id), func.max(MoodCheck.created_at)).where(
            MoodCheck.group_id == team.id
        )
    ).one()
    return int(count), last
