"""What the council decision's documents read, as plain data.

The decision is worked out once, by :func:`app.council.queries.council_book` (a fixed
number of statements, however many measures and amendments), so the PDF and the
spreadsheets show the totals the decision page shows. Its ORM rows are copied into frozen
dataclasses here: the build job commits its progress as it goes, and plain data cannot be
expired or lazy-loaded halfway."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from app.council import queries as council_queries
from app.council.queries import AdoptedMeasure, AmendmentView, PackageRow
from app.i18n import lazy_gettext as _l
from app.models import CouncilVote, Organization

# (structural, one-off) per year
Amounts = dict[int, tuple[int, int]]


class MeasureStatus(StrEnum):
    """What the decision did to a measure. A measure both changed and with a condition is
    "changed" (its conditions are listed with it); a struck one is struck, whatever else."""

    ADOPTED = "adopted"
    STRUCK = "struck"
    CHANGED = "changed"
    CONDITION = "condition"


MEASURE_STATUS_LABELS: dict[str, str] = {
    MeasureStatus.ADOPTED: _l("Adopted"),
    MeasureStatus.STRUCK: _l("Struck"),
    MeasureStatus.CHANGED: _l("Changed"),
    MeasureStatus.CONDITION: _l("With condition"),
}


def measure_status(item: AdoptedMeasure) -> MeasureStatus:
    if item.struck:
        return MeasureStatus.STRUCK
    if item.changed_by is not None:
        return MeasureStatus.CHANGED
    if item.conditions:
        return MeasureStatus.CONDITION
    return MeasureStatus.ADOPTED


def applied_labels(item: AdoptedMeasure) -> list[str]:
    """The carried amendments that shape the measure as adopted ("A3"): the strike alone
    when struck (it wins over anything else), else the change that counts and the
    conditions."""
    if item.struck_by is not None:
        return [item.struck_by]
    labels = [item.changed_by] if item.changed_by is not None else []
    return labels + [label for label, _text in item.conditions]


@dataclass(frozen=True)
class PartyVoteData:
    party: str
    seats: int
    vote: str  # PartyVote


@dataclass(frozen=True)
class VoteData:
    mode: str  # VoteMode
    votes_for: int
    votes_against: int
    carried: bool
    parties: tuple[PartyVoteData, ...]
    correction: bool
    reason: str
    recorded_by: str
    recorded_at: datetime


def _parties(raw: list[dict[str, Any]] | None) -> tuple[PartyVoteData, ...]:
    return tuple(
        PartyVoteData(str(row.get("party", "")), int(row.get("seats") or 0), str(row.get("vote")))
        for row in raw or []
    )


def _vote(vote: CouncilVote) -> VoteData:
    return VoteData(
        mode=vote.mode,
        votes_for=vote.votes_for,
        votes_against=vote.votes_against,
        carried=vote.carried,
        parties=_parties(vote.parties),
        correction=vote.corrects_id is not None,
        reason=vote.reason or "",
        recorded_by=vote.recorded_by,
        recorded_at=vote.recorded_at,
    )


@dataclass(frozen=True)
class SignerData:
    label: str  # "Name (#id)", shown with person_name
    party: str


@dataclass(frozen=True)
class AmendmentData:
    number: int
    label: str  # "A3"
    kind: str  # AmendmentKind
    state: str  # AmendmentState
    explanation: str  # Markdown
    condition: str
    amounts: Amounts  # for a change: the new amounts per year
    before: Amounts  # the measure's amounts as the sheet states them
    measure_number: str
    measure_title: str
    proposal_id: int
    theme: str
    filer: str
    party: str
    filed_at: datetime
    signers: tuple[SignerData, ...]
    votes: tuple[VoteData, ...]  # the record first, then its corrections
    effect: dict[int, int]  # per year: what carrying it does to the total savings

    @property
    def vote(self) -> VoteData | None:
        return self.votes[-1] if self.votes else None

    @property
    def effect_total(self) -> int:
        return sum(self.effect.values())


def _amendment(view: AmendmentView) -> AmendmentData:
    amendment, measure = view.amendment, view.measure
    return AmendmentData(
        number=amendment.number,
        label=view.label,
        kind=amendment.kind,
        state=amendment.state,
        explanation=amendment.explanation,
        condition=amendment.condition,
        amounts=view.amounts,
        before=dict(measure.base),
        measure_number=measure.number,
        measure_title=measure.title,
        proposal_id=measure.proposal_id,
        theme=measure.theme,
        filer=amendment.filer_label,
        party=amendment.party,
        filed_at=amendment.filed_at,
        signers=tuple(SignerData(s.label, s.party) for s in view.signatures),
        votes=tuple(_vote(v) for v in view.votes),
        effect=dict(view.effect),
    )


@dataclass(frozen=True)
class MeasureData:
    """A measure as the council adopted it, with what its sheet stated before."""

    chapter: int  # the chapter's position: measures are grouped by it
    theme: str
    number: str  # "3.2"
    title: str
    proposal_id: int
    status: str  # MeasureStatus
    applied: tuple[str, ...]  # ("A3", "A7")
    conditions: tuple[tuple[str, str], ...]  # (label, text)
    changed_by: str | None
    struck_by: str | None
    before: Amounts
    adopted: Amounts  # nothing when struck

    @property
    def struck(self) -> bool:
        return self.struck_by is not None

    def adopted_total(self, year: int) -> int:
        return sum(self.adopted.get(year, (0, 0)))

    def before_total(self, year: int) -> int:
        return sum(self.before.get(year, (0, 0)))


def _measure(item: AdoptedMeasure, years: list[int]) -> MeasureData:
    measure = item.measure
    adopted: Amounts = {} if item.struck else {y: item.amounts.get(y, (0, 0)) for y in years}
    return MeasureData(
        chapter=measure.chapter_position,
        theme=measure.theme,
        number=measure.number,
        title=measure.title,
        proposal_id=measure.proposal_id,
        status=measure_status(item).value,
        applied=tuple(applied_labels(item)),
        conditions=tuple(item.conditions),
        changed_by=item.changed_by,
        struck_by=item.struck_by,
        before={y: measure.base.get(y, (0, 0)) for y in years},
        adopted=adopted,
    )


@dataclass(frozen=True)
class TotalsData:
    """A theme (or the whole process) per year: submitted to the council and adopted by it,
    against the target a year."""

    title: str
    target: int
    submitted: dict[int, int]
    adopted: dict[int, int]
    measures: int
    struck: int

    def difference(self, year: int) -> int:
        """Above the target (positive) or short of it (negative) as adopted."""
        return self.adopted.get(year, 0) - self.target

    @property
    def submitted_total(self) -> int:
        return sum(self.submitted.values())

    @property
    def adopted_total(self) -> int:
        return sum(self.adopted.values())


def _totals(row: PackageRow) -> TotalsData:
    return TotalsData(
        row.title, row.target, dict(row.submitted), dict(row.adopted), row.measures, row.struck
    )


@dataclass(frozen=True)
class DecisionData:
    organization: str
    process_slug: str
    process_title: str
    years: list[int]
    number: int  # the edition's
    state: str  # DecisionState
    meeting_on: date | None
    note: str
    submitted_at: datetime
    published_at: datetime | None
    final_votes: tuple[VoteData, ...]  # on the whole edition: the record, then corrections
    amendments: list[AmendmentData]
    measures: list[MeasureData]
    themes: list[TotalsData]
    total: TotalsData

    @property
    def final_vote(self) -> VoteData | None:
        return self.final_votes[-1] if self.final_votes else None

    @property
    def adopted(self) -> bool | None:
        """Whether the council adopted the edition as amended (None: not voted yet)."""
        vote = self.final_vote
        return None if vote is None else vote.carried

    def counted(self, state: str) -> int:
        return sum(1 for a in self.amendments if a.state == state)


def decision_data(db: Session, edition_id: int) -> DecisionData | None:
    """The decision on ``edition_id`` with everything its documents show, or None when the
    edition has none (any more): the council's book and the organization's name, in a
    fixed number of statements."""
    decision = council_queries.decision_for_edition(db, edition_id)
    if decision is None:
        return None
    book = council_queries.council_book(db, decision)
    organization = db.get_one(Organization, book.process.organization_id)
    package = book.package
    return DecisionData(
        organization=organization.name,
        process_slug=book.process.slug,
        process_title=book.process.title,
        years=list(book.years),
        number=book.edition.number,
        state=decision.state,
        meeting_on=decision.meeting_on,
        note=decision.note,
        submitted_at=decision.submitted_at,
        published_at=decision.published_at,
        final_votes=tuple(_vote(v) for v in book.final_votes),
        amendments=[_amendment(view) for view in book.amendments],
        measures=[_measure(item, book.years) for item in package.measures],
        themes=[_totals(row) for row in package.themes],
        total=_totals(package.total),
    )
