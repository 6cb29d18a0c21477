"""Reading the product-sheet form: every value comes back as typed (to show again after an
error), with a message per field; amounts are read like the proposal form's."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import FormData

from app.i18n import gettext as _
from app.models import ProductSheet
from app.proposals.amounts import parse_euros
from app.web.forms import FormResult

BUDGET_LINES_LIMIT = 4_000
TEXT_LIMIT = 30_000  # a few pages of Markdown per part
REASON_LIMIT = 4_000

# The Markdown texts of a sheet, in the order the page shows them.
TEXTS: tuple[str, ...] = (
    "staff_effect",
    "legal_aspects",
    "consequences",
    "risks",
    "implementation",
    "advice",
)


def text_labels() -> dict[str, str]:
    """The fields' labels in the request's language (a function: gettext needs a request)."""
    return {
        "budget_lines": _("Budget lines"),
        "staff_effect": _("Effect on staff"),
        "legal_aspects": _("Legal aspects"),
        "consequences": _("Consequences for society"),
        "risks": _("Risks"),
        "implementation": _("Implementation"),
        "advice": _("Advice"),
    }


@dataclass
class SheetInput:
    texts: dict[str, str] = field(default_factory=dict)  # field name: text (budget_lines too)
    # {"2012": [structural, one_off]}, as ProductSheet.financial_effect stores it
    financial_effect: dict[str, list[int]] = field(default_factory=dict)


def amount_fields(year: int) -> tuple[str, str]:
    return f"structural-{year}", f"one_off-{year}"


def _text(form: FormData, name: str) -> str:
    raw = form.get(name)
    return raw.replace("\r\n", "\n").strip() if isinstance(raw, str) else ""


def _euro(amount: int) -> str:
    """An amount as the form shows it: Dutch thousands dots, a minus for a cost."""
    return f"{amount:,}".replace(",", ".") if amount else ""


def read_amounts(form: FormData, years: Sequence[int], shown: FormResult) -> dict[str, list[int]]:
    """The structural and one-off euros per year as ``financial_effect`` stores them (an
    empty field is nothing). What was typed goes into ``shown.values``, a mistake into
    ``shown.errors``; a council amendment that changes the amounts reads them alike."""
    amounts: dict[str, list[int]] = {}
    for year in years:
        parsed: list[int] = []
        for name, label in zip(
            amount_fields(year),
            (_("Structural %(year)d", year=year), _("One-off %(year)d", year=year)),
            strict=True,
        ):
            raw = form.get(name)
            shown.values[name] = raw if isinstance(raw, str) else ""
            result = parse_euros(shown.values[name], label)
            if result.error:
                shown.errors[name] = result.error
            parsed.append(result.value or 0)
        amounts[str(year)] = parsed
    return amounts


def read(form: FormData, years: Sequence[int]) -> tuple[FormResult, SheetInput]:
    shown, data = FormResult(), SheetInput()
    labels = text_labels()
    for name in ("budget_lines", *TEXTS):
        value = _text(form, name)
        shown.values[name] = value
        limit = BUDGET_LINES_LIMIT if name == "budget_lines" else TEXT_LIMIT
        if len(value) > limit:
            shown.errors[name] = _(
                "%(label)s: use at most %(n)d characters.", label=labels[name], n=limit
            )
        data.texts[name] = value
    data.financial_effect = read_amounts(form, years, shown)
    version = form.get("version")
    shown.values["version"] = version if isinstance(version, str) else ""
    return shown, data


def effect_of(sheet: ProductSheet, year: int) -> tuple[int, int]:
    """A year's (structural, one-off) from the stored JSON; a missing year is nothing."""
    value: Any = (sheet.financial_effect or {}).get(str(year))
    if isinstance(value, list | tuple) and len(value) == 2:
        return int(value[0] or 0), int(value[1] or 0)
    return 0, 0


def fill_amounts(
    shown: FormResult, amounts: Mapping[int, tuple[int, int]], years: Sequence[int]
) -> None:
    """Put amounts per year into the form's fields as if they had been typed."""
    for year in years:
        structural, one_off = amounts.get(year, (0, 0))
        names = amount_fields(year)
        shown.values[names[0]], shown.values[names[1]] = _euro(structural), _euro(one_off)


def filled(sheet: ProductSheet, years: Sequence[int]) -> FormResult:
    """The form for the saved sheet, as if the official had typed it."""
    shown = FormResult()
    shown.values["budget_lines"] = sheet.budget_lines
    for name in TEXTS:
        shown.values[name] = getattr(sheet, name)
    fill_amounts(shown, {year: effect_of(sheet, year) for year in years}, years)
    shown.values["version"] = str(sheet.version)
    return shown


def read_reason(form: FormData) -> str:
    return _text(form, "reden")
