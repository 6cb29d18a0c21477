"""The options catalogue: before the sprint, officials describe options (the measure, the
budget lines it touches, indicative amounts, known legal snags), so teams do not start
from a blank page (Hoogeveen's preparatory work). Options are numbered per process, and
only written in the preparation phase: once teams adopt them, they stay as they were."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.permissions import require
from app.audit.service import record
from app.db import utcnow
from app.errors import NotFound
from app.models import Process, SprintOption
from app.phases.guard import require_phase
from app.phases.kinds import Action

TITLE_LIMIT = 200
TEXT_LIMIT = 30_000  # the measure, the legal snags: pages, not books
BUDGET_LINES_LIMIT = 4_000


@dataclass(frozen=True)
class OptionInput:
    title: str
    measure: str  # Markdown
    budget_lines: str = ""
    structural: int = 0  # a full year's effect, euros
    current_year: int = 0  # the effect in the current year, euros
    legal_snags: str = ""  # Markdown


def options_path(process: Process) -> str:
    return f"/processen/{process.slug}/sprint/opties"


def option_path(process: Process, number: int) -> str:
    return f"{options_path(process)}/{number}"


def input_of(option: SprintOption) -> OptionInput:
    return OptionInput(
        title=option.title,
        measure=option.measure,
        budget_lines=option.budget_lines,
        structural=option.structural,
        current_year=option.current_year,
        legal_snags=option.legal_snags,
    )


def option_by_number(db: Session, process: Process, number: int) -> SprintOption:
    option = db.scalar(
        select(SprintOption).where(
            SprintOption.process_id == process.id, SprintOption.number == number
        )
    )
    if option is None:
        raise NotFound()
    return option


def add_option(db: Session, actor: Actor, process: Process, data: OptionInput) -> SprintOption:
    """A new option, numbered after the last one of this process."""
    require(actor, "sprint.prepare_options", process)
    require_phase(process, process.phases, Action.PREPARE_OPTIONS)
    # Numbered max + 1: two officials adding at once would both take the same number and
    # the second would hit the unique constraint. Locking the process's row makes the
    # second wait for the first's commit (SQLite's BEGIN IMMEDIATE serializes already).
    db.execute(select(Process.id).where(Process.id == process.id).with_for_update())
    number = (
        db.scalar(
            select(func.max(SprintOption.number)).where(SprintOption.process_id == process.id)
        )
        or 0
    ) + 1
    option = SprintOption(process_id=process.id, number=number, author_id=actor.id, **asdict(data))
    db.add(option)
    db.flush()
    record(
        db,
        actor=actor,
        action="sprint.option_added",
        target=option,
        after={"number": number, "title": data.title},
    )
    return option


def update_option(
    db: Session, actor: Actor, process: Process, option: SprintOption, data: OptionInput
) -> bool:
    """Save an official's changes; False when nothing changed."""
    require(actor, "sprint.prepare_options", process)
    require_phase(process, process.phases, Action.PREPARE_OPTIONS)
    before = asdict(input_of(option))
    after = asdict(data)
    changed = {key: value for key, value in after.items() if before[key] != value}
    if not changed:
        return False
    for key, value in changed.items():
        setattr(option, key, value)
    option.updated_at = utcnow()
    db.flush()
    record(
        db,
        actor=actor,
        action="sprint.option_updated",
        target=option,
        before={key: before[key] for key in changed},
        after=changed,
    )
    return True
