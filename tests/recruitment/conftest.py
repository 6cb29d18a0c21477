from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.roles import Role
from app.db import organization_scope
from app.models import Group, Organization, Process, User
from app.processes import service
from app.processes.budget_import import import_budget_lines
from tests.factories import SMALL_BUDGET, make_process, make_user


@dataclass
class Setting:
    process: Process
    onderwijs: Group
    sport: Group
    chef: User
    sport_chef: User
    citizen: User
    admin: User


@pytest.fixture
def setting(db: Session, organization: Organization) -> Setting:
    """A dialogue in its recruitment phase with the groups Onderwijs and Sport, each with
    a chef, a confirmed citizen and an admin."""
    process = make_process(db, organization, slug="dialoog")
    chef = make_user(db, organization, email="ruud@example.org", display_name="Ruud")
    sport_chef = make_user(db, organization, email="sport@example.org", display_name="Sportchef")
    citizen = make_user(db, organization, email="annelies@example.org", display_name="Annelies")
    admin = make_user(
        db, organization, email="beheer@example.org", display_name="Beheer", roles=[Role.ADMIN]
    )
    with organization_scope(db, organization.id):
        import_budget_lines(db, "test", process, SMALL_BUDGET.encode())
        groups = {
            g.slug: g for g in db.scalars(select(Group).where(Group.process_id == process.id))
        }
        service.assign_chef(db, "test", groups["onderwijs"], chef)
        service.assign_chef(db, "test", groups["sport"], sport_chef)
    return Setting(process, groups["onderwijs"], groups["sport"], chef, sport_chef, citizen, admin)
