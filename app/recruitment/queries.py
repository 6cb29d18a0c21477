"""What the recruitment pages show. Each function costs a fixed number of statements,
however many applications or members there are."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from app.access.roles import Role, ScopeType
from app.models import (
    ApplicationBudgetLine,
    BudgetLine,
    ChefApplication,
    ExpertApplication,
    Group,
    Process,
    RoleAssignment,
    Theme,
    User,
)
from app.recruitment.states import ApplicationStatus, ChefApplicationStatus


def process_and_group(
    db: Session, slug: str, group_slug: str, *, phases: bool = True
) -> tuple[Process, Group] | None:
    """The process and the group a group's address names, the process's phases joined:
    one statement where a process and then its group took two, on every group page.
    ``phases=False`` for a page that asks nothing of them: joined, each phase repeats the
    process's and the group's columns (a fifth of the statement's cost)."""
    statement = (
        select(Process, Group)
        .join(Group, Group.process_id == Process.id)
        .where(Process.slug == slug, Group.slug == group_slug)
    )
    if phases:
        statement = statement.options(joinedload(Process.phases))
    found = db.execute(statement).unique().first()
    return None if found is None else (found[0], found[1])


@dataclass(frozen=True, slots=True)
class GroupAddress:
    """What a group's address names, as plain values a worker can keep
    (app.cache.views): enough to ask who may see the group (``id``, as the permission
    predicates read it) and to title its page."""

    object_type: ClassVar[str] = "Group"  # what a refusal's log line calls it
    id: int
    slug: str
    name: str
    process_id: int
    process_slug: str
    process_title: str


def group_address(db: Session, slug: str, group_slug: str) -> GroupAddress | None:
    # Through the session, not its connection: the organization's criteria apply. Its
    # cost matters little, being kept.
    row = db.execute(
        select(Group.id, Group.slug, Group.name, Process.id, Process.slug, Process.title)
        .join(Process, Process.id == Group.process_id)
        .where(Process.slug == slug, Group.slug == group_slug)
    ).first()
    return None if row is None else GroupAddress(*row)


def group_by_slug(db: Session, process: Process, slug: str) -> Group | None:
    return db.scalar(select(Group).where(Group.process_id == process.id, Group.slug == slug))


def group_of_theme(db: Session, theme: Theme) -> Group | None:
    """A dialogue's one group for the theme (a sprint's teams are not applied to)."""
    return db.scalar(select(Group).where(Group.theme_id == theme.id).order_by(Group.position))


def theme_lines(db: Session, theme_id: int) -> Sequence[BudgetLine]:
    return db.scalars(
        select(BudgetLine).where(BudgetLine.theme_id == theme_id).order_by(BudgetLine.code)
    ).all()


def own_application(db: Session, group: Group, user_id: int) -> ExpertApplication | None:
    return db.scalar(
        select(ExpertApplication).where(
            ExpertApplication.group_id == group.id, ExpertApplication.user_id == user_id
        )
    )


def _applications(db: Session, group: Group, status: ApplicationStatus) -> list[ExpertApplication]:
    return list(
        db.scalars(
            select(ExpertApplication)
            .where(ExpertApplication.group_id == group.id, ExpertApplication.status == status)
            .options(
                selectinload(ExpertApplication.user), selectinload(ExpertApplication.claimed_lines)
            )
            .order_by(ExpertApplication.created_at, ExpertApplication.id)
        )
    )


@dataclass
class LineCoverage:
    line: BudgetLine
    claimed_by: int  # accepted members who said they know about it


@dataclass
class Coverage:
    """The chef's view of the group: what its members bring and what it lacks."""

    members: list[ExpertApplication]
    pending: list[ExpertApplication]
    lines: list[LineCoverage] = field(default_factory=list)
    chefs: list[str] = field(default_factory=list)

    @property
    def with_expertise(self) -> int:
        return sum(1 for a in self.members if a.has_expertise)

    @property
    def with_experience(self) -> int:
        return sum(1 for a in self.members if a.has_experience)

    @property
    def with_stake(self) -> int:
        return sum(1 for a in self.members if a.has_stake)

    @property
    def unclaimed(self) -> list[BudgetLine]:
        return [c.line for c in self.lines if c.claimed_by == 0]


def coverage(db: Session, group: Group) -> Coverage:
    accepted = _applications(db, group, ApplicationStatus.ACCEPTED)
    claims: dict[int, int] = defaultdict(int)
    for application in accepted:
        for claim in application.claimed_lines:
            claims[claim.budget_line_id] += 1
    lines = [LineCoverage(line, claims.get(line.id, 0)) for line in theme_lines(db, group.theme_id)]
    return Coverage(
        members=accepted,
        pending=_applications(db, group, ApplicationStatus.PENDING),
        lines=lines,
        chefs=chef_names(db, group),
    )


def decided(db: Session, group: Group, limit: int = 50) -> list[ExpertApplication]:
    return list(
        db.scalars(
            select(ExpertApplication)
            .where(
                ExpertApplication.group_id == group.id,
                ExpertApplication.status.in_(
                    [ApplicationStatus.DECLINED, ApplicationStatus.WITHDRAWN]
                ),
            )
            .options(selectinload(ExpertApplication.user))
            .order_by(ExpertApplication.decided_at.desc(), ExpertApplication.id.desc())
            .limit(limit)
        )
    )


def chef_names(db: Session, group: Group) -> list[str]:
    return list(
        db.scalars(
            select(User.display_name)
            .join(RoleAssignment, RoleAssignment.user_id == User.id)
            .where(
                RoleAssignment.role == Role.CHEF,
                RoleAssignment.scope_type == ScopeType.GROUP,
                RoleAssignment.scope_id == group.id,
                RoleAssignment.revoked_at.is_(None),
            )
            .order_by(User.display_name)
        )
    )


def claimed_line_names(
    db: Session, applications: Sequence[ExpertApplication]
) -> dict[int, list[str]]:
    """Per application id, the budget lines it claims, as "code name"."""
    ids = [a.id for a in applications]
    if not ids:
        return {}
    rows = db.execute(
        select(ApplicationBudgetLine.application_id, BudgetLine.code, BudgetLine.name)
        .join(BudgetLine, BudgetLine.id == ApplicationBudgetLine.budget_line_id)
        .where(ApplicationBudgetLine.application_id.in_(ids))
        .order_by(BudgetLine.code)
    ).all()
    names: dict[int, list[str]] = defaultdict(list)
    for application_id, code, name in rows:
        names[application_id].append(f"{code} {name}")
    return names


@dataclass
class MyApplication:
    process: Process
    group: Group
    application: ExpertApplication


@dataclass
class MyChefApplication:
    process: Process
    application: ChefApplication
    group: Group | None


def applications_of(db: Session, user_id: int) -> list[MyApplication]:
    rows = db.execute(
        select(ExpertApplication, Group, Process)
        .join(Group, Group.id == ExpertApplication.group_id)
        .join(Process, Process.id == ExpertApplication.process_id)
        .where(ExpertApplication.user_id == user_id)
        .order_by(ExpertApplication.created_at.desc())
    ).all()
    return [MyApplication(process=p, group=g, application=a) for a, g, p in rows]


def chef_applications_of(db: Session, user_id: int) -> list[MyChefApplication]:
    rows = db.execute(
        select(ChefApplication, Process, Group)
        .join(Process, Process.id == ChefApplication.process_id)
        .outerjoin(Group, Group.id == ChefApplication.selected_group_id)
        .where(ChefApplication.user_id == user_id)
        .order_by(ChefApplication.created_at.desc())
    ).all()
    return [MyChefApplication(process=p, application=a, group=g) for a, p, g in rows]


def chef_call(db: Session, process: Process) -> list[ChefApplication]:
    """Every answer to the call, pending first, then by date."""
    applications = db.scalars(
        select(ChefApplication)
        .where(ChefApplication.process_id == process.id)
        .options(selectinload(ChefApplication.user))
        .order_by(ChefApplication.created_at, ChefApplication.id)
    ).all()
    return sorted(applications, key=lambda a: a.status != ChefApplicationStatus.PENDING)


def own_chef_application(db: Session, process: Process, user_id: int) -> ChefApplication | None:
    return db.scalar(
        select(ChefApplication).where(
            ChefApplication.process_id == process.id, ChefApplication.user_id == user_id
        )
    )


def member_count(db: Session, group_ids: Sequence[int]) -> dict[int, int]:
    """Accepted experts per group, for the public pages."""
    if not group_ids:
        return {}
    rows = db.execute(
        select(ExpertApplication.group_id, func.count(ExpertApplication.id))
        .where(
            ExpertApplication.group_id.in_(group_ids),
            ExpertApplication.status == ApplicationStatus.ACCEPTED,
        )
        .group_by(ExpertApplication.group_id)
    ).all()
    return {int(group_id): int(count) for group_id, count in rows}


@dataclass
class MyGroup:
    process: Process
    group: Group
    is_chef: bool
    pending: int  # applications waiting, for a chef


def groups_of(db: Session, roles: frozenset[tuple[Role, ScopeType, int | None]]) -> list[MyGroup]:
    """The groups a person runs or works in (their group-scoped roles), with the number of
    applications waiting in the ones they run: three queries, however many groups."""
    chef_of = {i for r, s, i in roles if r == Role.CHEF and s == ScopeType.GROUP and i}
    member_of = {i for r, s, i in roles if r == Role.EXPERT and s == ScopeType.GROUP and i}
    ids = sorted(chef_of | member_of)
    if not ids:
        return []
    rows = db.execute(
        select(Group, Process)
        .join(Process, Process.id == Group.process_id)
        .where(Group.id.in_(ids))
        .order_by(Process.created_at.desc(), Group.position)
    ).all()
    pending: dict[int, int] = {}
    if chef_of:
        counted = db.execute(
            select(ExpertApplication.group_id, func.count(ExpertApplication.id))
            .where(
                ExpertApplication.group_id.in_(sorted(chef_of)),
                ExpertApplication.status == ApplicationStatus.PENDING,
            )
            .group_by(ExpertApplication.group_id)
        ).all()
        pending = {int(group_id): int(count) for group_id, count in counted}
    return [
        MyGroup(process=p, group=g, is_chef=g.id in chef_of, pending=pending.get(g.id, 0))
        for g, p in rows
    ]
