"""Use cases of setting up a process: create it from its template, move it through its
phases, keep its frameworks, themes, targets and groups. Each writes the audit trail."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.roles import Role, ScopeType
from app.access.service import active_assignment, grant_role
from app.audit.service import changes, record
from app.db import utcnow
from app.errors import Conflict, InvalidTransition
from app.i18n import gettext as _
from app.models import BudgetLine, Framework, Group, Phase, Process, Theme, User
from app.phases.guard import require_phase
from app.phases.kinds import (
    FRAMEWORKS_FROZEN_FROM,
    TEMPLATES,
    Action,
    PhaseKind,
    ProcessKind,
)

By = Actor | str


def create_process(
    db: Session,
    by: By,
    *,
    kind: ProcessKind,
    slug: str,
    title: str,
    target_total: int,
    target_current_year: int | None,
    first_year: int,
    last_year: int,
    starts_on: date,
    target_percentage: Decimal = Decimal(10),
    summary: str = "",
) -> Process:
    """A new process with its template's phases laid out from ``starts_on``; it starts in
    the first phase."""
    if db.scalar(select(Process.id).where(Process.slug == slug)) is not None:
        raise Conflict(_("There is already a process with this web address."))
    process = Process(
        slug=slug,
        title=title,
        kind=kind,
        summary=summary,
        target_total=target_total,
        target_current_year=target_current_year,
        first_year=first_year,
        last_year=last_year,
        target_percentage=target_percentage,
        phases=[],
    )
    day = starts_on
    for position, (phase_kind, days) in enumerate(TEMPLATES[kind], start=1):
        end = day + timedelta(days=max(days, 1) - 1)
        process.phases.append(Phase(kind=phase_kind, position=position, starts_on=day, ends_on=end))
        day = end + timedelta(days=1)
    process.current_phase = process.phases[0].kind
    db.add(process)
    db.flush()
    record(
        db,
        actor=by,
        action="process.created",
        target=process,
        after={"kind": kind.value, "title": title, "target_total": target_total},
    )
    return process


def set_current_phase(
    db: Session, by: By, process: Process, phase: PhaseKind, reason: str | None = None
) -> None:
    """Move the process to ``phase``: an explicit step, never done by the calendar."""
    kinds = [k for k, _days in TEMPLATES[ProcessKind(process.kind)]]
    if phase not in kinds:
        raise InvalidTransition(_("This process has no such phase."))
    if process.current_phase == phase:
        raise InvalidTransition(_("The process is in this phase already."))
    before = process.current_phase
    process.current_phase = phase
    db.flush()
    record(
        db,
        actor=by,
        action="process.phase_changed",
        target=process,
        before={"phase": before},
        after={"phase": phase.value},
        reason=reason,
    )


def update_phase_dates(db: Session, by: By, phase: Phase, starts_on: date, ends_on: date) -> bool:
    if ends_on < starts_on:
        raise Conflict(_("A phase cannot end before it starts."))
    before, after = changes(phase, {"starts_on": starts_on, "ends_on": ends_on})
    if not after:
        return False
    phase.starts_on, phase.ends_on = starts_on, ends_on
    db.flush()
    record(
        db,
        actor=by,
        action="phase.dates_changed",
        target=phase,
        before={k: v.isoformat() for k, v in before.items()},
        after={k: v.isoformat() for k, v in after.items()},
    )
    return True


def frameworks_frozen(process: Process, phases: list[Phase]) -> bool:
    """Frozen from the kick-off on (the sprint itself for a sprint)."""
    frozen_from = FRAMEWORKS_FROZEN_FROM[ProcessKind(process.kind)]
    position = {p.kind: p.position for p in phases}
    current = position.get(process.current_phase or "", 0)
    return current >= position.get(frozen_from, 0)


def add_framework(
    db: Session, by: By, process: Process, phases: list[Phase], title: str, text: str
) -> Framework:
    require_phase(process, phases, Action.EDIT_FRAMEWORKS)
    number = (
        db.scalar(select(func.max(Framework.number)).where(Framework.process_id == process.id)) or 0
    ) + 1
    framework = Framework(process_id=process.id, number=number, title=title, text=text)
    db.add(framework)
    db.flush()
    record(
        db,
        actor=by,
        action="framework.added",
        target=framework,
        after={"number": number, "title": title, "text": text},
    )
    return framework


def update_framework(
    db: Session,
    by: By,
    process: Process,
    phases: list[Phase],
    framework: Framework,
    title: str,
    text: str,
) -> bool:
    require_phase(process, phases, Action.EDIT_FRAMEWORKS)
    before, after = changes(framework, {"title": title, "text": text})
    if not after:
        return False
    framework.title, framework.text, framework.updated_at = title, text, utcnow()
    db.flush()
    record(db, actor=by, action="framework.updated", target=framework, before=before, after=after)
    return True


def add_theme(
    db: Session, by: By, process: Process, *, slug: str, name: str, description: str = ""
) -> Theme:
    if db.scalar(select(Theme.id).where(Theme.process_id == process.id, Theme.slug == slug)):
        raise Conflict(_("This process has a theme with this name already."))
    position = (
        db.scalar(select(func.max(Theme.position)).where(Theme.process_id == process.id)) or 0
    ) + 1
    theme = Theme(
        process_id=process.id, slug=slug, name=name, description=description, position=position
    )
    db.add(theme)
    db.flush()
    record(db, actor=by, action="theme.added", target=theme, after={"name": name})
    ensure_theme_groups(db, by, process)
    return theme


def set_target_override(
    db: Session, by: By, theme: Theme, amount: int | None, reason: str | None
) -> None:
    """Set a theme's target by hand (needs a reason), or back to the percentage (None)."""
    if amount is not None and not (reason and reason.strip()):
        raise Conflict(_("Give a reason for setting the target by hand."))
    before = {"target_override": theme.target_override, "reason": theme.override_reason}
    theme.target_override = amount
    theme.override_reason = reason.strip() if amount is not None and reason else None
    db.flush()
    record(
        db,
        actor=by,
        action="theme.target_overridden" if amount is not None else "theme.target_reset",
        target=theme,
        before=before,
        after={"target_override": amount},
        reason=theme.override_reason,
    )


def ensure_theme_groups(db: Session, by: By, process: Process) -> int:
    """A dialogue has one group per theme: give every theme without one its group."""
    if process.kind != ProcessKind.DIALOGUE:
        return 0
    with_group = set(db.scalars(select(Group.theme_id).where(Group.process_id == process.id)))
    added = 0
    themes = db.scalars(
        select(Theme).where(Theme.process_id == process.id).order_by(Theme.position)
    ).all()
    for theme in themes:
        if theme.id not in with_group:
            add_group(db, by, process, theme, slug=theme.slug, name=theme.name)
            added += 1
    return added


def add_teams(db: Session, by: By, process: Process, count: int) -> list[Group]:
    """A sprint's teams all work on its one theme (the whole scope), numbered on."""
    if process.kind != ProcessKind.SPRINT:
        raise InvalidTransition(_("Only a sprint has teams; a dialogue has a group per theme."))
    theme = db.scalar(select(Theme).where(Theme.process_id == process.id).order_by(Theme.position))
    if theme is None:
        raise Conflict(_("Give the sprint its theme first (import its budget)."))
    existing = db.scalar(select(func.count(Group.id)).where(Group.process_id == process.id)) or 0
    return [
        add_group(db, by, process, theme, slug=f"team-{n}", name=_("Team %(n)d", n=n))
        for n in range(existing + 1, existing + count + 1)
    ]


def add_budget_line(
    db: Session,
    by: By,
    process: Process,
    *,
    code: str,
    name: str,
    programme: str,
    budget: int,
    controllable: int,
    taakveld: str | None,
    theme: Theme | None,
) -> BudgetLine:
    exists = db.scalar(
        select(BudgetLine.id).where(BudgetLine.process_id == process.id, BudgetLine.code == code)
    )
    if exists is not None:
        raise Conflict(_("There is a budget line with this code already."))
    if controllable > budget:
        raise Conflict(_("The controllable costs cannot be more than the budget."))
    line = BudgetLine(
        process_id=process.id,
        code=code,
        name=name,
        programme=programme,
        budget=budget,
        controllable=controllable,
        taakveld_code=taakveld,
        theme_id=theme.id if theme else None,
    )
    db.add(line)
    db.flush()
    record(
        db, actor=by, action="budget.line_added", target=process, after={"code": code, "name": name}
    )
    return line


def add_group(
    db: Session, by: By, process: Process, theme: Theme, *, slug: str, name: str
) -> Group:
    position = (
        db.scalar(select(func.max(Group.position)).where(Group.process_id == process.id)) or 0
    ) + 1
    group = Group(process_id=process.id, theme_id=theme.id, slug=slug, name=name, position=position)
    db.add(group)
    db.flush()
    record(
        db, actor=by, action="group.added", target=group, after={"name": name, "theme": theme.name}
    )
    return group


def assign_chef(db: Session, by: By, group: Group, user: User) -> None:
    """The group's chef (a sprint team's captain): a role assignment scoped to the group."""
    if active_assignment(db, user, Role.CHEF, ScopeType.GROUP, group.id) is not None:
        raise Conflict(_("This person is chef of this group already."))
    grant_role(db, by, user, Role.CHEF, ScopeType.GROUP, group.id)
