"""Finding what a council URL names: the process, its decision and its phases, or a 404.
Every council route starts here, so a process without a decision answers alike everywhere."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.council import queries
from app.errors import NotFound
from app.models import Amendment, CouncilDecision, Phase, Process
from app.processes.queries import process_or_404


@dataclass(frozen=True)
class CouncilPlace:
    process: Process
    decision: CouncilDecision

    @property
    def phases(self) -> list[Phase]:
        return list(self.process.phases)

    @property
    def path(self) -> str:
        return f"/processen/{self.process.slug}/raad"


def council_place(db: Session, slug: str) -> CouncilPlace:
    """The process and its decision; 404 while no edition has been submitted."""
    process = process_or_404(db, slug)
    decision = queries.decision_of(db, process)
    if decision is None:
        raise NotFound()
    return CouncilPlace(process, decision)


def amendment_or_404(db: Session, place: CouncilPlace, number: int) -> Amendment:
    amendment = queries.amendment_by_number(db, place.decision, number)
    if amendment is None:
        raise NotFound()
    return amendment
