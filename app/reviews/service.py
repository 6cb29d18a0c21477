"""Use cases of reviews: a lawyer or financial adviser gives a verdict (a later one replaces
the earlier, the audit trail keeps both); a changed proposal makes its reviews need another
look; a submitted proposal that touches another theme's budget lines is flagged to both
chefs. Each change is audited; the people concerned are told."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from jinja2 import Environment
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.access.actor import Actor
from app.access.roles import Role
from app.audit.service import SYSTEM_ACTOR, record, signature
from app.config import get_settings
from app.db import utcnow
from app.errors import Conflict
from app.i18n import gettext as _
from app.models import (
    Group,
    OrganizationHost,
    Phase,
    Process,
    Proposal,
    Review,
    User,
    ValidatedAmount,
)
from app.notifications.kinds import NotificationKind
from app.notifications.service import notify
from app.phases.guard import require_phase
from app.phases.kinds import Action
from app.proposals.states import COUNTED
from app.recruitment.membership import members
from app.reviews.kinds import NEEDS_NOTES, SLUGS, ReviewKind, Verdict
from app.reviews.overlaps import overlaps_of_proposal


@dataclass(frozen=True)
class ReviewInput:
    """What the reviewer filled in, checked by the form: per year of the horizon
    (structural, one-off), for the financial review only."""

    verdict: Verdict
    notes: str
    amounts: dict[int, tuple[int, int]] = field(default_factory=dict)


def review_path(process: Process, proposal: Proposal, kind: str) -> str:
    return f"/processen/{process.slug}/voorstellen/{proposal.id}/toetsing/{SLUGS[ReviewKind(kind)]}"


def proposal_path(process: Process, proposal: Proposal) -> str:
    return f"/processen/{process.slug}/voorstellen/{proposal.id}"


def _summary(review: Review) -> dict[str, Any]:
    return {
        "verdict": review.verdict,
        "notes": review.notes,
        "reviewed_version": review.reviewed_version,
        "reviewer": review.reviewer_label,
        "amounts": {str(a.year): [a.structural, a.one_off] for a in review.amounts},
    }


def current_review(db: Session, proposal: Proposal, kind: ReviewKind) -> Review | None:
    return db.scalar(
        select(Review)
        .where(Review.proposal_id == proposal.id, Review.kind == kind.value)
        .options(selectinload(Review.amounts))
    )


def give_review(
    db: Session,
    by: Actor,
    process: Process,
    phases: Sequence[Phase],
    proposal: Proposal,
    kind: ReviewKind,
    given: ReviewInput,
) -> Review:
    """The reviewer's verdict on the proposal as it is now; replaces their kind's earlier
    review (the audit entry keeps what it said)."""
    require_phase(process, phases, Action.REVIEW_PROPOSAL)
    if proposal.state not in COUNTED:
        raise Conflict(_("Only submitted proposals that are still in play can be reviewed."))
    if given.verdict in NEEDS_NOTES and not given.notes.strip():
        raise Conflict(_("Explain the verdict in the notes."))
    review = current_review(db, proposal, kind)
    before = _summary(review) if review is not None else None
    if review is None:
        review = Review(proposal_id=proposal.id, kind=kind.value, amounts=[])
        db.add(review)
    review.verdict = given.verdict.value
    review.notes = given.notes
    review.reviewer_id = by.id
    review.reviewer_label = signature(by)
    review.reviewed_version = proposal.version
    review.needs_another_look = False
    review.updated_at = utcnow()
    if kind == ReviewKind.FINANCIAL:
        # Every year of the horizon has a row: a year left out validates nothing.
        years = range(process.first_year, process.last_year + 1)
        _set_amounts(review, {year: given.amounts.get(year, (0, 0)) for year in years})
    db.flush()
    record(
        db,
        actor=by,
        action="review.replaced" if before else "review.given",
        target=review,
        before=before,
        after=_summary(review),
    )
    return review


def _set_amounts(review: Review, amounts: dict[int, tuple[int, int]]) -> None:
    """Change the rows in place, year by year: deleting and re-adding a year in one flush
    would trip the (review, year) unique constraint."""
    existing = {a.year: a for a in review.amounts}
    for year, (structural, one_off) in sorted(amounts.items()):
        row = existing.pop(year, None)
        if row is None:
            review.amounts.append(
                ValidatedAmount(year=year, structural=structural, one_off=one_off)
            )
        else:
            row.structural, row.one_off = structural, one_off
    for row in existing.values():
        review.amounts.remove(row)


@lru_cache(maxsize=1)
def _jinja() -> Environment:
    from app.web.templating import make_environment  # the web layer imports this module

    return make_environment()


def _site_url(db: Session, organization_id: int) -> str:
    """Where mails link to when no request is at hand: the organization's first host."""
    host = db.scalar(
        select(OrganizationHost.host)
        .where(OrganizationHost.organization_id == organization_id)
        .order_by(OrganizationHost.id)
    )
    if host is None:
        return ""
    return f"{'https' if get_settings().is_production else 'http'}://{host}"


def mark_stale(
    db: Session,
    proposal: Proposal,
    *,
    jinja: Environment | None = None,
    base_url: str | None = None,
) -> int:
    """The proposal changed: its reviews of an earlier version need another look, and
    their reviewers hear it once (not again for each further change). Returns how many.
    Pass ``jinja`` and ``base_url`` from the request when at hand."""
    reviews = list(
        db.scalars(
            select(Review).where(
                Review.proposal_id == proposal.id,
                Review.reviewed_version < proposal.version,
                Review.needs_another_look.is_(False),
            )
        )
    )
    if not reviews:
        return 0
    for review in reviews:
        review.needs_another_look = True
        record(
            db,
            actor=SYSTEM_ACTOR,
            action="review.needs_another_look",
            target=review,
            before={"reviewed_version": review.reviewed_version},
            after={"proposal_version": proposal.version},
        )
    db.flush()
    process = db.get_one(Process, proposal.process_id)
    reviewer_ids = {r.reviewer_id for r in reviews if r.reviewer_id is not None}
    reviewers = {
        u.id: u for u in db.scalars(select(User).where(User.id.in_(reviewer_ids)))
    } if reviewer_ids else {}  # fmt: skip
    url = base_url if base_url is not None else _site_url(db, proposal.organization_id)
    for review in reviews:
        reviewer = reviewers.get(review.reviewer_id or 0)
        if reviewer is None:
            continue
        notify(
            db,
            jinja or _jinja(),
            [reviewer],
            NotificationKind.REVIEW_NEEDS_LOOK,
            link=review_path(process, proposal, review.kind),
            params={"title": proposal.title, "kind": review.kind},
            base_url=url,
        )
    return len(reviews)


def notify_overlaps(db: Session, jinja: Environment, proposal: Proposal, base_url: str) -> int:
    """On submission: proposals of other themes touch the same budget lines. Both chefs
    hear it, each with a link to the other's proposal, so they agree who counts the euro.
    Returns how many other proposals overlap."""
    overlaps = overlaps_of_proposal(db, proposal)
    if not overlaps:
        return 0
    process = db.get_one(Process, proposal.process_id)
    for overlap in overlaps:
        lines = ", ".join(f"{line.code} {line.name}" for line in overlap.lines)
        for mine, theirs, group in (
            (overlap.proposal, overlap.other, overlap.group),
            (overlap.other, overlap.proposal, overlap.other_group),
        ):
            notify(
                db,
                jinja,
                members(db, [group.id], roles=[Role.CHEF]),
                NotificationKind.PROPOSAL_OVERLAP,
                link=proposal_path(process, theirs),
                params={
                    "title": mine.title,
                    "other": theirs.title,
                    "other_group": _group_name(overlap, theirs),
                    "lines": lines,
                },
                base_url=base_url,
            )
    return len(overlaps)


def _group_name(overlap: Any, proposal: Proposal) -> str:
    group: Group = overlap.group if proposal.id == overlap.proposal.id else overlap.other_group
    return group.name
