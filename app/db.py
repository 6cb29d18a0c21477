"""Engine, sessions, the declarative base, and the per-request unit of work.

Two rules are enforced here rather than trusted to every query:

* **Organization scoping.** A session carries the organization it works for in
  ``session.info``. Every ORM statement touching an :class:`OrganizationScoped` model is
  filtered to it, and a flush refuses to write a scoped row of another organization. A
  statement on scoped data in a session without an organization fails closed, unless the
  caller says ``all_organizations=True`` (the demo loader and maintenance jobs do).
  SQLAlchemy's loader criteria do not reach every shape of statement: not
  ``select(func.count()).select_from(Model)``, nor unions, CTEs, EXISTS or selecting from
  a subquery. Those shapes on scoped tables are refused (ScopeViolation) unless the caller
  says ``all_organizations=True``; count a column instead (``func.count(Model.id)``).
  ORM bulk INSERTs into scoped tables are refused the same way; the unit of work's own
  inserts are checked at flush.
* **Append-only rows.** Models marked :class:`AppendOnly` cannot be updated or deleted
  through the ORM; the migrations add database triggers for everything else.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import lru_cache
from itertools import chain
from typing import Any

import anyio
import anyio.to_thread
from fastapi import Request
from sqlalchemy import DateTime, Engine, ForeignKey, MetaData, Table, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    ORMExecuteState,
    Session,
    mapped_column,
    sessionmaker,
    with_loader_criteria,
)
from sqlalchemy.sql import visitors
from sqlalchemy.sql.selectable import CTE, CompoundSelect, Exists, Subquery
from sqlalchemy.types import TypeDecorator

from app.config import Settings

ORGANIZATION_KEY = "organization_id"
ALL_ORGANIZATIONS = "all_organizations"
# session.info key: writes that must stand even when the request fails, e.g. deleting a
# session that timed out (the page that follows asks to sign in, which is an error).
KEEP_ON_ROLLBACK = "keep_on_rollback"

# Stable constraint names, so Alembic can drop and alter them on both databases.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on both databases (SQLite keeps no zone of its own)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use datetime.now(UTC)")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UtcDateTime}  # noqa: RUF012 - SQLAlchemy's hook


class OrganizationScoped:
    """Mixin for every row that belongs to exactly one organization."""

    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="RESTRICT"), index=True
    )


class AppendOnly:
    """Mixin for rows that are written once and never changed (the audit trail)."""


class ScopeViolation(RuntimeError):
    """A programming error: data of one organization was reached from another."""


def _touches_scoped_data(state: ORMExecuteState) -> bool:
    return any(issubclass(m.class_, OrganizationScoped) for m in state.all_mappers)


@lru_cache(maxsize=1)
def _scoped_tables() -> frozenset[Any]:
    return frozenset(
        m.local_table for m in Base.registry.mappers if issubclass(m.class_, OrganizationScoped)
    )


# Statement shapes the loader criteria do not filter inside.
_UNFILTERED_SHAPES = (CTE, CompoundSelect, Exists, Subquery)


def _references_scoped_table(element: Any) -> bool:
    tables = _scoped_tables()
    return any(isinstance(e, Table) and e in tables for e in visitors.iterate(element))


def _escapes_scoping(statement: Any) -> bool:
    if isinstance(statement, CompoundSelect) and _references_scoped_table(statement):
        return True
    return any(
        isinstance(element, _UNFILTERED_SHAPES) and _references_scoped_table(element)
        for element in visitors.iterate(statement)
    )


# What a statement's shape says about scoping, (escapes, touches scoped data), by its cache
# key: the shape without the values. The same few statements run on every page, and
# walking each one's elements again on every execution cost a fifth of a millisecond a
# statement (issue #13). Bounded: emptied when full, as ad hoc shapes are few.
_SHAPES: dict[Any, tuple[bool, bool]] = {}
_SHAPES_MAX = 4096


def _shape(state: ORMExecuteState) -> tuple[bool, bool]:
    cache_key = state.statement._generate_cache_key()  # type: ignore[attr-defined]
    if cache_key is None:  # a shape SQLAlchemy does not cache either: judge it each time
        return _escapes_scoping(state.statement), _touches_scoped_data(state)
    found = _SHAPES.get(cache_key.key)
    if found is None:
        found = (_escapes_scoping(state.statement), _touches_scoped_data(state))
        if len(_SHAPES) >= _SHAPES_MAX:
            _SHAPES.clear()
        _SHAPES[cache_key.key] = found
    return found


@lru_cache(maxsize=256)
def _organization_criteria(organization_id: int) -> Any:
    """The loader criteria for one organization, made once: the option is immutable, and
    the lambda's ``organization_id`` is a bound value of the statement, not part of it."""
    return with_loader_criteria(
        OrganizationScoped,
        lambda cls: cls.organization_id == organization_id,
        include_aliases=True,
    )


@event.listens_for(Session, "do_orm_execute")
def _scope_to_organization(state: ORMExecuteState) -> None:
    if state.is_column_load or state.is_relationship_load:
        return  # the criteria travel with the parent statement's options
    if not (state.is_select or state.is_update or state.is_delete or state.is_insert):
        return
    if state.execution_options.get(ALL_ORGANIZATIONS) or state.session.info.get(ALL_ORGANIZATIONS):
        return
    if state.is_insert:
        if _touches_scoped_data(state):
            raise ScopeViolation("bulk INSERT into organization data; add objects instead")
        return
    escapes, touches = _shape(state)
    if escapes:
        raise ScopeViolation(
            "this statement shape (union, CTE, EXISTS, subquery) is not filtered by "
            "organization; rewrite it, or pass all_organizations=True"
        )
    if not touches:
        return
    organization_id = state.session.info.get(ORGANIZATION_KEY)
    if organization_id is None:
        raise ScopeViolation("query on organization data in a session without organization")
    state.statement = state.statement.options(_organization_criteria(organization_id))


@event.listens_for(Session, "before_flush")
def _guard_writes(session: Session, _context: Any, _instances: Any) -> None:
    organization_id = session.info.get(ORGANIZATION_KEY)
    unrestricted = bool(session.info.get(ALL_ORGANIZATIONS))
    for obj in chain(session.dirty, session.deleted):
        if isinstance(obj, AppendOnly) and (obj in session.deleted or session.is_modified(obj)):
            raise ScopeViolation(f"{type(obj).__name__} is append-only")
    for obj in chain(session.new, session.dirty, session.deleted):
        if not isinstance(obj, OrganizationScoped) or unrestricted:
            continue
        if organization_id is None:
            raise ScopeViolation("write of organization data in a session without organization")
        if obj in session.new and obj.organization_id is None:
            obj.organization_id = organization_id
        elif obj.organization_id != organization_id:
            raise ScopeViolation(
                f"{type(obj).__name__} of organization {obj.organization_id} written "
                f"from organization {organization_id}"
            )


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own transaction handling breaks SAVEPOINT and transactional DDL;
    # take it over as SQLAlchemy's documentation recommends.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    # IMMEDIATE takes the write lock at the start, so a second writer waits (busy_timeout)
    # instead of failing with "database is locked" when it upgrades a read transaction.
    # SQLite is the single-process default; PostgreSQL is what runs concurrently.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(database_url: str | URL, settings: Settings | None = None) -> Engine:
    url = make_url(database_url)
    echo = settings.db.echo if settings else False
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            from pathlib import Path

            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, echo=echo, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    pool_size = settings.db.pool_size if settings else 5
    max_overflow = settings.db.max_overflow if settings else 10
    return create_engine(
        url, echo=echo, pool_pre_ping=True, pool_size=pool_size, max_overflow=max_overflow
    )


def make_session_factory(bind: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: templates may read loaded objects after the commit.
    return sessionmaker(bind=bind, expire_on_commit=False, autoflush=False)


async def get_session(request: Request) -> AsyncIterator[Session]:
    """The request's unit of work: commit when the handler returns, roll back on error.

    Used with ``scope="function"`` (see :mod:`app.deps`) so the commit happens before the
    response is sent: a failed commit becomes an error page, never a false success.

    Async, because making a session does no I/O (its connection is taken at the first
    statement): a sync dependency would cost every page a trip through the thread pool
    for it. Its end talks to the database, so it runs in a thread, shielded from the
    request's cancellation (a client that went away must not leave a connection checked
    out), with a limiter of its own so it never waits for a thread while holding a
    connection (as FastAPI does for sync dependencies' exits).
    """
    factory: sessionmaker[Session] = request.app.state.session_factory
    session = factory()
    try:
        yield session
    except BaseException:
        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(
                _end_unit_of_work, request, session, True, limiter=anyio.CapacityLimiter(1)
            )
        raise
    with anyio.CancelScope(shield=True):
        await anyio.to_thread.run_sync(
            _end_unit_of_work, request, session, False, limiter=anyio.CapacityLimiter(1)
        )


def _end_unit_of_work(request: Request, session: Session, failed: bool) -> None:
    try:
        if not failed:
            try:
                queued_jobs = session.info.pop("jobs_queued", False)
                session.commit()
            except BaseException:
                _roll_back(session)
                raise
            if queued_jobs:
                request.app.state.jobs.after_commit()
            return
        _roll_back(session)
    finally:
        session.close()


def _roll_back(session: Session) -> None:
    """Roll back, then redo and commit the writes that must stand (KEEP_ON_ROLLBACK)."""
    session.rollback()
    kept: list[Callable[[Session], object]] = session.info.pop(KEEP_ON_ROLLBACK, [])
    if kept:
        for work in kept:
            work(session)
        session.commit()


@contextmanager
def organization_scope(session: Session, organization_id: int) -> Iterator[Session]:
    """Work for one organization outside a request (jobs, the demo loader, tests)."""
    previous = session.info.get(ORGANIZATION_KEY)
    session.info[ORGANIZATION_KEY] = organization_id
    try:
        yield session
        session.flush()  # pending writes are checked against the scope they were made in
    finally:
        if previous is None:
            session.info.pop(ORGANIZATION_KEY, None)
        else:
            session.info[ORGANIZATION_KEY] = previous
