"""Use cases of the shared review queue: a lawyer or financial adviser takes the next
measure, gives it back, or gives the verdict on it.

No two reviewers work on the same measure: the claim's unique constraint (measure, kind)
decides, not a check before the insert, so two reviewers pressing "take the next" at the
same moment get two different measures; the loser of a race moves on to the next one. A
reviewer holds one claim per kind at a time, so pressing the button twice returns the
same measure. A claim left for 30 minutes may be taken over, so no measure waits behind a
reviewer who walked away. Every step is audited and tells the team's open screens."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.permissions import require
from app.audit.service import record
from app.db import utcnow
from app.errors import Conflict
from app.i18n import gettext as _
from app.models import Proposal, Review, ReviewClaim
from app.phases.guard import require_phase
from app.phases.kinds import Action
from app.reviews.kinds import ReviewKind
from app.reviews.service import ReviewInput, give_review
from app.sprint import live, queue_queries
from app.sprint.kinds import EventKind
from app.sprint.loading import SprintPlace
from app.sprint.queue_queries import STALE_AFTER, QueueItem


def _summary(claim: ReviewClaim) -> dict[str, Any]:
    return {
        "proposal_id": claim.proposal_id,
        "kind": claim.kind,
        "reviewer_id": claim.reviewer_id,
        "claimed_at": claim.claimed_at.isoformat(),
    }


def _require_reviewer(by: Actor, place: SprintPlace, kind: ReviewKind) -> None:
    require(by, "sprint.review", place)
    require(by, "review.give", kind)


def claim_next(
    db: Session, by: Actor, place: SprintPlace, kind: ReviewKind, *, now: datetime | None = None
) -> ReviewClaim | None:
    """The oldest measure nobody holds for ``kind``, now held by this reviewer; the one
    they hold already if they do; None when nothing waits."""
    _require_reviewer(by, place, kind)
    require_phase(place.process, place.phases, Action.REVIEW_PROPOSAL)
    moment = now or utcnow()
    items = queue_queries.queue(db, place, kind)
    held = queue_queries.held_claim(db, place, by.id, kind)
    if held is not None:
        if any(item.proposal_id == held.proposal_id for item in items):
            return held
        _drop(db, by, place, held)  # its measure was reviewed elsewhere, or left play
    for item in items:
        if item.reviewer_id == by.id:
            continue
        if item.claim_id is None:
            claim = _insert(db, by, place, item, kind, moment)
        elif item.is_stale(moment):
            claim = _take_over(db, by, item, moment)
        else:
            continue
        if claim is not None:
            live.publish(db, place.process, EventKind.REVIEW, group_id=item.team_id)
            return claim
    return None


def _insert(
    db: Session, by: Actor, place: SprintPlace, item: QueueItem, kind: ReviewKind, moment: datetime
) -> ReviewClaim | None:
    """Claim a free measure, or None when another reviewer got there first (the unique
    constraint refused it; the savepoint keeps the rest of the transaction)."""
    claim = ReviewClaim(
        process_id=place.process.id,
        proposal_id=item.proposal_id,
        kind=kind.value,
        reviewer_id=by.id,
        claimed_at=moment,
    )
    try:
        with db.begin_nested():
            db.add(claim)
            db.flush()
    except IntegrityError:
        return None
    record(db, actor=by, action="sprint.claim_taken", target=claim, after=_summary(claim))
    return claim


def _take_over(db: Session, by: Actor, item: QueueItem, moment: datetime) -> ReviewClaim | None:
    """Take a claim left too long. The update only applies while the claim is still as
    stale as it was read, so of two reviewers taking it over at once, one gets it."""
    if item.claim_id is None or item.claimed_at is None:
        return None
    result = db.execute(
        update(ReviewClaim)
        .where(
            ReviewClaim.id == item.claim_id,
            ReviewClaim.claimed_at < moment - STALE_AFTER,
        )
        .values(reviewer_id=by.id, claimed_at=moment)
        .execution_options(synchronize_session=False)
    )
    if cast(Any, result).rowcount != 1:
        return None
    claim = db.get_one(ReviewClaim, item.claim_id, populate_existing=True)
    record(
        db,
        actor=by,
        action="sprint.claim_taken_over",
        target=claim,
        before={"reviewer_id": item.reviewer_id, "claimed_at": item.claimed_at.isoformat()},
        after=_summary(claim),
    )
    return claim


def _drop(db: Session, by: Actor, place: SprintPlace, claim: ReviewClaim) -> None:
    record(db, actor=by, action="sprint.claim_dropped", target=claim, before=_summary(claim))
    db.delete(claim)
    db.flush()


def _own_claim(db: Session, by: Actor, proposal: Proposal, kind: ReviewKind) -> ReviewClaim:
    found = queue_queries.claim_on(db, proposal.id, kind)
    if found is None:
        raise Conflict(_("You do not hold this measure. Take the next one from the queue."))
    claim, holder = found
    if claim.reviewer_id != by.id:
        raise Conflict(
            _("%(name)s has taken this measure over; your verdict was not saved.", name=holder)
        )
    return claim


def release(
    db: Session, by: Actor, place: SprintPlace, proposal: Proposal, kind: ReviewKind
) -> None:
    """Give the measure back to the queue, for another reviewer (or later). Possible in
    any phase: letting go never harms."""
    _require_reviewer(by, place, kind)
    claim = _own_claim(db, by, proposal, kind)
    record(db, actor=by, action="sprint.claim_released", target=claim, before=_summary(claim))
    db.delete(claim)
    db.flush()
    live.publish(db, place.process, EventKind.REVIEW, group_id=proposal.group_id)


def give_verdict(
    db: Session,
    by: Actor,
    place: SprintPlace,
    proposal: Proposal,
    kind: ReviewKind,
    given: ReviewInput,
) -> Review:
    """The verdict on the measure this reviewer holds (through the reviews' own use case,
    so it counts exactly as a review in a dialogue does); the claim is done with."""
    _require_reviewer(by, place, kind)
    require_phase(place.process, place.phases, Action.REVIEW_PROPOSAL)
    claim = _own_claim(db, by, proposal, kind)
    review = give_review(db, by, place.process, place.phases, proposal, kind, given)
    record(db, actor=by, action="sprint.claim_done", target=claim, before=_summary(claim))
    db.delete(claim)
    db.flush()
    live.publish(db, place.process, EventKind.REVIEW, group_id=proposal.group_id)
    return review
