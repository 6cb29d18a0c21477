"""The clerk's pages for the votes: the vote on one amendment, the vote on the whole
edition as amended, each recorded once and then only corrected (with a reason, as a new
row); and publishing the decision. Every page is for the clerk (or the admin) only."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.access.permissions import require
from app.council import queries, service, tally, vote_service
from app.council.loading import CouncilPlace, amendment_or_404, council_place
from app.council.queries import AmendmentView, CouncilBook
from app.council.states import (
    AMENDMENT_STATE_LABELS,
    DECISION_STATE_LABELS,
    KIND_LABELS,
    PARTY_VOTE_LABELS,
    AmendmentState,
    DecisionState,
    PartyVote,
    VoteMode,
)
from app.deps import CurrentActor, DbSession, RowId
from app.errors import Conflict, NotFound, PhaseClosed
from app.i18n import gettext as _
from app.models import CouncilParty
from app.phases.guard import require_phase
from app.phases.kinds import Action
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.redirects import site_url
from app.web.templating import render

router = APIRouter(prefix="/processen/{slug}/raad")


def _mode_labels() -> dict[str, str]:
    return {
        VoteMode.COUNTS: _("As numbers for and against"),
        VoteMode.PARTIES: _("Per party, with its seats"),
    }


def _tally_context(parties: list[CouncilParty], seats: int) -> dict[str, Any]:
    """What ``council/_tally_fields.html`` and ``council/_votes.html`` need."""
    return {
        "parties": parties,
        "seats": seats,
        "modes": [VoteMode.COUNTS, VoteMode.PARTIES] if parties else [VoteMode.COUNTS],
        "mode_labels": _mode_labels(),
        "party_votes": list(PartyVote),
        "party_vote_labels": PARTY_VOTE_LABELS,
        "party_field": tally.party_field,
        "outcome": tally.outcome,
    }


def _phase_closed(place: CouncilPlace) -> str | None:
    try:
        require_phase(place.process, place.phases, Action.RECORD_VOTE)
    except PhaseClosed as exc:
        return exc.message
    return None


# --- the vote on an amendment -----------------------------------------------------------------


def _view(book: CouncilBook, number: int) -> AmendmentView:
    view = next((v for v in book.amendments if v.amendment.number == number), None)
    if view is None:
        raise NotFound()
    return view


def _amendment_closed(place: CouncilPlace, view: AmendmentView) -> str | None:
    """Why no vote can be recorded or corrected now, or None. The use case checks the
    same; this is for the page, so it does not offer a form that cannot work."""
    if view.amendment.state == AmendmentState.WITHDRAWN:
        return _("The filer withdrew this amendment: there is no vote on it.")
    if place.decision.state != DecisionState.OPEN:
        return _(
            "The council has voted on the whole edition: the votes on amendments can no "
            "longer be corrected."
        )
    return _phase_closed(place)


def _amendment_page(
    request: Request,
    db: DbSession,
    place: CouncilPlace,
    book: CouncilBook,
    view: AmendmentView,
    form: FormResult | None = None,
    *,
    status_code: int = 200,
) -> HTMLResponse:
    parties = queries.parties(db)
    if form is None:
        form = tally.filled(view.vote, parties)
    return render(
        request,
        "council/vote.html",
        {
            "process": place.process,
            "decision": place.decision,
            "book": book,
            "view": view,
            "amendment": view.amendment,
            "correction": bool(view.votes),
            "closed": _amendment_closed(place, view),
            "kind_labels": KIND_LABELS,
            "state_labels": AMENDMENT_STATE_LABELS,
            "path": service.amendment_path(place.process, view.amendment.number),
            "form": form,
            **_tally_context(parties, sum(p.seats for p in parties)),
        },
        status_code=status_code,
    )


@router.get("/amendementen/{number}/stemming", response_class=HTMLResponse)
def amendment_vote_form(
    request: Request, slug: str, number: RowId, db: DbSession, actor: CurrentActor
) -> HTMLResponse:
    place = council_place(db, slug)
    require(actor, "council.record_vote", place.decision)
    book = queries.council_book(db, place.decision)
    return _amendment_page(request, db, place, book, _view(book, number))


@router.post("/amendementen/{number}/stemming", response_class=HTMLResponse)
def record_amendment_vote(
    request: Request, slug: str, number: RowId, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    place = council_place(db, slug)
    require(actor, "council.record_vote", place.decision)
    amendment = amendment_or_404(db, place, number)
    correction = queries.latest_vote(db, place.decision, amendment) is not None
    shown, result = tally.read_tally(form, queries.parties(db))
    reason = tally.read_reason(shown, form, required=correction)
    error_status = 400
    if result is not None and shown.ok:
        try:
            vote_service.record_amendment_vote(
                db, request.app.state.jinja, actor, place.process, place.phases, place.decision,
                amendment, result, reason=reason, base_url=site_url(request),
            )  # fmt: skip
        except Conflict as exc:
            shown.errors["_"] = exc.message
            error_status = exc.status_code
        else:
            response = RedirectResponse(
                service.amendment_path(place.process, number), status_code=303
            )
            message = (
                _("The corrected vote on amendment A%(n)d is recorded.", n=number)
                if correction
                else _("The vote on amendment A%(n)d is recorded.", n=number)
            )
            flash(
                response,
                request,
                f"{message} {tally.outcome(result.votes_for, result.votes_against)}",
            )
            return response
    book = queries.council_book(db, place.decision)
    return _amendment_page(
        request, db, place, book, _view(book, number), shown, status_code=error_status
    )


# --- the vote on the whole edition ------------------------------------------------------------


def _final_closed(place: CouncilPlace) -> str | None:
    if place.decision.state == DecisionState.PUBLISHED:
        return _("The decision is published: the vote on the whole edition can no longer change.")
    return _phase_closed(place)


def _final_page(
    request: Request,
    db: DbSession,
    place: CouncilPlace,
    form: FormResult | None = None,
    *,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    book = queries.council_book(db, place.decision)
    parties = queries.parties(db)
    if form is None:
        form = tally.filled(book.final_vote, parties)
    if error is not None:
        form.errors["_"] = error
    return render(
        request,
        "council/final_vote.html",
        {
            "process": place.process,
            "decision": place.decision,
            "book": book,
            "package": book.package,
            "waiting": [v for v in book.amendments if v.amendment.state == AmendmentState.FILED],
            "counts": book.counts(),
            "correction": book.final_vote is not None,
            "closed": _final_closed(place),
            "state_labels": AMENDMENT_STATE_LABELS,
            "decision_labels": DECISION_STATE_LABELS,
            "path": f"{place.path}/stemming",
            "form": form,
            **_tally_context(parties, sum(p.seats for p in parties)),
        },
        status_code=status_code,
    )


@router.get("/stemming", response_class=HTMLResponse)
def final_vote_form(
    request: Request, slug: str, db: DbSession, actor: CurrentActor
) -> HTMLResponse:
    place = council_place(db, slug)
    require(actor, "council.record_vote", place.decision)
    return _final_page(request, db, place)


@router.post("/stemming", response_class=HTMLResponse)
def record_final_vote(
    request: Request, slug: str, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    place = council_place(db, slug)
    require(actor, "council.record_vote", place.decision)
    correction = queries.latest_vote(db, place.decision, None) is not None
    shown, result = tally.read_tally(form, queries.parties(db))
    reason = tally.read_reason(shown, form, required=correction)
    if result is None or not shown.ok:
        return _final_page(request, db, place, shown, status_code=400)
    try:
        vote_service.record_final_vote(
            db, actor, place.process, place.phases, place.decision, result, reason=reason
        )
    except Conflict as exc:
        return _final_page(
            request, db, place, shown, error=exc.message, status_code=exc.status_code
        )
    response = RedirectResponse(f"{place.path}/stemming", status_code=303)
    message = (
        _("The corrected vote on the whole edition is recorded.")
        if correction
        else _("The vote on the whole edition is recorded.")
    )
    flash(
        response,
        request,
        f"{message} {tally.outcome(result.votes_for, result.votes_against, whole=True)}",
    )
    return response


# --- publishing ---------------------------------------------------------------------------------


@router.post("/publiceren", response_class=HTMLResponse)
def publish(request: Request, slug: str, db: DbSession, actor: CurrentActor) -> Response:
    """The clerk's role is checked first; a decision not yet voted on (or published
    already) gets the use case's message rather than a bare refusal."""
    place = council_place(db, slug)
    require(actor, "council.record_vote", place.decision)
    if place.decision.state == DecisionState.DECIDED:
        require(actor, "council.publish", place.decision)
    try:
        vote_service.publish_decision(
            db, request.app.state.jinja, actor, place.process, place.decision,
            base_url=site_url(request),
        )  # fmt: skip
    except Conflict as exc:
        return _final_page(request, db, place, error=exc.message, status_code=exc.status_code)
    response = RedirectResponse(service.decision_path(place.process), status_code=303)
    flash(response, request, _("The decision is published. Its documents are being made."))
    return response
