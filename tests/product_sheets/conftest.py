"""A dialogue in its product-sheet phase, with sheets made straight with the ORM (the
edition that makes them in real life is another part's work)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.roles import Role
from app.db import organization_scope, utcnow
from app.models import (
    CentralWhitePaper,
    EditionChapter,
    EditionEntry,
    Group,
    Organization,
    Process,
    ProductSheet,
    Proposal,
    ProposalAmount,
    User,
)
from app.phases.kinds import PhaseKind
from app.processes import service as process_service
from app.processes.budget_import import import_budget_lines
from tests.factories import SMALL_BUDGET, make_process, make_user

BASE = "/processen/dialoog/productbladen"


@dataclass
class Sheets:
    organization: Organization
    process: Process
    onderwijs: Group
    sport: Group
    official: User  # Olaf
    adviser: User  # Fatma
    chef: User  # Ruud, Onderwijs
    sport_chef: User  # Sanne, Sport

    def sheet(
        self, db: Session, group: Group, title: str, *, step: str = "official"
    ) -> ProductSheet:
        """An included proposal and its sheet, prefilled as an edition would make it."""
        with organization_scope(db, self.organization.id):
            proposal = Proposal(
                process_id=self.process.id,
                group_id=group.id,
                author_id=self.chef.id,
                title=title,
                summary=f"Samenvatting van {title}.",
                state="included",
                submitted_at=utcnow(),
                claimed_total=400_000,
                amounts=[ProposalAmount(year=2012, structural=100_000, one_off=0)],
            )
            db.add(proposal)
            db.flush()
            sheet = ProductSheet(
                process_id=self.process.id,
                group_id=group.id,
                proposal_id=proposal.id,
                step=step,
                budget_lines="ON-1 Schoolgebouwen",
                financial_effect={"2012": [100_000, 0]},
                updated_by="Dialoog (#0)",
            )
            db.add(sheet)
            db.flush()
            return sheet

    def publish(self, db: Session, sheets: list[ProductSheet]) -> CentralWhitePaper:
        """A published edition holding these sheets' proposals."""
        with organization_scope(db, self.organization.id):
            edition = CentralWhitePaper(
                process_id=self.process.id,
                number=1,
                compiled_by="test",
                published_at=utcnow(),
                published_by="test",
            )
            db.add(edition)
            db.flush()
            chapter = EditionChapter(
                edition_id=edition.id,
                group_id=self.onderwijs.id,
                theme_id=self.onderwijs.theme_id,
                position=1,
                title=self.onderwijs.name,
            )
            db.add(chapter)
            db.flush()
            for position, sheet in enumerate(sheets, start=1):
                title = db.scalar(select(Proposal.title).where(Proposal.id == sheet.proposal_id))
                db.add(
                    EditionEntry(
                        edition_id=edition.id,
                        chapter_id=chapter.id,
                        proposal_id=sheet.proposal_id,
                        proposal_version=1,
                        position=position,
                        title=title or "",
                    )
                )
            db.flush()
            return edition


@pytest.fixture
def sheets(db: Session, organization: Organization) -> Sheets:
    """Onderwijs (chef Ruud) and Sport (chef Sanne); Olaf and Otto are officials, Fatma a
    financial adviser, Lotte a lawyer, Beheer the admin, Carla a citizen."""
    process = make_process(db, organization, slug="dialoog")
    official = make_user(
        db, organization, email="olaf@example.org", display_name="Olaf", roles=[Role.OFFICIAL]
    )
    make_user(
        db, organization, email="otto@example.org", display_name="Otto", roles=[Role.OFFICIAL]
    )
    adviser = make_user(
        db, organization, email="fatma@example.org", display_name="Fatma", roles=[Role.FINANCE]
    )
    make_user(db, organization, email="lotte@example.org", display_name="Lotte", roles=[Role.LEGAL])
    make_user(
        db, organization, email="beheer@example.org", display_name="Beheer", roles=[Role.ADMIN]
    )
    make_user(db, organization, email="carla@example.org", display_name="Carla")
    chef = make_user(db, organization, email="ruud@example.org", display_name="Ruud")
    sport_chef = make_user(db, organization, email="sanne@example.org", display_name="Sanne")
    with organization_scope(db, organization.id):
        import_budget_lines(db, "test", process, SMALL_BUDGET.encode())
        groups = {g.slug: g for g in db.scalars(select(Group))}
        process_service.assign_chef(db, "test", groups["onderwijs"], chef)
        process_service.assign_chef(db, "test", groups["sport"], sport_chef)
        process_service.set_current_phase(db, "test", process, PhaseKind.PRODUCT_SHEETS)
    return Sheets(
        organization, process, groups["onderwijs"], groups["sport"], official, adviser, chef,
        sport_chef,
    )  # fmt: skip
