"""A dialogue with two groups (Onderwijs, Sport), their chefs and experts, an admin and
an outsider; and helpers to plan meetings for them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.roles import Role, ScopeType
from app.access.service import grant_role
from app.db import organization_scope, utcnow
from app.meetings import service
from app.meetings.notifier import Notifier
from app.meetings.service import MeetingData
from app.models import Group, Meeting, Organization, Process, RoleAssignment, User
from app.processes.budget_import import import_budget_lines
from app.web.templating import make_environment
from tests.factories import SMALL_BUDGET, make_process, make_user


@dataclass
class Dialogue:
    organization: Organization
    process: Process
    onderwijs: Group
    sport: Group
    admin: User
    chef: User  # of Onderwijs
    other_chef: User  # of Sport
    experts: list[User]  # of Onderwijs
    sport_expert: User
    outsider: User


def _member(db: Session, user: User, role: Role, group: Group) -> None:
    grant_role(db, "test", user, role, ScopeType.GROUP, group.id)


@pytest.fixture
def dialogue(db: Session, organization: Organization) -> Dialogue:
    process = make_process(db, organization, slug="dialoog")
    admin = make_user(
        db, organization, email="beheer@testdorp.nl", display_name="Beheer", roles=[Role.ADMIN]
    )
    chef = make_user(db, organization, email="chef@testdorp.nl", display_name="Chef Onderwijs")
    other = make_user(db, organization, email="sportchef@testdorp.nl", display_name="Chef Sport")
    experts = [
        make_user(db, organization, email=f"expert{n}@testdorp.nl", display_name=f"Expert {n}")
        for n in range(1, 5)
    ]
    sport_expert = make_user(db, organization, email="sporter@testdorp.nl", display_name="Sporter")
    outsider = make_user(db, organization, email="buiten@testdorp.nl", display_name="Buiten")
    with organization_scope(db, organization.id):
        import_budget_lines(db, "test", process, SMALL_BUDGET.encode())
        rows = db.scalars(select(Group).where(Group.process_id == process.id))
        groups = {g.slug: g for g in rows}
        _member(db, chef, Role.CHEF, groups["onderwijs"])
        _member(db, other, Role.CHEF, groups["sport"])
        for expert in experts:
            _member(db, expert, Role.EXPERT, groups["onderwijs"])
        _member(db, sport_expert, Role.EXPERT, groups["sport"])
    return Dialogue(
        organization=organization,
        process=process,
        onderwijs=groups["onderwijs"],
        sport=groups["sport"],
        admin=admin,
        chef=chef,
        other_chef=other,
        experts=experts,
        sport_expert=sport_expert,
        outsider=outsider,
    )


@pytest.fixture
def notifier() -> Notifier:
    return Notifier(
        jinja=make_environment(), base_url="http://testdorp.test", timezone="Europe/Amsterdam"
    )


def actor(db: Session, user: User) -> Actor:
    """The actor as a request would load it: the user with their active roles."""
    with organization_scope(db, user.organization_id):
        rows = db.scalars(
            select(RoleAssignment).where(
                RoleAssignment.user_id == user.id, RoleAssignment.revoked_at.is_(None)
            )
        ).all()
    return Actor.of(
        user, frozenset((Role(a.role), ScopeType(a.scope_type), a.scope_id) for a in rows)
    )


def plan(
    db: Session,
    d: Dialogue,
    notifier: Notifier,
    *,
    whole_process: bool = False,
    capacity: int | None = None,
    starts_in: timedelta = timedelta(days=10),
    title: str = "Eerste avond",
) -> Meeting:
    starts: datetime = utcnow() + starts_in
    with organization_scope(db, d.organization.id):
        return service.plan_meeting(
            db,
            "test",
            d.process,
            None if whole_process else d.onderwijs,
            MeetingData(
                title=title,
                phase="green_paper",
                starts_at=starts,
                ends_at=starts + timedelta(hours=2, minutes=30),
                place="Raadhuis, Zeist",
                agenda="- Welkom\n- Begroting",
                capacity=capacity,
            ),
            notifier,
        )
