"""Reading the meeting forms. Times are typed in local time (the organization's zone) and
stored in UTC; whatever was typed goes back to the page with a message when it is wrong."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from starlette.datastructures import FormData

from app.i18n import gettext as _
from app.meetings.service import MeetingData
from app.models import Meeting
from app.web.forms import FormResult

# What a datetime-local input sends, and what people type where a browser has none.
_FORMATS = ("%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M")

MAX_CAPACITY = 10_000


def local_input(value: datetime, timezone: str) -> str:
    """A stored time as a datetime-local input's value."""
    return value.astimezone(ZoneInfo(timezone)).strftime("%Y-%m-%dT%H:%M")


def parse_local(raw: str, timezone: str) -> tuple[datetime | None, str | None]:
    """(the moment in UTC, None) or (None, why not)."""
    for pattern in _FORMATS:
        try:
            naive = datetime.strptime(raw, pattern)  # noqa: DTZ007 - local time, zoned below
        except ValueError:
            continue
        if not 2000 <= naive.year <= 2100:
            break
        zone = ZoneInfo(timezone)
        moment = naive.replace(tzinfo=zone).astimezone(UTC)
        # In the hour the clocks go forward, 02:30 does not exist: say so, do not guess.
        if moment.astimezone(zone).replace(tzinfo=None) != naive:
            return None, _("This time does not exist: the clocks change then.")
        return moment, None
    return None, _("Fill in a date and time, like 2011-01-25 19:30.")


def form_values(meeting: Meeting, timezone: str) -> dict[str, str]:
    """The edit form, filled in with the meeting as it is."""
    return {
        "title": meeting.title,
        "phase": meeting.phase,
        "starts_at": local_input(meeting.starts_at, timezone),
        "ends_at": local_input(meeting.ends_at, timezone),
        "place": meeting.place,
        "agenda": meeting.agenda,
        "capacity": "" if meeting.capacity is None else str(meeting.capacity),
    }


def _moment(result: FormResult, form: FormData, name: str, label: str, tz: str) -> datetime | None:
    raw = result.text(form, name, label=label, max_length=30)
    if not raw:
        return None
    moment, problem = parse_local(raw, tz)
    if problem:
        result.errors[name] = f"{label}: {problem}"
    return moment


def read_meeting(
    form: FormData, result: FormResult, phases: Sequence[str], timezone: str
) -> MeetingData | None:
    """The meeting as filled in, or None with ``result.errors`` saying what to correct."""
    title = result.text(form, "title", label=_("Title"), min_length=3, max_length=200)
    phase = result.text(form, "phase", label=_("Phase"), max_length=30)
    if phase and phase not in phases:
        result.errors["phase"] = _("Choose one of the phases of this process.")
    starts_at = _moment(result, form, "starts_at", _("Start"), timezone)
    ends_at = _moment(result, form, "ends_at", _("End"), timezone)
    if starts_at and ends_at and ends_at <= starts_at:
        result.errors["ends_at"] = _("The end must be after the start.")
    place = result.text(form, "place", label=_("Place"), min_length=2, max_length=300)
    agenda = result.text(form, "agenda", label=_("Agenda"), required=False, max_length=20_000)
    raw_capacity = result.text(
        form, "capacity", label=_("Number of places"), required=False, max_length=6
    )
    capacity: int | None = None
    if raw_capacity:
        if raw_capacity.isascii() and raw_capacity.isdigit() and int(raw_capacity) >= 1:
            capacity = int(raw_capacity)
        if capacity is None or capacity > MAX_CAPACITY:
            capacity = None
            result.errors["capacity"] = _(
                "Number of places: fill in a whole number from 1 to %(max)d, or leave it empty.",
                max=MAX_CAPACITY,
            )
    if not result.ok or starts_at is None or ends_at is None:
        return None
    return MeetingData(
        title=title,
        phase=phase,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        agenda=agenda,
        capacity=capacity,
    )
