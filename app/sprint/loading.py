"""Finding what a sprint URL names: the sprint process, its clock and its teams, or a 404.
Every sprint route starts here, so a dialogue's slug answers 404 alike everywhere."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.db import utcnow
from app.errors import NotFound
from app.models import Group, Phase, Process, Sprint
from app.phases.kinds import ProcessKind
from app.processes.queries import process_or_404
from app.recruitment.membership import is_member


@dataclass(frozen=True)
class SprintPlace:
    process: Process
    sprint: Sprint
    teams: list[Group] = field(default_factory=list)

    @property
    def phases(self) -> list[Phase]:
        return list(self.process.phases)

    @property
    def path(self) -> str:
        return f"/processen/{self.process.slug}/sprint"

    @property
    def team_ids(self) -> frozenset[int]:
        return frozenset(team.id for team in self.teams)

    def team_of(self, actor: Actor | None) -> Group | None:
        """The team this person works in (the first, should they be in two)."""
        return next((team for team in self.teams if is_member(actor, team.id)), None)

    def team_or_404(self, team_id: int) -> Group:
        team = next((team for team in self.teams if team.id == team_id), None)
        if team is None:
            raise NotFound()
        return team

    def seconds_left(self, now: datetime | None = None) -> int:
        """Until the packages lock; 0 once they have (and before the start, the whole)."""
        moment = now or utcnow()
        return max(0, int((self.sprint.ends_at - moment).total_seconds()))

    def is_running(self, now: datetime | None = None) -> bool:
        moment = now or utcnow()
        return self.sprint.starts_at <= moment < self.sprint.ends_at

    def has_ended(self, now: datetime | None = None) -> bool:
        return (now or utcnow()) >= self.sprint.ends_at


def sprint_place(db: Session, slug: str) -> SprintPlace:
    """The sprint process, its clock and its teams (by position); 404 for a dialogue or a
    sprint that has no clock yet."""
    process = process_or_404(db, slug)
    if process.kind != ProcessKind.SPRINT:
        raise NotFound()
    sprint = db.scalar(select(Sprint).where(Sprint.process_id == process.id))
    if sprint is None:
        raise NotFound()
    teams = list(
        db.scalars(
            select(Group).where(Group.process_id == process.id).order_by(Group.position, Group.id)
        )
    )
    return SprintPlace(process, sprint, teams)
