from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.access.roles import Role
from app.db import ALL_ORGANIZATIONS
from app.demo.data import ORGANIZATIONS
from app.demo.loader import load_demo
from app.models import AuditEntry, Organization, OrganizationHost, Page, RoleAssignment


def _counts(db: Session) -> dict[str, int]:
    return {
        model.__name__: db.scalar(
            select(func.count()).select_from(model), execution_options={ALL_ORGANIZATIONS: True}
        )
        or 0
        for model in (Organization, OrganizationHost, Page, AuditEntry)
    }


def test_loading_twice_changes_nothing(db: Session) -> None:
    first = load_demo(db)
    db.flush()
    after_first = _counts(db)
    second = load_demo(db)
    db.flush()
    assert first.created > 0
    assert (second.created, second.updated) == (0, 0)
    assert _counts(db) == after_first


def test_the_demo_has_both_cases_on_their_own_hosts(db: Session) -> None:
    load_demo(db)
    db.flush()
    hosts = dict(
        db.execute(select(OrganizationHost.host, Organization.slug).join(Organization)).all()
    )
    assert hosts["localhost"] == "zeist"
    assert hosts["hoogeveen.localhost"] == "hoogeveen"
    assert {o.slug for o in ORGANIZATIONS} == {"zeist", "hoogeveen"}


def test_a_changed_demo_text_is_updated_not_duplicated(db: Session) -> None:
    load_demo(db)
    db.flush()
    zeist = db.scalar(select(Organization).where(Organization.slug == "zeist"))
    assert zeist is not None
    zeist.name = "Gemeente Zeist (oud)"
    db.flush()
    report = load_demo(db)
    db.flush()
    assert report.updated == 1
    assert zeist.name == "Gemeente Zeist"


def test_there_is_a_demo_account_for_every_role(db: Session) -> None:
    load_demo(db)
    db.flush()
    zeist = db.scalar(select(Organization).where(Organization.slug == "zeist"))
    assert zeist is not None
    roles = set(
        db.scalars(
            select(RoleAssignment.role).where(RoleAssignment.organization_id == zeist.id),
            execution_options={ALL_ORGANIZATIONS: True},
        )
    )
    assert roles == {r.value for r in Role}
