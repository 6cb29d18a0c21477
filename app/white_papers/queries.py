"""What the white-paper pages read, each in a fixed number of statements."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.models import Group, Process, Proposal, WhitePaper
from app.proposals.states import ProposalState


def paper_of(db: Session, group: Group) -> WhitePaper | None:
    return db.scalar(select(WhitePaper).where(WhitePaper.group_id == group.id))


def included(db: Session, group: Group, *, with_amounts: bool = False) -> list[Proposal]:
    """The group's included proposals in the chef's order; those not placed yet (just
    included) follow, oldest first."""
    statement = (
        select(Proposal)
        .where(Proposal.group_id == group.id, Proposal.state == ProposalState.INCLUDED.value)
        .order_by(
            Proposal.white_paper_position.is_(None),
            Proposal.white_paper_position,
            Proposal.submitted_at,
            Proposal.id,
        )
    )
    if with_amounts:
        statement = statement.options(selectinload(Proposal.amounts))
    return list(db.scalars(statement))


@dataclass
class Totals:
    """Per year of the horizon: structural and one-off claimed by the included proposals."""

    years: list[int]
    structural: dict[int, int] = field(default_factory=dict)
    one_off: dict[int, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.structural.values()) + sum(self.one_off.values())


def totals(process: Process, proposals: Sequence[Proposal]) -> Totals:
    """Adds up amounts loaded with ``included(..., with_amounts=True)``."""
    years = list(range(process.first_year, process.last_year + 1))
    result = Totals(years, dict.fromkeys(years, 0), dict.fromkeys(years, 0))
    for proposal in proposals:
        for amount in proposal.amounts:
            if amount.year in result.structural:
                result.structural[amount.year] += amount.structural
                result.one_off[amount.year] += amount.one_off
    return result


@dataclass
class Row:
    group: Group
    paper: WhitePaper | None
    included: int


def papers_of_process(db: Session, process: Process) -> list[Row]:
    """Every group with its white paper (if started) and how many proposals it includes."""
    rows = db.execute(
        select(Group, WhitePaper)
        .outerjoin(WhitePaper, WhitePaper.group_id == Group.id)
        .where(Group.process_id == process.id)
        .order_by(Group.position, Group.id)
    ).all()
    counts: dict[int, int] = {}
    for group_id, count in db.execute(
        select(Proposal.group_id, func.count(Proposal.id))
        .where(
            Proposal.process_id == process.id,
            Proposal.state == ProposalState.INCLUDED.value,
        )
        .group_by(Proposal.group_id)
    ):
        counts[group_id] = count
    return [Row(group, paper, counts.get(group.id, 0)) for group, paper in rows]
