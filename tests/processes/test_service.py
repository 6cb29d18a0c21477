"""Processes from their templates, phases as explicit audited steps, frameworks frozen
after the kick-off, themes' targets."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit.queries import entries_for
from app.db import organization_scope
from app.errors import Conflict, InvalidTransition, PhaseClosed
from app.models import Organization, Theme
from app.phases.kinds import TEMPLATES, PhaseKind, ProcessKind
from app.processes import service
from app.processes.targets import percentage_of, theme_target
from tests.factories import make_process


@pytest.mark.parametrize("kind", list(ProcessKind))
def test_a_process_gets_its_templates_phases_back_to_back(
    db: Session, organization: Organization, kind: ProcessKind
) -> None:
    process = make_process(db, organization, kind=kind)
    kinds = [p.kind for p in process.phases]
    assert kinds == [k.value for k, _days in TEMPLATES[kind]]
    for earlier, later in zip(process.phases, process.phases[1:], strict=False):
        assert later.starts_on == earlier.ends_on + timedelta(days=1)
    assert process.current_phase == kinds[0]


def test_the_phase_changes_only_by_an_audited_step(db: Session, organization: Organization) -> None:
    process = make_process(db, organization)
    with organization_scope(db, organization.id):
        service.set_current_phase(
            db, "beheerder", process, PhaseKind.KICKOFF, "de kick-off is geweest"
        )
        with pytest.raises(InvalidTransition):
            service.set_current_phase(db, "beheerder", process, PhaseKind.KICKOFF)
        with pytest.raises(InvalidTransition):
            service.set_current_phase(
                db, "beheerder", process, PhaseKind.SPRINT
            )  # not a dialogue's
        db.flush()
        history = entries_for(db, "Process", process.id)
    change = history[-1]
    assert change.action == "process.phase_changed"
    assert change.before == {"phase": "recruitment"}
    assert change.after == {"phase": "kickoff"}
    assert change.reason == "de kick-off is geweest"


def test_a_phase_cannot_end_before_it_starts(db: Session, organization: Organization) -> None:
    process = make_process(db, organization)
    with organization_scope(db, organization.id), pytest.raises(Conflict):
        service.update_phase_dates(db, "x", process.phases[0], date(2011, 3, 1), date(2011, 2, 1))


def test_frameworks_are_frozen_from_the_kickoff_with_a_clear_message(
    db: Session, organization: Organization
) -> None:
    process = make_process(db, organization)
    phases = list(process.phases)
    with organization_scope(db, organization.id):
        framework = service.add_framework(db, "raad", process, phases, "Structureel", "Vanaf 2012.")
        assert service.update_framework(
            db, "raad", process, phases, framework, "Structureel", "Vanaf 2013."
        )
        service.set_current_phase(db, "beheerder", process, PhaseKind.KICKOFF)
        assert service.frameworks_frozen(process, phases)
        with pytest.raises(PhaseClosed) as refused:
            service.update_framework(db, "raad", process, phases, framework, "Anders", "Anders.")
        db.flush()
        history = entries_for(db, "Framework", framework.id)
    message = refused.value.message
    assert "Werving" in message
    assert "25-01-2011" in message
    assert [e.action for e in history] == ["framework.added", "framework.updated"]
    assert history[1].before == {"text": "Vanaf 2012."}


def test_targets_are_a_percentage_of_controllable_costs_unless_set_by_hand(
    db: Session, organization: Organization
) -> None:
    assert percentage_of(1_234_565, Decimal(10)) == 123_457  # half a euro rounds up
    assert theme_target(1_000_000, Decimal("12.5"), None) == 125_000
    assert theme_target(1_000_000, Decimal(10), 80_000) == 80_000
    process = make_process(db, organization)
    with organization_scope(db, organization.id):
        theme = service.add_theme(db, "x", process, slug="onderwijs", name="Onderwijs")
        with pytest.raises(Conflict, match="reden voor de handmatige"):
            service.set_target_override(db, "x", theme, 50_000, "  ")
        service.set_target_override(db, "x", theme, 50_000, "Leerplicht is wettelijk")
        assert db.scalar(select(Theme.target_override)) == 50_000
        db.flush()
        actions = [e.action for e in entries_for(db, "Theme", theme.id)]
    assert actions == ["theme.added", "theme.target_overridden"]
