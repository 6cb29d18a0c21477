from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.roles import Role, ScopeType
from app.access.service import grant_role
from app.db import organization_scope, utcnow
from app.models import (
    BudgetLine,
    Group,
    Organization,
    Process,
    Proposal,
    ProposalAmount,
    ProposalBudgetLine,
    User,
)
from app.phases.kinds import PhaseKind
from app.processes import service as process_service
from app.processes.budget_import import import_budget_lines
from tests.factories import SMALL_BUDGET, make_process, make_user

PROCESS = "/processen/dialoog"


@dataclass
class Dialogue:
    organization: Organization
    process: Process
    onderwijs: Group
    sport: Group
    lines: dict[str, BudgetLine]
    chef: User  # Ruud, Onderwijs
    sport_chef: User  # Sanne, Sport
    expert: User  # Annelies, Onderwijs
    lawyer: User  # Lotte
    adviser: User  # Fatma
    official: User  # Olaf
    created: list[Proposal] = field(default_factory=list)

    def actor(self, user: User, role: Role) -> Actor:
        return Actor.of(user, frozenset({(role, ScopeType.ORGANIZATION, None)}))

    def proposal(
        self,
        db: Session,
        group: Group,
        title: str,
        *,
        state: str = "submitted",
        amounts: dict[int, tuple[int, int]] | None = None,
        lines: Sequence[str] = (),
        age_days: int = 0,
        version: int = 1,
    ) -> Proposal:
        """A proposal made straight with the ORM; ``age_days`` back from now submitted."""
        amounts = amounts if amounts is not None else {2012: (100_000, 0)}
        with organization_scope(db, self.organization.id):
            proposal = Proposal(
                process_id=self.process.id,
                group_id=group.id,
                author_id=self.expert.id,
                title=title,
                summary=f"Samenvatting van {title}.",
                state=state,
                version=version,
                submitted_at=None if state == "draft" else utcnow() - timedelta(days=age_days),
                claimed_total=sum(s + o for s, o in amounts.values()),
                amounts=[
                    ProposalAmount(year=year, structural=s, one_off=o)
                    for year, (s, o) in amounts.items()
                ],
            )
            db.add(proposal)
            db.flush()
            for code in lines:
                db.add(
                    ProposalBudgetLine(proposal_id=proposal.id, budget_line_id=self.lines[code].id)
                )
            db.flush()
        self.created.append(proposal)
        return proposal


@pytest.fixture
def dialogue(db: Session, organization: Organization) -> Dialogue:
    """A dialogue (2012-2015) in its white-paper phase with two themes, each with a group:
    Onderwijs (chef Ruud, expert Annelies; lines ON-1, ON-2, target 10% of 2,000,000) and
    Sport (chef Sanne; line SP-1). Lotte is a lawyer, Fatma a financial adviser, Olaf an
    official who reviews nothing."""
    process = make_process(db, organization, slug="dialoog")
    chef = make_user(db, organization, email="ruud@example.org", display_name="Ruud")
    sport_chef = make_user(db, organization, email="sanne@example.org", display_name="Sanne")
    expert = make_user(db, organization, email="annelies@example.org", display_name="Annelies")
    lawyer = make_user(
        db, organization, email="lotte@example.org", display_name="Lotte", roles=[Role.LEGAL]
    )
    adviser = make_user(
        db, organization, email="fatma@example.org", display_name="Fatma", roles=[Role.FINANCE]
    )
    official = make_user(
        db, organization, email="olaf@example.org", display_name="Olaf", roles=[Role.OFFICIAL]
    )
    with organization_scope(db, organization.id):
        import_budget_lines(db, "test", process, SMALL_BUDGET.encode())
        groups = {g.slug: g for g in db.scalars(select(Group))}
        process_service.assign_chef(db, "test", groups["onderwijs"], chef)
        process_service.assign_chef(db, "test", groups["sport"], sport_chef)
        grant_role(db, "test", expert, Role.EXPERT, ScopeType.GROUP, groups["onderwijs"].id)
        process_service.set_current_phase(db, "test", process, PhaseKind.WHITE_PAPER)
        lines = {line.code: line for line in db.scalars(select(BudgetLine))}
    return Dialogue(
        organization, process, groups["onderwijs"], groups["sport"], lines,
        chef, sport_chef, expert, lawyer, adviser, official,
    )  # fmt: skip
