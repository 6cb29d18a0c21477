"""What the edition pages and documents read. Every function costs a fixed number of
statements, however many chapters and entries an edition has; the summary is added up in
Python from what ``edition_with_entries`` loaded, so the PDF, the spreadsheet and the web
page show the same totals."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import CentralWhitePaper, EditionChapter, EditionEntry, Group, Process


def edition_by_number(db: Session, process: Process, number: int) -> CentralWhitePaper | None:
    return db.scalar(
        select(CentralWhitePaper).where(
            CentralWhitePaper.process_id == process.id, CentralWhitePaper.number == number
        )
    )


def latest_edition(db: Session, process: Process) -> CentralWhitePaper | None:
    """The edition compiled last: it supersedes every earlier one."""
    return db.scalar(
        select(CentralWhitePaper)
        .where(CentralWhitePaper.process_id == process.id)
        .order_by(CentralWhitePaper.number.desc())
        .limit(1)
    )


def latest_number(db: Session, process_id: int) -> int:
    """0 when nothing is compiled yet."""
    return int(
        db.scalar(
            select(func.coalesce(func.max(CentralWhitePaper.number), 0)).where(
                CentralWhitePaper.process_id == process_id
            )
        )
        or 0
    )


def latest_published_number(db: Session, process_id: int) -> int:
    """0 when nothing is published yet."""
    return int(
        db.scalar(
            select(func.coalesce(func.max(CentralWhitePaper.number), 0)).where(
                CentralWhitePaper.process_id == process_id,
                CentralWhitePaper.published_at.is_not(None),
            )
        )
        or 0
    )


def group_ids(db: Session, process: Process) -> frozenset[int]:
    """The process's groups: their chefs may read an edition before it is published."""
    return frozenset(db.scalars(select(Group.id).where(Group.process_id == process.id)))


@dataclass(frozen=True)
class EditionRow:
    edition: CentralWhitePaper
    entries: int
    superseded_by: int | None  # the latest edition's number, when this is not the latest


def editions_of(db: Session, process: Process) -> list[EditionRow]:
    """Every edition of the process, newest first, with its number of entries."""
    rows = db.execute(
        select(CentralWhitePaper, func.count(EditionEntry.id))
        .outerjoin(EditionEntry, EditionEntry.edition_id == CentralWhitePaper.id)
        .where(CentralWhitePaper.process_id == process.id)
        .group_by(CentralWhitePaper.id)
        .order_by(CentralWhitePaper.number.desc())
    ).all()
    latest = rows[0][0].number if rows else 0
    return [
        EditionRow(edition, count, latest if edition.number < latest else None)
        for edition, count in rows
    ]


# --- one edition with its chapters and entries -----------------------------------------------


@dataclass(frozen=True)
class EntryYear:
    """One year of an entry: claimed beside validated (None: no sound financial review)."""

    year: int
    claimed_structural: int
    claimed_one_off: int
    validated_structural: int | None
    validated_one_off: int | None

    @property
    def claimed(self) -> int:
        return self.claimed_structural + self.claimed_one_off

    @property
    def validated(self) -> int | None:
        if self.validated_structural is None or self.validated_one_off is None:
            return None
        return self.validated_structural + self.validated_one_off


def _pair(amounts: dict[str, Any] | None, year: int) -> tuple[int, int] | None:
    if amounts is None:
        return None
    value = amounts.get(str(year))
    if not value:
        return (0, 0)
    return int(value[0]), int(value[1])


def entry_years(entry: EditionEntry, years: list[int]) -> list[EntryYear]:
    rows = []
    for year in years:
        claimed = _pair(entry.claimed, year) or (0, 0)
        validated = _pair(entry.validated, year)
        rows.append(
            EntryYear(
                year,
                claimed[0],
                claimed[1],
                validated[0] if validated else None,
                validated[1] if validated else None,
            )
        )
    return rows


@dataclass(frozen=True)
class EntryView:
    entry: EditionEntry
    years: list[EntryYear]
    number: str  # "3.2": chapter and place, as the documents number it

    @property
    def validated(self) -> bool:
        return self.entry.validated is not None

    @property
    def validated_total(self) -> int | None:
        if self.entry.validated is None:
            return None
        return sum(y.validated or 0 for y in self.years)


@dataclass(frozen=True)
class ChapterView:
    chapter: EditionChapter
    entries: list[EntryView]


@dataclass(frozen=True)
class EditionContents:
    process: Process
    edition: CentralWhitePaper
    years: list[int]
    chapters: list[ChapterView]
    latest_number: int  # of the process: above this edition's number, it is superseded

    @property
    def superseded_by(self) -> int | None:
        return self.latest_number if self.latest_number > self.edition.number else None

    @property
    def entries(self) -> list[EntryView]:
        return [entry for chapter in self.chapters for entry in chapter.entries]


def horizon(process: Process) -> list[int]:
    return list(range(process.first_year, process.last_year + 1))


def edition_with_entries(db: Session, edition: CentralWhitePaper) -> EditionContents:
    """The edition as compiled, chapters and entries in order: three statements (four
    when the process is not in the session yet)."""
    process = db.get_one(Process, edition.process_id)
    chapters = list(
        db.scalars(
            select(EditionChapter)
            .where(EditionChapter.edition_id == edition.id)
            .order_by(EditionChapter.position)
        )
    )
    entries = list(
        db.scalars(
            select(EditionEntry)
            .where(EditionEntry.edition_id == edition.id)
            .order_by(EditionEntry.chapter_id, EditionEntry.position)
        )
    )
    years = horizon(process)
    by_chapter: dict[int, list[EditionEntry]] = {}
    for entry in entries:
        by_chapter.setdefault(entry.chapter_id, []).append(entry)
    views = [
        ChapterView(
            chapter,
            [
                EntryView(entry, entry_years(entry, years), f"{chapter.position}.{entry.position}")
                for entry in by_chapter.get(chapter.id, [])
            ],
        )
        for chapter in chapters
    ]
    return EditionContents(process, edition, years, views, latest_number(db, process.id))


# --- the summary of savings against the targets ----------------------------------------------


@dataclass
class SummaryYear:
    year: int
    target: int
    claimed: int = 0
    validated: int = 0  # only entries with a sound financial review count

    @property
    def short(self) -> int:
        """How far the validated savings stay below the target (0 when they reach it)."""
        return max(0, self.target - self.validated)


@dataclass
class SummaryRow:
    title: str
    theme_id: int | None  # None for the total
    target: int  # euros a year
    years: list[SummaryYear]
    entries: int = 0
    validated_entries: int = 0

    def year(self, year: int) -> SummaryYear:
        return next(y for y in self.years if y.year == year)


@dataclass
class Summary:
    years: list[int]
    themes: list[SummaryRow] = field(default_factory=list)
    total: SummaryRow | None = None


def _row(title: str, theme_id: int | None, target: int, years: list[int]) -> SummaryRow:
    return SummaryRow(title, theme_id, target, [SummaryYear(year, target) for year in years])


def summary_table(contents: EditionContents) -> Summary:
    """Per chapter (theme) and in total, per year: claimed, validated and the target. The
    total's target is the process's; a theme's is the one the chapter was compiled with."""
    years = contents.years
    summary = Summary(years)
    total = _row("", None, contents.process.target_total, years)
    for chapter in contents.chapters:
        row = _row(chapter.chapter.title, chapter.chapter.theme_id, chapter.chapter.target, years)
        for view in chapter.entries:
            row.entries += 1
            total.entries += 1
            if view.validated:
                row.validated_entries += 1
                total.validated_entries += 1
            for figures in view.years:
                for into in (row.year(figures.year), total.year(figures.year)):
                    into.claimed += figures.claimed
                    into.validated += figures.validated or 0
        summary.themes.append(row)
    summary.total = total
    return summary
