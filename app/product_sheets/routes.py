"""The product sheets of a process: the overview (how many at which step, per theme; what
waits for the viewer), one sheet with its sign-off, the official's edit form, the step
forms, and the sheet as a PDF."""

from __future__ import annotations

import time
from dataclasses import dataclass
from email.utils import format_datetime

import structlog
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.access.actor import Actor
from app.access.permissions import can, require
from app.attachments.queries import for_sheet
from app.attachments.web import block_for
from app.council import queries as council_queries
from app.council.states import AMENDMENT_STATE_LABELS, KIND_LABELS
from app.deps import CurrentActor, DbSession, OptionalActor, RowId
from app.errors import Conflict, NotFound, PhaseClosed
from app.i18n import get_locale
from app.i18n import gettext as _
from app.models import Process
from app.phases.guard import require_phase
from app.phases.kinds import Action
from app.processes.queries import process_or_404
from app.product_sheets import forms, queries, service
from app.product_sheets.permissions import acts_at
from app.product_sheets.queries import SheetPage
from app.product_sheets.states import (
    ACTION_LABELS,
    NEEDS_REASON,
    ORDER,
    STEP_LABELS,
    SheetAction,
    actions_from,
)
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.redirects import site_url
from app.web.templating import render, static_url

router = APIRouter(prefix="/processen/{slug}/productbladen")

log = structlog.get_logger("dialoog.product_sheets")


@dataclass(frozen=True)
class ProcessView:
    """What ``product_sheet.overview`` is asked about."""

    process: Process
    published: bool


def _page(db: DbSession, process: Process, proposal_id: int) -> SheetPage:
    page = queries.sheet_page(db, process, proposal_id)
    if page is None:
        raise NotFound()
    return page


def _years(process: Process) -> list[int]:
    return list(range(process.first_year, process.last_year + 1))


def _closed(process: Process) -> str | None:
    """Why sheets cannot be written or signed off now (the phase that allows it), or None."""
    try:
        require_phase(process, list(process.phases), Action.WRITE_PRODUCT_SHEET)
    except PhaseClosed as exc:
        return exc.message
    return None


def _context(process: Process, page: SheetPage) -> dict[str, object]:
    years = _years(process)
    effects = [(year, *forms.effect_of(page.sheet, year)) for year in years]
    return {
        "process": process,
        "page": page,
        "sheet": page.sheet,
        "proposal": page.proposal,
        "effects": effects,
        "effect_total": sum(s + o for _, s, o in effects),
        "labels": forms.text_labels(),
        "texts": forms.TEXTS,
        "order": ORDER,
        "step_labels": STEP_LABELS,
        "path": service.sheet_path(process, page.proposal.id),
    }


def _sheet(
    request: Request,
    db: DbSession,
    actor: Actor | None,
    process: Process,
    page: SheetPage,
    *,
    form: FormResult | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    closed = _closed(process)
    # Before the council: its amendments on this measure, and a way for a councillor to
    # file one.
    council = council_queries.sheet_amendments(db, process, page.proposal.id)
    acting = can(actor, "product_sheet.step", page.sheet)
    actions = actions_from(page.sheet.step) if acting and not closed else []
    return render(
        request,
        "product_sheets/sheet.html",
        {
            **_context(process, page),
            "closed": closed,
            "acting": acting,
            "actions": [(a, ACTION_LABELS[(page.sheet.step, a)]) for a in actions],
            "editable": can(actor, "product_sheet.edit", page.sheet) and not closed,
            "form": form or FormResult(),
            "council": council,
            "amendment_kinds": KIND_LABELS,
            "amendment_states": AMENDMENT_STATE_LABELS,
            "attachments": block_for(
                db, actor, request.app.state.settings, for_sheet(process, page)
            ),
        },
        status_code=status_code,
    )


def _edit_form(
    request: Request, process: Process, page: SheetPage, form: FormResult, status_code: int = 200
) -> HTMLResponse:
    return render(
        request,
        "product_sheets/edit.html",
        {
            **_context(process, page),
            "years": _years(process),
            "amount_fields": forms.amount_fields,
            "form": form,
            "closed": _closed(process),
        },
        status_code=status_code,
    )


# --- the overview ---------------------------------------------------------------------------


@router.get("", response_class=HTMLResponse)
def overview(request: Request, slug: str, db: DbSession, actor: OptionalActor) -> HTMLResponse:
    process = process_or_404(db, slug)
    data = queries.overview(db, process)
    require(
        actor, "product_sheet.overview", ProcessView(process, any(r.published for r in data.rows))
    )
    errors: dict[str, str] = {}
    step = request.query_params.get("stap", "")
    theme = request.query_params.get("thema", "")
    if step and step not in ORDER:
        errors["stap"] = _("Choose a step from the list.")
        step = ""
    groups = {group.slug: group for group in data.groups}
    if theme and theme not in groups:
        errors["thema"] = _("Choose a theme from the list.")
        theme = ""
    group_id = groups[theme].id if theme else None
    readable = [row for row in data.rows if can(actor, "product_sheet.read", row)]
    listed = [
        row
        for row in readable
        if (not step or row.step == step) and (group_id is None or row.group_id == group_id)
    ]
    waiting = [
        row
        for row in data.rows
        if acts_at(actor, row.step, row.group_id) and (group_id is None or row.group_id == group_id)
    ]
    return render(
        request,
        "product_sheets/overview.html",
        {
            "process": process,
            "overview": data,
            "group_names": {group.id: group.name for group in data.groups},
            "order": ORDER,
            "step_labels": STEP_LABELS,
            "listed": listed,
            "waiting": waiting,
            "values": {"stap": step, "thema": theme},
            "errors": errors,
        },
        status_code=400 if errors else 200,
    )


# --- one sheet: the PDF first, as "{proposal_id}" would not match "12.pdf" anyway -------------


@router.get("/{proposal_id}.pdf")
def sheet_pdf(
    request: Request, slug: str, proposal_id: RowId, db: DbSession, actor: OptionalActor
) -> Response:
    # Imported here: WeasyPrint loads Pango when imported (see the green paper's PDF).
    from app.product_sheets import pdf

    process = process_or_404(db, slug)
    page = _page(db, process, proposal_id)
    require(actor, "product_sheet.read", page)
    organization = request.state.organization
    tag = pdf.etag(
        page, get_locale(), organization.name, process.title, page.group.name,
        layout=static_url(pdf.STYLESHEET),
    )  # fmt: skip
    headers = {
        "ETag": tag,
        "Last-Modified": format_datetime(pdf.last_change(page), usegmt=True),
        # Published: anyone may keep it but must ask whether it is still current. Before
        # that only the staff read it: no shared cache may keep it.
        "Cache-Control": "public, no-cache" if page.published else "private, no-cache",
        "Vary": "Cookie",
    }
    if tag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers=headers)
    html = request.app.state.jinja.get_template("product_sheets/pdf.html").render(
        {
            "request": request,
            "organization": organization,
            **_context(process, page),
            "stylesheet": pdf.STYLESHEET,
        }
    )
    started = time.perf_counter()
    body = pdf.render_pdf(html)
    log.info(
        "product_sheet.pdf",
        sheet=page.sheet.id,
        bytes=len(body),
        duration_ms=round((time.perf_counter() - started) * 1000, 1),
    )
    readable = f"{_('Product sheet')} {page.proposal.title} - {organization.name}.pdf"
    headers["Content-Disposition"] = pdf.content_disposition(
        readable, f"productblad-{page.proposal.id}.pdf"
    )
    return Response(body, media_type="application/pdf", headers=headers)


@router.get("/{proposal_id}", response_class=HTMLResponse)
def sheet(
    request: Request, slug: str, proposal_id: RowId, db: DbSession, actor: OptionalActor
) -> HTMLResponse:
    process = process_or_404(db, slug)
    page = _page(db, process, proposal_id)
    require(actor, "product_sheet.read", page)
    return _sheet(request, db, actor, process, page)


@router.get("/{proposal_id}/bewerken", response_class=HTMLResponse)
def edit_form(
    request: Request, slug: str, proposal_id: RowId, db: DbSession, actor: CurrentActor
) -> HTMLResponse:
    process = process_or_404(db, slug)
    page = _page(db, process, proposal_id)
    require(actor, "product_sheet.edit", page.sheet)
    return _edit_form(request, process, page, forms.filled(page.sheet, _years(process)))


@router.post("/{proposal_id}/bewerken", response_class=HTMLResponse)
def save(
    request: Request, slug: str, proposal_id: RowId, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    process = process_or_404(db, slug)
    page = _page(db, process, proposal_id)
    require(actor, "product_sheet.edit", page.sheet)
    shown, data = forms.read(form, _years(process))
    if not shown.ok:
        return _edit_form(request, process, page, shown, status_code=400)
    version = shown.values.get("version", "")
    try:
        changed = service.save(
            db, actor, process, list(process.phases), page.sheet, data,
            expected_version=int(version) if version.isdigit() else None,
        )  # fmt: skip
    except Conflict as exc:
        shown.errors["_"] = exc.message
        return _edit_form(request, process, page, shown, status_code=exc.status_code)
    response = RedirectResponse(service.sheet_path(process, proposal_id), status_code=303)
    flash(
        response,
        request,
        _("The product sheet is saved.") if changed else _("Nothing was changed."),
    )
    return response


@router.post("/{proposal_id}/stap", response_class=HTMLResponse)
def take_step(
    request: Request, slug: str, proposal_id: RowId, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    process = process_or_404(db, slug)
    page = _page(db, process, proposal_id)
    require(actor, "product_sheet.step", page.sheet)
    result = FormResult()
    raw_action, seen = form.get("stap"), form.get("vanaf")
    reason = forms.read_reason(form)
    result.values["reden"] = reason
    try:
        action = SheetAction(raw_action if isinstance(raw_action, str) else "")
    except ValueError:
        result.errors["_"] = _("Choose one of the steps on the page.")
        return _sheet(request, db, actor, process, page, form=result, status_code=400)
    if action in NEEDS_REASON and not reason:
        result.errors["reden"] = _("Say why you send the product sheet back.")
    elif len(reason) > forms.REASON_LIMIT:
        result.errors["reden"] = _(
            "%(label)s: use at most %(n)d characters.", label=_("Reason"), n=forms.REASON_LIMIT
        )
    if not result.ok:
        return _sheet(request, db, actor, process, page, form=result, status_code=400)
    try:
        to_step = service.take_step(
            db, request.app.state.jinja, actor, process, list(process.phases), page.sheet,
            page.proposal, action, seen_step=seen if isinstance(seen, str) and seen else None,
            reason=reason if action in NEEDS_REASON else "", base_url=site_url(request),
        )  # fmt: skip
    except Conflict as exc:
        result.errors["_"] = exc.message
        return _sheet(request, db, actor, process, page, form=result, status_code=exc.status_code)
    messages = {
        "finance": _("The product sheet is passed on to the financial adviser."),
        "chef": _("The product sheet is approved and passed on to the chef."),
        "signed_off": _("The product sheet is signed off."),
        "official": _("The product sheet is sent back to the official."),
    }
    response = RedirectResponse(service.sheet_path(process, proposal_id), status_code=303)
    flash(response, request, messages[to_step.value])
    return response
