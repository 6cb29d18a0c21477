"""A compiled edition made straight with the ORM (the editions' own use cases are not
what is tested here): two chapters, proposals with amounts, most with a product sheet."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.roles import Role
from app.config import Settings
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
from app.processes.budget_import import import_budget_lines
from tests.factories import SMALL_BUDGET, make_process, make_user

YEARS = range(2012, 2016)


@pytest.fixture
def settings(settings: Settings, tmp_path: Path) -> Settings:
    return settings.model_copy(update={"documents_dir": tmp_path / "documents"})


@dataclass
class Edition:
    organization: Organization
    process: Process
    edition: CentralWhitePaper
    admin: User
    official: User
    expert: User
    entries: list[EditionEntry] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"/processen/{self.process.slug}/witboek-edities/{self.edition.number}/documenten"


def _amounts(index: int) -> dict[str, list[int]]:
    # Uneven amounts, a one-off cost in the first year, so sums are not trivially right.
    return {
        str(year): [10_000 * (index + 1) + 1_234 * (year - 2011), -5_000 if year == 2012 else 0]
        for year in YEARS
    }


def make_edition(
    db: Session, organization: Organization, *, per_group: int = 3, sheets: bool = True
) -> Edition:
    process = make_process(db, organization, slug="dialoog")
    admin = make_user(db, organization, email="admin@example.org", display_name="Ada",
                      roles=[Role.ADMIN])  # fmt: skip
    official = make_user(db, organization, email="olaf@example.org", display_name="Olaf",
                         roles=[Role.OFFICIAL])  # fmt: skip
    expert = make_user(db, organization, email="annelies@example.org", display_name="Annelies")
    with organization_scope(db, organization.id):
        import_budget_lines(db, "test", process, SMALL_BUDGET.encode())
        groups = list(db.scalars(select(Group).order_by(Group.position, Group.id)))
        edition = CentralWhitePaper(process_id=process.id, number=1, compiled_by="Ada (#1)")
        db.add(edition)
        db.flush()
        made = Edition(organization, process, edition, admin, official, expert)
        index = 0
        for position, group in enumerate(groups, start=1):
            chapter = EditionChapter(
                edition_id=edition.id, group_id=group.id, theme_id=group.theme_id,
                position=position, title=f"Witboek {group.name}",
                introduction=f"De groep **{group.name}** stelt voor.", target=150_000,
            )  # fmt: skip
            db.add(chapter)
            db.flush()
            for place in range(1, per_group + 1):
                claimed = _amounts(index)
                proposal = Proposal(
                    process_id=process.id, group_id=group.id, author_id=expert.id,
                    title=f"Maatregel {index + 1} {group.name}", summary="Samenvatting.",
                    state="included", submitted_at=utcnow(),
                    claimed_total=sum(s + o for s, o in claimed.values()),
                    amounts=[ProposalAmount(year=int(y), structural=s, one_off=o)
                             for y, (s, o) in claimed.items()],
                )  # fmt: skip
                db.add(proposal)
                db.flush()
                entry = EditionEntry(
                    edition_id=edition.id, chapter_id=chapter.id, proposal_id=proposal.id,
                    proposal_version=1, position=place, title=proposal.title,
                    summary=proposal.summary, measure="Wat er *verandert*.",
                    consequences="Wie het merkt.",
                    budget_lines=[{"code": "ON-1", "name": "Schoolgebouwen"}],
                    claimed=claimed,
                    validated=None if index % 2 else {y: [s, 0] for y, (s, o) in claimed.items()},
                    claimed_total=proposal.claimed_total,
                )  # fmt: skip
                db.add(entry)
                made.entries.append(entry)
                if sheets and index % 3 != 2:
                    db.add(
                        ProductSheet(
                            process_id=process.id, group_id=group.id, proposal_id=proposal.id,
                            staff_effect="Twee fte minder.", risks="Weerstand.",
                            advice="Doen.", updated_by="Olaf (#2)",
                        )
                    )  # fmt: skip
                index += 1
        db.flush()
    return made


@pytest.fixture
def compiled(db: Session, organization: Organization) -> Edition:
    return make_edition(db, organization)
