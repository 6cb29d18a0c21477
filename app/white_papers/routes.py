"""The white paper: the chef's page in the group (introduction, order, submit), and the
public pages (every group's white paper and its state; one white paper to read)."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.access.actor import Actor
from app.access.permissions import can, require
from app.deps import CurrentActor, DbSession, OptionalActor, RowId
from app.errors import Conflict, NotFound, PhaseClosed
from app.i18n import gettext as _
from app.models import Group, Process, WhitePaper
from app.phases.guard import require_phase
from app.phases.kinds import Action
from app.processes.queries import process_or_404
from app.recruitment.queries import group_by_slug
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.redirects import site_url
from app.web.templating import render
from app.white_papers import queries, service
from app.white_papers.permissions import DRAFT

router = APIRouter()

INTRODUCTION_LIMIT = 20_000  # characters: an introduction, not a second white paper
DIRECTIONS = {"omhoog": -1, "omlaag": 1}


@dataclass
class Place:
    process: Process
    group: Group
    paper: WhitePaper | None

    @property
    def subject(self) -> WhitePaper | Group:
        """What the predicates are asked about: the paper, or the group before its first
        save."""
        return self.paper if self.paper is not None else self.group


def _place(db: DbSession, slug: str, group_slug: str) -> Place:
    process = process_or_404(db, slug)
    group = group_by_slug(db, process, group_slug)
    if group is None:
        raise NotFound()
    return Place(process, group, queries.paper_of(db, group))


def _back(request: Request, place: Place, message: str, anchor: str = "") -> Response:
    url = service.editor_path(place.process, place.group) + (f"#{anchor}" if anchor else "")
    response = RedirectResponse(url, status_code=303)
    flash(response, request, message)
    return response


def _closed(place: Place) -> str | None:
    """Why the white paper cannot be changed in this phase, or None."""
    try:
        require_phase(place.process, list(place.process.phases), Action.SUBMIT_WHITE_PAPER)
    except PhaseClosed as exc:
        return exc.message
    return None


def _editor(
    request: Request,
    db: DbSession,
    place: Place,
    *,
    form: FormResult | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    return render(
        request,
        "white_papers/editor.html",
        {
            "process": place.process,
            "group": place.group,
            "paper": place.paper,
            "subject": place.subject,
            "proposals": queries.included(db, place.group),
            "closed": _closed(place),
            "public_path": service.public_path(place.process, place.group),
            "path": service.editor_path(place.process, place.group),
            "form": form or FormResult(),
        },
        status_code=status_code,
    )


def _refused(request: Request, db: DbSession, place: Place, exc: Conflict) -> HTMLResponse:
    return _editor(request, db, place, form=FormResult(errors={"_": exc.message}), status_code=409)


# --- the chef's page in the group ----------------------------------------------------------


@router.get("/processen/{slug}/groepen/{group_slug}/witboek", response_class=HTMLResponse)
def editor(
    request: Request, slug: str, group_slug: str, db: DbSession, actor: CurrentActor
) -> HTMLResponse:
    place = _place(db, slug, group_slug)
    require(actor, "group.view", place.group)
    return _editor(request, db, place)


@router.post(
    "/processen/{slug}/groepen/{group_slug}/witboek/inleiding", response_class=HTMLResponse
)
def save_introduction(
    request: Request, slug: str, group_slug: str, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    place = _place(db, slug, group_slug)
    require(actor, "white_paper.edit", place.subject)
    result = FormResult()
    raw = form.get("introduction")
    text = raw.replace("\r\n", "\n").strip() if isinstance(raw, str) else ""
    result.values["introduction"] = text
    if len(text) > INTRODUCTION_LIMIT:
        result.errors["introduction"] = _(
            "The introduction is too long: at most %(n)d characters.", n=INTRODUCTION_LIMIT
        )
        return _editor(request, db, place, form=result, status_code=400)
    try:
        changed = service.save_introduction(
            db, actor, place.process, list(place.process.phases), place.group, text
        )
    except Conflict as exc:
        result.errors["_"] = exc.message
        return _editor(request, db, place, form=result, status_code=exc.status_code)
    message = _("The introduction is saved.") if changed else _("Nothing was changed.")
    return _back(request, place, message, "introduction")


@router.post(
    "/processen/{slug}/groepen/{group_slug}/witboek/voorstellen/{proposal_id}/verplaatsen",
    response_class=HTMLResponse,
)
def move(
    request: Request,
    slug: str,
    group_slug: str,
    proposal_id: RowId,
    db: DbSession,
    actor: CurrentActor,
    form: Form,
) -> Response:
    place = _place(db, slug, group_slug)
    require(actor, "white_paper.edit", place.subject)
    direction = form.get("richting")
    offset = DIRECTIONS.get(direction) if isinstance(direction, str) else None
    if offset is None:
        return _refused(request, db, place, Conflict(_("Choose up or down.")))
    try:
        service.move(
            db, actor, place.process, list(place.process.phases), place.group, proposal_id, offset
        )
    except Conflict as exc:
        return _refused(request, db, place, exc)
    return _back(request, place, _("The order is saved."), f"proposal-{proposal_id}")


@router.post("/processen/{slug}/groepen/{group_slug}/witboek/indienen", response_class=HTMLResponse)
def submit(
    request: Request, slug: str, group_slug: str, db: DbSession, actor: CurrentActor
) -> Response:
    place = _place(db, slug, group_slug)
    require(actor, "white_paper.edit", place.subject)
    try:
        service.submit(
            db, request.app.state.jinja, actor, place.process, list(place.process.phases),
            place.group, site_url(request),
        )  # fmt: skip
    except Conflict as exc:
        return _refused(request, db, place, exc)
    response = RedirectResponse(service.public_path(place.process, place.group), status_code=303)
    flash(response, request, _("The white paper is submitted. The group has been told."))
    return response


# --- public ----------------------------------------------------------------------------------


@router.get("/processen/{slug}/witboeken", response_class=HTMLResponse)
def papers(request: Request, slug: str, db: DbSession, actor: OptionalActor) -> HTMLResponse:
    process = process_or_404(db, slug)
    return render(
        request,
        "white_papers/list.html",
        {"process": process, "rows": queries.papers_of_process(db, process)},
    )


@router.get("/processen/{slug}/witboeken/{group_slug}", response_class=HTMLResponse)
def paper_page(
    request: Request, slug: str, group_slug: str, db: DbSession, actor: OptionalActor
) -> HTMLResponse:
    place = _place(db, slug, group_slug)
    if place.paper is None:
        raise NotFound()
    require(actor, "white_paper.read", place.paper)
    proposals = queries.included(db, place.group, with_amounts=True)
    return render(
        request,
        "white_papers/paper.html",
        {
            "process": place.process,
            "group": place.group,
            "paper": place.paper,
            "proposals": proposals,
            "totals": queries.totals(place.process, proposals),
            "draft": place.paper.status == DRAFT,
            "editable": _may_edit(actor, place),
        },
    )


def _may_edit(actor: Actor | None, place: Place) -> bool:
    return can(actor, "white_paper.edit", place.subject)
