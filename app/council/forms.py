"""Reading the councillors' forms: every value comes back as typed (to show again after an
error), with a message per field. The amounts of a change are read with the product
sheet's own fields and rules, so a councillor types them as the official did."""

from __future__ import annotations

from collections.abc import Sequence

from starlette.datastructures import FormData

from app.council.queries import Amounts
from app.council.service import CONDITION_LIMIT, EXPLANATION_LIMIT, REASON_LIMIT, AmendmentInput
from app.council.states import AmendmentKind
from app.i18n import gettext as _
from app.product_sheets.forms import amount_fields, fill_amounts, read_amounts
from app.web.forms import FormResult

KINDS: tuple[AmendmentKind, ...] = (
    AmendmentKind.STRIKE,
    AmendmentKind.CHANGE,
    AmendmentKind.CONDITION,
)


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


def filled(base: Amounts, years: Sequence[int]) -> FormResult:
    """A new amendment's form: the change fields hold the product sheet's amounts, so the
    councillor alters only the years they mean to."""
    shown = FormResult()
    fill_amounts(shown, base, years)
    return shown


def read_amendment(
    form: FormData, years: Sequence[int], base: Amounts
) -> tuple[FormResult, AmendmentInput | None]:
    """The amendment as typed, and the checked input for :func:`service.file_amendment`
    (None while anything is wrong). ``base`` is the measure's amounts per year on its
    product sheet: a change that leaves them all as they are changes nothing."""
    shown = FormResult()
    raw_kind = form.get("kind")
    shown.values["kind"] = raw_kind if isinstance(raw_kind, str) else ""
    kind: AmendmentKind | None = None
    if shown.values["kind"] in KINDS:
        kind = AmendmentKind(shown.values["kind"])
    else:
        shown.errors["kind"] = _("Choose what the amendment does.")
    condition = _long_text(
        shown,
        form,
        "condition",
        label=_("Condition"),
        limit=CONDITION_LIMIT,
        required=kind == AmendmentKind.CONDITION,
    )
    if kind != AmendmentKind.CONDITION:
        shown.errors.pop("condition", None)  # kept as typed, but not filed

    # The amounts are always read back (a councillor who switches kind loses nothing),
    # and only checked for a change.
    checked = FormResult()
    amounts = read_amounts(form, years, checked)
    shown.values.update(checked.values)
    if kind == AmendmentKind.CHANGE:
        shown.errors.update(checked.errors)
        if not checked.errors:
            typed = any(
                shown.values[name].strip() for year in years for name in amount_fields(year)
            )
            same = all(tuple(amounts[str(year)]) == base.get(year, (0, 0)) for year in years)
            if not typed:
                shown.errors["amounts"] = _("Fill in the new amounts per year.")
            elif same:
                shown.errors["amounts"] = _(
                    "These are the amounts of the product sheet. Change at least one, or "
                    "choose another kind of amendment."
                )
    explanation = _long_text(
        shown, form, "explanation", label=_("Explanation"), limit=EXPLANATION_LIMIT, required=True
    )
    if not shown.ok or kind is None:
        return shown, None
    return shown, AmendmentInput(
        kind=kind,
        explanation=explanation,
        condition=condition if kind == AmendmentKind.CONDITION else "",
        amounts=amounts if kind == AmendmentKind.CHANGE else None,
    )


def read_reason(form: FormData, shown: FormResult) -> str:
    """The optional words with which a filer withdraws an amendment."""
    return _long_text(shown, form, "reden", label=_("Reason"), limit=REASON_LIMIT, required=False)
