"""Who may do what with a product sheet.

``product_sheet.read`` is asked about an object with ``group_id`` and ``published`` (the
page's :class:`app.product_sheets.queries.SheetPage`; a bare ProductSheet has no
``published`` and so counts as not published). ``product_sheet.edit`` and
``product_sheet.step`` take the ProductSheet (or anything with ``step`` and ``group_id``).
The phase is checked by the use cases, so a closed phase gets its own message."""

from __future__ import annotations

from typing import Any

from app.access.actor import Actor
from app.access.permissions import predicate
from app.access.roles import Role, ScopeType
from app.product_sheets.states import ACTS_AT, SheetStep, Who
from app.recruitment.membership import is_chef

# Staff who work on the sheets before the council sees them.
STAFF_ROLES = (Role.OFFICIAL, Role.FINANCE, Role.LEGAL, Role.ADMIN)


def is_staff(actor: Actor | None) -> bool:
    return actor is not None and any(actor.has_role(role) for role in STAFF_ROLES)


def is_any_chef(actor: Actor | None) -> bool:
    return actor is not None and any(
        role == Role.CHEF and scope_type == ScopeType.GROUP for role, scope_type, _ in actor.roles
    )


def acts_at(actor: Actor | None, step: str, group_id: int | None) -> bool:
    """Whether ``actor`` is who acts at ``step`` of a sheet of ``group_id``."""
    if actor is None or step not in ACTS_AT:
        return False
    who = ACTS_AT[SheetStep(step)]
    if who == Who.OFFICIAL:
        return actor.has_role(Role.OFFICIAL)
    if who == Who.FINANCE:
        return actor.has_role(Role.FINANCE)
    return is_chef(actor, group_id)


@predicate("product_sheet.read")
def may_read(actor: Actor | None, sheet: Any) -> bool:
    """Everyone once an edition with the proposal is published; before that the staff
    (officials, financial advisers, lawyers, the admin) and the group's chef."""
    if getattr(sheet, "published", False):
        return True
    return is_staff(actor) or is_chef(actor, getattr(sheet, "group_id", None))


@predicate("product_sheet.overview")
def may_see_overview(actor: Actor | None, process: Any) -> bool:
    """How many sheets are at which step: the staff and the chefs while they are written,
    everyone once an edition is published (``published`` is set by the route)."""
    return getattr(process, "published", False) or is_staff(actor) or is_any_chef(actor)


@predicate("product_sheet.edit")
def may_edit(actor: Actor | None, sheet: Any) -> bool:
    """Officials write the sheet while it is with them."""
    return (
        actor is not None
        and actor.has_role(Role.OFFICIAL)
        and getattr(sheet, "step", None) == SheetStep.OFFICIAL
    )


@predicate("product_sheet.step")
def may_take_step(actor: Actor | None, sheet: Any) -> bool:
    """Whoever acts at the sheet's current step: an official passes it on, the financial
    adviser and then the group's chef approve it or send it back."""
    return acts_at(actor, getattr(sheet, "step", ""), getattr(sheet, "group_id", None))
