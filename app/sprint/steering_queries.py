"""What the steering group's screen and the interim standings read: each team's review
queue (which measures wait, who holds them since when), the teams' latest mood checks,
and the published snapshots. A fixed number of statements, however many teams."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.models import MoodCheck, Proposal, Review, ReviewClaim, StandingsSnapshot, User
from app.proposals.states import COUNTED
from app.reviews.kinds import ReviewKind
from app.sprint.loading import SprintPlace

MOODS_PER_TEAM = 3

_COUNTED = [state.value for state in COUNTED]


@dataclass(frozen=True)
class KindState:
    """Where a waiting measure stands for one kind of review."""

    done: bool  # a current verdict of this kind
    reviewer_name: str | None = None  # who holds it, if anyone
    claimed_at: datetime | None = None


@dataclass
class WaitingMeasure:
    proposal_id: int
    title: str
    waiting_since: datetime
    kinds: dict[str, KindState] = field(default_factory=dict)


def queue_by_team(db: Session, place: SprintPlace) -> dict[int, list[WaitingMeasure]]:
    """Per team, its measures still waiting for a verdict of either kind, oldest first,
    with the claims on them: two statements."""
    result: dict[int, list[WaitingMeasure]] = {team.id: [] for team in place.teams}
    if not place.teams:
        return result
    legal, financial = aliased(Review), aliased(Review)
    since = func.coalesce(Proposal.submitted_at, Proposal.created_at)

    def current(review: Any) -> ColumnElement[bool]:
        return and_(review.id.is_not(None), review.needs_another_look.is_(False))

    rows = db.execute(
        select(
            Proposal.id,
            Proposal.title,
            Proposal.group_id,
            since,
            current(legal),
            current(financial),
        )
        .outerjoin(legal, and_(legal.proposal_id == Proposal.id, legal.kind == "legal"))
        .outerjoin(
            financial, and_(financial.proposal_id == Proposal.id, financial.kind == "financial")
        )
        .where(
            Proposal.process_id == place.process.id,
            Proposal.group_id.in_(place.team_ids),
            Proposal.state.in_(_COUNTED),
            or_(
                legal.id.is_(None),
                legal.needs_another_look.is_(True),
                financial.id.is_(None),
                financial.needs_another_look.is_(True),
            ),
        )
        .order_by(since, Proposal.id)
    ).all()
    claims: dict[tuple[int, str], tuple[str, datetime]] = {
        (proposal_id, kind): (name, claimed_at)
        for proposal_id, kind, name, claimed_at in db.execute(
            select(
                ReviewClaim.proposal_id, ReviewClaim.kind, User.display_name, ReviewClaim.claimed_at
            )
            .join(User, User.id == ReviewClaim.reviewer_id)
            .where(ReviewClaim.process_id == place.process.id)
        )
    }
    for proposal_id, title, group_id, moment, legal_done, financial_done in rows:
        measure = WaitingMeasure(proposal_id, title, moment)
        for kind, done in ((ReviewKind.LEGAL, legal_done), (ReviewKind.FINANCIAL, financial_done)):
            name, claimed_at = claims.get((proposal_id, kind.value), (None, None))
            measure.kinds[kind.value] = KindState(bool(done), name, claimed_at)
        result.setdefault(group_id, []).append(measure)
    return result


@dataclass(frozen=True)
class Mood:
    score: int
    line: str
    created_at: datetime


def latest_moods(
    db: Session, place: SprintPlace, per_team: int = MOODS_PER_TEAM
) -> dict[int, list[Mood]]:
    """Each team's newest mood checks (newest first), ``per_team`` at most: one statement.
    It reads the sprint's checks newest first and keeps each team's first few; a window
    function would need a subquery, which the organization filter does not reach, and a
    sprint has at most some hundreds of checks."""
    result: dict[int, list[Mood]] = {team.id: [] for team in place.teams}
    if not place.teams:
        return result
    rows = db.execute(
        select(MoodCheck.group_id, MoodCheck.score, MoodCheck.line, MoodCheck.created_at)
        .where(MoodCheck.process_id == place.process.id, MoodCheck.group_id.in_(place.team_ids))
        .order_by(MoodCheck.created_at.desc(), MoodCheck.id.desc())
    )
    for group_id, score, line, created_at in rows:
        kept = result.setdefault(group_id, [])
        if len(kept) < per_team:
            kept.append(Mood(score, line, created_at))
    return result


def snapshots(db: Session, place: SprintPlace) -> list[StandingsSnapshot]:
    """Every published snapshot, the latest first."""
    return list(
        db.scalars(
            select(StandingsSnapshot)
            .where(StandingsSnapshot.process_id == place.process.id)
            .order_by(StandingsSnapshot.number.desc(), StandingsSnapshot.id.desc())
        )
    )


def latest_snapshot(db: Session, place: SprintPlace) -> StandingsSnapshot | None:
    return db.scalar(
        select(StandingsSnapshot)
        .where(StandingsSnapshot.process_id == place.process.id)
        .order_by(StandingsSnapshot.number.desc(), StandingsSnapshot.id.desc())
        .limit(1)
    )


def snapshot_by_number(db: Session, place: SprintPlace, number: int) -> StandingsSnapshot | None:
    return db.scalar(
        select(StandingsSnapshot).where(
            StandingsSnapshot.process_id == place.process.id, StandingsSnapshot.number == number
        )
    )


def next_number(db: Session, place: SprintPlace) -> int:
    highest = db.scalar(
        select(func.max(StandingsSnapshot.number)).where(
            StandingsSnapshot.process_id == place.process.id
        )
    )
    return int(highest or 0) + 1
