"""What the council's pages and documents read, and the arithmetic of the decision.

``council_book`` loads a decision with everything its pages show (the edition's chapters
and entries, each entry's product sheet, the amendments with their co-signatures and
votes) in a fixed number of statements, however many measures and amendments there are.
The package is then worked out in Python from what was loaded, so the overview, the
decision page and the documents show the same totals.

The amount of a measure is what its product sheet states (its financial effect, signed
off by the financial adviser); a measure without a sheet counts with the edition's
validated amounts, or its claimed ones. Carried amendments change the package:

- a strike takes the measure out;
- a change sets its amounts per year (when several changes carried, the last filed counts);
- a condition is attached to it and does not move the totals.

A strike wins over a change on the same measure.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.council.states import AmendmentKind, AmendmentState, DecisionState
from app.models import (
    Amendment,
    AmendmentSignature,
    CentralWhitePaper,
    CouncilDecision,
    CouncilMember,
    CouncilParty,
    CouncilVote,
    EditionChapter,
    EditionEntry,
    Process,
    ProductSheet,
    Theme,
)

# (structural, one-off) per year
Amounts = dict[int, tuple[int, int]]


def amounts_of(raw: dict[str, Any] | None) -> Amounts:
    """Stored JSON ({"2012": [structural, one_off]}) as whole euros per year."""
    result: Amounts = {}
    for year, pair in (raw or {}).items():
        structural, one_off = [*(pair or []), 0, 0][:2]
        result[int(year)] = (int(structural or 0), int(one_off or 0))
    return result


def year_total(amounts: Amounts, year: int) -> int:
    structural, one_off = amounts.get(year, (0, 0))
    return structural + one_off


# --- finding the decision --------------------------------------------------------------------


def decision_of(db: Session, process: Process) -> CouncilDecision | None:
    """The process's decision: the one on its latest submitted edition."""
    return db.scalar(
        select(CouncilDecision)
        .where(CouncilDecision.process_id == process.id)
        .order_by(CouncilDecision.id.desc())
        .limit(1)
    )


@dataclass(frozen=True)
class SheetAmendments:
    """A product sheet's place in the council: the decision whose edition holds it, and
    the amendments filed on it there."""

    decision: CouncilDecision
    amendments: list[Amendment]

    @property
    def is_open(self) -> bool:
        return self.decision.state == DecisionState.OPEN


def sheet_amendments(db: Session, process: Process, proposal_id: int) -> SheetAmendments | None:
    """For the product sheet page: the process's decision when its edition holds this
    proposal, with the amendments on it (two statements; one when there is none)."""
    row = db.execute(
        select(CouncilDecision, EditionEntry.id)
        .outerjoin(
            EditionEntry,
            (EditionEntry.edition_id == CouncilDecision.edition_id)
            & (EditionEntry.proposal_id == proposal_id),
        )
        .where(CouncilDecision.process_id == process.id)
        .order_by(CouncilDecision.id.desc())
        .limit(1)
    ).first()
    if row is None or row[1] is None:
        return None
    decision = row[0]
    amendments = db.scalars(
        select(Amendment)
        .where(Amendment.decision_id == decision.id, Amendment.proposal_id == proposal_id)
        .order_by(Amendment.number)
    )
    return SheetAmendments(decision, list(amendments))


def decision_for_edition(db: Session, edition_id: int) -> CouncilDecision | None:
    return db.scalar(select(CouncilDecision).where(CouncilDecision.edition_id == edition_id))


def amendment_by_number(db: Session, decision: CouncilDecision, number: int) -> Amendment | None:
    return db.scalar(
        select(Amendment).where(Amendment.decision_id == decision.id, Amendment.number == number)
    )


def next_number(db: Session, decision: CouncilDecision) -> int:
    return (
        int(
            db.scalar(
                select(func.coalesce(func.max(Amendment.number), 0)).where(
                    Amendment.decision_id == decision.id
                )
            )
            or 0
        )
        + 1
    )


def latest_vote(
    db: Session, decision: CouncilDecision, amendment: Amendment | None
) -> CouncilVote | None:
    """The vote that counts for an amendment (or, with None, for the whole edition)."""
    statement = select(CouncilVote).where(CouncilVote.decision_id == decision.id)
    if amendment is None:
        statement = statement.where(CouncilVote.amendment_id.is_(None))
    else:
        statement = statement.where(CouncilVote.amendment_id == amendment.id)
    return db.scalar(statement.order_by(CouncilVote.id.desc()).limit(1))


def votes_of(
    db: Session, decision: CouncilDecision, amendment: Amendment | None
) -> list[CouncilVote]:
    """Every recorded vote of a subject, the first first: the record and its corrections."""
    statement = select(CouncilVote).where(CouncilVote.decision_id == decision.id)
    if amendment is None:
        statement = statement.where(CouncilVote.amendment_id.is_(None))
    else:
        statement = statement.where(CouncilVote.amendment_id == amendment.id)
    return list(db.scalars(statement.order_by(CouncilVote.id)))


def open_amendment_numbers(db: Session, decision: CouncilDecision) -> list[int]:
    """Amendments filed and not yet voted (nor withdrawn): they hold up the final vote."""
    return list(
        db.scalars(
            select(Amendment.number)
            .where(Amendment.decision_id == decision.id, Amendment.state == AmendmentState.FILED)
            .order_by(Amendment.number)
        )
    )


def signature_of(db: Session, amendment: Amendment, user_id: int) -> AmendmentSignature | None:
    return db.scalar(
        select(AmendmentSignature).where(
            AmendmentSignature.amendment_id == amendment.id, AmendmentSignature.user_id == user_id
        )
    )


# --- parties -----------------------------------------------------------------------------------


def parties(db: Session, *, active_only: bool = True) -> list[CouncilParty]:
    statement = select(CouncilParty).order_by(CouncilParty.position, CouncilParty.name)
    if active_only:
        statement = statement.where(CouncilParty.active.is_(True))
    return list(db.scalars(statement))


def council_seats(db: Session) -> int:
    """The seats of the active parties; 0 when the clerk has not entered the parties."""
    return int(
        db.scalar(
            select(func.coalesce(func.sum(CouncilParty.seats), 0)).where(
                CouncilParty.active.is_(True)
            )
        )
        or 0
    )


def party_of(db: Session, user_id: int) -> CouncilParty | None:
    return db.scalar(
        select(CouncilParty)
        .join(CouncilMember, CouncilMember.party_id == CouncilParty.id)
        .where(CouncilMember.user_id == user_id)
    )


def member_parties(db: Session) -> dict[int, int]:
    """Which party each councillor sits for: user id to party id, in one statement."""
    return dict(db.execute(select(CouncilMember.user_id, CouncilMember.party_id)).all())


# --- the book: a decision with everything on it -------------------------------------------------


@dataclass(frozen=True)
class Measure:
    """One measure of the edition, with the amounts the council decides on."""

    entry: EditionEntry
    number: str  # "3.2": chapter and place, as the edition numbers it
    chapter_position: int
    theme_id: int
    theme: str
    sheet: ProductSheet | None
    base: Amounts

    @property
    def proposal_id(self) -> int:
        return self.entry.proposal_id

    @property
    def title(self) -> str:
        return self.entry.title

    def total(self, year: int) -> int:
        return year_total(self.base, year)


@dataclass
class AmendmentView:
    amendment: Amendment
    measure: Measure
    signatures: list[AmendmentSignature]
    votes: list[CouncilVote]  # the record first, then its corrections
    effect: dict[int, int]  # per year: what carrying it does to the total savings

    @property
    def vote(self) -> CouncilVote | None:
        return self.votes[-1] if self.votes else None

    @property
    def amounts(self) -> Amounts:
        return amounts_of(self.amendment.amounts)

    @property
    def effect_total(self) -> int:
        return sum(self.effect.values())

    @property
    def label(self) -> str:
        return f"A{self.amendment.number}"


@dataclass
class AdoptedMeasure:
    """A measure as the package stands: struck, changed, with conditions, or as it was."""

    measure: Measure
    struck_by: str | None = None  # "A3"
    changed_by: str | None = None
    amounts: Amounts = field(default_factory=dict)
    conditions: list[tuple[str, str]] = field(default_factory=list)  # (label, text)

    @property
    def struck(self) -> bool:
        return self.struck_by is not None

    def total(self, year: int) -> int:
        return 0 if self.struck else year_total(self.amounts, year)


@dataclass
class PackageRow:
    """A theme (or, with ``theme_id`` None, the whole process) per year: the savings as
    the edition put them to the council, and as adopted, against the target."""

    title: str
    theme_id: int | None
    target: int  # euros a year
    submitted: dict[int, int]
    adopted: dict[int, int]
    measures: int = 0
    struck: int = 0

    def short(self, year: int) -> int:
        return max(0, self.target - self.adopted.get(year, 0))


@dataclass
class Package:
    years: list[int]
    measures: list[AdoptedMeasure]
    themes: list[PackageRow]
    total: PackageRow


@dataclass
class CouncilBook:
    process: Process
    edition: CentralWhitePaper
    decision: CouncilDecision
    years: list[int]
    measures: list[Measure]
    amendments: list[AmendmentView]
    final_votes: list[CouncilVote]  # on the whole edition: the record, then corrections
    # What the package would be with the amendments carried so far (the decision, once
    # the council has voted on all of them).
    package: Package

    @property
    def final_vote(self) -> CouncilVote | None:
        return self.final_votes[-1] if self.final_votes else None

    @property
    def adopted(self) -> bool | None:
        """Whether the council adopted the edition as amended (None: not voted yet)."""
        vote = self.final_vote
        return None if vote is None else vote.carried

    @property
    def is_open(self) -> bool:
        return self.decision.state == DecisionState.OPEN

    def counts(self) -> dict[str, int]:
        result: dict[str, int] = defaultdict(int)
        for view in self.amendments:
            result[view.amendment.state] += 1
        return dict(result)

    def amendments_on(self, proposal_id: int) -> list[AmendmentView]:
        return [v for v in self.amendments if v.measure.proposal_id == proposal_id]


def _base(entry: EditionEntry, sheet: ProductSheet | None) -> Amounts:
    if sheet is not None and sheet.financial_effect:
        return amounts_of(sheet.financial_effect)
    return amounts_of(entry.validated if entry.validated is not None else entry.claimed)


def effect_of(amendment: Amendment, measure: Measure, years: list[int]) -> dict[int, int]:
    """Per year, how carrying the amendment alone would change the total savings."""
    if amendment.kind == AmendmentKind.STRIKE:
        return {year: -measure.total(year) for year in years}
    if amendment.kind == AmendmentKind.CHANGE:
        new = amounts_of(amendment.amounts)
        return {year: year_total(new, year) - measure.total(year) for year in years}
    return dict.fromkeys(years, 0)


def build_package(
    years: list[int],
    measures: list[Measure],
    amendments: list[AmendmentView],
    process: Process,
    chapter_targets: dict[int, tuple[str, int]],
) -> Package:
    """Apply the carried amendments to the measures, in the order they were filed."""
    adopted = {m.entry.id: AdoptedMeasure(m, amounts=dict(m.base)) for m in measures}
    for view in sorted(amendments, key=lambda v: v.amendment.number):
        if view.amendment.state != AmendmentState.CARRIED:
            continue
        target = adopted[view.measure.entry.id]
        kind = view.amendment.kind
        if kind == AmendmentKind.STRIKE:
            target.struck_by = target.struck_by or view.label
        elif kind == AmendmentKind.CHANGE:
            target.changed_by = view.label
            target.amounts = view.amounts
        else:
            target.conditions.append((view.label, view.amendment.condition))
    rows: dict[int, PackageRow] = {}
    for position, (title, target_amount) in sorted(chapter_targets.items()):
        rows[position] = PackageRow(
            title, None, target_amount, dict.fromkeys(years, 0), dict.fromkeys(years, 0)
        )
    total = PackageRow(
        "", None, process.target_total, dict.fromkeys(years, 0), dict.fromkeys(years, 0)
    )
    for item in adopted.values():
        row = rows[item.measure.chapter_position]
        row.theme_id = item.measure.theme_id
        for into in (row, total):
            into.measures += 1
            into.struck += int(item.struck)
            for year in years:
                into.submitted[year] += item.measure.total(year)
                into.adopted[year] += item.total(year)
    return Package(years, list(adopted.values()), list(rows.values()), total)


def council_book(db: Session, decision: CouncilDecision) -> CouncilBook:
    """The decision with its edition, measures, sheets, amendments, signatures and votes:
    eight statements, whatever their numbers."""
    process = db.get_one(Process, decision.process_id)
    edition = db.get_one(CentralWhitePaper, decision.edition_id)
    chapter_rows = db.execute(
        select(EditionChapter, Theme.name)
        .join(Theme, Theme.id == EditionChapter.theme_id)
        .where(EditionChapter.edition_id == edition.id)
        .order_by(EditionChapter.position)
    ).all()
    entries = list(
        db.scalars(
            select(EditionEntry)
            .where(EditionEntry.edition_id == edition.id)
            .order_by(EditionEntry.chapter_id, EditionEntry.position)
        )
    )
    sheets = {
        sheet.proposal_id: sheet
        for sheet in db.scalars(
            select(ProductSheet).where(
                ProductSheet.proposal_id.in_([entry.proposal_id for entry in entries])
            )
        )
    }
    amendments = list(
        db.scalars(
            select(Amendment).where(Amendment.decision_id == decision.id).order_by(Amendment.number)
        )
    )
    signatures: dict[int, list[AmendmentSignature]] = defaultdict(list)
    votes: dict[int | None, list[CouncilVote]] = defaultdict(list)
    if amendments:
        for signature in db.scalars(
            select(AmendmentSignature)
            .where(AmendmentSignature.amendment_id.in_([a.id for a in amendments]))
            .order_by(AmendmentSignature.signed_at, AmendmentSignature.id)
        ):
            signatures[signature.amendment_id].append(signature)
    for vote in db.scalars(
        select(CouncilVote).where(CouncilVote.decision_id == decision.id).order_by(CouncilVote.id)
    ):
        votes[vote.amendment_id].append(vote)

    years = list(range(process.first_year, process.last_year + 1))
    chapters = {chapter.id: (chapter, theme) for chapter, theme in chapter_rows}
    measures: list[Measure] = []
    for entry in sorted(entries, key=lambda e: (chapters[e.chapter_id][0].position, e.position)):
        chapter, theme = chapters[entry.chapter_id]
        sheet = sheets.get(entry.proposal_id)
        measures.append(
            Measure(
                entry=entry,
                number=f"{chapter.position}.{entry.position}",
                chapter_position=chapter.position,
                theme_id=chapter.theme_id,
                theme=theme,
                sheet=sheet,
                base=_base(entry, sheet),
            )
        )
    by_entry = {m.entry.id: m for m in measures}
    views = [
        AmendmentView(
            amendment,
            by_entry[amendment.entry_id],
            signatures.get(amendment.id, []),
            votes.get(amendment.id, []),
            effect_of(amendment, by_entry[amendment.entry_id], years),
        )
        for amendment in amendments
    ]
    targets = {chapter.position: (chapter.title, chapter.target) for chapter, _ in chapter_rows}
    package = build_package(years, measures, views, process, targets)
    return CouncilBook(
        process, edition, decision, years, measures, views, votes.get(None, []), package
    )


def measure_of(book: CouncilBook, proposal_id: int) -> Measure | None:
    return next((m for m in book.measures if m.proposal_id == proposal_id), None)
