"""A sprint for the teams' side (part A): two teams on the one theme, a captain and an
expert in the first, a captain in the second, the admin, an official, a steering member,
a lawyer, a financial adviser and a citizen without a role; two options in the
catalogue; the clock running (started an hour ago, ends in 23 hours) and the process in
its sprint phase. ``TeamStage`` moves the clock and the phase for the lock tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.roles import Role, ScopeType
from app.access.service import grant_role
from app.db import organization_scope, utcnow
from app.models import Group, Organization, Process, Sprint, SprintOption, User
from app.phases.kinds import PhaseKind, ProcessKind
from app.processes import service as process_service
from app.sprint.loading import SprintPlace, sprint_place
from tests.factories import make_process, make_user

SLUG = "hackaton"
FIRST_YEAR, LAST_YEAR = 2019, 2022

# email -> (name, organization-wide role or None)
PEOPLE: dict[str, tuple[str, Role | None]] = {
    "beheer@example.org": ("Ada", Role.ADMIN),
    "ambtenaar@example.org": ("Olaf", Role.OFFICIAL),
    "kapitein@example.org": ("Karin", None),  # captain of the first team
    "expert@example.org": ("Erik", None),  # expert in the first team
    "rivaal@example.org": ("Ruud", None),  # captain of the second team
    "regie@example.org": ("Regina", Role.STEERING),
    "jurist@example.org": ("Julia", Role.LEGAL),
    "financien@example.org": ("Frank", Role.FINANCE),
    "burger@example.org": ("Bea", None),
}

CAPTAIN, EXPERT, RIVAL = "kapitein@example.org", "expert@example.org", "rivaal@example.org"
ADMIN, OFFICIAL, STEERING = "beheer@example.org", "ambtenaar@example.org", "regie@example.org"
LAWYER, FINANCE, CITIZEN = "jurist@example.org", "financien@example.org", "burger@example.org"


@dataclass
class TeamStage:
    organization: Organization
    process: Process
    sprint: Sprint
    teams: list[Group]
    people: dict[str, User]
    options: list[SprintOption]

    @property
    def path(self) -> str:
        return f"/processen/{SLUG}/sprint"

    def team_path(self, index: int = 0) -> str:
        return f"{self.path}/teams/{self.teams[index].id}"

    def place(self, db: Session) -> SprintPlace:
        with organization_scope(db, self.organization.id):
            return sprint_place(db, SLUG)

    def actor(self, email: str) -> Actor:
        """The person as a request would see them, with every role they hold."""
        _name, role = PEOPLE[email]
        roles: set[tuple[Role, ScopeType, int | None]] = set()
        if role is not None:
            roles.add((role, ScopeType.ORGANIZATION, None))
        if email == CAPTAIN:
            roles.add((Role.CHEF, ScopeType.GROUP, self.teams[0].id))
        if email == EXPERT:
            roles.add((Role.EXPERT, ScopeType.GROUP, self.teams[0].id))
        if email == RIVAL:
            roles.add((Role.CHEF, ScopeType.GROUP, self.teams[1].id))
        return Actor.of(self.people[email], frozenset(roles))

    def to_phase(self, db: Session, phase: PhaseKind) -> None:
        with organization_scope(db, self.organization.id):
            process_service.set_current_phase(db, "test", self.process, phase)
            db.flush()

    def clock(self, db: Session, *, started_hours_ago: float, ends_in_hours: float) -> None:
        now = utcnow()
        self.sprint.starts_at = now - timedelta(hours=started_hours_ago)
        self.sprint.ends_at = now + timedelta(hours=ends_in_hours)
        db.flush()


def make_team_stage(db: Session, organization: Organization) -> TeamStage:
    process = make_process(
        db, organization, kind=ProcessKind.SPRINT, slug=SLUG, title="Hackaton Testdorp",
        target_total=9_000_000,
    )  # fmt: skip
    people = {
        email: make_user(
            db, organization, email=email, display_name=name, roles=[role] if role else []
        )
        for email, (name, role) in PEOPLE.items()
    }
    with organization_scope(db, organization.id):
        process.first_year, process.last_year = FIRST_YEAR, LAST_YEAR
        process.target_current_year = 5_000_000
        process_service.add_theme(db, "test", process, slug="sociaal", name="Sociaal domein")
        made = process_service.add_teams(db, "test", process, 2)
        process_service.assign_chef(db, "test", made[0], people[CAPTAIN])
        grant_role(db, "test", people[EXPERT], Role.EXPERT, ScopeType.GROUP, made[0].id)
        process_service.assign_chef(db, "test", made[1], people[RIVAL])
        now = utcnow()
        sprint = Sprint(
            process_id=process.id,
            starts_at=now - timedelta(hours=1),
            ends_at=now + timedelta(hours=23),
        )
        db.add(sprint)
        options = [
            SprintOption(
                process_id=process.id, number=1, title="Minder inhuur",
                measure="Minder externe inhuur.", budget_lines="SD-1 Inhuur",
                structural=400_000, current_year=200_000,
                legal_snags="Lopende contracten tot 2020.",
            ),
            SprintOption(
                process_id=process.id, number=2, title="Samen inkopen",
                measure="Inkoop van jeugdhulp met de buurgemeenten.", budget_lines="SD-2 Jeugd",
                structural=1_000_000, current_year=250_000,
            ),
        ]  # fmt: skip
        db.add_all(options)
        process_service.set_current_phase(db, "test", process, PhaseKind.SPRINT)
        db.flush()
        teams = list(
            db.scalars(select(Group).where(Group.process_id == process.id).order_by(Group.position))
        )
    return TeamStage(organization, process, sprint, teams, people, options)


@pytest.fixture
def team_stage(db: Session, organization: Organization) -> Iterator[TeamStage]:
    """The stage, with the test's own session scoped to the organization throughout (the
    app's requests use sessions of their own)."""
    stage = make_team_stage(db, organization)
    with organization_scope(db, organization.id):
        yield stage
