"""The council's overview of a process (public: every amendment with its state, vote and
effect, and the package's totals) and the admin's submission of an edition."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.access.permissions import can, require
from app.council import queries, service
from app.council.loading import council_place
from app.council.states import (
    AMENDMENT_STATE_LABELS,
    DECISION_STATE_LABELS,
    KIND_LABELS,
    AmendmentState,
)
from app.deps import CurrentActor, DbSession, OptionalActor, RowId
from app.editions import queries as edition_queries
from app.editions.routes import admin_page
from app.errors import DomainError, NotFound
from app.i18n import gettext as _
from app.processes.queries import process_or_404
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.redirects import site_url
from app.web.templating import render

router = APIRouter()


@router.get("/processen/{slug}/raad", response_class=HTMLResponse)
def overview(request: Request, slug: str, db: DbSession, actor: OptionalActor) -> HTMLResponse:
    place = council_place(db, slug)
    book = queries.council_book(db, place.decision)
    counts = book.counts()
    return render(
        request,
        "council/overview.html",
        {
            "process": place.process,
            "decision": place.decision,
            "book": book,
            "counts": counts,
            "waiting": counts.get(AmendmentState.FILED, 0),
            "kind_labels": KIND_LABELS,
            "state_labels": AMENDMENT_STATE_LABELS,
            "decision_labels": DECISION_STATE_LABELS,
            "last_year": book.years[-1],
            "filing": can(actor, "amendment.file", place.decision) and book.is_open,
        },
    )


@router.post("/beheer/processen/{slug}/edities/{number}/aanbieden", response_class=HTMLResponse)
def submit(
    request: Request, slug: str, number: RowId, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    """Submit a published edition to the council: the admin's explicit, audited step."""
    place_process = process_or_404(db, slug)
    edition = edition_queries.edition_by_number(db, place_process, number)
    if edition is None:
        raise NotFound()
    require(actor, "council.submit", edition)
    result = FormResult()
    raw_date = result.text(form, "meeting_on", label=_("Council meeting"), required=False)
    meeting_on: date | None = None
    if raw_date:
        try:
            meeting_on = date.fromisoformat(raw_date)
        except ValueError:
            result.errors["meeting_on"] = _("Council meeting: choose a date.")
    note = result.text(
        form,
        "council_note",
        label=_("Covering note"),
        required=False,
        max_length=service.NOTE_LIMIT,
    )
    if not result.errors:
        try:
            service.submit_to_council(
                db,
                request.app.state.jinja,
                actor,
                place_process,
                list(place_process.phases),
                edition,
                meeting_on=meeting_on,
                note=note,
                base_url=site_url(request),
            )
        except DomainError as exc:
            result.errors["_"] = exc.message
            return admin_page(
                request, db, place_process, submit_form=result, status_code=exc.status_code
            )
    if result.errors:
        return admin_page(request, db, place_process, submit_form=result, status_code=400)
    response = RedirectResponse(service.council_path(place_process), status_code=303)
    flash(
        response,
        request,
        _("Edition %(n)d is with the council. Councillors can file amendments now.", n=number),
    )
    return response
