"""A green paper's life as a table: (state, step) -> next state."""

from __future__ import annotations

from enum import StrEnum

from app.errors import InvalidTransition
from app.i18n import gettext as _
from app.i18n import lazy_gettext as _l


class GreenPaperStatus(StrEnum):
    DRAFT = "draft"  # the group writes
    SUBMITTED = "submitted"  # read-only; waits for the board
    CONTINUED = "continued"  # the board lets the theme go on; public
    STOPPED = "stopped"  # the board stops the theme, with a reason; public


class GreenPaperStep(StrEnum):
    SUBMIT = "submit"  # the chef
    CONTINUE = "continue"  # the board
    STOP = "stop"  # the board


TRANSITIONS: dict[tuple[GreenPaperStatus, GreenPaperStep], GreenPaperStatus] = {
    (GreenPaperStatus.DRAFT, GreenPaperStep.SUBMIT): GreenPaperStatus.SUBMITTED,
    (GreenPaperStatus.SUBMITTED, GreenPaperStep.CONTINUE): GreenPaperStatus.CONTINUED,
    (GreenPaperStatus.SUBMITTED, GreenPaperStep.STOP): GreenPaperStatus.STOPPED,
}

# Reviewed: the board has spoken, and everyone may read it.
PUBLISHED = frozenset({GreenPaperStatus.CONTINUED, GreenPaperStatus.STOPPED})

STATUS_LABELS: dict[str, str] = {
    GreenPaperStatus.DRAFT: _l("Being written"),
    GreenPaperStatus.SUBMITTED: _l("Submitted to the board"),
    GreenPaperStatus.CONTINUED: _l("The board lets the theme go on"),
    GreenPaperStatus.STOPPED: _l("The board stopped the theme"),
}


def next_status(status: str, step: GreenPaperStep) -> GreenPaperStatus:
    try:
        return TRANSITIONS[(GreenPaperStatus(status), step)]
    except KeyError:
        raise InvalidTransition(
            _("This is not possible now: the green paper is %(state)s.",
              state=str(STATUS_LABELS[status]).lower())
        ) from None  # fmt: skip
