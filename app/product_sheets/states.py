"""A product sheet's sign-off as a table: (step, action) -> next step, and who acts at each
step. Nothing else assigns ``ProductSheet.step``."""

from __future__ import annotations

from enum import StrEnum

from app.errors import InvalidTransition
from app.i18n import gettext as _
from app.i18n import lazy_gettext as _l


class SheetStep(StrEnum):
    OFFICIAL = "official"  # the official drafts it
    FINANCE = "finance"  # the financial adviser checks it
    CHEF = "chef"  # the group's chef signs it off
    SIGNED_OFF = "signed_off"  # done: it goes to the council as it is


class SheetAction(StrEnum):
    PASS_ON = "pass_on"  # noqa: S105 - a step, not a password
    APPROVE = "approve"
    SEND_BACK = "send_back"


class Who(StrEnum):
    OFFICIAL = "official"  # anyone with the official role
    FINANCE = "finance"  # anyone with the finance role
    CHEF = "chef"  # the chef of the sheet's group


S, A = SheetStep, SheetAction
TRANSITIONS: dict[tuple[SheetStep, SheetAction], SheetStep] = {
    (S.OFFICIAL, A.PASS_ON): S.FINANCE,
    (S.FINANCE, A.APPROVE): S.CHEF,
    (S.FINANCE, A.SEND_BACK): S.OFFICIAL,
    (S.CHEF, A.APPROVE): S.SIGNED_OFF,
    (S.CHEF, A.SEND_BACK): S.OFFICIAL,
}

# Who acts at a step; a signed-off sheet has nobody left to act.
ACTS_AT: dict[SheetStep, Who] = {
    S.OFFICIAL: Who.OFFICIAL,
    S.FINANCE: Who.FINANCE,
    S.CHEF: Who.CHEF,
}

# Sending back needs words: the official must know what to change.
NEEDS_REASON: frozenset[SheetAction] = frozenset({A.SEND_BACK})

# The progress line's order.
ORDER: tuple[SheetStep, ...] = (S.OFFICIAL, S.FINANCE, S.CHEF, S.SIGNED_OFF)

STEP_LABELS: dict[str, str] = {
    S.OFFICIAL: _l("Official"),
    S.FINANCE: _l("Financial adviser"),
    S.CHEF: _l("Chef"),
    S.SIGNED_OFF: _l("Signed off"),
}

# The button of each move: approving at the chef's step is the sign-off itself.
ACTION_LABELS: dict[tuple[str, str], str] = {
    (S.OFFICIAL, A.PASS_ON): _l("Pass on to the financial adviser"),
    (S.FINANCE, A.APPROVE): _l("Approve and pass on to the chef"),
    (S.FINANCE, A.SEND_BACK): _l("Send back to the official"),
    (S.CHEF, A.APPROVE): _l("Sign off"),
    (S.CHEF, A.SEND_BACK): _l("Send back to the official"),
}


def next_step(step: str, action: SheetAction) -> SheetStep:
    try:
        return TRANSITIONS[(SheetStep(step), action)]
    except (KeyError, ValueError):
        raise InvalidTransition(
            _(
                "This step is not possible for a product sheet at the step: %(step)s.",
                step=str(STEP_LABELS.get(step, step)).lower(),
            )
        ) from None


def actions_from(step: str) -> list[SheetAction]:
    """The actions the table allows from ``step``, in the table's order."""
    return [action for (s, action) in TRANSITIONS if s == step]
