"""Who may see, add and remove the attachments of a proposal or a product sheet.

The object is an :class:`app.attachments.queries.Subject` (or anything with ``kind`` and
``target``): the attachments follow the rules of what they hang on. Seeing them is seeing
the proposal or the sheet. Adding and removing them is changing it: a proposal's authors
and co-authors and its group's chef while the proposal may be changed; a sheet's official,
financial adviser or chef while the sheet is at their step. The phase is checked by the
use cases, so a closed phase gets its own message."""

from __future__ import annotations

from typing import Any

from app.access.actor import Actor
from app.access.permissions import predicate
from app.product_sheets import permissions as sheet_rules
from app.proposals import permissions as proposal_rules

PROPOSAL = "proposal"
PRODUCT_SHEET = "product_sheet"


def _kind_and_target(subject: Any) -> tuple[str | None, Any]:
    return getattr(subject, "kind", None), getattr(subject, "target", None)


@predicate("attachment.view")
def may_view(actor: Actor | None, subject: Any) -> bool:
    kind, target = _kind_and_target(subject)
    if kind == PROPOSAL:
        return proposal_rules.may_read(actor, target)
    if kind == PRODUCT_SHEET:
        return sheet_rules.may_read(actor, target)
    return False


@predicate("attachment.add")
def may_add(actor: Actor | None, subject: Any) -> bool:
    kind, target = _kind_and_target(subject)
    if kind == PROPOSAL:
        return proposal_rules.may_edit(actor, target)
    if kind == PRODUCT_SHEET:
        # The official while writing it, the financial adviser and the chef at their step.
        return sheet_rules.may_edit(actor, target) or sheet_rules.may_take_step(actor, target)
    return False


@predicate("attachment.remove")
def may_remove(actor: Actor | None, subject: Any) -> bool:
    """Whoever may add to it now, whoever added the file: a file stays part of the
    proposal or sheet it was attached to, as its text does."""
    return may_add(actor, subject)
