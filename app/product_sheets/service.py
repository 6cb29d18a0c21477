"""Use cases of a product sheet: an official saves it while it is with the officials, and
whoever acts at its step passes it on, approves it or sends it back. Each is audited; each
move is logged on the sheet and told to whoever acts next."""

from __future__ import annotations

from jinja2 import Environment
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.roles import Role
from app.audit.service import record, signature
from app.db import utcnow
from app.errors import Conflict, InvalidTransition
from app.i18n import gettext as _
from app.models import Phase, Process, ProductSheet, ProductSheetStep, Proposal, User
from app.notifications.kinds import NotificationKind
from app.notifications.service import notify
from app.phases.guard import require_phase
from app.phases.kinds import Action
from app.product_sheets import queries
from app.product_sheets.forms import TEXTS, SheetInput
from app.product_sheets.queries import SAVED
from app.product_sheets.states import (
    NEEDS_REASON,
    STEP_LABELS,
    SheetAction,
    SheetStep,
    next_step,
)
from app.recruitment.membership import members

STEPPED = "product_sheet.step"  # the audit action of a move


def sheet_path(process: Process, proposal_id: int) -> str:
    return f"/processen/{process.slug}/productbladen/{proposal_id}"


def save(
    db: Session,
    by: Actor,
    process: Process,
    phases: list[Phase],
    sheet: ProductSheet,
    data: SheetInput,
    *,
    expected_version: int | None,
) -> bool:
    """Apply the official's texts and amounts; False when nothing changed (no version, no
    audit entry). A save over someone else's newer save is refused, so nothing is lost:
    the page shows what was typed and the saved sheet is one click away."""
    require_phase(process, phases, Action.WRITE_PRODUCT_SHEET)
    if sheet.step != SheetStep.OFFICIAL:
        raise InvalidTransition(
            _("The product sheet has been passed on: it can only be changed at the official.")
        )
    if expected_version is not None and expected_version != sheet.version:
        raise Conflict(
            _(
                "Someone else saved this product sheet while you were working on it. "
                "Your text is below; compare it with the saved sheet before you save again."
            )
        )
    changed = [
        name for name in ("budget_lines", *TEXTS) if getattr(sheet, name) != data.texts[name]
    ]
    if (sheet.financial_effect or {}) != data.financial_effect:
        changed.append("financial_effect")
    if not changed:
        return False
    before = {"version": sheet.version}
    for name in ("budget_lines", *TEXTS):
        setattr(sheet, name, data.texts[name])
    sheet.financial_effect = data.financial_effect
    sheet.version += 1
    sheet.updated_by, sheet.updated_at = signature(by), utcnow()
    db.flush()
    record(
        db,
        actor=by,
        action=SAVED,
        target=sheet,
        before=before,
        after={"version": sheet.version, "fields": changed},
    )
    return True


def take_step(
    db: Session,
    jinja: Environment,
    by: Actor,
    process: Process,
    phases: list[Phase],
    sheet: ProductSheet,
    proposal: Proposal,
    action: SheetAction,
    *,
    seen_step: str | None,
    reason: str,
    base_url: str,
) -> SheetStep:
    """Move the sheet by the table. ``seen_step`` is the step the person's page showed: if
    the sheet moved on since, their click is about a sheet that no longer exists."""
    require_phase(process, phases, Action.WRITE_PRODUCT_SHEET)
    if seen_step is not None and seen_step != sheet.step:
        raise Conflict(_("The product sheet has moved on since you opened it. Look again."))
    from_step = SheetStep(sheet.step)
    to_step = next_step(sheet.step, action)
    reason = reason.strip()
    if action in NEEDS_REASON and not reason:
        raise InvalidTransition(_("Say why you send the product sheet back."))
    db.add(
        ProductSheetStep(
            sheet_id=sheet.id,
            from_step=from_step.value,
            to_step=to_step.value,
            actor_id=by.id,
            actor_label=signature(by),
            reason=reason or None,
        )
    )
    sheet.step = to_step.value
    # The reason stays on the sheet while the official works on it; the log keeps it after.
    sheet.returned_reason = reason if action == SheetAction.SEND_BACK else None
    db.flush()
    record(
        db,
        actor=by,
        action=STEPPED,
        target=sheet,
        before={"step": from_step.value},
        after={"step": to_step.value, "action": action.value},
        reason=reason or None,
    )
    _tell(db, jinja, by, process, sheet, proposal, action, to_step, reason, base_url)
    return to_step


def _tell(
    db: Session,
    jinja: Environment,
    by: Actor,
    process: Process,
    sheet: ProductSheet,
    proposal: Proposal,
    action: SheetAction,
    to_step: SheetStep,
    reason: str,
    base_url: str,
) -> None:
    """Whoever acts next hears that the sheet waits for them; when it is sent back, the
    official who last edited it hears why (and not twice)."""
    link = sheet_path(process, proposal.id)
    params = {"title": proposal.title, "step": to_step.value}
    returned_to: User | None = None
    if action == SheetAction.SEND_BACK:
        returned_to = queries.last_editor(db, sheet)
        if returned_to is not None and returned_to.id != by.id:
            notify(
                db, jinja, [returned_to], NotificationKind.PRODUCT_SHEET_RETURNED, link=link,
                params={**params, "name": by.display_name, "reason": reason}, base_url=base_url,
            )  # fmt: skip
    waiting: list[User]
    if to_step == SheetStep.OFFICIAL:
        waiting = queries.holders(db, Role.OFFICIAL)
    elif to_step == SheetStep.FINANCE:
        waiting = queries.holders(db, Role.FINANCE)
    elif to_step == SheetStep.CHEF:
        waiting = members(db, [sheet.group_id], roles=[Role.CHEF])
    else:
        waiting = []  # signed off: nobody acts any more
    skip = {by.id, returned_to.id if returned_to is not None else None}
    notify(
        db,
        jinja,
        [user for user in waiting if user.id not in skip],
        NotificationKind.PRODUCT_SHEET_WAITING,
        link=link,
        params=params,
        base_url=base_url,
        mail_context={"step_label": STEP_LABELS[to_step]},  # lazy: the reader's language
    )
