"""Proposals: a group's list, the form to draft and change one, the proposal page with
its steps and timeline, its revisions, and the public list per theme."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from app.access.permissions import require
from app.deps import CurrentActor, DbSession, OptionalActor, RowId
from app.errors import Conflict, InvalidTransition, NotFound, PhaseClosed
from app.i18n import gettext as _
from app.models import Group, Proposal
from app.processes.queries import process_or_404
from app.proposals import forms, queries, service
from app.proposals.amounts import parse_euros
from app.proposals.states import STATE_LABELS, ProposalState, Step
from app.proposals.web import (
    FormPage,
    compare,
    form_page,
    group_at,
    proposal_at,
    proposal_page,
    redirect,
)
from app.web.forms import Form, FormResult
from app.web.redirects import site_url
from app.web.templating import render

router = APIRouter(prefix="/processen/{slug}")

PUBLIC_STATES = [s for s in ProposalState if s != ProposalState.DRAFT]


@router.get("/groepen/{group_slug}/voorstellen", response_class=HTMLResponse)
def group_list(
    request: Request, slug: str, group_slug: str, db: DbSession, actor: CurrentActor
) -> HTMLResponse:
    process = process_or_404(db, slug)
    group = group_at(db, process, group_slug)
    require(actor, "group.view", group)
    return render(
        request,
        "proposals/group_list.html",
        {
            "process": process,
            "group": group,
            "rows": queries.group_proposals(db, group, actor.id),
            "state_labels": STATE_LABELS,
        },
    )


@router.get("/groepen/{group_slug}/voorstellen/nieuw", response_class=HTMLResponse)
def new_form(
    request: Request, slug: str, group_slug: str, db: DbSession, actor: CurrentActor
) -> HTMLResponse:
    process = process_or_404(db, slug)
    group = group_at(db, process, group_slug)
    require(actor, "proposal.create", group)
    options = queries.form_options(db, process, group, actor.id)
    empty = forms.filled(forms.ProposalInput(), options.years)
    return form_page(request, FormPage(process, group, options), empty)


@router.post("/groepen/{group_slug}/voorstellen/nieuw", response_class=HTMLResponse)
def create(
    request: Request, slug: str, group_slug: str, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    process = process_or_404(db, slug)
    group = group_at(db, process, group_slug)
    require(actor, "proposal.create", group)
    page = FormPage(process, group, queries.form_options(db, process, group, actor.id))
    shown, data = forms.read(form, page.options)
    if not shown.ok:
        return form_page(request, page, shown, status_code=400)
    try:
        proposal = service.create_draft(db, actor, process, group, data)
    except Conflict as exc:  # the phase closed, or a stale form
        shown.errors["_"] = exc.message
        return form_page(request, page, shown, status_code=409)
    return redirect(
        request,
        service.proposal_path(process, proposal),
        _("Your draft is saved. Only the authors and the chef see it until you submit it."),
    )


@router.get("/voorstellen/{proposal_id}", response_class=HTMLResponse)
def show(
    request: Request, slug: str, proposal_id: RowId, db: DbSession, actor: OptionalActor
) -> HTMLResponse:
    process = process_or_404(db, slug)
    proposal = proposal_at(db, process, proposal_id)
    require(actor, "proposal.read", proposal)
    return proposal_page(request, db, actor, process, proposal)


def _edit_place(db: DbSession, slug: str, proposal_id: int) -> tuple[FormPage, Proposal]:
    process = process_or_404(db, slug)
    proposal = proposal_at(db, process, proposal_id)
    group = db.get_one(Group, proposal.group_id)
    options = queries.form_options(db, process, group, proposal.author_id)
    return FormPage(process, group, options, proposal), proposal


@router.get("/voorstellen/{proposal_id}/bewerken", response_class=HTMLResponse)
def edit_form(
    request: Request, slug: str, proposal_id: RowId, db: DbSession, actor: CurrentActor
) -> HTMLResponse:
    page, proposal = _edit_place(db, slug, proposal_id)
    require(actor, "proposal.edit", proposal)
    saved = service.current_input(db, proposal)
    return form_page(request, page, forms.filled(saved, page.options.years))


@router.post("/voorstellen/{proposal_id}/bewerken", response_class=HTMLResponse)
def save(
    request: Request, slug: str, proposal_id: RowId, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    page, proposal = _edit_place(db, slug, proposal_id)
    require(actor, "proposal.edit", proposal)
    shown, data = forms.read(form, page.options)
    if not shown.ok:
        return form_page(request, page, shown, status_code=400)
    try:
        changed = service.update(db, actor, page.process, page.group, proposal, data)
    except Conflict as exc:
        shown.errors["_"] = exc.message
        return form_page(request, page, shown, status_code=409)
    if not changed:
        message = _("Nothing was changed.")
    elif proposal.state == ProposalState.DRAFT:
        message = _("Your changes are saved.")
    else:
        message = _("Your changes are saved as version %(n)d.", n=proposal.version)
    return redirect(request, service.proposal_path(page.process, proposal), message)


@router.post("/voorstellen/{proposal_id}/stap", response_class=HTMLResponse)
def take_step(
    request: Request, slug: str, proposal_id: RowId, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    process = process_or_404(db, slug)
    proposal = proposal_at(db, process, proposal_id)
    require(actor, "proposal.read", proposal)
    try:
        step = Step(str(form.get("stap", "")))
    except ValueError:
        raise NotFound() from None
    field = f"reason-{step.value}"
    reason = forms.read_reason(form, field)
    values = {field: reason, "merge_into": str(form.get("merge_into", ""))}
    target_id = values["merge_into"]
    target = (
        queries.proposal_in(db, process, int(target_id))
        if step == Step.MERGE and target_id.isdigit() and len(target_id) < 10
        else None
    )
    try:
        after = service.take_step(
            db, request.app.state.jinja, actor, process, proposal, step,
            reason=reason, merge_into=target, base_url=site_url(request),
        )  # fmt: skip
    except Conflict as exc:
        if isinstance(exc, PhaseClosed | InvalidTransition):
            key = "_"
        else:
            # The step's own field: the reason for rejecting, the proposal to merge into.
            key = "merge_into" if step == Step.MERGE else field
        return proposal_page(
            request, db, actor, process, proposal,
            form=FormResult(values=values, errors={key: exc.message}), status_code=409,
        )  # fmt: skip
    return redirect(
        request,
        service.proposal_path(process, proposal),
        _("The proposal is now: %(state)s.", state=str(STATE_LABELS[after]).lower()),
    )


@router.get("/voorstellen/{proposal_id}/versies", response_class=HTMLResponse)
def revisions(
    request: Request,
    slug: str,
    proposal_id: RowId,
    db: DbSession,
    actor: OptionalActor,
    van: int | None = None,
    tot: int | None = None,
) -> HTMLResponse:
    process = process_or_404(db, slug)
    proposal = proposal_at(db, process, proposal_id)
    require(actor, "proposal.read", proposal)
    kept = queries.revisions_of(db, proposal)
    by_number = {r.number: r for r in kept}
    new = by_number.get(tot or 0) or (kept[-1] if kept else None)
    old = by_number.get(van or 0) if van else None
    if old is None and new is not None:
        old = by_number.get(new.number - 1)
    return render(
        request,
        "proposals/revisions.html",
        {
            "process": process,
            "proposal": proposal,
            "revisions": kept,
            "old": old,
            "new": new,
            "changes": compare(old, new) if new is not None else None,
        },
    )


@router.get("/themas/{theme_slug}/voorstellen", response_class=HTMLResponse)
def theme_list(
    request: Request, slug: str, theme_slug: str, db: DbSession, actor: OptionalActor
) -> HTMLResponse:
    process = process_or_404(db, slug)
    theme = queries.theme_by_slug(db, process, theme_slug)
    if theme is None:
        raise NotFound()
    params = request.query_params
    errors: dict[str, str] = {}
    values = {name: params.get(name, "") for name in ("status", "min", "max", "sorteer")}
    state = values["status"] if values["status"] in PUBLIC_STATES else None
    bounds: list[int | None] = []
    for name, label in (("min", _("Lowest amount")), ("max", _("Highest amount"))):
        parsed = parse_euros(values[name], label) if values[name].strip() else None
        if parsed is not None and parsed.error:
            errors[name] = parsed.error
        bounds.append(parsed.value if parsed is not None and not parsed.error else None)
    page_raw = params.get("pagina", "1")
    filters = queries.Filters(
        state=state,
        minimum=bounds[0],
        maximum=bounds[1],
        sort="bedrag" if values["sorteer"] == "bedrag" else "nieuw",
        page=int(page_raw) if page_raw.isdigit() and len(page_raw) < 7 else 1,
    )
    return render(
        request,
        "proposals/theme_list.html",
        {
            "process": process,
            "theme": theme,
            "listing": queries.theme_proposals(db, theme, filters),
            "filters": filters,
            "values": values,
            "errors": errors,
            "states": PUBLIC_STATES,
            "state_labels": STATE_LABELS,
        },
        status_code=400 if errors else 200,
    )
