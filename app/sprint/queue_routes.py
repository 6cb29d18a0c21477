"""The shared review queue of the sprint, for lawyers and financial advisers: the list of
measures waiting (a live part, so a claim or a verdict elsewhere shows at once), "take
the next", the page of the measure taken with its verdict form, and giving it back."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.access.actor import Actor
from app.access.permissions import require
from app.db import utcnow
from app.deps import CurrentActor, DbSession, RowId
from app.errors import Conflict, NotFound
from app.i18n import gettext as _
from app.models import Proposal, Review
from app.phases.guard import current_phase
from app.phases.kinds import Action, allows
from app.reviews import forms
from app.reviews.kinds import KIND_LABELS, KIND_OF_SLUG, SLUGS, VERDICT_LABELS, ReviewKind, Verdict
from app.reviews.permissions import kinds_of
from app.sprint import queue_queries, review_service
from app.sprint.kinds import ORIGIN_LABELS
from app.sprint.loading import SprintPlace, sprint_place
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.templating import render

router = APIRouter(prefix="/processen/{slug}/sprint/toetsing")

STALE_MINUTES = int(queue_queries.STALE_AFTER.total_seconds() // 60)


def queue_path(place: SprintPlace) -> str:
    return f"{place.path}/toetsing"


def measure_path(place: SprintPlace, proposal_id: int, kind: ReviewKind) -> str:
    return f"{place.path}/toetsing/{SLUGS[kind]}/{proposal_id}"


def _reviewer_place(db: DbSession, slug: str, actor: Actor) -> SprintPlace:
    place = sprint_place(db, slug)
    require(actor, "sprint.review", place)
    return place


def _queue_page(
    request: Request, db: DbSession, place: SprintPlace, actor: Actor, *, block: str | None = None
) -> HTMLResponse:
    kinds = kinds_of(actor)
    now = utcnow()
    queues = {kind: queue_queries.queue(db, place, kind) for kind in kinds}
    held = {
        kind: next((item for item in queues[kind] if item.reviewer_id == actor.id), None)
        for kind in kinds
    }
    return render(
        request,
        "sprint/queue.html",
        {
            "place": place,
            "process": place.process,
            "kinds": kinds,
            "queues": queues,
            "held": held,
            "now": now,
            "kind_labels": KIND_LABELS,
            "slugs": SLUGS,
            "phase_open": allows(current_phase(place.process), Action.REVIEW_PROPOSAL),
            "stale_minutes": STALE_MINUTES,
            "path": queue_path(place),
            "measure_path": lambda proposal_id, kind: measure_path(place, proposal_id, kind),
        },
        block=block,
    )


@router.get("", response_class=HTMLResponse)
def queue_page(request: Request, slug: str, db: DbSession, actor: CurrentActor) -> HTMLResponse:
    place = _reviewer_place(db, slug, actor)
    return _queue_page(request, db, place, actor)


@router.get("/lijst", response_class=HTMLResponse)
def queue_part(request: Request, slug: str, db: DbSession, actor: CurrentActor) -> HTMLResponse:
    """The list alone: the live part re-fetches it when a claim or verdict comes in."""
    place = _reviewer_place(db, slug, actor)
    return _queue_page(request, db, place, actor, block="queue")


def _kind(kind_slug: str, actor: Actor) -> ReviewKind:
    kind = KIND_OF_SLUG.get(kind_slug)
    if kind is None:
        raise NotFound()
    require(actor, "review.give", kind)
    return kind


@router.post("/{kind_slug}/volgende", response_class=HTMLResponse)
def take_next(
    request: Request, slug: str, kind_slug: str, db: DbSession, actor: CurrentActor
) -> Response:
    place = _reviewer_place(db, slug, actor)
    kind = _kind(kind_slug, actor)
    claim = review_service.claim_next(db, actor, place, kind)
    if claim is None:
        response = RedirectResponse(queue_path(place), status_code=303)
        flash(
            response,
            request,
            _("Nothing is waiting for review now."),
        )
        return response
    return RedirectResponse(measure_path(place, claim.proposal_id, kind), status_code=303)


def _values_of(view: queue_queries.MeasureView, review: Review | None) -> dict[str, str]:
    """The form to start from: the earlier verdict when the measure changed since; the
    financial adviser starts from the amounts the team claims, and changes what is off."""
    values: dict[str, str] = {}
    if review is not None:
        values = {"verdict": review.verdict, "notes": review.notes}
    validated = {a.year: (a.structural, a.one_off) for a in review.amounts} if review else {}
    for year in view.years:
        structural, one_off = validated.get(year, view.claimed.get(year, (0, 0)))
        values[forms.structural_field(year)] = str(structural)
        values[forms.one_off_field(year)] = str(one_off)
    return values


def _measure_page(
    request: Request,
    db: DbSession,
    place: SprintPlace,
    actor: Actor,
    proposal: Proposal,
    kind: ReviewKind,
    *,
    form: FormResult | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    view = queue_queries.measure_view(db, place, proposal)
    claim = queue_queries.claim_on(db, proposal.id, kind)
    review = view.reviews.get(kind.value)
    return render(
        request,
        "sprint/review_measure.html",
        {
            "place": place,
            "process": place.process,
            "view": view,
            "proposal": proposal,
            "kind": kind,
            "kind_label": KIND_LABELS[kind],
            "claim": claim[0] if claim else None,
            "holder": claim[1] if claim else None,
            "mine": claim is not None and claim[0].reviewer_id == actor.id,
            "review": review,
            "other": view.reviews.get(
                (ReviewKind.FINANCIAL if kind == ReviewKind.LEGAL else ReviewKind.LEGAL).value
            ),
            "form": form or FormResult(values=_values_of(view, review)),
            "verdicts": list(Verdict),
            "verdict_labels": VERDICT_LABELS,
            "kind_labels": KIND_LABELS,
            "origin_labels": ORIGIN_LABELS,
            "fields": forms,
            "phase_open": allows(current_phase(place.process), Action.REVIEW_PROPOSAL),
            "stale_minutes": STALE_MINUTES,
            "path": measure_path(place, proposal.id, kind),
            "queue_path": queue_path(place),
        },
        status_code=status_code,
    )


def _measure(db: DbSession, place: SprintPlace, proposal_id: int) -> Proposal:
    proposal = queue_queries.measure_in(db, place, proposal_id)
    if proposal is None:
        raise NotFound()
    return proposal


@router.get("/{kind_slug}/{proposal_id}", response_class=HTMLResponse)
def measure_page(
    request: Request,
    slug: str,
    kind_slug: str,
    proposal_id: RowId,
    db: DbSession,
    actor: CurrentActor,
) -> HTMLResponse:
    place = _reviewer_place(db, slug, actor)
    kind = _kind(kind_slug, actor)
    return _measure_page(request, db, place, actor, _measure(db, place, proposal_id), kind)


@router.post("/{kind_slug}/{proposal_id}", response_class=HTMLResponse)
def give_verdict(
    request: Request,
    slug: str,
    kind_slug: str,
    proposal_id: RowId,
    db: DbSession,
    actor: CurrentActor,
    form: Form,
) -> Response:
    place = _reviewer_place(db, slug, actor)
    kind = _kind(kind_slug, actor)
    proposal = _measure(db, place, proposal_id)
    years = list(range(place.process.first_year, place.process.last_year + 1))
    given, result = forms.read_review(form, kind, years)
    if given is None:
        return _measure_page(
            request, db, place, actor, proposal, kind, form=result, status_code=400
        )
    try:
        review_service.give_verdict(db, actor, place, proposal, kind, given)
    except Conflict as exc:  # taken over, the phase closed, or the measure left play
        result.errors["_"] = exc.message
        return _measure_page(
            request, db, place, actor, proposal, kind, form=result, status_code=409
        )
    response = RedirectResponse(queue_path(place), status_code=303)
    flash(response, request, _("Your verdict on %(title)s is saved.", title=proposal.title))
    return response


@router.post("/{kind_slug}/{proposal_id}/teruggeven", response_class=HTMLResponse)
def give_back(
    request: Request,
    slug: str,
    kind_slug: str,
    proposal_id: RowId,
    db: DbSession,
    actor: CurrentActor,
) -> Response:
    place = _reviewer_place(db, slug, actor)
    kind = _kind(kind_slug, actor)
    proposal = _measure(db, place, proposal_id)
    review_service.release(db, actor, place, proposal, kind)
    response = RedirectResponse(queue_path(place), status_code=303)
    flash(response, request, _("%(title)s is back in the queue.", title=proposal.title))
    return response
