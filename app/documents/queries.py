"""What the documents read, each in a fixed number of statements.

The builders get plain data (:class:`EditionData`), not ORM rows: the build job commits
its progress as it goes, and plain data cannot be expired or lazy-loaded halfway. Editions
and product sheets are read straight from their models, so this module does not wait on
the editions' and product sheets' own query modules."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from app.config import get_settings
from app.documents import storage
from app.documents.kinds import (
    EDITION_KINDS,
    KINDS,
    UNDER_WAY,
    BuildStatus,
    DocumentKind,
    FailReason,
    fail_reason,
)
from app.models import (
    CentralWhitePaper,
    DocumentBuild,
    EditionChapter,
    EditionEntry,
    Job,
    Organization,
    Process,
    ProductSheet,
    Sprint,
    Theme,
)
from app.web.templating import number as format_number

# (structural, one-off) per year
Amounts = dict[int, tuple[int, int]]


def _amounts(raw: dict[str, Any] | None) -> Amounts:
    """The snapshot's JSON ({"2012": [structural, one_off]}) with whole-euro numbers."""
    result: Amounts = {}
    for year, pair in (raw or {}).items():
        structural, one_off = [*pair, 0, 0][:2]
        result[int(year)] = (int(structural or 0), int(one_off or 0))
    return result


@dataclass(frozen=True)
class SheetData:
    step: str
    budget_lines: str
    financial_effect: Amounts
    staff_effect: str
    legal_aspects: str
    consequences: str
    risks: str
    implementation: str
    advice: str


@dataclass(frozen=True)
class EntryData:
    number: str  # "3.12": chapter and place in it, as the edition numbers its proposals
    proposal_id: int
    title: str
    summary: str
    measure: str
    consequences: str
    budget_lines: list[dict[str, Any]]
    claimed: Amounts
    validated: Amounts | None
    claimed_total: int
    sheet: SheetData | None


@dataclass
class ChapterData:
    number: int
    title: str
    theme: str
    introduction: str
    target: int  # a year
    entries: list[EntryData] = field(default_factory=list)

    def claimed(self, year: int) -> int:
        return sum(sum(e.claimed.get(year, (0, 0))) for e in self.entries)

    def validated(self, year: int) -> int:
        return sum(sum((e.validated or {}).get(year, (0, 0))) for e in self.entries)

    @property
    def claimed_total(self) -> int:
        return sum(e.claimed_total for e in self.entries)


@dataclass
class EditionData:
    organization: str
    process_slug: str
    process_title: str
    years: list[int]
    target_total: int
    number: int
    note: str
    compiled_at: datetime
    published_at: datetime | None
    chapters: list[ChapterData]

    @property
    def entry_count(self) -> int:
        return sum(len(c.entries) for c in self.chapters)

    def claimed(self, year: int) -> int:
        return sum(c.claimed(year) for c in self.chapters)

    def validated(self, year: int) -> int:
        return sum(c.validated(year) for c in self.chapters)

    @property
    def claimed_total(self) -> int:
        return sum(c.claimed_total for c in self.chapters)

    @property
    def target_of_chapters(self) -> int:
        return sum(c.target for c in self.chapters)


def _sheet(row: ProductSheet) -> SheetData:
    return SheetData(
        step=row.step,
        budget_lines=row.budget_lines,
        financial_effect=_amounts(row.financial_effect),
        staff_effect=row.staff_effect,
        legal_aspects=row.legal_aspects,
        consequences=row.consequences,
        risks=row.risks,
        implementation=row.implementation,
        advice=row.advice,
    )


def edition_data(db: Session, edition_id: int) -> EditionData | None:
    """Everything the four documents show, in five statements whatever the edition's size."""
    found = db.execute(
        select(CentralWhitePaper, Process, Organization)
        .join(Process, Process.id == CentralWhitePaper.process_id)
        .join(Organization, Organization.id == CentralWhitePaper.organization_id)
        .where(CentralWhitePaper.id == edition_id)
    ).first()
    if found is None:
        return None
    edition, process, organization = found
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
    sheets: dict[int, SheetData] = {}
    if entries:
        proposal_ids = [e.proposal_id for e in entries]
        sheets = {
            s.proposal_id: _sheet(s)
            for s in db.scalars(
                select(ProductSheet).where(ProductSheet.proposal_id.in_(proposal_ids))
            )
        }
    by_chapter: dict[int, list[EditionEntry]] = defaultdict(list)
    for entry in entries:
        by_chapter[entry.chapter_id].append(entry)
    chapters: list[ChapterData] = []
    for number, (chapter, theme_name) in enumerate(chapter_rows, start=1):
        data = ChapterData(number, chapter.title, theme_name, chapter.introduction, chapter.target)
        for place, entry in enumerate(by_chapter[chapter.id], start=1):
            data.entries.append(
                EntryData(
                    number=f"{number}.{place}",
                    proposal_id=entry.proposal_id,
                    title=entry.title,
                    summary=entry.summary,
                    measure=entry.measure,
                    consequences=entry.consequences,
                    budget_lines=list(entry.budget_lines or []),
                    claimed=_amounts(entry.claimed),
                    validated=None if entry.validated is None else _amounts(entry.validated),
                    claimed_total=entry.claimed_total,
                    sheet=sheets.get(entry.proposal_id),
                )
            )
        chapters.append(data)
    return EditionData(
        organization=organization.name,
        process_slug=process.slug,
        process_title=process.title,
        years=list(range(process.first_year, process.last_year + 1)),
        target_total=process.target_total,
        number=edition.number,
        note=edition.note,
        compiled_at=edition.compiled_at,
        published_at=edition.published_at,
        chapters=chapters,
    )


@dataclass(frozen=True)
class DocumentRow:
    """One kind of document on the edition page: its newest build (what is going on) and
    the newest build whose file may be offered (a rebuild does not hide the last file)."""

    kind: DocumentKind
    latest: DocumentBuild | None
    status: str | None  # the latest build's, with a build whose job died counted as failed
    error: str | None  # a FailReason code
    offered: DocumentBuild | None = None

    @property
    def label(self) -> str:
        return KINDS[self.kind].label

    @property
    def under_way(self) -> bool:
        return self.status in UNDER_WAY

    @property
    def reason(self) -> str:
        return fail_reason(self.error)

    @property
    def progress(self) -> tuple[int, int] | None:
        """(done, total) of a running build once it knows its total."""
        if self.latest is None or self.latest.progress_total is None:
            return None
        return self.latest.progress_done, self.latest.progress_total

    @property
    def size(self) -> str:
        """The offered file's size as people read it: "840 kB", "2,4 MB"."""
        size = self.offered.size if self.offered is not None else None
        if not size:
            return ""
        if size < 1_000_000:
            return f"{format_number(max(1, round(size / 1000)))} kB"
        return f"{format_number(round(size / 1_000_000, 1))} MB"


def any_under_way(rows: list[DocumentRow]) -> bool:
    return any(row.under_way for row in rows)


STOPPED = FailReason.STOPPED.value


def documents_for(
    db: Session,
    edition: CentralWhitePaper,
    documents_dir: Path | None = None,
    kinds: Sequence[DocumentKind] = EDITION_KINDS,
) -> list[DocumentRow]:
    """Each of ``kinds`` (the edition's own, unless the decision's are asked for) with its
    builds' state, in one statement however many builds there were; ``offered`` is the
    newest done build whose file is on disk whole (``documents_dir``: the app's
    Settings.documents_dir, the configured one when not given)."""
    return documents_where(db, DocumentBuild.edition_id == edition.id, documents_dir, kinds)


def documents_where(
    db: Session,
    subject: ColumnElement[bool],
    documents_dir: Path | None,
    kinds: Sequence[DocumentKind],
) -> list[DocumentRow]:
    """:func:`documents_for` for the builds ``subject`` picks (an edition's, or a sprint's
    result: ``DocumentBuild.sprint_id == sprint.id``)."""
    root = documents_dir if documents_dir is not None else get_settings().documents_dir
    rows = db.execute(
        select(DocumentBuild, Job.status)
        .outerjoin(Job, Job.id == DocumentBuild.job_id)
        .where(subject, DocumentBuild.kind.in_([kind.value for kind in kinds]))
        .order_by(DocumentBuild.id.desc())
    ).all()
    latest: dict[str, tuple[DocumentBuild, str | None]] = {}
    offered: dict[str, DocumentBuild] = {}
    for build, job_status in rows:
        latest.setdefault(build.kind, (build, job_status))
        if build.kind not in offered and storage.available(root, build) is not None:
            offered[build.kind] = build
    result = []
    for kind in kinds:
        if kind not in latest:
            result.append(DocumentRow(kind, None, None, None))
            continue
        newest, newest_job = latest[kind]
        status, error = newest.status, newest.error
        if status in UNDER_WAY and newest_job == "failed":
            # The job ended without reaching the build (its process stopped mid-build).
            status, error = BuildStatus.FAILED.value, STOPPED
        result.append(DocumentRow(kind, newest, status, error, offered.get(kind)))
    return result


def effective_status(db: Session, build: DocumentBuild) -> str:
    """The build's status, counting one whose job died as failed (see documents_for)."""
    if build.status in UNDER_WAY and build.job_id is not None:
        job_status = db.scalar(select(Job.status).where(Job.id == build.job_id))
        if job_status == "failed":
            return BuildStatus.FAILED.value
    return build.status


def build_of(db: Session, edition: CentralWhitePaper, build_id: int) -> DocumentBuild | None:
    return db.scalar(
        select(DocumentBuild).where(
            DocumentBuild.id == build_id, DocumentBuild.edition_id == edition.id
        )
    )


def under_way(
    db: Session, subject: CentralWhitePaper | Sprint, kinds: Sequence[DocumentKind]
) -> list[tuple[DocumentBuild, str | None]]:
    """The edition's (or sprint's) builds of ``kinds`` still queued or running, each with
    its job's status."""
    owner = (
        DocumentBuild.sprint_id == subject.id
        if isinstance(subject, Sprint)
        else DocumentBuild.edition_id == subject.id
    )
    return [
        (build, job_status)
        for build, job_status in db.execute(
            select(DocumentBuild, Job.status)
            .outerjoin(Job, Job.id == DocumentBuild.job_id)
            .where(
                owner,
                DocumentBuild.kind.in_([kind.value for kind in kinds]),
                DocumentBuild.status.in_([s.value for s in UNDER_WAY]),
            )
        )
    ]
