"""Double counting: proposals of different themes of one process that touch the same
budget line may each claim the same euro. Both chefs see the pair on their group page (and
hear of it when one is submitted), and the totals report the overlap apart.

Each function costs a fixed number of statements, however many proposals there are."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from sqlalchemy import Select, and_, select
from sqlalchemy.orm import Session, aliased

from app.access.roles import Role, ScopeType
from app.models import BudgetLine, Group, Proposal, ProposalBudgetLine, RoleAssignment, User
from app.proposals.states import COUNTED

_COUNTED = [state.value for state in COUNTED]


@dataclass
class Overlap:
    """``proposal`` (of ``group``) and ``other`` (of ``other_group``, another theme) touch
    the same ``lines``; ``other_chefs`` are the names of whom to agree with."""

    proposal: Proposal
    group: Group
    other: Proposal
    other_group: Group
    lines: list[BudgetLine] = field(default_factory=list)
    other_chefs: list[str] = field(default_factory=list)


@cache
def _pairs_statement() -> tuple[Select[int, int, int], type[Proposal], type[Group]]:
    """(proposal, other proposal, budget line) for every line two proposals of different
    themes both touch, the other one counted. Joins only: no subquery, so the
    organization's filter reaches every table (app.db).

    Built once: six fresh aliases and their adapted columns cost more than the query
    itself (a fifth of the group page's time under load, issue #13). Statements and
    aliases are immutable, so every request and thread can share them."""
    mine, theirs = aliased(ProposalBudgetLine), aliased(ProposalBudgetLine)
    proposal, other = aliased(Proposal), aliased(Proposal)
    group, other_group = aliased(Group), aliased(Group)
    statement = (
        select(mine.proposal_id, theirs.proposal_id, mine.budget_line_id)
        .join(
            theirs,
            and_(
                theirs.budget_line_id == mine.budget_line_id,
                theirs.proposal_id != mine.proposal_id,
            ),
        )
        .join(proposal, proposal.id == mine.proposal_id)
        .join(other, other.id == theirs.proposal_id)
        .join(group, group.id == proposal.group_id)
        .join(other_group, other_group.id == other.group_id)
        .where(
            other.process_id == proposal.process_id,
            other.state.in_(_COUNTED),
            other_group.theme_id != group.theme_id,
        )
    )
    return statement, proposal, group


def overlapping_pairs(db: Session, process_id: int) -> list[tuple[int, int, int]]:
    """Every overlapping pair of counted proposals of the process once (lower id first),
    with each line they share: (proposal id, other proposal id, budget line id)."""
    statement, proposal, _group = _pairs_statement()
    rows = db.execute(
        statement.where(
            proposal.process_id == process_id,
            proposal.state.in_(_COUNTED),
        )
    ).all()
    return sorted({(a, b, line) for a, b, line in rows if a < b})


def overlaps_for_group(db: Session, group: Group) -> list[Overlap]:
    """The group's counted proposals that touch a budget line a counted proposal of
    another theme touches too; for the chef's page."""
    statement, proposal, own = _pairs_statement()
    rows = db.execute(statement.where(own.id == group.id, proposal.state.in_(_COUNTED))).all()
    return _assemble(db, [(a, b, line) for a, b, line in rows])


def overlaps_of_proposal(db: Session, proposal: Proposal) -> list[Overlap]:
    """The counted proposals of other themes this one shares a budget line with (its own
    state is not asked: it is called as the proposal is submitted)."""
    statement, mine, _group = _pairs_statement()
    rows = db.execute(statement.where(mine.id == proposal.id)).all()
    return _assemble(db, [(a, b, line) for a, b, line in rows])


def _assemble(db: Session, rows: Sequence[tuple[int, int, int]]) -> list[Overlap]:
    if not rows:
        return []
    proposal_ids = {a for a, _b, _l in rows} | {b for _a, b, _l in rows}
    proposals = {p.id: p for p in db.scalars(select(Proposal).where(Proposal.id.in_(proposal_ids)))}
    groups = {
        g.id: g
        for g in db.scalars(
            select(Group).where(Group.id.in_({p.group_id for p in proposals.values()}))
        )
    }
    lines = {
        line.id: line
        for line in db.scalars(
            select(BudgetLine).where(BudgetLine.id.in_({line for _a, _b, line in rows}))
        )
    }
    chefs = _chef_names(db, list(groups))
    pairs: dict[tuple[int, int], Overlap] = {}
    for a, b, line_id in sorted(set(rows)):
        overlap = pairs.get((a, b))
        if overlap is None:
            mine, other = proposals[a], proposals[b]
            overlap = pairs[(a, b)] = Overlap(
                proposal=mine,
                group=groups[mine.group_id],
                other=other,
                other_group=groups[other.group_id],
                other_chefs=chefs.get(other.group_id, []),
            )
        overlap.lines.append(lines[line_id])
    for overlap in pairs.values():
        overlap.lines.sort(key=lambda line: line.code)
    return sorted(pairs.values(), key=lambda o: (o.proposal.title, o.other.title, o.other.id))


def _chef_names(db: Session, group_ids: list[int]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = defaultdict(list)
    rows = db.execute(
        select(RoleAssignment.scope_id, User.display_name)
        .join(User, User.id == RoleAssignment.user_id)
        .where(
            RoleAssignment.role == Role.CHEF,
            RoleAssignment.scope_type == ScopeType.GROUP,
            RoleAssignment.scope_id.in_(group_ids),
            RoleAssignment.revoked_at.is_(None),
        )
        .order_by(User.display_name)
    ).all()
    for group_id, name in rows:
        if group_id is not None:
            names[group_id].append(name)
    return dict(names)
