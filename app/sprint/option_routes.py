"""Before the sprint: the admin sets its clock (``/beheer/processen/<slug>/sprint``) and
officials prepare the options catalogue; during it, everyone on the sprint reads the
catalogue and team members adopt or adapt an option from it (the buttons post to their
team's page, team_routes.py).

The catalogue's pages work before the clock is set: officials prepare options weeks
before the admin knows the sprint's hour."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.permissions import can, require
from app.deps import CurrentActor, DbSession, RowId
from app.errors import Conflict, NotFound
from app.i18n import gettext as _
from app.models import Group, Process, Sprint, SprintOption
from app.phases.guard import require_phase
from app.phases.kinds import Action, ProcessKind
from app.processes.queries import process_or_404
from app.sprint import clock_service, forms, options_service, team_queries
from app.sprint.loading import SprintPlace
from app.sprint.package_service import moment, require_building, team_path
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.templating import render

router = APIRouter()


@dataclass(frozen=True)
class Catalogue:
    """The sprint process with its teams, and its clock once the admin has set it."""

    process: Process
    teams: list[Group]
    sprint: Sprint | None

    @property
    def team_ids(self) -> frozenset[int]:
        return frozenset(team.id for team in self.teams)

    @property
    def place(self) -> SprintPlace | None:
        return SprintPlace(self.process, self.sprint, self.teams) if self.sprint else None

    @property
    def path(self) -> str:
        return f"/processen/{self.process.slug}/sprint"


def _sprint_process(db: Session, slug: str) -> Process:
    process = process_or_404(db, slug)
    if process.kind != ProcessKind.SPRINT:
        raise NotFound()
    return process


def catalogue_of(db: Session, slug: str) -> Catalogue:
    process = _sprint_process(db, slug)
    teams = list(
        db.scalars(
            select(Group).where(Group.process_id == process.id).order_by(Group.position, Group.id)
        )
    )
    return Catalogue(process, teams, clock_service.clock_of(db, process))


def _closed(process: Process) -> str | None:
    """Why options cannot be written now (the phase); None while they can."""
    try:
        require_phase(process, process.phases, Action.PREPARE_OPTIONS)
    except Conflict as exc:
        return exc.message
    return None


def _building(catalogue: Catalogue, actor: Actor | None) -> tuple[Group | None, str | None]:
    """The actor's team and, while it cannot adopt options now, why not."""
    place = catalogue.place
    team = place.team_of(actor) if place else None
    if team is None or place is None:
        return team, None
    try:
        require_building(place)
    except Conflict as exc:
        return team, exc.message
    return team, None


# --- the clock (admin) --------------------------------------------------------------------------


def _clock_page(
    request: Request, process: Process, sprint: Sprint | None, form: FormResult, *,
    status_code: int = 200,
) -> HTMLResponse:  # fmt: skip
    return render(
        request,
        "sprint/clock.html",
        {
            "process": process,
            "sprint": sprint,
            "form": form,
            "path": clock_service.clock_path(process),
            "timezone": request.app.state.settings.timezone,
        },
        status_code=status_code,
    )


@router.get("/beheer/processen/{slug}/sprint", response_class=HTMLResponse)
def clock_form(request: Request, slug: str, db: DbSession, actor: CurrentActor) -> HTMLResponse:
    process = _sprint_process(db, slug)
    require(actor, "sprint.set_clock", process)
    sprint = clock_service.clock_of(db, process)
    zone = request.app.state.settings.timezone
    shown = FormResult()
    if sprint is not None:
        shown.values["starts_at"] = forms.local_value(sprint.starts_at, zone)
        shown.values["ends_at"] = forms.local_value(sprint.ends_at, zone)
    return _clock_page(request, process, sprint, shown)


@router.post("/beheer/processen/{slug}/sprint", response_class=HTMLResponse)
def set_clock(
    request: Request, slug: str, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    process = _sprint_process(db, slug)
    require(actor, "sprint.set_clock", process)
    shown, moments = forms.read_clock(form, request.app.state.settings.timezone)
    if moments is None:
        return _clock_page(
            request, process, clock_service.clock_of(db, process), shown, status_code=400
        )
    try:
        sprint = clock_service.set_clock(
            db, actor, process, starts_at=moments[0], ends_at=moments[1]
        )
    except Conflict as exc:
        shown.errors["_"] = exc.message
        return _clock_page(
            request, process, clock_service.clock_of(db, process), shown,
            status_code=exc.status_code,
        )  # fmt: skip
    response = RedirectResponse(clock_service.clock_path(process), status_code=303)
    flash(
        response,
        request,
        _(
            "The sprint runs from %(start)s to %(end)s.",
            start=moment(sprint.starts_at),
            end=moment(sprint.ends_at),
        ),
    )
    return response


# --- the catalogue ------------------------------------------------------------------------------


@router.get("/processen/{slug}/sprint/opties", response_class=HTMLResponse)
def options_page(request: Request, slug: str, db: DbSession, actor: CurrentActor) -> HTMLResponse:
    catalogue = catalogue_of(db, slug)
    require(actor, "sprint.take_part", catalogue)
    team, locked = _building(catalogue, actor)
    return render(
        request,
        "sprint/options.html",
        {
            "catalogue": catalogue,
            "process": catalogue.process,
            "options": team_queries.options(db, catalogue.process),
            "team": team,
            "team_path": team_path(catalogue.place, team) if team and catalogue.place else "",
            "in_package": team_queries.options_in_package(db, team) if team else {},
            "locked": locked,
            "may_prepare": can(actor, "sprint.prepare_options", catalogue.process)
            and _closed(catalogue.process) is None,
            "path": options_service.options_path(catalogue.process),
        },
    )


def _form_page(
    request: Request, catalogue: Catalogue, option: SprintOption | None, form: FormResult, *,
    posted: bool = False, status_code: int = 200,
) -> HTMLResponse:  # fmt: skip
    process = catalogue.process
    path = options_service.options_path(process)
    return render(
        request,
        "sprint/option_form.html",
        {
            "catalogue": catalogue,
            "process": process,
            "option": option,
            "form": form,
            "closed": _closed(process),
            "posted": posted,
            "options_path": path,
            "action": f"{path}/{option.number}/bewerken" if option else f"{path}/nieuw",
        },
        status_code=status_code,
    )


@router.get("/processen/{slug}/sprint/opties/nieuw", response_class=HTMLResponse)
def new_option_form(
    request: Request, slug: str, db: DbSession, actor: CurrentActor
) -> HTMLResponse:
    catalogue = catalogue_of(db, slug)
    require(actor, "sprint.prepare_options", catalogue.process)
    return _form_page(request, catalogue, None, FormResult())


@router.post("/processen/{slug}/sprint/opties/nieuw", response_class=HTMLResponse)
def add_option(
    request: Request, slug: str, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    catalogue = catalogue_of(db, slug)
    require(actor, "sprint.prepare_options", catalogue.process)
    shown, data = forms.read_option(form)
    if data is None:
        return _form_page(request, catalogue, None, shown, posted=True, status_code=400)
    try:
        option = options_service.add_option(db, actor, catalogue.process, data)
    except Conflict as exc:
        shown.errors["_"] = exc.message
        return _form_page(request, catalogue, None, shown, posted=True, status_code=exc.status_code)
    response = RedirectResponse(
        options_service.option_path(catalogue.process, option.number), status_code=303
    )
    flash(response, request, _("Option %(number)d is in the catalogue.", number=option.number))
    return response


@router.get("/processen/{slug}/sprint/opties/{number}", response_class=HTMLResponse)
def option_page(
    request: Request, slug: str, number: RowId, db: DbSession, actor: CurrentActor
) -> HTMLResponse:
    catalogue = catalogue_of(db, slug)
    require(actor, "sprint.take_part", catalogue)
    option = options_service.option_by_number(db, catalogue.process, number)
    team, locked = _building(catalogue, actor)
    return render(
        request,
        "sprint/option.html",
        {
            "catalogue": catalogue,
            "process": catalogue.process,
            "option": option,
            "team": team,
            "team_path": team_path(catalogue.place, team) if team and catalogue.place else "",
            "in_package": team_queries.options_in_package(db, team) if team else {},
            "locked": locked,
            "may_prepare": can(actor, "sprint.prepare_options", catalogue.process)
            and _closed(catalogue.process) is None,
            "options_path": options_service.options_path(catalogue.process),
        },
    )


@router.get("/processen/{slug}/sprint/opties/{number}/bewerken", response_class=HTMLResponse)
def edit_option_form(
    request: Request, slug: str, number: RowId, db: DbSession, actor: CurrentActor
) -> HTMLResponse:
    catalogue = catalogue_of(db, slug)
    require(actor, "sprint.prepare_options", catalogue.process)
    option = options_service.option_by_number(db, catalogue.process, number)
    return _form_page(request, catalogue, option, forms.option_filled(option))


@router.post("/processen/{slug}/sprint/opties/{number}/bewerken", response_class=HTMLResponse)
def update_option(
    request: Request, slug: str, number: RowId, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    catalogue = catalogue_of(db, slug)
    require(actor, "sprint.prepare_options", catalogue.process)
    option = options_service.option_by_number(db, catalogue.process, number)
    shown, data = forms.read_option(form)
    if data is None:
        return _form_page(request, catalogue, option, shown, posted=True, status_code=400)
    try:
        changed = options_service.update_option(db, actor, catalogue.process, option, data)
    except Conflict as exc:
        shown.errors["_"] = exc.message
        return _form_page(
            request, catalogue, option, shown, posted=True, status_code=exc.status_code
        )
    response = RedirectResponse(
        options_service.option_path(catalogue.process, option.number), status_code=303
    )
    flash(
        response,
        request,
        _("Option %(number)d is saved.", number=option.number)
        if changed
        else _("Nothing was changed."),
    )
    return response
