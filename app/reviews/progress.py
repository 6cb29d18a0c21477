"""How far themes are from their targets, per year of the horizon: what the proposals
claim, what the financial advisers validated, and what may be counted twice because a
proposal of another theme touches the same budget line.

Claimed counts proposals in the counted states (submitted, in discussion, in the white
paper). Validated counts financial reviews whose verdict lets the amount stand and that
do not need another look. For each overlapping pair of proposals the smaller amount of
the two is "possibly counted twice": a theme reports it beside its totals, the process
total subtracts it. Every function costs a fixed number of statements."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from app.models import (
    BudgetLine,
    Group,
    Process,
    Proposal,
    ProposalAmount,
    Review,
    Theme,
    ValidatedAmount,
)
from app.processes.targets import theme_target
from app.proposals.states import COUNTED
from app.reviews.kinds import SOUND, ReviewKind
from app.reviews.overlaps import overlapping_pairs

_COUNTED = [state.value for state in COUNTED]
_SOUND = [verdict.value for verdict in SOUND]

# (structural, one-off) per year
Amounts = dict[int, tuple[int, int]]


@dataclass(frozen=True)
class YearProgress:
    year: int
    target: int
    claimed_structural: int = 0
    claimed_one_off: int = 0
    validated_structural: int = 0
    validated_one_off: int = 0
    # Claimed (validated) euros that a proposal of another theme may count as well.
    possibly_double: int = 0
    possibly_double_validated: int = 0

    @property
    def claimed(self) -> int:
        return self.claimed_structural + self.claimed_one_off

    @property
    def validated(self) -> int:
        return self.validated_structural + self.validated_one_off


@dataclass(frozen=True)
class Progress:
    theme: Theme
    target: int
    years: list[YearProgress]

    @property
    def last(self) -> YearProgress | None:
        """The last year of the horizon: where structural savings have their full effect."""
        return self.years[-1] if self.years else None


@dataclass(frozen=True)
class ProcessProgress:
    """The whole process: a euro two themes both claim counts once in ``net_*``."""

    process: Process
    years: list[YearProgress]

    def net_claimed(self, year: YearProgress) -> int:
        return year.claimed - year.possibly_double

    def net_validated(self, year: YearProgress) -> int:
        return year.validated - year.possibly_double_validated


def _horizon(process: Process) -> range:
    return range(process.first_year, process.last_year + 1)


def _add(into: dict[int, Amounts], key: int, year: int, structural: int, one_off: int) -> None:
    s, o = into[key].get(year, (0, 0))
    into[key][year] = (s + int(structural or 0), o + int(one_off or 0))


def _claimed_by_theme(db: Session, process: Process) -> dict[int, Amounts]:
    rows = db.execute(
        select(
            Group.theme_id,
            ProposalAmount.year,
            func.sum(ProposalAmount.structural),
            func.sum(ProposalAmount.one_off),
        )
        .join(Proposal, Proposal.id == ProposalAmount.proposal_id)
        .join(Group, Group.id == Proposal.group_id)
        .where(Proposal.process_id == process.id, Proposal.state.in_(_COUNTED))
        .group_by(Group.theme_id, ProposalAmount.year)
    ).all()
    result: dict[int, Amounts] = defaultdict(dict)
    for theme_id, year, structural, one_off in rows:
        _add(result, theme_id, year, structural, one_off)
    return result


def _validated_by_theme(db: Session, process: Process) -> dict[int, Amounts]:
    rows = db.execute(
        select(
            Group.theme_id,
            ValidatedAmount.year,
            func.sum(ValidatedAmount.structural),
            func.sum(ValidatedAmount.one_off),
        )
        .join(Review, Review.id == ValidatedAmount.review_id)
        .join(Proposal, Proposal.id == Review.proposal_id)
        .join(Group, Group.id == Proposal.group_id)
        .where(Proposal.process_id == process.id, Proposal.state.in_(_COUNTED), *_sound())
        .group_by(Group.theme_id, ValidatedAmount.year)
    ).all()
    result: dict[int, Amounts] = defaultdict(dict)
    for theme_id, year, structural, one_off in rows:
        _add(result, theme_id, year, structural, one_off)
    return result


def _sound() -> list[ColumnElement[bool]]:
    return [
        Review.kind == ReviewKind.FINANCIAL.value,
        Review.verdict.in_(_SOUND),
        Review.needs_another_look.is_(False),
    ]


@dataclass(frozen=True)
class _Overlaps:
    """Per pair of proposals (lower id first): each one's theme and amounts per year."""

    pairs: list[tuple[int, int]]
    theme_of: dict[int, int]
    claimed: dict[int, Amounts]
    validated: dict[int, Amounts]

    def double(self, year: int, theme_id: int | None = None) -> tuple[int, int]:
        """(claimed, validated) euros of ``year`` counted by both proposals of a pair: of
        the pairs touching ``theme_id``, or of every pair."""
        claimed = validated = 0
        for a, b in self.pairs:
            if theme_id is not None and theme_id not in (self.theme_of[a], self.theme_of[b]):
                continue
            claimed += _smaller(self.claimed, a, b, year)
            validated += _smaller(self.validated, a, b, year)
        return claimed, validated


def _smaller(amounts: dict[int, Amounts], a: int, b: int, year: int) -> int:
    total_a = sum(amounts.get(a, {}).get(year, (0, 0)))
    total_b = sum(amounts.get(b, {}).get(year, (0, 0)))
    return max(0, min(total_a, total_b))  # a cost is not a euro counted twice


def _overlaps(db: Session, process: Process) -> _Overlaps:
    pairs = sorted({(a, b) for a, b, _line in overlapping_pairs(db, process.id)})
    ids = {a for a, _b in pairs} | {b for _a, b in pairs}
    if not ids:
        return _Overlaps([], {}, {}, {})
    rows = db.execute(
        select(Proposal.id, Group.theme_id)
        .join(Group, Group.id == Proposal.group_id)
        .where(Proposal.id.in_(ids))
    ).all()
    theme_of = {proposal_id: theme_id for proposal_id, theme_id in rows}  # noqa: C416
    claimed: dict[int, Amounts] = defaultdict(dict)
    for proposal_id, year, structural, one_off in db.execute(
        select(
            ProposalAmount.proposal_id,
            ProposalAmount.year,
            ProposalAmount.structural,
            ProposalAmount.one_off,
        ).where(ProposalAmount.proposal_id.in_(ids))
    ).all():
        _add(claimed, proposal_id, year, structural, one_off)
    validated: dict[int, Amounts] = defaultdict(dict)
    for proposal_id, year, structural, one_off in db.execute(
        select(
            Review.proposal_id,
            ValidatedAmount.year,
            ValidatedAmount.structural,
            ValidatedAmount.one_off,
        )
        .join(Review, Review.id == ValidatedAmount.review_id)
        .where(Review.proposal_id.in_(ids), *_sound())
    ).all():
        _add(validated, proposal_id, year, structural, one_off)
    return _Overlaps(pairs, theme_of, claimed, validated)


def _targets(db: Session, process: Process, theme_ids: Iterable[int]) -> list[tuple[Theme, int]]:
    """Each theme with its target, as app.processes.queries computes it: a percentage of
    its lines' controllable costs, unless an admin set it by hand."""
    rows = db.execute(
        select(Theme, func.coalesce(func.sum(BudgetLine.controllable), 0))
        .outerjoin(BudgetLine, BudgetLine.theme_id == Theme.id)
        .where(Theme.process_id == process.id, Theme.id.in_(list(theme_ids)))
        .group_by(Theme.id)
        .order_by(Theme.position, Theme.id)
    ).all()
    return [
        (theme, theme_target(int(controllable), process.target_percentage, theme.target_override))
        for theme, controllable in rows
    ]


def _year(
    year: int, target: int, claimed: Amounts, validated: Amounts, double: tuple[int, int]
) -> YearProgress:
    cs, co = claimed.get(year, (0, 0))
    vs, vo = validated.get(year, (0, 0))
    return YearProgress(year, target, cs, co, vs, vo, double[0], double[1])


def theme_progress(db: Session, process: Process, theme_ids: Sequence[int]) -> dict[int, Progress]:
    """Per theme (of ``process``; others are left out) its figures for every year of the
    horizon, against its target (euros a year)."""
    if not theme_ids:
        return {}
    targets = _targets(db, process, theme_ids)
    claimed = _claimed_by_theme(db, process)
    validated = _validated_by_theme(db, process)
    overlaps = _overlaps(db, process)
    return {
        theme.id: Progress(
            theme=theme,
            target=target,
            years=[
                _year(
                    year,
                    target,
                    claimed.get(theme.id, {}),
                    validated.get(theme.id, {}),
                    overlaps.double(year, theme.id),
                )
                for year in _horizon(process)
            ],
        )
        for theme, target in targets
    }


def process_progress(db: Session, process: Process) -> ProcessProgress:
    """The process's totals per year against its target; what two themes both count is
    in ``possibly_double`` once, so ``net_claimed`` counts every euro once."""
    claimed_by_theme = _claimed_by_theme(db, process)
    validated_by_theme = _validated_by_theme(db, process)
    overlaps = _overlaps(db, process)
    claimed: Amounts = {}
    validated: Amounts = {}
    for source, into in ((claimed_by_theme, claimed), (validated_by_theme, validated)):
        for amounts in source.values():
            for year, (structural, one_off) in amounts.items():
                s, o = into.get(year, (0, 0))
                into[year] = (s + structural, o + one_off)
    return ProcessProgress(
        process=process,
        years=[
            _year(year, process.target_total, claimed, validated, overlaps.double(year))
            for year in _horizon(process)
        ],
    )


def progress_path(process: Process, theme: Theme) -> str:
    return f"/processen/{process.slug}/themas/{theme.slug}/voortgang"


def changed_trigger_header() -> dict[str, str]:
    """Add to an htmx response after a change that moves the totals: the progress
    partials on the page listen for this event and fetch themselves again."""
    return {"HX-Trigger": "proposal-changed"}
