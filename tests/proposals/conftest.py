from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.roles import Role, ScopeType
from app.access.service import grant_role
from app.db import organization_scope
from app.models import BudgetLine, Framework, Group, Organization, Process, Proposal, User
from app.phases.kinds import PhaseKind
from app.processes import service as process_service
from app.processes.budget_import import import_budget_lines
from app.proposals import queries, service
from app.proposals.forms import ProposalInput
from app.proposals.states import Step
from app.web.templating import make_environment
from tests.factories import SMALL_BUDGET, make_process, make_user

GROUP = "/processen/dialoog/groepen/onderwijs/voorstellen"
THEME = "/processen/dialoog/themas/onderwijs/voorstellen"


def path(proposal: Proposal, rest: str = "") -> str:
    return f"/processen/dialoog/voorstellen/{proposal.id}{rest}"


@dataclass
class Dialogue:
    organization: Organization
    process: Process
    group: Group
    chef: User
    expert: User  # Annelies
    second: User  # Bram
    outsider: User  # Carla, in no group
    lines: list[BudgetLine]  # Onderwijs's two lines
    other_line: BudgetLine  # a line of Sport
    frameworks: list[Framework]

    def actor(self, user: User) -> Actor:
        role = Role.CHEF if user.id == self.chef.id else Role.EXPERT
        return Actor.of(user, frozenset({(role, ScopeType.GROUP, self.group.id)}))

    def to_phase(self, db: Session, phase: PhaseKind) -> None:
        with organization_scope(db, self.organization.id):
            process_service.set_current_phase(db, "test", self.process, phase)

    def draft(
        self, db: Session, title: str = "Minder leerlingenvervoer", *,
        by: User | None = None, amount: int = 100_000, coauthors: list[int] | None = None,
    ) -> Proposal:  # fmt: skip
        """A draft by Annelies (or ``by``): ``amount`` structural in each of the four years."""
        data = ProposalInput(
            title=title,
            summary="Kinderen fietsen vaker naar school.",
            measure="We stoppen de **busjes** voor wie dichtbij woont.",
            consequences="Ouders brengen vaker zelf.",
            amounts=dict.fromkeys(range(2012, 2016), (amount, 0)),
            line_ids=[self.lines[1].id],
            frameworks={self.frameworks[0].id: "Raakt de zorgplicht."},
            coauthor_ids=coauthors or [],
        )
        with organization_scope(db, self.organization.id):
            return service.create_draft(
                db, self.actor(by or self.expert), self.process, self.group, data
            )

    def step(self, db: Session, proposal: Proposal, step: Step, by: User, **kwargs: object) -> None:
        with organization_scope(db, self.organization.id):
            queries.load_coauthors(db, proposal)
            service.take_step(
                db, make_environment(), self.actor(by), self.process, proposal, step,
                **kwargs,  # type: ignore[arg-type]
            )  # fmt: skip

    def submitted(
        self, db: Session, title: str = "Minder leerlingenvervoer", **kw: Any
    ) -> Proposal:
        proposal = self.draft(db, title, **kw)
        self.step(db, proposal, Step.SUBMIT, self.expert)
        return proposal


@pytest.fixture
def dialogue(db: Session, organization: Organization) -> Dialogue:
    """A dialogue in its white-paper phase. Onderwijs has chef Ruud and experts Annelies
    and Bram; Carla is in no group. Two frameworks; Onderwijs has two budget lines."""
    process = make_process(db, organization, slug="dialoog")
    chef = make_user(db, organization, email="ruud@example.org", display_name="Ruud")
    expert = make_user(db, organization, email="annelies@example.org", display_name="Annelies")
    second = make_user(db, organization, email="bram@example.org", display_name="Bram")
    outsider = make_user(db, organization, email="carla@example.org", display_name="Carla")
    with organization_scope(db, organization.id):
        import_budget_lines(db, "test", process, SMALL_BUDGET.encode())
        group = db.scalars(select(Group).where(Group.slug == "onderwijs")).one()
        process_service.assign_chef(db, "test", group, chef)
        for user in (expert, second):
            grant_role(db, "test", user, Role.EXPERT, ScopeType.GROUP, group.id)
        frameworks = [
            Framework(process_id=process.id, number=n, title=title, text=title)
            for n, title in ((1, "Zorgplicht blijft"), (2, "Geen nieuwe belastingen"))
        ]
        db.add_all(frameworks)
        process_service.set_current_phase(db, "test", process, PhaseKind.WHITE_PAPER)
        lines = list(db.scalars(select(BudgetLine).order_by(BudgetLine.code)))
        db.flush()
    onderwijs = [line for line in lines if line.code.startswith("ON")]
    sport = next(line for line in lines if line.code.startswith("SP"))
    return Dialogue(
        organization, process, group, chef, expert, second, outsider, onderwijs, sport,
        frameworks,
    )  # fmt: skip
