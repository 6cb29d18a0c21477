from __future__ import annotations

from typing import Any

from app.access.actor import Actor
from app.access.permissions import predicate
from app.access.roles import Role
from app.phases.kinds import BOARD_MAY_CLOSE, PhaseKind


@predicate("process.manage")
def may_manage_process(actor: Actor | None, process: Any) -> bool:
    """Set up processes, budgets, themes, targets, groups and frameworks: the admin."""
    return actor is not None and actor.is_admin


@predicate("process.change_phase")
def may_change_phase(actor: Actor | None, process: Any) -> bool:
    """The admin moves a process on; the board also closes its own review phase."""
    if actor is None:
        return False
    if actor.is_admin:
        return True
    current = getattr(process, "current_phase", None)
    return bool(current and PhaseKind(current) in BOARD_MAY_CLOSE and actor.has_role(Role.BOARD))
