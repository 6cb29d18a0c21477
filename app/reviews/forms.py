"""Reading the review form: a verdict, notes where the verdict needs them, and for the
financial review an amount per year of the horizon. Every value comes back as typed."""

from __future__ import annotations

from collections.abc import Sequence

from starlette.datastructures import FormData

from app.i18n import gettext as _
from app.proposals.amounts import parse_euros
from app.reviews.kinds import NEEDS_NOTES, ReviewKind, Verdict
from app.reviews.service import ReviewInput
from app.web.forms import FormResult

NOTES_LIMIT = 10_000


def structural_field(year: int) -> str:
    return f"structural-{year}"


def one_off_field(year: int) -> str:
    return f"one_off-{year}"


def read_review(
    form: FormData, kind: ReviewKind, years: Sequence[int]
) -> tuple[ReviewInput | None, FormResult]:
    result = FormResult()
    raw = form.get("verdict")
    verdict_value = raw if isinstance(raw, str) else ""
    result.values["verdict"] = verdict_value
    verdict = Verdict(verdict_value) if verdict_value in set(Verdict) else None
    if verdict is None:
        result.errors["verdict"] = _("Choose a verdict.")
    notes = result.text(form, "notes", label=_("Notes"), required=False, max_length=NOTES_LIMIT)
    if verdict in NEEDS_NOTES and not notes and "notes" not in result.errors:
        result.errors["notes"] = _(
            "Explain the verdict in the notes: the conditions, or why it is not feasible."
        )
    amounts: dict[int, tuple[int, int]] = {}
    if kind == ReviewKind.FINANCIAL:
        for year in years:
            structural = _amount(
                form, result, structural_field(year), _("Structural %(year)d", year=year)
            )
            one_off = _amount(form, result, one_off_field(year), _("One-off %(year)d", year=year))
            amounts[year] = (structural or 0, one_off or 0)
    if not result.ok or verdict is None:
        return None, result
    return ReviewInput(verdict=verdict, notes=notes, amounts=amounts), result


def _amount(form: FormData, result: FormResult, name: str, label: str) -> int | None:
    raw = form.get(name)
    typed = raw if isinstance(raw, str) else ""
    result.values[name] = typed
    parsed = parse_euros(typed, label)
    if parsed.error:
        result.errors[name] = parsed.error
    return parsed.value
