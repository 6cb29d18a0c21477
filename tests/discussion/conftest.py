"""A dialogue in its white-paper phase with proposals to discuss, built with the ORM
directly (the proposal use cases are written alongside)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.roles import Role, ScopeType
from app.access.service import grant_role
from app.db import organization_scope, utcnow
from app.models import Group, Organization, Process, Proposal, User
from app.phases.kinds import PhaseKind
from app.processes import service as process_service
from app.processes.budget_import import import_budget_lines
from tests.factories import SMALL_BUDGET, make_process, make_user


@dataclass
class Stage:
    organization: Organization
    process: Process
    onderwijs: Group
    sport: Group
    submitted: Proposal  # Onderwijs, submitted
    discussed: Proposal  # Onderwijs, in discussion
    draft: Proposal  # Onderwijs, still with its author
    sport_proposal: Proposal  # Sport, in discussion
    people: dict[str, User]

    def path(self, proposal: Proposal) -> str:
        return f"/processen/{self.process.slug}/voorstellen/{proposal.id}"

    def to_phase(self, db: Session, phase: PhaseKind) -> None:
        with organization_scope(db, self.organization.id):
            process_service.set_current_phase(db, "test", self.process, phase)


def make_proposal(
    db: Session, organization: Organization, group: Group, author: User, title: str, state: str
) -> Proposal:
    with organization_scope(db, organization.id):
        proposal = Proposal(
            process_id=group.process_id,
            group_id=group.id,
            author_id=author.id,
            title=title,
            summary="Een samenvatting.",
            state=state,
            submitted_at=None if state == "draft" else utcnow(),
        )
        db.add(proposal)
        db.flush()
    return proposal


@pytest.fixture
def stage(db: Session, organization: Organization) -> Stage:
    """Onderwijs: chef Ruud, experts Annelies and Bram. Sport: chef Sanne, expert Sem.
    Olga is an official; Carla is signed up but in no group; Uwe never confirmed his
    address. The process stands in its white-paper phase."""
    process = make_process(db, organization, slug="dialoog")
    names = ("Ruud", "Annelies", "Bram", "Sanne", "Sem", "Olga", "Carla", "Uwe")
    people = {
        name.lower(): make_user(
            db,
            organization,
            email=f"{name.lower()}@example.org",
            display_name=name,
            roles=[Role.OFFICIAL] if name == "Olga" else [],
            confirmed=name != "Uwe",
        )
        for name in names
    }
    with organization_scope(db, organization.id):
        import_budget_lines(db, "test", process, SMALL_BUDGET.encode())
        groups = {g.slug: g for g in db.scalars(select(Group))}
        onderwijs, sport = groups["onderwijs"], groups["sport"]
        process_service.assign_chef(db, "test", onderwijs, people["ruud"])
        process_service.assign_chef(db, "test", sport, people["sanne"])
        for name in ("annelies", "bram"):
            grant_role(db, "test", people[name], Role.EXPERT, ScopeType.GROUP, onderwijs.id)
        grant_role(db, "test", people["sem"], Role.EXPERT, ScopeType.GROUP, sport.id)
        process_service.set_current_phase(db, "test", process, PhaseKind.WHITE_PAPER)
    annelies = people["annelies"]
    return Stage(
        organization,
        process,
        onderwijs,
        sport,
        submitted=make_proposal(
            db, organization, onderwijs, annelies, "Minder leerlingenvervoer", "submitted"
        ),
        discussed=make_proposal(
            db, organization, onderwijs, annelies, "Scholen delen gebouwen", "in_discussion"
        ),
        draft=make_proposal(db, organization, onderwijs, annelies, "Nog een idee", "draft"),
        sport_proposal=make_proposal(
            db, organization, sport, people["sem"], "Sportvelden samen", "in_discussion"
        ),
        people=people,
    )
