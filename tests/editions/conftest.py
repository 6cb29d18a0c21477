from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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
    Review,
    User,
    ValidatedAmount,
    WhitePaper,
)
from app.phases.kinds import PhaseKind
from app.processes import service as process_service
from app.processes.budget_import import import_budget_lines
from tests.factories import SMALL_BUDGET, make_process, make_user

PROCESS = "/processen/dialoog"
ADMIN_PAGE = "/beheer/processen/dialoog/edities"
EDITIONS = f"{PROCESS}/witboek-edities"

Amounts = dict[int, tuple[int, int]]


@dataclass
class Bundle:
    """A dialogue in its compilation phase, with two theme groups and their people."""

    organization: Organization
    process: Process
    onderwijs: Group
    sport: Group
    lines: dict[str, BudgetLine]
    admin: User  # Beheer
    chef: User  # Ruud, Onderwijs
    expert: User  # Annelies, Onderwijs
    adviser: User  # Fatma

    def actor(self, user: User, role: Role = Role.ADMIN) -> Actor:
        return Actor.of(user, frozenset({(role, ScopeType.ORGANIZATION, None)}))

    def proposal(
        self,
        db: Session,
        group: Group,
        title: str,
        *,
        position: int | None = None,
        amounts: Amounts | None = None,
        lines: Sequence[str] = (),
        state: str = "included",
    ) -> Proposal:
        amounts = amounts if amounts is not None else {2012: (50_000, -10_000), 2013: (100_000, 0)}
        with organization_scope(db, self.organization.id):
            proposal = Proposal(
                process_id=self.process.id,
                group_id=group.id,
                author_id=self.expert.id,
                title=title,
                summary=f"Samenvatting van {title}.",
                measure=f"Zo doen we {title}.",
                consequences=f"Gevolgen van {title}.",
                state=state,
                submitted_at=utcnow(),
                white_paper_position=position,
                claimed_total=sum(s + o for s, o in amounts.values()),
                amounts=[
                    ProposalAmount(year=y, structural=s, one_off=o) for y, (s, o) in amounts.items()
                ],
            )
            db.add(proposal)
            db.flush()
            for code in lines:
                db.add(
                    ProposalBudgetLine(proposal_id=proposal.id, budget_line_id=self.lines[code].id)
                )
            db.flush()
        return proposal

    def submit(self, db: Session, group: Group, introduction: str = "Onze inleiding.") -> None:
        with organization_scope(db, self.organization.id):
            paper = db.scalar(select(WhitePaper).where(WhitePaper.group_id == group.id))
            if paper is None:
                paper = WhitePaper(process_id=self.process.id, group_id=group.id)
                db.add(paper)
            paper.introduction, paper.status = introduction, "submitted"
            paper.submitted_at, paper.submitted_by = utcnow(), "Ruud (#1)"
            db.flush()

    def review(
        self,
        db: Session,
        proposal: Proposal,
        amounts: Amounts,
        *,
        verdict: str = "feasible",
        needs_another_look: bool = False,
    ) -> Review:
        with organization_scope(db, self.organization.id):
            review = Review(
                proposal_id=proposal.id,
                kind="financial",
                verdict=verdict,
                notes="",
                reviewer_id=self.adviser.id,
                reviewer_label="Fatma",
                reviewed_version=proposal.version,
                needs_another_look=needs_another_look,
                amounts=[
                    ValidatedAmount(year=y, structural=s, one_off=o)
                    for y, (s, o) in amounts.items()
                ],
            )
            db.add(review)
            db.flush()
        return review

    def set_phase(self, db: Session, phase: PhaseKind) -> None:
        with organization_scope(db, self.organization.id):
            process_service.set_current_phase(db, "test", self.process, phase)


@pytest.fixture
def bundle(db: Session, organization: Organization) -> Bundle:
    """Onderwijs (chef Ruud, expert Annelies; lines ON-1 and ON-2, target 10% of 2,000,000)
    and Sport (chef Sanne; SP-1). Beheer is the admin, Olaf an official, Fatma a financial
    adviser, Carla nobody in particular. The process is in its compilation phase."""
    process = make_process(db, organization, slug="dialoog")
    admin = make_user(
        db, organization, email="beheer@example.org", display_name="Beheer", roles=[Role.ADMIN]
    )
    chef = make_user(db, organization, email="ruud@example.org", display_name="Ruud")
    sport_chef = make_user(db, organization, email="sanne@example.org", display_name="Sanne")
    expert = make_user(db, organization, email="annelies@example.org", display_name="Annelies")
    adviser = make_user(
        db, organization, email="fatma@example.org", display_name="Fatma", roles=[Role.FINANCE]
    )
    make_user(
        db, organization, email="olaf@example.org", display_name="Olaf", roles=[Role.OFFICIAL]
    )
    make_user(db, organization, email="carla@example.org", display_name="Carla")
    with organization_scope(db, organization.id):
        import_budget_lines(db, "test", process, SMALL_BUDGET.encode())
        groups = {g.slug: g for g in db.scalars(select(Group))}
        process_service.assign_chef(db, "test", groups["onderwijs"], chef)
        process_service.assign_chef(db, "test", groups["sport"], sport_chef)
        grant_role(db, "test", expert, Role.EXPERT, ScopeType.GROUP, groups["onderwijs"].id)
        process_service.set_current_phase(db, "test", process, PhaseKind.COMPILATION)
        lines = {line.code: line for line in db.scalars(select(BudgetLine))}
    return Bundle(
        organization, process, groups["onderwijs"], groups["sport"], lines,
        admin, chef, expert, adviser,
    )  # fmt: skip
