"""Use cases of the council's decision: the admin submits an edition, councillors file,
co-sign and withdraw amendments, the clerk records votes (and corrects them with a
reason, never overwriting) and publishes the decision. Each checks its phase and state,
changes state through :mod:`app.council.states`, writes the audit trail, and tells the
people concerned."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from jinja2 import Environment
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.roles import Role
from app.audit.service import record, signature
from app.council import queries
from app.council.states import (
    AmendmentEvent,
    AmendmentKind,
    AmendmentState,
    DecisionState,
    amendment_transition,
)
from app.db import utcnow
from app.errors import Conflict, InvalidTransition
from app.i18n import gettext as _
from app.i18n import ngettext
from app.models import (
    Amendment,
    AmendmentSignature,
    CentralWhitePaper,
    CouncilDecision,
    EditionEntry,
    Phase,
    Process,
    ProductSheet,
)
from app.notifications.kinds import NotificationKind
from app.notifications.service import notify
from app.phases.guard import require_phase
from app.phases.kinds import Action, PhaseKind
from app.processes.service import set_current_phase
from app.product_sheets.queries import holders
from app.product_sheets.states import SheetStep

EXPLANATION_LIMIT = 5000
CONDITION_LIMIT = 2000
NOTE_LIMIT = 2000
REASON_LIMIT = 2000  # a withdrawal's, a correction's

By = Actor | str


def council_path(process: Process) -> str:
    return f"/processen/{process.slug}/raad"


def decision_path(process: Process) -> str:
    return f"/processen/{process.slug}/raad/besluit"


def amendment_path(process: Process, number: int) -> str:
    return f"/processen/{process.slug}/raad/amendementen/{number}"


# --- submitting the edition -------------------------------------------------------------------


def submit_to_council(
    db: Session,
    jinja: Environment,
    by: Actor,
    process: Process,
    phases: list[Phase],
    edition: CentralWhitePaper,
    *,
    meeting_on: date | None,
    note: str,
    base_url: str,
) -> CouncilDecision:
    """Put the published, latest edition before the council: it opens the decision (and
    moves the process into the council-decision phase). Every product sheet of the edition
    must be signed off: the council decides on them as they are."""
    require_phase(process, phases, Action.SUBMIT_TO_COUNCIL)
    if edition.published_at is None:
        raise Conflict(_("Publish the edition before you submit it to the council."))
    latest = db.scalar(
        select(func.max(CentralWhitePaper.number)).where(CentralWhitePaper.process_id == process.id)
    )
    if edition.number != latest:
        raise Conflict(_("Only the latest edition can go to the council."))
    if queries.decision_of(db, process) is not None:
        raise Conflict(_("The council already has a central white paper of this process."))
    unsigned = int(
        db.scalar(
            select(func.count(EditionEntry.id))
            .outerjoin(ProductSheet, ProductSheet.proposal_id == EditionEntry.proposal_id)
            .where(
                EditionEntry.edition_id == edition.id,
                func.coalesce(ProductSheet.step, "") != SheetStep.SIGNED_OFF.value,
            )
        )
        or 0
    )
    if unsigned:
        raise Conflict(
            ngettext(
                "%(num)d product sheet of this edition is not signed off yet.",
                "%(num)d product sheets of this edition are not signed off yet.",
                unsigned,
            )
            + " "
            + _("The council decides on signed-off sheets only.")
        )
    decision = CouncilDecision(
        process_id=process.id,
        edition_id=edition.id,
        state=DecisionState.OPEN.value,
        meeting_on=meeting_on,
        note=note,
        submitted_by=signature(by),
    )
    db.add(decision)
    db.flush()
    record(
        db,
        actor=by,
        action="council.submitted",
        target=decision,
        after={
            "edition": edition.number,
            "meeting_on": meeting_on.isoformat() if meeting_on else None,
        },
    )
    set_current_phase(
        db, by, process, PhaseKind.COUNCIL_DECISION, reason=_("Submitted to the council")
    )
    notify(
        db,
        jinja,
        holders(db, Role.COUNCIL),
        NotificationKind.COUNCIL_SUBMITTED,
        link=council_path(process),
        params={"process": process.title, "number": edition.number},
        base_url=base_url,
    )
    return decision


# --- amendments ------------------------------------------------------------------------------


@dataclass
class AmendmentInput:
    """What a councillor typed, already checked by :func:`app.council.forms.read_amendment`."""

    kind: AmendmentKind
    explanation: str
    condition: str = ""
    amounts: dict[str, list[int]] | None = None  # for a change: {"2012": [s, o]}


def require_open(process: Process, phases: list[Phase], decision: CouncilDecision) -> None:
    """Amendments can be filed, co-signed and withdrawn (the pages ask it too, to say so
    before the councillor types)."""
    require_phase(process, phases, Action.FILE_AMENDMENT)
    if decision.state != DecisionState.OPEN:
        raise InvalidTransition(
            _("The council has voted on the whole edition: amendments are closed.")
        )


def file_amendment(
    db: Session,
    jinja: Environment,
    by: Actor,
    process: Process,
    phases: list[Phase],
    decision: CouncilDecision,
    entry: EditionEntry,
    sheet: ProductSheet,
    data: AmendmentInput,
    *,
    base_url: str,
) -> Amendment:
    require_open(process, phases, decision)
    if entry.edition_id != decision.edition_id or sheet.proposal_id != entry.proposal_id:
        raise Conflict(_("This product sheet is not in the edition before the council."))
    party = queries.party_of(db, by.id)
    amendment = Amendment(
        process_id=process.id,
        decision_id=decision.id,
        entry_id=entry.id,
        sheet_id=sheet.id,
        proposal_id=entry.proposal_id,
        number=queries.next_number(db, decision),
        kind=data.kind.value,
        state=AmendmentState.FILED.value,
        explanation=data.explanation,
        condition=data.condition if data.kind == AmendmentKind.CONDITION else "",
        amounts=data.amounts if data.kind == AmendmentKind.CHANGE else None,
        filer_id=by.id,
        filer_label=signature(by),
        party=party.name if party is not None else "",
    )
    db.add(amendment)
    db.flush()
    record(
        db,
        actor=by,
        action="amendment.filed",
        target=amendment,
        after={
            "number": amendment.number,
            "kind": amendment.kind,
            "proposal": entry.proposal_id,
            "amounts": amendment.amounts,
        },
    )
    others = [user for user in holders(db, Role.COUNCIL) if user.id != by.id]
    notify(
        db,
        jinja,
        others,
        NotificationKind.AMENDMENT_FILED,
        link=amendment_path(process, amendment.number),
        params={
            "name": by.display_name,
            "number": amendment.number,
            "title": entry.title,
            "party": amendment.party,
        },
        base_url=base_url,
    )
    return amendment


def cosign(
    db: Session,
    by: Actor,
    process: Process,
    phases: list[Phase],
    decision: CouncilDecision,
    amendment: Amendment,
) -> AmendmentSignature:
    require_open(process, phases, decision)
    if amendment.state != AmendmentState.FILED:
        raise InvalidTransition(_("Only an amendment that waits for its vote can be co-signed."))
    if amendment.filer_id == by.id:
        raise Conflict(_("You filed this amendment: your name is on it already."))
    if queries.signature_of(db, amendment, by.id) is not None:
        raise Conflict(_("You have co-signed this amendment already."))
    party = queries.party_of(db, by.id)
    row = AmendmentSignature(
        amendment_id=amendment.id,
        user_id=by.id,
        label=signature(by),
        party=party.name if party is not None else "",
    )
    db.add(row)
    db.flush()
    record(
        db,
        actor=by,
        action="amendment.cosigned",
        target=amendment,
        after={"number": amendment.number},
    )
    return row


def remove_signature(
    db: Session,
    by: Actor,
    process: Process,
    phases: list[Phase],
    decision: CouncilDecision,
    amendment: Amendment,
) -> None:
    require_open(process, phases, decision)
    if amendment.state != AmendmentState.FILED:
        raise InvalidTransition(_("After the vote the signatures stay as they were."))
    row = queries.signature_of(db, amendment, by.id)
    if row is None:
        raise Conflict(_("You have not co-signed this amendment."))
    db.delete(row)
    db.flush()
    record(
        db,
        actor=by,
        action="amendment.signature_removed",
        target=amendment,
        before={"number": amendment.number},
    )


def withdraw(
    db: Session,
    by: Actor,
    process: Process,
    phases: list[Phase],
    decision: CouncilDecision,
    amendment: Amendment,
    reason: str = "",
) -> None:
    require_open(process, phases, decision)
    before = amendment.state
    amendment.state = amendment_transition(amendment.state, AmendmentEvent.WITHDRAW).value
    amendment.withdrawn_at = utcnow()
    db.flush()
    record(
        db,
        actor=by,
        action="amendment.withdrawn",
        target=amendment,
        before={"state": before},
        after={"state": amendment.state},
        reason=reason or None,
    )
