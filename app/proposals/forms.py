"""Reading the proposal form: every value comes back as typed (to show again after an
error), with a message per field; the choices offered (years, budget lines, frameworks,
co-authors) are the only ones accepted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from starlette.datastructures import FormData

from app.i18n import gettext as _
from app.models import BudgetLine, Framework, User
from app.proposals.amounts import parse_euros

TITLE_LIMIT = 200
SUMMARY_LIMIT = 2_000
TEXT_LIMIT = 30_000  # the measure and the consequences: pages, not books
EXPLANATION_LIMIT = 4_000
REASON_LIMIT = 4_000


@dataclass(frozen=True)
class Options:
    """What the form offers: the horizon's years, the theme's budget lines, the
    process's frameworks, and the group's members who may co-author."""

    years: list[int]
    lines: Sequence[BudgetLine]
    frameworks: Sequence[Framework]
    members: Sequence[User]


@dataclass
class ProposalInput:
    title: str = ""
    summary: str = ""
    measure: str = ""
    consequences: str = ""
    amounts: dict[int, tuple[int, int]] = field(default_factory=dict)  # year: structural, one-off
    line_ids: list[int] = field(default_factory=list)
    frameworks: dict[int, str] = field(default_factory=dict)  # framework id: explanation
    coauthor_ids: list[int] = field(default_factory=list)


@dataclass
class ProposalForm:
    """What the page shows in the form: typed text per field name, the ticked boxes, and
    the errors per field name (the same names as the inputs, for the error summary)."""

    values: dict[str, str] = field(default_factory=dict)
    lines: set[int] = field(default_factory=set)
    frameworks: set[int] = field(default_factory=set)
    coauthors: set[int] = field(default_factory=set)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def amount_fields(year: int) -> tuple[str, str]:
    return f"structural-{year}", f"one_off-{year}"


def _text(form: FormData, name: str) -> str:
    raw = form.get(name)
    return raw.replace("\r\n", "\n").strip() if isinstance(raw, str) else ""


def _ids(form: FormData, name: str, allowed: set[int]) -> set[int]:
    """Ticked boxes; an id the page did not offer is ignored (a stale or forged form)."""
    chosen = set()
    for raw in form.getlist(name):
        if isinstance(raw, str) and raw.isdigit() and int(raw) in allowed:
            chosen.add(int(raw))
    return chosen


def _euro(amount: int) -> str:
    """An amount as the form shows it: Dutch thousands dots, a minus for a cost."""
    return f"{amount:,}".replace(",", ".") if amount else ""


def read(form: FormData, options: Options) -> tuple[ProposalForm, ProposalInput]:
    shown = ProposalForm()
    data = ProposalInput()
    limits = {
        "title": (_("Title"), TITLE_LIMIT, True),
        "summary": (_("Summary"), SUMMARY_LIMIT, True),
        "measure": (_("The measure"), TEXT_LIMIT, False),
        "consequences": (_("Consequences for society"), TEXT_LIMIT, False),
    }
    for name, (label, limit, required) in limits.items():
        value = _text(form, name)
        shown.values[name] = value
        if required and not value:
            shown.errors[name] = _("Fill in this field: %(label)s.", label=label)
        elif len(value) > limit:
            shown.errors[name] = _("%(label)s: use at most %(n)d characters.", label=label, n=limit)
        setattr(data, name, value)
    for year in options.years:
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
        data.amounts[year] = (parsed[0], parsed[1])
    shown.lines = _ids(form, "line", {line.id for line in options.lines})
    data.line_ids = sorted(shown.lines)
    shown.coauthors = _ids(form, "coauthor", {user.id for user in options.members})
    data.coauthor_ids = sorted(shown.coauthors)
    shown.frameworks = _ids(form, "framework", {f.id for f in options.frameworks})
    for framework in options.frameworks:
        name = f"explanation-{framework.id}"
        value = _text(form, name)
        shown.values[name] = value
        if framework.id not in shown.frameworks:
            continue
        if not value:
            shown.errors[name] = _(
                "Explain how the proposal touches framework %(n)d.", n=framework.number
            )
        elif len(value) > EXPLANATION_LIMIT:
            shown.errors[name] = _(
                "%(label)s: use at most %(n)d characters.",
                label=_("Framework %(n)d", n=framework.number),
                n=EXPLANATION_LIMIT,
            )
        data.frameworks[framework.id] = value
    return shown, data


def filled(data: ProposalInput, years: Sequence[int]) -> ProposalForm:
    """The form for a saved proposal, as if its authors had typed it."""
    shown = ProposalForm(
        values={
            "title": data.title,
            "summary": data.summary,
            "measure": data.measure,
            "consequences": data.consequences,
        },
        lines=set(data.line_ids),
        frameworks=set(data.frameworks),
        coauthors=set(data.coauthor_ids),
    )
    for year in years:
        structural, one_off = data.amounts.get(year, (0, 0))
        names = amount_fields(year)
        shown.values[names[0]], shown.values[names[1]] = _euro(structural), _euro(one_off)
    for framework_id, explanation in data.frameworks.items():
        shown.values[f"explanation-{framework_id}"] = explanation
    return shown


def read_reason(form: FormData, name: str) -> str:
    return _text(form, name)[:REASON_LIMIT]
