"""Use cases of the council's clerk: record the vote on an amendment and on the whole
edition as amended, correct a recorded vote (a new row with a reason, never an update),
and publish the decision. Each checks its phase and state, changes state through
:mod:`app.council.states`, writes the audit trail, and tells the people concerned."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jinja2 import Environment
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.roles import Role
from app.audit.service import record, signature
from app.council import queries
from app.council.service import REASON_LIMIT, amendment_path, decision_path
from app.council.states import (
    DecisionEvent,
    DecisionState,
    VoteMode,
    amendment_transition,
    decision_transition,
    is_carried,
    vote_event,
)
from app.db import utcnow
from app.errors import InvalidTransition
from app.i18n import gettext as _
from app.models import (
    Amendment,
    AmendmentSignature,
    CentralWhitePaper,
    CouncilDecision,
    CouncilVote,
    Phase,
    Process,
    User,
)
from app.notifications.kinds import NotificationKind
from app.notifications.service import notify
from app.phases.guard import require_phase
from app.phases.kinds import Action
from app.product_sheets.queries import holders

# --- votes -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """A vote as the clerk entered it, checked by :func:`app.council.forms.read_tally`."""

    mode: VoteMode
    votes_for: int
    votes_against: int
    parties: list[dict[str, Any]] | None = None  # [{"party", "seats", "vote"}]

    @property
    def carried(self) -> bool:
        return is_carried(self.votes_for, self.votes_against)


def _vote_row(
    by: Actor,
    decision: CouncilDecision,
    amendment: Amendment | None,
    tally: Tally,
    *,
    corrects: CouncilVote | None,
    reason: str | None,
) -> CouncilVote:
    return CouncilVote(
        decision_id=decision.id,
        amendment_id=amendment.id if amendment is not None else None,
        mode=tally.mode.value,
        votes_for=tally.votes_for,
        votes_against=tally.votes_against,
        parties=tally.parties,
        carried=tally.carried,
        corrects_id=corrects.id if corrects is not None else None,
        reason=reason,
        recorded_by_id=by.id,
        recorded_by=signature(by),
    )


def _tally_summary(tally: Tally) -> dict[str, Any]:
    return {
        "for": tally.votes_for,
        "against": tally.votes_against,
        "carried": tally.carried,
        "mode": tally.mode.value,
    }


def _correction_reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise InvalidTransition(_("Say why the recorded vote is corrected."))
    if len(reason) > REASON_LIMIT:
        raise InvalidTransition(
            _("The reason is too long: at most %(n)d characters.", n=REASON_LIMIT)
        )
    return reason


def record_amendment_vote(
    db: Session,
    jinja: Environment,
    by: Actor,
    process: Process,
    phases: list[Phase],
    decision: CouncilDecision,
    amendment: Amendment,
    tally: Tally,
    *,
    reason: str = "",
    base_url: str,
) -> CouncilVote:
    """The first vote on a filed amendment, or (when one is recorded) a correction of it,
    which needs a reason. Corrections are possible until the council votes on the whole."""
    require_phase(process, phases, Action.RECORD_VOTE)
    if decision.state != DecisionState.OPEN:
        raise InvalidTransition(
            _(
                "The council has voted on the whole edition: the votes on amendments can no "
                "longer be corrected."
            )
        )
    previous = queries.latest_vote(db, decision, amendment)
    correction = previous is not None
    clean_reason = _correction_reason(reason) if correction else None
    before = amendment.state
    amendment.state = amendment_transition(
        amendment.state, vote_event(tally.carried, correction=correction)
    ).value
    vote = _vote_row(by, decision, amendment, tally, corrects=previous, reason=clean_reason)
    db.add(vote)
    db.flush()
    record(
        db,
        actor=by,
        action="council.vote_corrected" if correction else "council.vote_recorded",
        target=amendment,
        before={"state": before, **({"vote": previous.id} if previous else {})},
        after={"state": amendment.state, "vote": vote.id, **_tally_summary(tally)},
        reason=clean_reason,
    )
    recipients = _filer_and_cosigners(db, amendment)
    notify(
        db,
        jinja,
        recipients,
        NotificationKind.AMENDMENT_VOTED,
        link=amendment_path(process, amendment.number),
        params={
            "number": amendment.number,
            "carried": tally.carried,
            "yes": tally.votes_for,
            "no": tally.votes_against,
            "corrected": correction,
        },
        base_url=base_url,
    )
    return vote


def _filer_and_cosigners(db: Session, amendment: Amendment) -> list[User]:
    ids = set(
        db.scalars(
            select(AmendmentSignature.user_id).where(
                AmendmentSignature.amendment_id == amendment.id,
                AmendmentSignature.user_id.is_not(None),
            )
        )
    )
    if amendment.filer_id is not None:
        ids.add(amendment.filer_id)
    if not ids:
        return []
    return list(db.scalars(select(User).where(User.id.in_(ids)).order_by(User.id)))


def record_final_vote(
    db: Session,
    by: Actor,
    process: Process,
    phases: list[Phase],
    decision: CouncilDecision,
    tally: Tally,
    *,
    reason: str = "",
) -> CouncilVote:
    """The vote on the whole edition as amended. Every filed amendment must have had its
    vote (or been withdrawn) first. Once recorded it can be corrected, with a reason,
    until the decision is published."""
    require_phase(process, phases, Action.RECORD_VOTE)
    previous = queries.latest_vote(db, decision, None)
    correction = previous is not None
    if not correction:
        waiting = queries.open_amendment_numbers(db, decision)
        if waiting:
            raise InvalidTransition(
                _(
                    "First record the votes on the amendments that wait for one: %(list)s.",
                    list=", ".join(f"A{n}" for n in waiting),
                )
            )
    clean_reason = _correction_reason(reason) if correction else None
    event = DecisionEvent.CORRECT_FINAL_VOTE if correction else DecisionEvent.FINAL_VOTE
    before = decision.state
    decision.state = decision_transition(decision.state, event).value
    decision.version += 1
    vote = _vote_row(by, decision, None, tally, corrects=previous, reason=clean_reason)
    db.add(vote)
    db.flush()
    record(
        db,
        actor=by,
        action="council.final_vote_corrected" if correction else "council.final_vote_recorded",
        target=decision,
        before={"state": before, **({"vote": previous.id} if previous else {})},
        after={"state": decision.state, "vote": vote.id, **_tally_summary(tally)},
        reason=clean_reason,
    )
    return vote


# --- publishing ---------------------------------------------------------------------------------


def publish_decision(
    db: Session,
    jinja: Environment,
    by: Actor,
    process: Process,
    decision: CouncilDecision,
    *,
    base_url: str,
) -> None:
    """Make the decision public as it stands, and start building its documents. After
    this nothing about it changes."""
    before = decision.state
    decision.state = decision_transition(decision.state, DecisionEvent.PUBLISH).value
    decision.published_at, decision.published_by = utcnow(), signature(by)
    decision.version += 1
    db.flush()
    record(
        db,
        actor=by,
        action="council.decision_published",
        target=decision,
        before={"state": before},
        after={"state": decision.state},
    )
    # Imported here: the documents domain reads the council's queries in turn.
    from app.documents.service import request_decision_build

    edition = db.get_one(CentralWhitePaper, decision.edition_id)
    request_decision_build(db, by, edition)
    adopted = queries.latest_vote(db, decision, None)
    notify(
        db,
        jinja,
        holders(db, Role.COUNCIL),
        NotificationKind.DECISION_PUBLISHED,
        link=decision_path(process),
        params={"process": process.title, "adopted": bool(adopted and adopted.carried)},
        base_url=base_url,
    )
