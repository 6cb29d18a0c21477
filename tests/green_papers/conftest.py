from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.roles import Role, ScopeType
from app.access.service import grant_role
from app.db import organization_scope
from app.green_papers import queries, service
from app.models import GreenPaper, Group, Organization, Process, User
from app.phases.kinds import PhaseKind
from app.processes import service as process_service
from app.processes.budget_import import import_budget_lines
from tests.factories import SMALL_BUDGET, make_process, make_user


@dataclass
class Dialogue:
    organization: Organization
    process: Process
    group: Group
    paper: GreenPaper
    chef: User
    expert: User
    board: User
    councillor: User
    admin: User

    def chef_actor(self) -> Actor:
        return Actor.of(self.chef, frozenset({(Role.CHEF, ScopeType.GROUP, self.group.id)}))

    def board_actor(self) -> Actor:
        return Actor.of(self.board, frozenset({(Role.BOARD, ScopeType.ORGANIZATION, None)}))

    def councillor_actor(self) -> Actor:
        return Actor.of(self.councillor, frozenset({(Role.COUNCIL, ScopeType.ORGANIZATION, None)}))

    def to_phase(self, db: Session, phase: PhaseKind) -> None:
        with organization_scope(db, self.organization.id):
            process_service.set_current_phase(db, "test", self.process, phase)

    def write(self, db: Session, bodies: list[str]) -> None:
        """Fill the sections in order (the green-paper phase must be current)."""
        actor = self.chef_actor()
        with organization_scope(db, self.organization.id):
            for section, body in zip(queries.sections_of(db, self.paper), bodies, strict=False):
                service.save_section(
                    db, actor, self.process, self.process.phases, self.paper, section,
                    body=body, base_version=section.version,
                )  # fmt: skip

    def submit(self, db: Session) -> None:
        """Submitted by the chef; the process moves on to the board's review."""
        with organization_scope(db, self.organization.id):
            service.submit(db, self.chef_actor(), self.process, self.process.phases, self.paper)
        self.to_phase(db, PhaseKind.BOARD_REVIEW)


@pytest.fixture
def dialogue(db: Session, organization: Organization) -> Dialogue:
    """A dialogue in its green-paper phase. Onderwijs has chef Ruud and expert Annelies and
    a started green paper (the four usual sections, empty); Bert sits on the executive
    board, Carla on the council; Beheer is the admin."""
    process = make_process(db, organization, slug="dialoog")
    chef = make_user(db, organization, email="ruud@example.org", display_name="Ruud")
    expert = make_user(db, organization, email="annelies@example.org", display_name="Annelies")
    board = make_user(
        db, organization, email="bert@example.org", display_name="Bert", roles=[Role.BOARD]
    )
    councillor = make_user(
        db, organization, email="carla@example.org", display_name="Carla", roles=[Role.COUNCIL]
    )
    admin = make_user(
        db, organization, email="beheer@example.org", display_name="Beheer", roles=[Role.ADMIN]
    )
    with organization_scope(db, organization.id):
        import_budget_lines(db, "test", process, SMALL_BUDGET.encode())
        group = db.scalars(select(Group).where(Group.slug == "onderwijs")).one()
        process_service.assign_chef(db, "test", group, chef)
        grant_role(db, "test", expert, Role.EXPERT, ScopeType.GROUP, group.id)
        process_service.set_current_phase(db, "test", process, PhaseKind.GREEN_PAPER)
        actor = Actor.of(chef, frozenset({(Role.CHEF, ScopeType.GROUP, group.id)}))
        paper = service.start(db, actor, process, process.phases, group, "nl")
    return Dialogue(organization, process, group, paper, chef, expert, board, councillor, admin)
