"""A team's standing: the validated total of its feasible measures, structural and in the
current year, with what the team claims beside it (issue: "the validated total of its
feasible measures"). A measure is feasible when the lawyer and the financial adviser both
gave a verdict that lets it stand, on the measure as it is now; its validated amounts are
the financial adviser's.

Years: the current year is the process's first year (structural plus one-off there); the
structural total is the full-year effect, the structural amount in the last year.

Three grouped queries whatever the number of teams or measures."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session, aliased

from app.models import Process, Proposal, ProposalAmount, Review, ValidatedAmount
from app.proposals.states import COUNTED
from app.reviews.kinds import SOUND, ReviewKind
from app.sprint.loading import SprintPlace

_COUNTED = [state.value for state in COUNTED]
_SOUND = [verdict.value for verdict in SOUND]


@dataclass
class TeamStanding:
    group_id: int
    name: str
    measures: int = 0
    claimed_structural: int = 0
    claimed_current_year: int = 0
    feasible: int = 0
    validated_structural: int = 0
    validated_current_year: int = 0
    # Measures still waiting for a verdict (of either kind) on their present version.
    waiting: int = 0
    rank: int = 0

    def as_row(self) -> dict[str, Any]:
        return asdict(self)


def _year_sums(amount: Any, process: Process) -> tuple[Any, Any]:
    structural = func.coalesce(
        func.sum(case((amount.year == process.last_year, amount.structural), else_=0)), 0
    )
    current = func.coalesce(
        func.sum(
            case((amount.year == process.first_year, amount.structural + amount.one_off), else_=0)
        ),
        0,
    )
    return structural, current


def _reviews() -> tuple[Any, Any]:
    """The measure's legal and financial review, each outer-joined by its own alias (one
    per measure and kind, so no row is doubled). Joins rather than EXISTS subqueries: the
    organization filter reaches into joined aliases, not into subqueries."""
    return aliased(Review), aliased(Review)


def _joined(statement: Any, legal: Any, financial: Any) -> Any:
    for review, kind in ((legal, ReviewKind.LEGAL), (financial, ReviewKind.FINANCIAL)):
        statement = statement.outerjoin(
            review, and_(review.proposal_id == Proposal.id, review.kind == kind.value)
        )
    return statement


def _sound(review: Any) -> Any:
    return and_(review.verdict.in_(_SOUND), review.needs_another_look.is_(False))


def _reviewed(review: Any) -> Any:
    return and_(review.id.is_not(None), review.needs_another_look.is_(False))


def team_standings(db: Session, place: SprintPlace) -> list[TeamStanding]:
    """Every team's standing, ranked by validated structural total (then current year,
    then name); teams with nothing yet are included at the bottom."""
    process = place.process
    rows = {team.id: TeamStanding(group_id=team.id, name=team.name) for team in place.teams}
    if not rows:
        return []
    in_play = and_(Proposal.process_id == process.id, Proposal.state.in_(_COUNTED))

    legal, financial = _reviews()
    counts = db.execute(
        _joined(
            select(
                Proposal.group_id,
                func.count(Proposal.id),
                func.count(case((and_(_sound(legal), _sound(financial)), 1))),
                func.count(case((and_(_reviewed(legal), _reviewed(financial)), None), else_=1)),
            ),
            legal,
            financial,
        )
        .where(in_play)
        .group_by(Proposal.group_id)
    )
    for group_id, measures, feasible, waiting in counts:
        if group_id in rows:
            rows[group_id].measures = measures
            rows[group_id].feasible = feasible
            rows[group_id].waiting = waiting

    structural, current = _year_sums(ProposalAmount, process)
    claimed = db.execute(
        select(Proposal.group_id, structural, current)
        .join(ProposalAmount, ProposalAmount.proposal_id == Proposal.id)
        .where(in_play)
        .group_by(Proposal.group_id)
    )
    for group_id, claimed_structural, claimed_current in claimed:
        if group_id in rows:
            rows[group_id].claimed_structural = int(claimed_structural)
            rows[group_id].claimed_current_year = int(claimed_current)

    structural, current = _year_sums(ValidatedAmount, process)
    legal, financial = _reviews()
    validated = db.execute(
        _joined(select(Proposal.group_id, structural, current), legal, financial)
        .join(ValidatedAmount, ValidatedAmount.review_id == financial.id)
        .where(in_play, _sound(legal), _sound(financial))
        .group_by(Proposal.group_id)
    )
    for group_id, validated_structural, validated_current in validated:
        if group_id in rows:
            rows[group_id].validated_structural = int(validated_structural)
            rows[group_id].validated_current_year = int(validated_current)

    ranked = sorted(
        rows.values(),
        key=lambda r: (-r.validated_structural, -r.validated_current_year, r.name),
    )
    for position, row in enumerate(ranked, start=1):
        row.rank = position
    return ranked
