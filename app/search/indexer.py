"""Keeping the search index current, in the same transaction as the change.

After every flush, :func:`keep_current` looks at the rows the flush wrote (new, changed
or deleted proposals and their amounts, green papers and their sections, white papers,
editions, product sheets, amendments, decisions, groups) and brings the entries of the
items they touch up to date with the sources' own fixed queries: an item that became
public gets its entry, a changed one is rewritten, one that is not public (any more) loses
it. No use case has to remember the index. :func:`rebuild` makes an organization's index
anew (``python -m app.search rebuild``).

Changes made with an UPDATE statement rather than through the ORM pass unseen; none
touches what the index holds while it is public (a green paper's sections are written
only while it is a draft, and its decision, through the ORM, indexes it).
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Table,
    Text,
    and_,
    bindparam,
    delete,
    func,
    insert,
    literal,
    literal_column,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import REGCONFIG
from sqlalchemy.orm import Session

from app.models import (
    Amendment,
    CentralWhitePaper,
    CouncilDecision,
    EditionChapter,
    GreenPaper,
    GreenPaperSection,
    Group,
    Organization,
    ProductSheet,
    Proposal,
    ProposalAmount,
    SearchEntry,
    WhitePaper,
)
from app.search.documents import Document, Kind, Wanted
from app.search.sources import EVERYWHERE, SOURCES
from app.search.text import stemmed_text

_TABLE = cast(Table, SearchEntry.__table__)
_COMPARED = (
    "organization_id",
    "process_id",
    "theme_id",
    "state",
    "amount",
    "title",
    "body",
    "url",
    "published_at",
)


def _note(wanted: Wanted, obj: object) -> None:
    """What a written row means for the index."""
    if isinstance(obj, Proposal):
        wanted.ids[Kind.PROPOSAL].add(obj.id)
        wanted.white_paper_groups.add(obj.group_id)  # it lists its included proposals
        wanted.proposals.add(obj.id)  # its product sheet bears its title
    elif isinstance(obj, ProposalAmount):
        wanted.ids[Kind.PROPOSAL].add(obj.proposal_id)
    elif isinstance(obj, GreenPaper):
        wanted.ids[Kind.GREEN_PAPER].add(obj.id)
    elif isinstance(obj, GreenPaperSection):
        wanted.ids[Kind.GREEN_PAPER].add(obj.green_paper_id)
    elif isinstance(obj, WhitePaper):
        wanted.ids[Kind.WHITE_PAPER].add(obj.id)
    elif isinstance(obj, CentralWhitePaper):
        wanted.ids[Kind.EDITION].add(obj.id)
        wanted.editions.add(obj.id)  # publishing it publishes its product sheets
    elif isinstance(obj, EditionChapter):
        wanted.ids[Kind.EDITION].add(obj.edition_id)
    elif isinstance(obj, ProductSheet):
        wanted.ids[Kind.PRODUCT_SHEET].add(obj.id)
    elif isinstance(obj, Amendment):
        wanted.ids[Kind.AMENDMENT].add(obj.id)
    elif isinstance(obj, CouncilDecision):
        wanted.ids[Kind.DECISION].add(obj.id)
    elif isinstance(obj, Group):
        wanted.groups.add(obj.id)  # its papers bear its name


def keep_current(session: Session) -> None:
    """The ``after_flush`` hook (registered in :mod:`app.search.events`)."""
    wanted = Wanted()
    for obj in session.new:
        _note(wanted, obj)
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            _note(wanted, obj)
    for obj in session.deleted:
        _note(wanted, obj)
    if wanted:
        sync(session, wanted)


def _looked_at(wanted: Wanted, checked: dict[str, set[int]]) -> ColumnElement[bool] | None:
    if wanted.organization_id is not None:
        return SearchEntry.organization_id == wanted.organization_id
    keys = {kind: set(wanted.ids.get(kind, ())) | ids for kind, ids in checked.items()}
    conditions = [
        and_(SearchEntry.kind == kind, SearchEntry.object_id.in_(sorted(ids)))
        for kind, ids in keys.items()
        if ids
    ]
    return or_(*conditions) if conditions else None


def sync(db: Session, wanted: Wanted) -> None:
    """Bring the entries of what ``wanted`` names in line with the items: a statement or
    two per source that has something to look at, one for the entries, and one per kind
    of write (insert, update, delete) that is needed."""
    found = {kind: source(db, wanted) for kind, source in SOURCES.items()}
    where = _looked_at(wanted, {kind: f.checked for kind, f in found.items()})
    if where is None:
        return
    existing = {
        (row.kind, row.object_id): row
        for row in db.execute(
            select(SearchEntry.id, SearchEntry.kind, SearchEntry.object_id, *(
                getattr(SearchEntry, name) for name in _COMPARED
            )).where(where),
            execution_options=EVERYWHERE,
        )
    }  # fmt: skip
    inserts: list[Document] = []
    updates: list[tuple[int, Document]] = []
    for result in found.values():
        for document in result.documents:
            row = existing.pop((document.kind, document.object_id), None)
            if row is None:
                inserts.append(document)
            elif any(getattr(row, k) != v for k, v in _compared(document).items()):
                updates.append((row.id, document))
    _write(db, inserts, updates, [row.id for row in existing.values()])


def rebuild(db: Session, organization: Organization) -> int:
    """The organization's index made anew from its items; the number of entries."""
    db.execute(
        delete(_TABLE).where(_TABLE.c.organization_id == organization.id),
        execution_options=EVERYWHERE,
    )
    wanted = Wanted(organization_id=organization.id)
    documents = [d for source in SOURCES.values() for d in source(db, wanted).documents]
    _write(db, documents, [], [])
    return len(documents)


def _compared(document: Document) -> dict[str, object]:
    values = document.values()
    return {name: values[name] for name in _COMPARED}


def _is_postgres(db: Session) -> bool:
    return db.get_bind().dialect.name == "postgresql"


def _params(db: Session, document: Document) -> dict[str, object]:
    values = document.values()
    if _is_postgres(db):
        return {**values, "index_title": values["title"], "index_body": values["body"]}
    return {**values, "stemmed": stemmed_text(str(values["title"]), str(values["body"]))}


def _write(
    db: Session, inserts: list[Document], updates: list[tuple[int, Document]], deletes: list[int]
) -> None:
    postgres = _is_postgres(db)
    if deletes:
        db.execute(delete(_TABLE).where(_TABLE.c.id.in_(deletes)), execution_options=EVERYWHERE)
    if inserts:
        statement = insert(_TABLE)
        if postgres:
            statement = statement.values(stemmed=_stemmed_sql())
        db.execute(statement, [_params(db, d) for d in inserts], execution_options=EVERYWHERE)
    if updates:
        change = update(_TABLE).where(_TABLE.c.id == bindparam("entry_id"))
        if postgres:
            change = change.values(stemmed=_stemmed_sql())
        db.execute(
            change,
            [{**_params(db, d), "entry_id": entry_id} for entry_id, d in updates],
            execution_options=EVERYWHERE,
        )


def _stemmed_sql() -> ColumnElement[Any]:
    """PostgreSQL's stemmed words of the title (weight A, which ranks higher) and the
    body (weight B)."""
    dutch = literal("dutch", REGCONFIG)
    title = func.to_tsvector(dutch, bindparam("index_title", type_=Text))
    body = func.to_tsvector(dutch, bindparam("index_body", type_=Text))
    return func.setweight(title, literal_column("'A'")).op("||")(
        func.setweight(body, literal_column("'B'"))
    )
