"""A sprint in its sprint phase for the review queue, the standings and the steering
screen: three teams on the one theme, two lawyers, a financial adviser, a steering member,
a team captain and an expert, a board member and a citizen. Measures are made with the ORM
directly (``add_measure``): a submitted Proposal with its amounts per year and the sprint's
row beside it. Import the ``sprint_stage`` fixture from here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.roles import Role, ScopeType
from app.access.service import grant_role
from app.db import ORGANIZATION_KEY, organization_scope, utcnow
from app.models import (
    Group,
    Organization,
    Process,
    Proposal,
    ProposalAmount,
    Sprint,
    SprintMeasure,
    SprintOption,
    User,
)
from app.phases.kinds import PhaseKind, ProcessKind
from app.processes import service as process_service
from app.reviews.kinds import ReviewKind, Verdict
from app.reviews.service import ReviewInput, give_review
from app.sprint.kinds import MeasureOrigin
from app.sprint.loading import SprintPlace, sprint_place
from tests.factories import make_process, make_user

SLUG = "hackathon"
FIRST_YEAR, LAST_YEAR = 2012, 2015

# email -> (name, organization-wide role or None)
PEOPLE: dict[str, tuple[str, Role | None]] = {
    "jurist@example.org": ("Julia", Role.LEGAL),
    "jurist2@example.org": ("Jeroen", Role.LEGAL),
    "financien@example.org": ("Frank", Role.FINANCE),
    "regie@example.org": ("Regina", Role.STEERING),
    "kapitein@example.org": ("Karin", None),  # captain of the first team
    "expert@example.org": ("Erik", None),  # expert in the first team
    "bestuur@example.org": ("Bert", Role.BOARD),
    "burger@example.org": ("Bea", None),
}


@dataclass
class SprintStage:
    organization: Organization
    process: Process
    teams: list[Group]
    people: dict[str, User]
    option: SprintOption
    measures: list[Proposal] = field(default_factory=list)
    slug: str = SLUG

    @property
    def path(self) -> str:
        return f"/processen/{self.slug}/sprint"

    def place(self, db: Session) -> SprintPlace:
        with organization_scope(db, self.organization.id):
            return sprint_place(db, self.slug)

    def actor(self, db: Session, email: str) -> Actor:
        """The person as a request would see them, with every role they hold."""
        user = self.people[email]
        _name, role = PEOPLE[email]
        roles: set[tuple[Role, ScopeType, int | None]] = set()
        if role is not None:
            roles.add((role, ScopeType.ORGANIZATION, None))
        if email == "kapitein@example.org":
            roles.add((Role.CHEF, ScopeType.GROUP, self.teams[0].id))
        if email == "expert@example.org":
            roles.add((Role.EXPERT, ScopeType.GROUP, self.teams[0].id))
        return Actor.of(user, frozenset(roles))

    def to_phase(self, db: Session, phase: PhaseKind) -> None:
        with organization_scope(db, self.organization.id):
            process_service.set_current_phase(db, "test", self.process, phase)
            db.flush()


def add_measure(
    db: Session,
    stage: SprintStage,
    team: Group,
    title: str,
    *,
    amounts: dict[int, tuple[int, int]] | None = None,
    submitted_at: datetime | None = None,
    option: SprintOption | None = None,
    state: str = "submitted",
) -> Proposal:
    """A team's measure as part A's use cases leave it: a submitted Proposal in the
    team's group with its amounts, and the SprintMeasure row beside it."""
    author = stage.people["kapitein@example.org"]
    with organization_scope(db, stage.organization.id):
        proposal = Proposal(
            process_id=stage.process.id,
            group_id=team.id,
            author_id=author.id,
            title=title,
            summary="Een maatregel.",
            measure="Wat de maatregel doet.",
            state=state,
            submitted_at=submitted_at or utcnow(),
        )
        db.add(proposal)
        db.flush()
        for year, (structural, one_off) in (amounts or {}).items():
            db.add(
                ProposalAmount(
                    proposal_id=proposal.id, year=year, structural=structural, one_off=one_off
                )
            )
        db.add(
            SprintMeasure(
                process_id=stage.process.id,
                proposal_id=proposal.id,
                option_id=option.id if option else None,
                origin=(MeasureOrigin.AS_IS if option else MeasureOrigin.OWN).value,
            )
        )
        db.flush()
    stage.measures.append(proposal)
    return proposal


def review(
    db: Session,
    stage: SprintStage,
    proposal: Proposal,
    kind: ReviewKind,
    verdict: Verdict = Verdict.FEASIBLE,
    amounts: dict[int, tuple[int, int]] | None = None,
) -> None:
    """A verdict straight through the reviews' use case (no claim needed)."""
    email = "jurist@example.org" if kind == ReviewKind.LEGAL else "financien@example.org"
    notes = "" if verdict == Verdict.FEASIBLE else "Waarom."
    with organization_scope(db, stage.organization.id):
        give_review(
            db,
            stage.actor(db, email),
            stage.process,
            list(stage.process.phases),
            proposal,
            kind,
            ReviewInput(verdict=verdict, notes=notes, amounts=amounts or {}),
        )
        db.flush()


def make_sprint_stage(
    db: Session, organization: Organization, *, teams: int = 3, slug: str = SLUG
) -> SprintStage:
    process = make_process(
        db, organization, kind=ProcessKind.SPRINT, slug=slug, title="Hackaton Testdorp",
        target_total=9_000_000,
    )  # fmt: skip
    people = {
        email: make_user(
            db, organization, email=email, display_name=name, roles=[role] if role else []
        )
        for email, (name, role) in PEOPLE.items()
    }
    with organization_scope(db, organization.id):
        process.target_current_year = 5_000_000
        process_service.add_theme(db, "test", process, slug="sociaal", name="Sociaal domein")
        made = process_service.add_teams(db, "test", process, teams)
        process_service.assign_chef(db, "test", made[0], people["kapitein@example.org"])
        grant_role(
            db, "test", people["expert@example.org"], Role.EXPERT, ScopeType.GROUP, made[0].id
        )
        now = utcnow()
        db.add(
            Sprint(
                process_id=process.id,
                starts_at=now - timedelta(hours=1),
                ends_at=now + timedelta(hours=23),
            )
        )
        option = SprintOption(
            process_id=process.id,
            number=1,
            title="Minder inhuur",
            measure="Minder externe inhuur.",
            budget_lines="SD-1 Inhuur",
            structural=400_000,
            current_year=200_000,
            legal_snags="Lopende contracten tot 2013.",
        )
        db.add(option)
        process_service.set_current_phase(db, "test", process, PhaseKind.SPRINT)
        db.flush()
        teams_in_order = list(
            db.scalars(select(Group).where(Group.process_id == process.id).order_by(Group.position))
        )
    return SprintStage(organization, process, teams_in_order, people, option, slug=slug)


@pytest.fixture
def sprint_stage(db: Session, organization: Organization) -> SprintStage:
    """The stage; the test's session stays scoped to its organization, so a test reads
    what the use cases wrote without wrapping each query."""
    stage = make_sprint_stage(db, organization)
    db.info[ORGANIZATION_KEY] = organization.id
    return stage
