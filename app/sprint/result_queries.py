"""What the end of a sprint reads: every feasible measure of every team with its validated
amounts per year, which of them the board chose, and the chosen package's totals against
the two targets. Three statements whatever the number of teams and measures.

The years are the standings' (app.sprint.standings): the current year is the process's
first year (structural plus one-off there); the structural total is the full-year effect,
the structural amount in the last year. A measure is feasible when the lawyer and the
financial adviser both gave a verdict that lets it stand, on the measure as it is now."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, TypeVarTuple

from sqlalchemy import Select, and_, select
from sqlalchemy.orm import Session, aliased

from app.models import (
    PackageChoice,
    Process,
    Proposal,
    Review,
    SprintMeasure,
    SprintOption,
    ValidatedAmount,
)
from app.proposals.states import COUNTED
from app.reviews.kinds import SOUND, ReviewKind
from app.sprint.loading import SprintPlace

_COUNTED = [state.value for state in COUNTED]
_SOUND = [verdict.value for verdict in SOUND]

Ts = TypeVarTuple("Ts")

# (structural, one-off) per year
Amounts = dict[int, tuple[int, int]]


def only_feasible(statement: Select[*Ts], process: Process) -> Select[*Ts]:
    """``statement`` (selecting from Proposal) narrowed to the measures of ``process`` in
    play that both reviewers let stand, on their present version (the standings'
    definition: a review that needs another look does not count). Joins, not EXISTS: the
    organization scope filters joined tables and refuses subqueries it cannot look into;
    a proposal has one review of each kind, so the joins add no rows."""
    legal, financial = aliased(Review), aliased(Review)

    def sound(review: Any, kind: ReviewKind) -> Any:
        return and_(
            review.proposal_id == Proposal.id,
            review.kind == kind.value,
            review.verdict.in_(_SOUND),
            review.needs_another_look.is_(False),
        )

    return (
        statement.join(legal, sound(legal, ReviewKind.LEGAL))
        .join(financial, sound(financial, ReviewKind.FINANCIAL))
        .where(Proposal.process_id == process.id, Proposal.state.in_(_COUNTED))
    )


@dataclass(frozen=True)
class Measure:
    proposal_id: int
    title: str
    team_id: int
    team: str
    origin: str | None  # MeasureOrigin; None when the sprint knows nothing beyond the proposal
    option_number: int | None
    option_title: str | None
    validated: Amounts
    structural: int  # validated, full year (the last year's structural)
    current_year: int  # validated, first year (structural plus one-off)
    chosen: bool


@dataclass(frozen=True)
class Totals:
    structural: int
    current_year: int
    target_structural: int
    target_current_year: int | None

    @property
    def gap_structural(self) -> int:
        """Above (positive) or short (negative) of the structural target."""
        return self.structural - self.target_structural

    @property
    def gap_current_year(self) -> int | None:
        if self.target_current_year is None:
            return None
        return self.current_year - self.target_current_year


@dataclass
class Contribution:
    """What one team's measures add to the chosen package."""

    team_id: int
    team: str
    measures: list[Measure] = field(default_factory=list)

    @property
    def structural(self) -> int:
        return sum(m.structural for m in self.measures)

    @property
    def current_year(self) -> int:
        return sum(m.current_year for m in self.measures)


@dataclass(frozen=True)
class StaleChoice:
    """A measure the board chose that is no longer feasible (a later review said no, or
    the team withdrew it): it does not count, and the package cannot be published with it."""

    proposal_id: int
    title: str


@dataclass
class Package:
    process: Process
    years: list[int]
    measures: list[Measure]  # every feasible measure, by team then title
    stale: list[StaleChoice]

    @property
    def chosen(self) -> list[Measure]:
        return [m for m in self.measures if m.chosen]

    @property
    def totals(self) -> Totals:
        chosen = self.chosen
        return Totals(
            structural=sum(m.structural for m in chosen),
            current_year=sum(m.current_year for m in chosen),
            target_structural=self.process.target_total,
            target_current_year=self.process.target_current_year,
        )

    def per_year(self) -> Amounts:
        """The chosen measures' validated amounts, per year of the horizon."""
        result = {}
        for year in self.years:
            pairs = [m.validated.get(year, (0, 0)) for m in self.chosen]
            result[year] = (sum(p[0] for p in pairs), sum(p[1] for p in pairs))
        return result

    def contributions(self) -> list[Contribution]:
        """Per team what it contributes to the chosen package, largest structural first;
        teams without a chosen measure are left out."""
        by_team: dict[int, Contribution] = {}
        for measure in self.chosen:
            by_team.setdefault(
                measure.team_id, Contribution(measure.team_id, measure.team)
            ).measures.append(measure)
        return sorted(by_team.values(), key=lambda c: (-c.structural, -c.current_year, c.team))

    @property
    def teams_in_package(self) -> int:
        return len({m.team_id for m in self.chosen})


def package(db: Session, place: SprintPlace) -> Package:
    """Every feasible measure of every team, each marked chosen or not, and the choices
    that are no longer feasible."""
    process = place.process
    teams = {team.id: team.name for team in place.teams}
    rows = db.execute(
        only_feasible(
            select(
                Proposal.id,
                Proposal.title,
                Proposal.group_id,
                SprintMeasure.origin,
                SprintOption.number,
                SprintOption.title,
            ).select_from(Proposal),
            process,
        )
        .outerjoin(SprintMeasure, SprintMeasure.proposal_id == Proposal.id)
        .outerjoin(SprintOption, SprintOption.id == SprintMeasure.option_id)
        .where(Proposal.group_id.in_(list(teams)))
    ).all()
    amounts: dict[int, Amounts] = defaultdict(dict)
    review = aliased(Review)
    for proposal_id, year, structural, one_off in db.execute(
        only_feasible(
            select(
                Proposal.id,
                ValidatedAmount.year,
                ValidatedAmount.structural,
                ValidatedAmount.one_off,
            ).select_from(Proposal),
            process,
        )
        .join(
            review,
            and_(
                review.proposal_id == Proposal.id,
                review.kind == ReviewKind.FINANCIAL.value,
            ),
        )
        .join(ValidatedAmount, ValidatedAmount.review_id == review.id)
        .where(Proposal.group_id.in_(list(teams)))
    ):
        amounts[proposal_id][year] = (int(structural), int(one_off))
    choices: dict[int, str] = dict(
        db.execute(
            select(PackageChoice.proposal_id, Proposal.title)
            .join(Proposal, Proposal.id == PackageChoice.proposal_id)
            .where(PackageChoice.process_id == process.id)
        ).all()
    )
    measures = []
    for proposal_id, title, group_id, origin, option_number, option_title in rows:
        validated = amounts.get(proposal_id, {})
        last = validated.get(process.last_year, (0, 0))
        first = validated.get(process.first_year, (0, 0))
        measures.append(
            Measure(
                proposal_id=proposal_id,
                title=title,
                team_id=group_id,
                team=teams[group_id],
                origin=origin,
                option_number=option_number,
                option_title=option_title,
                validated=validated,
                structural=last[0],
                current_year=first[0] + first[1],
                chosen=proposal_id in choices,
            )
        )
    positions = {team.id: index for index, team in enumerate(place.teams)}
    measures.sort(key=lambda m: (positions[m.team_id], m.title.casefold(), m.proposal_id))
    feasible_ids = {m.proposal_id for m in measures}
    stale = [
        StaleChoice(proposal_id, title)
        for proposal_id, title in sorted(choices.items())
        if proposal_id not in feasible_ids
    ]
    return Package(
        process=process,
        years=list(range(process.first_year, process.last_year + 1)),
        measures=measures,
        stale=stale,
    )


def is_feasible(db: Session, place: SprintPlace, proposal_id: int) -> bool:
    """Whether the proposal is a feasible measure of one of this sprint's teams now."""
    found = db.scalar(
        only_feasible(select(Proposal.id).select_from(Proposal), place.process).where(
            Proposal.id == proposal_id, Proposal.group_id.in_(list(place.team_ids))
        )
    )
    return found is not None


def measure_of(db: Session, place: SprintPlace, proposal_id: int) -> Proposal | None:
    """The proposal, if it is a measure of one of this sprint's teams (in any state)."""
    return db.scalar(
        select(Proposal).where(
            Proposal.id == proposal_id,
            Proposal.process_id == place.process.id,
            Proposal.group_id.in_(list(place.team_ids)),
        )
    )


def choice_of(db: Session, place: SprintPlace, proposal_id: int) -> PackageChoice | None:
    return db.scalar(
        select(PackageChoice).where(
            PackageChoice.process_id == place.process.id,
            PackageChoice.proposal_id == proposal_id,
        )
    )
