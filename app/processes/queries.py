"""What the process pages show, each in a fixed number of queries whatever the size of
the budget."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from app.access.roles import Role, ScopeType
from app.errors import NotFound
from app.models import (
    AuditEntry,
    BudgetLine,
    Framework,
    Group,
    Phase,
    Process,
    RoleAssignment,
    Taakveld,
    Theme,
    User,
)
from app.processes.targets import theme_target
from app.reviews.progress import Progress, theme_progress


@dataclass(frozen=True)
class ThemeSummary:
    theme: Theme
    controllable: int
    line_count: int
    target: int
    # In the last year of the horizon, where structural savings have their full effect:
    # what the proposals claim and what the financial adviser validated.
    claimed: int = 0
    validated: int = 0


@dataclass(frozen=True)
class FrameworkVersion:
    at: datetime
    title: str
    text: str


@dataclass(frozen=True)
class ProcessOverview:
    process: Process
    phases: Sequence[Phase]
    frameworks: Sequence[Framework]
    themes: list[ThemeSummary]
    unassigned_lines: int
    unassigned_controllable: int
    # Earlier wordings of each framework, newest first (from the audit trail).
    framework_history: dict[int, list[FrameworkVersion]] = field(default_factory=dict)

    @property
    def sum_of_theme_targets(self) -> int:
        return sum(t.target for t in self.themes)

    @property
    def difference(self) -> int:
        """Theme targets minus the process target: below zero, the themes fall short."""
        return self.sum_of_theme_targets - self.process.target_total

    @property
    def current(self) -> Phase | None:
        return next((p for p in self.phases if p.kind == self.process.current_phase), None)


@dataclass(frozen=True)
class TaakveldGroup:
    code: str
    name: str
    lines: list[BudgetLine] = field(default_factory=list)

    @property
    def controllable(self) -> int:
        return sum(line.controllable for line in self.lines)


@dataclass(frozen=True)
class ThemeDetail:
    summary: ThemeSummary
    by_taakveld: list[TaakveldGroup]
    groups: list[tuple[Group, list[str]]]  # each group with its chefs' display names
    progress: Progress | None = None  # per year of the horizon, against the target


def processes(db: Session) -> Sequence[Process]:
    return db.scalars(select(Process).order_by(Process.created_at.desc(), Process.id.desc())).all()


def process_by_slug(db: Session, slug: str) -> Process | None:
    # Every page of a process starts here: its handful of phases come joined, in the same
    # round trip (issue #13), rather than in a second statement.
    return (
        db.execute(select(Process).where(Process.slug == slug).options(joinedload(Process.phases)))
        .unique()
        .scalar_one_or_none()
    )


def process_or_404(db: Session, slug: str) -> Process:
    """The process a URL names, with its phases, or a 404."""
    process = process_by_slug(db, slug)
    if process is None:
        raise NotFound()
    return process


def _theme_sums(db: Session, process: Process) -> dict[int | None, tuple[int, int]]:
    rows = db.execute(
        select(
            BudgetLine.theme_id,
            func.coalesce(func.sum(BudgetLine.controllable), 0),
            func.count(BudgetLine.id),
        )
        .where(BudgetLine.process_id == process.id)
        .group_by(BudgetLine.theme_id)
    ).all()
    return {theme_id: (int(total), int(count)) for theme_id, total, count in rows}


def _summaries(
    process: Process,
    themes: Sequence[Theme],
    sums: dict[int | None, tuple[int, int]],
    progress: dict[int, Progress],
) -> list[ThemeSummary]:
    summaries = []
    for theme in themes:
        controllable, count = sums.get(theme.id, (0, 0))
        last = progress[theme.id].last if theme.id in progress else None
        summaries.append(
            ThemeSummary(
                theme=theme,
                controllable=controllable,
                line_count=count,
                target=theme_target(controllable, process.target_percentage, theme.target_override),
                claimed=last.claimed if last else 0,
                validated=last.validated if last else 0,
            )
        )
    return summaries


def overview(db: Session, process: Process) -> ProcessOverview:
    frameworks = db.scalars(
        select(Framework).where(Framework.process_id == process.id).order_by(Framework.number)
    ).all()
    themes = db.scalars(
        select(Theme).where(Theme.process_id == process.id).order_by(Theme.position, Theme.id)
    ).all()
    sums = _theme_sums(db, process)
    unassigned_controllable, unassigned = sums.get(None, (0, 0))
    return ProcessOverview(
        process=process,
        phases=process.phases,
        frameworks=frameworks,
        themes=_summaries(
            process, themes, sums, theme_progress(db, process, [t.id for t in themes])
        ),
        unassigned_lines=unassigned,
        unassigned_controllable=unassigned_controllable,
        framework_history=_framework_history(db, frameworks),
    )


def _framework_history(
    db: Session, frameworks: Sequence[Framework]
) -> dict[int, list[FrameworkVersion]]:
    """What each framework said before each change: the audit trail keeps the texts."""
    if not frameworks:
        return {}
    current = {f.id: f for f in frameworks}
    entries = db.scalars(
        select(AuditEntry)
        .where(
            AuditEntry.object_type == "Framework",
            AuditEntry.object_id.in_([str(i) for i in current]),
            AuditEntry.action == "framework.updated",
        )
        .order_by(AuditEntry.id.desc())
    ).all()
    history: dict[int, list[FrameworkVersion]] = defaultdict(list)
    for entry in entries:
        framework = current[int(entry.object_id)]
        before = entry.before or {}
        history[framework.id].append(
            FrameworkVersion(
                at=entry.created_at,
                title=str(before.get("title", framework.title)),
                text=str(before.get("text", framework.text)),
            )
        )
    return dict(history)


def theme_detail(db: Session, process: Process, slug: str) -> ThemeDetail | None:
    theme = db.scalar(select(Theme).where(Theme.process_id == process.id, Theme.slug == slug))
    if theme is None:
        return None
    rows = db.execute(
        select(BudgetLine, Taakveld)
        .outerjoin(Taakveld, Taakveld.code == BudgetLine.taakveld_code)
        .where(BudgetLine.theme_id == theme.id)
        .order_by(BudgetLine.taakveld_code, BudgetLine.code)
    ).all()
    grouped: dict[str, TaakveldGroup] = {}
    for line, taakveld in rows:
        key = taakveld.code if taakveld else ""
        if key not in grouped:
            grouped[key] = TaakveldGroup(code=key, name=taakveld.name if taakveld else "")
        grouped[key].lines.append(line)
    controllable = sum(g.controllable for g in grouped.values())
    progress = theme_progress(db, process, [theme.id]).get(theme.id)
    last = progress.last if progress else None
    summary = ThemeSummary(
        theme=theme,
        controllable=controllable,
        line_count=len(rows),
        target=theme_target(controllable, process.target_percentage, theme.target_override),
        claimed=last.claimed if last else 0,
        validated=last.validated if last else 0,
    )
    groups = db.scalars(
        select(Group).where(Group.theme_id == theme.id).order_by(Group.position)
    ).all()
    return ThemeDetail(
        summary=summary,
        by_taakveld=list(grouped.values()),
        groups=_with_chefs(db, groups),
        progress=progress,
    )


def groups_with_chefs(db: Session, process: Process) -> list[tuple[Group, list[str]]]:
    groups = db.scalars(
        select(Group).where(Group.process_id == process.id).order_by(Group.position)
    ).all()
    return _with_chefs(db, groups)


def _with_chefs(db: Session, groups: Sequence[Group]) -> list[tuple[Group, list[str]]]:
    chefs: dict[int, list[str]] = defaultdict(list)
    if groups:
        rows = db.execute(
            select(RoleAssignment.scope_id, User.display_name)
            .join(User, User.id == RoleAssignment.user_id)
            .where(
                RoleAssignment.role == Role.CHEF,
                RoleAssignment.scope_type == ScopeType.GROUP,
                RoleAssignment.scope_id.in_([g.id for g in groups]),
                RoleAssignment.revoked_at.is_(None),
            )
            .order_by(User.display_name)
        ).all()
        for group_id, name in rows:
            if group_id is not None:
                chefs[group_id].append(name)
    return [(g, chefs.get(g.id, [])) for g in groups]
