"""The search: the published items matching a query and the filters, best first, a page at
a time; and what the filter form offers. A results page costs four statements (the
form's options, the count, the page, and the organization's own lookup), however many
items match.

PostgreSQL matches with ``websearch_to_tsquery('dutch', ...)`` on the tsvector and ranks
with ``ts_rank`` (title words weigh more). SQLite matches the query, stemmed in Python
(:mod:`app.search.text`), in the FTS5 table and ranks with ``bm25``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from math import ceil
from typing import Any

from markupsafe import Markup
from sqlalchemy import ColumnClause, ColumnElement, func, literal, literal_column, select
from sqlalchemy.dialects.postgresql import REGCONFIG
from sqlalchemy.orm import Session, defer
from sqlalchemy.sql import column, table

from app.models import Process, SearchEntry, Theme
from app.search.text import Marker, Query

PER_PAGE = 20

# SQLite's FTS5 table (made by the migration, not a model); its rowid is the entry's id.
_fts = table("search_fts", column("rowid"))
_FTS: ColumnClause[Any] = literal_column("search_fts")


@dataclass(frozen=True)
class Filters:
    process_id: int | None = None
    theme_id: int | None = None
    kind: str | None = None  # with state: "proposal" and "withdrawn"
    state: str | None = None
    minimum: int | None = None
    maximum: int | None = None
    page: int = 1


@dataclass(frozen=True)
class Hit:
    entry: SearchEntry
    process: str  # the process's title
    theme: str | None
    title: Markup  # the matched words marked
    snippet: Markup


@dataclass(frozen=True)
class Results:
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    page: int = 1
    pages: int = 1

    @property
    def window(self) -> range:
        """The page links to show: up to nine around the current page."""
        first = max(1, min(self.page - 4, self.pages - 8))
        return range(first, min(self.pages, first + 8) + 1)


@dataclass(frozen=True)
class Options:
    """What the filter form offers: the processes, and the themes of each."""

    processes: list[Process]
    themes: dict[int, list[Theme]]  # per process id

    def theme(self, theme_id: int) -> Theme | None:
        return next((t for ts in self.themes.values() for t in ts if t.id == theme_id), None)

    def process(self, slug: str) -> Process | None:
        return next((p for p in self.processes if p.slug == slug), None)


def options(db: Session) -> Options:
    """One statement: every process with its themes."""
    processes: dict[int, Process] = {}
    themes: dict[int, list[Theme]] = {}
    for process, theme in db.execute(
        select(Process, Theme)
        .outerjoin(Theme, Theme.process_id == Process.id)
        .order_by(Process.created_at.desc(), Process.id.desc(), Theme.position, Theme.name)
    ):
        processes.setdefault(process.id, process)
        themes.setdefault(process.id, [])
        if theme is not None:
            themes[process.id].append(theme)
    return Options(list(processes.values()), themes)


def _conditions(filters: Filters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.process_id is not None:
        conditions.append(SearchEntry.process_id == filters.process_id)
    if filters.theme_id is not None:
        conditions.append(SearchEntry.theme_id == filters.theme_id)
    if filters.kind is not None:
        conditions.append(SearchEntry.kind == filters.kind)
    if filters.state is not None:
        conditions.append(SearchEntry.state == filters.state)
    if filters.minimum is not None:
        conditions.append(SearchEntry.amount >= filters.minimum)
    if filters.maximum is not None:
        conditions.append(SearchEntry.amount <= filters.maximum)
    return conditions


def search(db: Session, query: Query, filters: Filters) -> Results:
    """The page of results; without words, what the filters leave, newest first. Words
    that are all stop words (or all excluded) find nothing, without asking."""
    if query.text and query.empty:
        return Results()
    conditions = _conditions(filters)
    order: list[Any] = []
    counted = select(func.count(SearchEntry.id))
    found = (
        select(SearchEntry, Process.title, Theme.name)
        .join(Process, Process.id == SearchEntry.process_id)
        .outerjoin(Theme, Theme.id == SearchEntry.theme_id)
        .options(defer(SearchEntry.stemmed, raiseload=True))
    )
    if query.text and db.get_bind().dialect.name == "postgresql":
        words = func.websearch_to_tsquery(literal("dutch", REGCONFIG), query.text)
        conditions.append(SearchEntry.stemmed.bool_op("@@")(words))
        order.append(func.ts_rank(SearchEntry.stemmed, words).desc())
    elif query.text:
        match = _FTS.op("MATCH")(query.fts5())
        # Counted through IN: joined, SQLite would look each of the organization's entries
        # up in the full-text index (the organization's index on entries "covers" the
        # count); the page is joined, as bm25 needs the match in its own query.
        counted = counted.where(SearchEntry.id.in_(select(_fts.c.rowid).where(match)))
        found = found.join(_fts, _fts.c.rowid == SearchEntry.id).where(match)
        order.append(func.bm25(_FTS))
    total = int(db.scalar(counted.where(*conditions)) or 0)
    pages = max(1, ceil(total / PER_PAGE))
    page = min(max(1, filters.page), pages)
    if total == 0:
        return Results([], 0, page, pages)
    rows = db.execute(
        found.where(*conditions)
        .order_by(*order, SearchEntry.published_at.desc(), SearchEntry.id.desc())
        .limit(PER_PAGE)
        .offset((page - 1) * PER_PAGE)
    ).all()
    marker = Marker(query.terms)
    hits = [
        Hit(entry, process, theme, marker.whole(entry.title), marker.snippet(entry.body))
        for entry, process, theme in rows
    ]
    return Results(hits, total, page, pages)
