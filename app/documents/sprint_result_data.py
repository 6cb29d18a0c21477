"""What a sprint's result documents show, as plain data: the published package's totals
against both targets, per year, and per team what it contributed with each measure's
validated amounts per year. Read with the result page's own query
(:func:`app.sprint.result_queries.package`), so the documents and the page agree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Group, Organization, Process, Sprint
from app.sprint.loading import SprintPlace
from app.sprint.result_queries import Amounts, Contribution, Totals, package


@dataclass(frozen=True)
class SprintResultData:
    organization: str
    process_slug: str
    process_title: str
    years: list[int]
    first_year: int
    published_at: datetime
    note: str
    totals: Totals
    per_year: Amounts
    contributions: list[Contribution]

    @property
    def number(self) -> None:
        """A sprint has one result, not numbered editions (see kinds.file_name)."""
        return None

    @property
    def measure_count(self) -> int:
        return sum(len(c.measures) for c in self.contributions)


def sprint_result_data(db: Session, sprint_id: int) -> SprintResultData | None:
    """The published result of the sprint; None when it is gone or not published."""
    found = db.execute(
        select(Sprint, Process, Organization)
        .join(Process, Process.id == Sprint.process_id)
        .join(Organization, Organization.id == Sprint.organization_id)
        .where(Sprint.id == sprint_id)
    ).first()
    if found is None:
        return None
    sprint, process, organization = found
    if sprint.package_published_at is None:
        return None
    teams = list(
        db.scalars(
            select(Group).where(Group.process_id == process.id).order_by(Group.position, Group.id)
        )
    )
    chosen = package(db, SprintPlace(process, sprint, teams))
    return SprintResultData(
        organization=organization.name,
        process_slug=process.slug,
        process_title=process.title,
        years=chosen.years,
        first_year=process.first_year,
        published_at=sprint.package_published_at,
        note=sprint.package_note,
        totals=chosen.totals,
        per_year=chosen.per_year(),
        contributions=chosen.contributions(),
    )
