"""An edition before the council, made on the documents' test edition: every product
sheet signed off, the edition published, the process in the product-sheets phase, three
parties (17 seats), two councillors of different parties, a councillor without a party,
and the clerk. ``submitted`` goes one step further: the admin has submitted it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from jinja2 import Environment
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.roles import Role, ScopeType
from app.config import Settings
from app.council import party_service, service
from app.db import organization_scope, utcnow
from app.models import (
    CouncilDecision,
    CouncilParty,
    EditionEntry,
    Organization,
    Phase,
    Process,
    ProductSheet,
    User,
)
from app.phases.kinds import PhaseKind
from app.processes.service import set_current_phase
from app.product_sheets.states import SheetStep
from app.web.templating import make_environment
from tests.documents.conftest import Edition, make_edition
from tests.factories import make_user

BASE_URL = "http://testserver"


@pytest.fixture
def settings(settings: Settings, tmp_path: Path) -> Settings:
    return settings.model_copy(update={"documents_dir": tmp_path / "documents"})


@dataclass
class Council:
    book: Edition
    jinja: Environment
    joost: User  # councillor, opposition party
    marieke: User  # councillor, coalition party
    henk: User  # councillor without a party recorded
    clerk: User
    parties: list[CouncilParty]
    decision: CouncilDecision | None = None

    @property
    def process(self) -> Process:
        return self.book.process

    @property
    def entries(self) -> list[EditionEntry]:
        return self.book.entries

    @property
    def slug(self) -> str:
        return self.book.process.slug


ROLES: dict[str, Role] = {
    "admin@example.org": Role.ADMIN,
    "olaf@example.org": Role.OFFICIAL,
    "joost@example.org": Role.COUNCIL,
    "marieke@example.org": Role.COUNCIL,
    "henk@example.org": Role.COUNCIL,
    "griffie@example.org": Role.CLERK,
}


def actor(user: User) -> Actor:
    """The person as a request would see them (the test users hold one role each)."""
    role = ROLES.get(user.email)
    roles = frozenset({(role, ScopeType.ORGANIZATION, None)}) if role else frozenset()
    return Actor.of(user, roles)


def sign_off_all(db: Session, made: Edition) -> None:
    """Every entry gets a signed-off sheet (make_edition leaves some without one)."""
    have = {
        sheet.proposal_id: sheet
        for sheet in db.scalars(
            select(ProductSheet).where(
                ProductSheet.proposal_id.in_([e.proposal_id for e in made.entries])
            )
        )
    }
    for entry in made.entries:
        sheet = have.get(entry.proposal_id)
        if sheet is None:
            chapter_group = db.scalar(
                select(ProductSheet.group_id).where(ProductSheet.process_id == made.process.id)
            )
            sheet = ProductSheet(
                process_id=made.process.id,
                group_id=chapter_group,
                proposal_id=entry.proposal_id,
                updated_by="Olaf (#2)",
            )
            db.add(sheet)
        sheet.step = SheetStep.SIGNED_OFF.value
        # The amounts the council decides on: the validated ones where there are.
        sheet.financial_effect = dict(entry.validated or entry.claimed)
    db.flush()


@pytest.fixture
def council(db: Session, organization: Organization, settings: Settings) -> Council:
    made = make_edition(db, organization)
    jinja = make_environment()
    with organization_scope(db, organization.id):
        sign_off_all(db, made)
        made.edition.published_at, made.edition.published_by = utcnow(), "Ada (#1)"
        set_current_phase(db, "test", made.process, PhaseKind.PRODUCT_SHEETS)
        db.flush()
    joost = make_user(db, organization, email="joost@example.org", display_name="Joost",
                      roles=[Role.COUNCIL])  # fmt: skip
    marieke = make_user(db, organization, email="marieke@example.org", display_name="Marieke",
                        roles=[Role.COUNCIL])  # fmt: skip
    henk = make_user(db, organization, email="henk@example.org", display_name="Henk",
                     roles=[Role.COUNCIL])  # fmt: skip
    clerk = make_user(db, organization, email="griffie@example.org", display_name="Griet",
                      roles=[Role.CLERK])  # fmt: skip
    with organization_scope(db, organization.id):
        parties = [
            party_service.add_party(db, "test", "Lokaal Belang", 7),
            party_service.add_party(db, "test", "Groen Links Zeist", 6),
            party_service.add_party(db, "test", "Vrij Liberaal", 4),
        ]
        party_service.set_member_party(db, "test", joost, parties[1])
        party_service.set_member_party(db, "test", marieke, parties[0])
    return Council(made, jinja, joost, marieke, henk, clerk, parties)


def phases_of(db: Session, council: Council) -> list[Phase]:
    return list(
        db.scalars(
            select(Phase).where(Phase.process_id == council.process.id).order_by(Phase.position)
        )
    )


@pytest.fixture
def submitted(db: Session, council: Council) -> Council:
    with organization_scope(db, council.book.organization.id):
        council.decision = service.submit_to_council(
            db,
            council.jinja,
            actor(council.book.admin),
            council.process,
            phases_of(db, council),
            council.book.edition,
            meeting_on=None,
            note="",
            base_url=BASE_URL,
        )
    return council
