"""The green papers outside the group's editor: every group's paper and its state, one
paper to read with the board's decision and the council workshop, and its printable
forms (a print stylesheet and a PDF). The board decides here, councillors give their
input here and the chef answers it here."""

from __future__ import annotations

import time
from dataclasses import dataclass
from email.utils import format_datetime

import structlog
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.access.actor import Actor
from app.access.permissions import can, require
from app.deps import CurrentActor, DbSession, OptionalActor, RowId
from app.errors import Conflict, NotFound, PhaseClosed
from app.green_papers import queries, service
from app.green_papers.permissions import WorkshopView
from app.green_papers.states import STATUS_LABELS, GreenPaperStatus
from app.i18n import get_locale
from app.i18n import gettext as _
from app.models import GreenPaper, Group, Process, WorkshopInput
from app.phases.guard import require_phase
from app.phases.kinds import Action
from app.processes.queries import process_or_404
from app.recruitment.queries import group_by_slug
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.redirects import site_url
from app.web.templating import render, static_url

router = APIRouter(prefix="/processen/{slug}/groenboeken")

log = structlog.get_logger("dialoog.green_papers")

REASON_LIMIT = 4000
INPUT_LIMIT = 4000


@dataclass(frozen=True)
class Place:
    process: Process
    group: Group
    paper: GreenPaper


def _place(db: DbSession, slug: str, group_slug: str) -> Place:
    """The paper, or 404 when the group does not exist or has not started one."""
    process = process_or_404(db, slug)
    group = group_by_slug(db, process, group_slug)
    paper = queries.paper_of(db, group) if group is not None else None
    if group is None or paper is None:
        raise NotFound()
    return Place(process, group, paper)


def _path(place: Place) -> str:
    return f"/processen/{place.process.slug}/groenboeken/{place.group.slug}"


def _redirect(request: Request, url: str, message: str) -> Response:
    response = RedirectResponse(url, status_code=303)
    flash(response, request, message)
    return response


def _closed(place: Place, action: Action) -> str | None:
    """Why ``action`` is not possible now (the phase and dates it is), or None if it is."""
    try:
        require_phase(place.process, list(place.process.phases), action)
    except PhaseClosed as exc:
        return exc.message
    return None


# --- the list ---------------------------------------------------------------------------


@router.get("", response_class=HTMLResponse)
def papers(request: Request, slug: str, db: DbSession, actor: OptionalActor) -> HTMLResponse:
    process = process_or_404(db, slug)
    return render(
        request,
        "green_papers/list.html",
        {
            "process": process,
            "rows": queries.papers_of_process(db, process),
            "status_labels": STATUS_LABELS,
        },
    )


# --- one paper: PDF first, as "{group_slug}" would also match "onderwijs.pdf" -----------------


@router.get("/{group_slug}.pdf")
def paper_pdf(
    request: Request, slug: str, group_slug: str, db: DbSession, actor: OptionalActor
) -> Response:
    # Imported here: WeasyPrint loads Pango when imported, so the rest of the site keeps
    # running (and starting quickly) where the system libraries are missing.
    from app.green_papers import pdf

    place = _place(db, slug, group_slug)
    if not queries.is_published(place.paper):
        raise NotFound()  # a PDF is for publishing: only what the board has decided on
    sections = queries.sections_of(db, place.paper)
    organization = request.state.organization
    tag = pdf.etag(
        place.paper, sections, get_locale(), organization.name, place.process.title,
        place.group.name, layout=static_url(pdf.STYLESHEET),
    )  # fmt: skip
    modified = pdf.last_change(place.paper, sections)
    headers = {
        "ETag": tag,
        "Last-Modified": format_datetime(modified, usegmt=True),
        # Anyone may keep it, but must ask whether it is still current; the language
        # comes from a cookie.
        "Cache-Control": "public, no-cache",
        "Vary": "Cookie",
    }
    if tag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers=headers)
    html = request.app.state.jinja.get_template("green_papers/pdf.html").render(
        {
            "request": request,
            "organization": organization,
            "process": place.process,
            "group": place.group,
            "paper": place.paper,
            "sections": sections,
            "status_labels": STATUS_LABELS,
            "stylesheet": pdf.STYLESHEET,
        }
    )
    started = time.perf_counter()
    body = pdf.render_pdf(html)
    log.info(
        "green_paper.pdf",
        paper=place.paper.id,
        bytes=len(body),
        duration_ms=round((time.perf_counter() - started) * 1000, 1),
    )
    readable = f"{_('Green paper')} {place.group.name} - {organization.name}.pdf"
    headers["Content-Disposition"] = pdf.content_disposition(
        readable, f"groenboek-{place.group.slug}.pdf"
    )
    return Response(body, media_type="application/pdf", headers=headers)


def _paper_page(
    request: Request,
    db: DbSession,
    actor: Actor | None,
    place: Place,
    form: FormResult | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    paper = place.paper
    over = queries.workshop_over(place.process, list(place.process.phases))
    workshop_shown = paper.status == GreenPaperStatus.CONTINUED and can(
        actor, "green_paper.read_workshop", WorkshopView(paper.group_id, over)
    )
    return render(
        request,
        "green_papers/paper.html",
        {
            "process": place.process,
            "group": place.group,
            "paper": paper,
            "sections": queries.sections_of(db, paper),
            "status_labels": STATUS_LABELS,
            "published": queries.is_published(paper),
            "workshop_shown": workshop_shown,
            "inputs": queries.workshop_inputs(db, paper) if workshop_shown else [],
            "decide_closed": _closed(place, Action.DECIDE_GREEN_PAPER),
            "workshop_closed": _closed(place, Action.GIVE_WORKSHOP_INPUT),
            "path": _path(place),
            "form": form or FormResult(),
        },
        status_code=status_code,
    )


@router.get("/{group_slug}", response_class=HTMLResponse)
def paper_page(
    request: Request, slug: str, group_slug: str, db: DbSession, actor: OptionalActor
) -> HTMLResponse:
    place = _place(db, slug, group_slug)
    require(actor, "green_paper.read", place.paper)
    return _paper_page(request, db, actor, place)


# --- the board's decision ------------------------------------------------------------------


@router.post("/{group_slug}/besluit", response_class=HTMLResponse)
def decide(
    request: Request, slug: str, group_slug: str, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    place = _place(db, slug, group_slug)
    require(actor, "green_paper.decide", place.paper)
    result = FormResult()
    choice = result.text(form, "decision", label=_("Decision"))
    if choice not in ("continue", "stop"):
        result.errors["decision"] = _("Choose: the theme goes on, or it stops.")
    reason = result.text(form, "reason", label=_("Reason"), max_length=REASON_LIMIT)
    if not result.ok:
        return _paper_page(request, db, actor, place, result, 400)
    try:
        service.decide(
            db, request.app.state.jinja, actor, place.process, list(place.process.phases),
            place.paper, place.group, go_on=choice == "continue", reason=reason,
            base_url=site_url(request),
        )  # fmt: skip
    except Conflict as exc:  # a closed phase or a paper decided meanwhile: say so here
        result.errors["_decide"] = exc.message
        return _paper_page(request, db, actor, place, result, exc.status_code)
    done = (
        _("Saved: the theme %(group)s goes on. The group has been told.", group=place.group.name)
        if choice == "continue"
        else _("Saved: the theme %(group)s stops. The group has been told.", group=place.group.name)
    )
    return _redirect(request, _path(place), done)


# --- the council workshop --------------------------------------------------------------------


@router.post("/{group_slug}/inbreng", response_class=HTMLResponse)
def give_input(
    request: Request, slug: str, group_slug: str, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    place = _place(db, slug, group_slug)
    require(actor, "green_paper.give_input", place.paper)
    result = FormResult()
    body = result.text(form, "input", label=_("Your input"), max_length=INPUT_LIMIT)
    if not result.ok:
        return _paper_page(request, db, actor, place, result, 400)
    try:
        service.give_input(
            db, request.app.state.jinja, actor, place.process, list(place.process.phases),
            place.paper, place.group, body, site_url(request),
        )  # fmt: skip
    except Conflict as exc:
        result.errors["_input"] = exc.message
        return _paper_page(request, db, actor, place, result, exc.status_code)
    return _redirect(
        request, f"{_path(place)}#workshop", _("Thank you. The chef has been told of your input.")
    )


@router.post("/{group_slug}/inbreng/{input_id}/antwoord", response_class=HTMLResponse)
def answer_input(
    request: Request,
    slug: str,
    group_slug: str,
    input_id: RowId,
    db: DbSession,
    actor: CurrentActor,
    form: Form,
) -> Response:
    place = _place(db, slug, group_slug)
    require(actor, "green_paper.arrange", place.paper)
    given = db.get(WorkshopInput, input_id)
    if given is None or given.green_paper_id != place.paper.id:
        raise NotFound()
    field = f"answer-{given.id}"
    result = FormResult()
    answer = result.text(form, field, label=_("Your answer"), max_length=INPUT_LIMIT)
    if not result.ok:
        return _paper_page(request, db, actor, place, result, 400)
    try:
        service.answer_input(db, actor, place.process, list(place.process.phases), given, answer)
    except Conflict as exc:
        result.errors[f"_{field}"] = exc.message
        return _paper_page(request, db, actor, place, result, exc.status_code)
    return _redirect(
        request, f"{_path(place)}#input-{given.id}", _("Your answer is saved and shown.")
    )
