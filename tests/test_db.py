"""Organization scoping and the append-only audit trail, enforced below the routes."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Connection, Executable, exists, func, insert, select, text, union_all, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.audit.service import record
from app.db import ALL_ORGANIZATIONS, ScopeViolation, organization_scope
from app.models import AuditEntry, Page
from tests.factories import make_organization, make_page


def test_queries_only_see_the_current_organizations_rows(db: Session) -> None:
    zeist = make_organization(db, slug="zeist-t")
    hoogeveen = make_organization(db, slug="hoogeveen-t")
    make_page(db, zeist, slug="a", title="Zeist")
    make_page(db, hoogeveen, slug="a", title="Hoogeveen")
    with organization_scope(db, hoogeveen.id):
        titles = db.scalars(select(Page.title)).all()
        counted = db.scalar(select(func.count(Page.id)))
    assert titles == ["Hoogeveen"]
    assert counted == 1


def test_a_row_of_another_organization_cannot_be_changed(db: Session) -> None:
    zeist = make_organization(db, slug="zeist-t")
    hoogeveen = make_organization(db, slug="hoogeveen-t")
    page = make_page(db, zeist)
    with organization_scope(db, hoogeveen.id):
        page.title = "Gekaapt"
        with pytest.raises(ScopeViolation, match="written from organization"):
            db.flush()
        db.rollback()


def test_bulk_update_is_scoped_too(db: Session) -> None:
    zeist = make_organization(db, slug="zeist-t")
    hoogeveen = make_organization(db, slug="hoogeveen-t")
    page = make_page(db, zeist, title="Origineel")
    with organization_scope(db, hoogeveen.id):
        db.execute(
            update(Page).values(title="Gekaapt"), execution_options={"synchronize_session": False}
        )
    db.expire_all()
    with organization_scope(db, zeist.id):
        assert db.get(Page, page.id) is not None
        assert db.scalar(select(Page.title).where(Page.id == page.id)) == "Origineel"


def test_a_session_without_organization_fails_closed(db: Session) -> None:
    with pytest.raises(ScopeViolation, match="without organization"):
        db.scalars(select(Page)).all()
    # Maintenance code says explicitly that it works across organizations.
    assert db.scalars(select(Page), execution_options={ALL_ORGANIZATIONS: True}).all() == []


def test_new_rows_take_the_sessions_organization(db: Session) -> None:
    zeist = make_organization(db, slug="zeist-t")
    with organization_scope(db, zeist.id):
        page = Page(slug="nieuw", title="Nieuw", body="")
        db.add(page)
        db.flush()
    assert page.organization_id == zeist.id


def test_audit_entries_cannot_be_changed_through_the_orm(db: Session) -> None:
    zeist = make_organization(db, slug="zeist-t")
    with organization_scope(db, zeist.id):
        entry = record(db, actor="test", action="organization.checked", target=zeist)
        db.flush()
        entry.reason = "achteraf aangepast"
        with pytest.raises(ScopeViolation, match="append-only"):
            db.flush()
        db.rollback()


@pytest.mark.parametrize(
    "statement", ["UPDATE audit_entries SET reason = 'x'", "DELETE FROM audit_entries"]
)
def test_audit_entries_cannot_be_changed_in_sql(
    connection: Connection, db: Session, statement: str
) -> None:
    zeist = make_organization(db, slug="zeist-t")
    with organization_scope(db, zeist.id):
        record(db, actor="test", action="organization.checked", target=zeist)
        db.flush()
    savepoint = connection.begin_nested()
    with pytest.raises(DBAPIError, match="append-only"):
        connection.execute(text(statement))
    savepoint.rollback()
    with organization_scope(db, zeist.id):
        assert db.scalar(select(func.count(AuditEntry.id))) == 1


@pytest.mark.parametrize(
    "shape",
    [
        lambda: select(exists().where(Page.slug == "a")),
        lambda: select(func.count()).select_from(select(Page.id).subquery()),
        lambda: union_all(select(Page.id), select(Page.id)),
        lambda: select(select(Page.id).cte().c.id),
    ],
    ids=["exists", "subquery", "union", "cte"],
)
def test_statement_shapes_the_filter_cannot_reach_are_refused(
    db: Session, shape: Callable[[], Executable]
) -> None:
    zeist = make_organization(db, slug="zeist-t")
    with organization_scope(db, zeist.id), pytest.raises(ScopeViolation, match="not filtered"):
        db.execute(shape())
    assert db.execute(shape(), execution_options={ALL_ORGANIZATIONS: True}) is not None


def test_a_bulk_insert_into_organization_data_is_refused(db: Session) -> None:
    zeist = make_organization(db, slug="zeist-t")
    with organization_scope(db, zeist.id), pytest.raises(ScopeViolation, match="INSERT"):
        db.execute(insert(Page).values(slug="x", title="x", body="", organization_id=zeist.id))


def test_an_in_subquery_is_filtered_too(db: Session) -> None:
    zeist = make_organization(db, slug="zeist-t")
    hoogeveen = make_organization(db, slug="hoogeveen-t")
    make_page(db, zeist, slug="a")
    make_page(db, hoogeveen, slug="b")
    with organization_scope(db, zeist.id):
        slugs = db.scalars(select(Page.slug).where(Page.id.in_(select(Page.id)))).all()
    assert slugs == ["a"]
