"""Refusing an action outside its phase, with a page that says when it is possible."""

from __future__ import annotations

from collections.abc import Sequence

from app.errors import PhaseClosed
from app.i18n import gettext as _
from app.models import Phase, Process
from app.phases.kinds import ACTION_LABELS, ALLOWED, PHASE_LABELS, Action, PhaseKind, allows


def current_phase(process: Process) -> PhaseKind | None:
    return PhaseKind(process.current_phase) if process.current_phase else None


def require_phase(process: Process, phases: Sequence[Phase], action: Action) -> None:
    """Raise PhaseClosed naming the phase (and its dates) in which ``action`` is possible."""
    if allows(current_phase(process), action):
        return
    fitting = [p for p in phases if action in ALLOWED[PhaseKind(p.kind)]]
    if not fitting:
        raise PhaseClosed(
            _("This process has no phase for %(action)s.", action=ACTION_LABELS[action])
        )
    when = "; ".join(
        _(
            "%(phase)s (%(start)s to %(end)s)",
            phase=PHASE_LABELS[PhaseKind(p.kind)],
            start=p.starts_on.strftime("%d-%m-%Y"),
            end=p.ends_on.strftime("%d-%m-%Y"),
        )
        for p in fitting
    )
    raise PhaseClosed(
        _(
            "%(action)s is possible in the phase: %(when)s.",
            action=ACTION_LABELS[action].capitalize(),
            when=when,
        )
    )
