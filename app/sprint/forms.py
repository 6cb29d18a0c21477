"""Reading the sprint's forms: the clock, an option, a team's measure, a mood check. Every
value comes back as typed (to show again after an error), with a message per field.
Amounts are read with the product sheet's fields and rules, so euros are typed alike
everywhere in the app."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from starlette.datastructures import FormData

from app.i18n import gettext as _
from app.models import SprintOption
from app.product_sheets.forms import fill_amounts, read_amounts
from app.proposals.amounts import parse_euros
from app.sprint.options_service import BUDGET_LINES_LIMIT, OptionInput
from app.sprint.options_service import TEXT_LIMIT as OPTION_TEXT_LIMIT
from app.sprint.package_service import MOOD_LINE_LIMIT, TEXT_LIMIT, TITLE_LIMIT, MeasureInput
from app.web.forms import FormResult

# How a datetime-local field sends its value (seconds only when the browser adds them).
_LOCAL_FORMATS = ("%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M")


def _text(form: FormData, name: str) -> str:
    # Browsers send a textarea's line breaks as CRLF; count and keep them as one character.
    raw = form.get(name)
    return raw.replace("\r\n", "\n").strip() if isinstance(raw, str) else ""


def _long_text(
    shown: FormResult, form: FormData, name: str, *, label: str, limit: int, required: bool
) -> str:
    value = _text(form, name)
    shown.values[name] = value
    if required and not value:
        shown.errors[name] = _("Fill in this field: %(label)s.", label=label)
    elif len(value) > limit:
        shown.errors[name] = _("%(label)s: use at most %(n)d characters.", label=label, n=limit)
    return value


# --- the clock ----------------------------------------------------------------------------------


def local_value(moment: datetime | None, timezone: str) -> str:
    """A stored UTC moment as a datetime-local field holds it, in the organization's zone."""
    if moment is None:
        return ""
    return moment.astimezone(ZoneInfo(timezone)).strftime("%Y-%m-%dT%H:%M")


def _moment(
    shown: FormResult, form: FormData, name: str, label: str, zone: ZoneInfo
) -> datetime | None:
    value = _text(form, name)
    shown.values[name] = value
    if not value:
        shown.errors[name] = _("Fill in this field: %(label)s.", label=label)
        return None
    for pattern in _LOCAL_FORMATS:
        try:
            typed = datetime.strptime(value, pattern)  # noqa: DTZ007 - the zone comes next
        except ValueError:
            continue
        # Year 1 in local time falls before UTC's year 1 (an OverflowError, a 500): a
        # sprint's year is this century's, like a meeting's (app.meetings.forms).
        if not 2000 <= typed.year <= 2100:
            break
        moment = typed.replace(tzinfo=zone).astimezone(UTC)
        if moment.astimezone(zone).replace(tzinfo=None) != typed:
            shown.errors[name] = _("This time does not exist: the clocks change then.")
            return None
        return moment
    shown.errors[name] = _("%(label)s: fill in a date and time like 2019-05-14 09:00.", label=label)
    return None


def read_clock(
    form: FormData, timezone: str
) -> tuple[FormResult, tuple[datetime, datetime] | None]:
    """The start and end as typed (local time), and as UTC moments when both are right."""
    shown = FormResult()
    zone = ZoneInfo(timezone)
    starts_at = _moment(shown, form, "starts_at", _("Start"), zone)
    ends_at = _moment(shown, form, "ends_at", _("End"), zone)
    if starts_at and ends_at and ends_at <= starts_at:
        shown.errors["ends_at"] = _("The sprint must end after it starts.")
    if not shown.ok or starts_at is None or ends_at is None:
        return shown, None
    return shown, (starts_at, ends_at)


# --- an option ----------------------------------------------------------------------------------


def _euros(shown: FormResult, form: FormData, name: str, label: str) -> int:
    raw = form.get(name)
    shown.values[name] = raw if isinstance(raw, str) else ""
    result = parse_euros(shown.values[name], label)
    if result.error:
        shown.errors[name] = result.error
    return result.value or 0


def _amount_text(amount: int) -> str:
    return f"{amount:,}".replace(",", ".") if amount else ""


def option_filled(option: SprintOption) -> FormResult:
    shown = FormResult()
    shown.values.update(
        title=option.title,
        measure=option.measure,
        budget_lines=option.budget_lines,
        structural=_amount_text(option.structural),
        current_year=_amount_text(option.current_year),
        legal_snags=option.legal_snags,
    )
    return shown


def read_option(form: FormData) -> tuple[FormResult, OptionInput | None]:
    shown = FormResult()
    title = shown.text(form, "title", label=_("Title"), min_length=3, max_length=TITLE_LIMIT)
    measure = _long_text(
        shown, form, "measure", label=_("The measure"), limit=OPTION_TEXT_LIMIT, required=True
    )
    budget_lines = _long_text(
        shown, form, "budget_lines", label=_("Budget lines"), limit=BUDGET_LINES_LIMIT,
        required=False,
    )  # fmt: skip
    structural = _euros(shown, form, "structural", _("Structural a year"))
    current_year = _euros(shown, form, "current_year", _("In the current year"))
    legal_snags = _long_text(
        shown, form, "legal_snags", label=_("Known legal snags"), limit=OPTION_TEXT_LIMIT,
        required=False,
    )  # fmt: skip
    if not shown.ok:
        return shown, None
    return shown, OptionInput(
        title=title,
        measure=measure,
        budget_lines=budget_lines,
        structural=structural,
        current_year=current_year,
        legal_snags=legal_snags,
    )


# --- a team's measure ---------------------------------------------------------------------------


def measure_filled(data: MeasureInput, years: Sequence[int]) -> FormResult:
    """The form holding a measure (an option to adapt, or the measure as it is now)."""
    shown = FormResult()
    shown.values["title"] = data.title
    shown.values["measure"] = data.measure
    fill_amounts(shown, data.amounts, years)
    return shown


def read_measure(form: FormData, years: Sequence[int]) -> tuple[FormResult, MeasureInput | None]:
    shown = FormResult()
    title = shown.text(form, "title", label=_("Title"), min_length=3, max_length=TITLE_LIMIT)
    measure = _long_text(
        shown, form, "measure", label=_("The measure"), limit=TEXT_LIMIT, required=True
    )
    amounts = read_amounts(form, years, shown)
    if not shown.ok:
        return shown, None
    if not any(any(pair) for pair in amounts.values()):
        shown.errors["amounts"] = _("Fill in what the measure saves, in at least one year.")
        return shown, None
    return shown, MeasureInput(
        title=title,
        measure=measure,
        amounts={int(year): (pair[0], pair[1]) for year, pair in amounts.items()},
    )


# --- a mood check -------------------------------------------------------------------------------

SCORES = (1, 2, 3, 4, 5)


def read_mood(form: FormData) -> tuple[FormResult, tuple[int, str] | None]:
    shown = FormResult()
    raw = form.get("score")
    shown.values["score"] = raw if isinstance(raw, str) else ""
    score = int(shown.values["score"]) if shown.values["score"] in {str(s) for s in SCORES} else 0
    if not score:
        shown.errors["score"] = _("Choose how your team is doing, from 1 to 5.")
    line = _long_text(
        shown, form, "line", label=_("In a line"), limit=MOOD_LINE_LIMIT, required=False
    )
    if not shown.ok:
        return shown, None
    return shown, (score, line)
