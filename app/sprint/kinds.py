"""The sprint's small vocabularies, as data: where a measure came from, what a programme
slot is, and what kinds of live event open screens listen for."""

from __future__ import annotations

from enum import StrEnum

from app.i18n import lazy_gettext as _l


class MeasureOrigin(StrEnum):
    AS_IS = "as_is"  # an option from the catalogue, taken as it is
    ADAPTED = "adapted"  # an option the team changed
    OWN = "own"  # the team's own measure


ORIGIN_LABELS: dict[str, str] = {
    MeasureOrigin.AS_IS: _l("Option from the catalogue"),
    MeasureOrigin.ADAPTED: _l("Adapted option"),
    MeasureOrigin.OWN: _l("Own measure"),
}


class ProgrammeKind(StrEnum):
    SESSION = "session"
    SPEAKER = "speaker"
    BREAK = "break"
    ENERGIZER = "energizer"


PROGRAMME_LABELS: dict[str, str] = {
    ProgrammeKind.SESSION: _l("Working session"),
    ProgrammeKind.SPEAKER: _l("Guest speaker"),
    ProgrammeKind.BREAK: _l("Break"),
    ProgrammeKind.ENERGIZER: _l("Energizer"),
}


class EventKind(StrEnum):
    """What changed; a screen refreshes the parts that show it. The names are also the
    server-sent event names the pages listen for (``sse:standings`` and so on)."""

    PACKAGE = "package"  # a team's measures or amounts changed
    REVIEW = "review"  # a verdict or a claim in the queue
    STANDINGS = "standings"  # interim standings published
    MESSAGE = "message"  # a message in a team's channel (group) or to all (no group)
    MOOD = "mood"  # a mood check (the steering group's screen only)
    PROGRAMME = "programme"
    CLOCK = "clock"  # start or end moved, or the packages locked
    RESULT = "result"  # the board's chosen package changed or was published
