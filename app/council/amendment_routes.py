"""The councillors' side of amendments: the form to file one on a measure, the amendment's
page (what it does, its effect on the totals, who signed, its vote), and co-signing,
taking a signature back and withdrawing. Each page loads the council's book once, so its
statement count does not grow with the amendments, signatures or votes."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.access.actor import Actor
from app.access.permissions import require
from app.council import forms, queries, service
from app.council.loading import CouncilPlace, amendment_or_404, council_place
from app.council.queries import AmendmentView, CouncilBook, Measure
from app.council.states import (
    AMENDMENT_STATE_LABELS,
    KIND_LABELS,
    PARTY_VOTE_LABELS,
    AmendmentKind,
    AmendmentState,
)
from app.council.tally import outcome
from app.deps import CurrentActor, DbSession, OptionalActor, RowId
from app.errors import Conflict, NotFound
from app.i18n import gettext as _
from app.product_sheets.forms import amount_fields
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.redirects import site_url
from app.web.templating import render

router = APIRouter(prefix="/processen/{slug}/raad/amendementen")


def _closed(place: CouncilPlace) -> Conflict | None:
    """Why amendments cannot be filed, signed or withdrawn now (the phase, or the final
    vote), as the use case would say it; None while they can."""
    try:
        service.require_open(place.process, place.phases, place.decision)
    except Conflict as exc:
        return exc
    return None


def _labels() -> dict[str, object]:
    return {
        "kind_labels": KIND_LABELS,
        "state_labels": AMENDMENT_STATE_LABELS,
        "party_vote_labels": PARTY_VOTE_LABELS,
        "outcome": outcome,
    }


def _sheet_path(place: CouncilPlace, proposal_id: int) -> str:
    return f"/processen/{place.process.slug}/productbladen/{proposal_id}"


# --- filing -------------------------------------------------------------------------------------


def _chosen(request: Request, book: CouncilBook) -> Measure | None:
    """The measure ``?productblad=<proposal id>`` names; None when none is named (the page
    then lists the measures to choose from); 404 for one that is not in the edition."""
    raw = request.query_params.get("productblad", "")
    if not raw:
        return None
    measure = queries.measure_of(book, int(raw)) if raw.isdigit() else None
    if measure is None or measure.sheet is None:
        raise NotFound()
    return measure


def _file_page(
    request: Request,
    place: CouncilPlace,
    book: CouncilBook,
    measure: Measure | None,
    form: FormResult,
    *,
    posted: bool = False,
    status_code: int = 200,
) -> HTMLResponse:
    closed = _closed(place)
    return render(
        request,
        "council/file.html",
        {
            "process": place.process,
            "book": book,
            "measure": measure,
            "earlier": book.amendments_on(measure.proposal_id) if measure else [],
            "sheet_path": _sheet_path(place, measure.proposal_id) if measure else "",
            "path": f"{place.path}/amendementen/nieuw",
            "years": book.years,
            "amount_fields": amount_fields,
            "kinds": forms.KINDS,
            "form": form,
            "closed": closed.message if closed else None,
            "posted": posted,
            **_labels(),
        },
        status_code=status_code,
    )


@router.get("/nieuw", response_class=HTMLResponse)
def file_form(request: Request, slug: str, db: DbSession, actor: CurrentActor) -> HTMLResponse:
    place = council_place(db, slug)
    require(actor, "amendment.file", place.decision)
    book = queries.council_book(db, place.decision)
    measure = _chosen(request, book)
    form = forms.filled(measure.base, book.years) if measure else FormResult()
    return _file_page(request, place, book, measure, form)


@router.post("/nieuw", response_class=HTMLResponse)
def file(request: Request, slug: str, db: DbSession, actor: CurrentActor, form: Form) -> Response:
    place = council_place(db, slug)
    require(actor, "amendment.file", place.decision)
    book = queries.council_book(db, place.decision)
    measure = _chosen(request, book)
    if measure is None or measure.sheet is None:
        raise NotFound()
    shown, data = forms.read_amendment(form, book.years, measure.base)
    if data is None:
        return _file_page(request, place, book, measure, shown, posted=True, status_code=400)
    try:
        amendment = service.file_amendment(
            db, request.app.state.jinja, actor, place.process, place.phases, place.decision,
            measure.entry, measure.sheet, data, base_url=site_url(request),
        )  # fmt: skip
    except Conflict as exc:
        shown.errors["_"] = exc.message
        return _file_page(
            request, place, book, measure, shown, posted=True, status_code=exc.status_code
        )
    response = RedirectResponse(
        service.amendment_path(place.process, amendment.number), status_code=303
    )
    flash(
        response,
        request,
        _(
            "Amendment A%(number)d is filed. The other councillors are told, so they can "
            "co-sign it.",
            number=amendment.number,
        ),
    )
    return response


# --- the amendment's page -----------------------------------------------------------------------


def _view(book: CouncilBook, number: int) -> AmendmentView:
    view = next((v for v in book.amendments if v.amendment.number == number), None)
    if view is None:
        raise NotFound()
    return view


def _amendment_page(
    request: Request,
    actor: Actor | None,
    place: CouncilPlace,
    book: CouncilBook,
    view: AmendmentView,
    *,
    form: FormResult | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    amendment, measure = view.amendment, view.measure
    closed = _closed(place)
    waiting = amendment.state == AmendmentState.FILED
    signed = actor is not None and any(s.user_id == actor.id for s in view.signatures)
    submitted = book.package.total.submitted
    return render(
        request,
        "council/amendment.html",
        {
            "process": place.process,
            "book": book,
            "decision": place.decision,
            "view": view,
            "amendment": amendment,
            "measure": measure,
            "years": book.years,
            "new_amounts": view.amounts if amendment.kind == AmendmentKind.CHANGE else {},
            # The package as the edition put it to the council, and with this amendment
            # carried on its own.
            "package_rows": [
                (year, view.effect[year], submitted[year], submitted[year] + view.effect[year])
                for year in book.years
            ],
            "package_total": sum(submitted.values()),
            "others_carried": any(
                v.amendment.state == AmendmentState.CARRIED and v is not view
                for v in book.amendments
            ),
            "signed": signed,
            "acting": waiting and closed is None,
            "closed": closed.message if closed and waiting else None,
            "path": service.amendment_path(place.process, amendment.number),
            "council_path": place.path,
            "sheet_path": _sheet_path(place, measure.proposal_id),
            "form": form or FormResult(),
            **_labels(),
        },
        status_code=status_code,
    )


@router.get("/{number}", response_class=HTMLResponse)
def amendment_page(
    request: Request, slug: str, number: RowId, db: DbSession, actor: OptionalActor
) -> HTMLResponse:
    """Public, like the whole of the council's work once the edition is with it."""
    place = council_place(db, slug)
    book = queries.council_book(db, place.decision)
    return _amendment_page(request, actor, place, book, _view(book, number))


def _refused(
    request: Request,
    db: DbSession,
    actor: Actor,
    place: CouncilPlace,
    number: int,
    exc: Conflict,
    form: FormResult,
) -> HTMLResponse:
    """The amendment's page again with the use case's message, and its status."""
    form.errors["_"] = exc.message
    book = queries.council_book(db, place.decision)
    view = _view(book, number)
    return _amendment_page(
        request, actor, place, book, view, form=form, status_code=exc.status_code
    )


def _done(request: Request, place: CouncilPlace, number: int, message: str) -> Response:
    response = RedirectResponse(service.amendment_path(place.process, number), status_code=303)
    flash(response, request, message)
    return response


@router.post("/{number}/ondertekenen", response_class=HTMLResponse)
def cosign(
    request: Request, slug: str, number: RowId, db: DbSession, actor: CurrentActor
) -> Response:
    place = council_place(db, slug)
    amendment = amendment_or_404(db, place, number)
    require(actor, "amendment.cosign", amendment)
    try:
        service.cosign(db, actor, place.process, place.phases, place.decision, amendment)
    except Conflict as exc:
        return _refused(request, db, actor, place, number, exc, FormResult())
    return _done(
        request, place, number, _("You have co-signed amendment A%(number)d.", number=number)
    )


@router.post("/{number}/ondertekening-intrekken", response_class=HTMLResponse)
def remove_signature(
    request: Request, slug: str, number: RowId, db: DbSession, actor: CurrentActor
) -> Response:
    place = council_place(db, slug)
    amendment = amendment_or_404(db, place, number)
    # Whoever may co-sign may take their signature back (the use case checks there is one).
    require(actor, "amendment.cosign", amendment)
    try:
        service.remove_signature(db, actor, place.process, place.phases, place.decision, amendment)
    except Conflict as exc:
        return _refused(request, db, actor, place, number, exc, FormResult())
    return _done(
        request,
        place,
        number,
        _("Your signature is taken off amendment A%(number)d.", number=number),
    )


@router.post("/{number}/intrekken", response_class=HTMLResponse)
def withdraw(
    request: Request, slug: str, number: RowId, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    place = council_place(db, slug)
    amendment = amendment_or_404(db, place, number)
    require(actor, "amendment.withdraw", amendment)
    shown = FormResult()
    reason = forms.read_reason(form, shown)
    if not shown.ok:
        book = queries.council_book(db, place.decision)
        view = _view(book, number)
        return _amendment_page(request, actor, place, book, view, form=shown, status_code=400)
    try:
        service.withdraw(
            db, actor, place.process, place.phases, place.decision, amendment, reason=reason
        )
    except Conflict as exc:
        return _refused(request, db, actor, place, number, exc, shown)
    return _done(request, place, number, _("Amendment A%(number)d is withdrawn.", number=number))
