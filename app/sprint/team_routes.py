"""A team at work: its page (the package with amounts and review states, the countdown,
the mood check), the package part that refreshes itself when a measure or a verdict
changes, and the team's changes: adopt an option as is, adapt one, write an own measure,
change a measure, take one out, post a mood. Refusals (the phase, the clock) come back
on the page with their message and a 409, never silently."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from app.access.actor import Actor
from app.access.permissions import can, require
from app.db import utcnow
from app.deps import CurrentActor, DbSession, RowId
from app.errors import Conflict, NotFound
from app.i18n import gettext as _
from app.models import Group, Proposal, SprintOption
from app.product_sheets.forms import amount_fields
from app.recruitment.membership import members
from app.reviews.kinds import KIND_LABELS, VERDICT_LABELS
from app.sprint import forms, options_service, package_service, team_queries
from app.sprint.kinds import ORIGIN_LABELS
from app.sprint.loading import SprintPlace, sprint_place
from app.sprint.package_service import MeasureInput, team_path
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.redirects import site_url
from app.web.templating import render

router = APIRouter(prefix="/processen/{slug}/sprint/teams/{team_id}")


def _team(db: DbSession, slug: str, team_id: int, actor: Actor | None) -> tuple[SprintPlace, Group]:
    place = sprint_place(db, slug)
    team = place.team_or_404(team_id)
    require(actor, "sprint.view_team", team)
    return place, team


def _locked(place: SprintPlace) -> str | None:
    """Why the package cannot change now (phase, or clock); None while it can."""
    try:
        package_service.require_building(place)
    except Conflict as exc:
        return exc.message
    return None


def _clock(place: SprintPlace) -> dict[str, object]:
    """The countdown as the server renders it (the script only keeps it ticking)."""
    left = place.seconds_left()
    return {
        "ends_at": place.sprint.ends_at,
        "starts_at": place.sprint.starts_at,
        "started": place.sprint.starts_at <= utcnow(),
        "ended": place.has_ended(),
        "hours": left // 3600,
        "minutes": left % 3600 // 60,
        "seconds_left": left,
    }


def _labels() -> dict[str, object]:
    return {
        "origin_labels": ORIGIN_LABELS,
        "kind_labels": KIND_LABELS,
        "verdict_labels": VERDICT_LABELS,
    }


def _package_context(
    db: DbSession, actor: Actor | None, place: SprintPlace, team: Group
) -> dict[str, object]:
    locked = _locked(place)
    return {
        "place": place,
        "process": place.process,
        "team": team,
        "package": team_queries.team_package(db, place.process, team),
        "locked": locked,
        "building": locked is None and can(actor, "sprint.build_package", team),
        "path": team_path(place, team),
        "clock": _clock(place),
        **_labels(),
    }


def _team_page(
    request: Request, db: DbSession, actor: Actor | None, place: SprintPlace, team: Group, *,
    mood_form: FormResult | None = None, refused: str | None = None, status_code: int = 200,
) -> HTMLResponse:  # fmt: skip
    count, last = team_queries.last_mood_sent(db, team)
    return render(
        request,
        "sprint/team.html",
        {
            **_package_context(db, actor, place, team),
            "members": members(db, [team.id]),
            "moods_sent": count,
            "last_mood": last,
            "may_post_mood": can(actor, "sprint.post_mood", team),
            "mood_form": mood_form or FormResult(),
            "scores": forms.SCORES,
            "refused": refused,
        },
        status_code=status_code,
    )


@router.get("", response_class=HTMLResponse)
def team_page(
    request: Request, slug: str, team_id: RowId, db: DbSession, actor: CurrentActor
) -> HTMLResponse:
    place, team = _team(db, slug, team_id, actor)
    return _team_page(request, db, actor, place, team)


@router.get("/pakket", response_class=HTMLResponse)
def package_part(
    request: Request, slug: str, team_id: RowId, db: DbSession, actor: CurrentActor
) -> HTMLResponse:
    """The package part alone (outer HTML), for the page's live refresh."""
    place, team = _team(db, slug, team_id, actor)
    return render(
        request, "sprint/team.html", _package_context(db, actor, place, team), block="package"
    )


@router.get("/klok", response_class=HTMLResponse)
def clock_part(
    request: Request, slug: str, team_id: RowId, db: DbSession, actor: CurrentActor
) -> HTMLResponse:
    """The countdown part alone, refreshed when the admin moves the clock."""
    place, team = _team(db, slug, team_id, actor)
    return render(
        request, "sprint/team.html", _package_context(db, actor, place, team), block="clock"
    )


def _done(request: Request, place: SprintPlace, team: Group, message: str) -> Response:
    response = RedirectResponse(team_path(place, team), status_code=303)
    flash(response, request, message)
    return response


# --- adopting, adapting, writing ----------------------------------------------------------------


def _option_named(db: DbSession, place: SprintPlace, raw: object) -> SprintOption | None:
    """The option a form or query names by number; None when none is named, 404 for a
    number the catalogue does not have."""
    if not isinstance(raw, str) or not raw:
        return None
    if not raw.isdigit() or not 0 < int(raw) < 2_147_483_647:
        raise NotFound()
    return options_service.option_by_number(db, place.process, int(raw))


@router.post("/maatregelen/overnemen", response_class=HTMLResponse)
def adopt(
    request: Request, slug: str, team_id: RowId, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    place, team = _team(db, slug, team_id, actor)
    require(actor, "sprint.build_package", team)
    option = _option_named(db, place, form.get("optie"))
    if option is None:
        return _team_page(
            request, db, actor, place, team,
            refused=_("Choose the option to take over."), status_code=400,
        )  # fmt: skip
    try:
        package_service.adopt_option(db, actor, place, team, option)
    except Conflict as exc:
        return _team_page(
            request, db, actor, place, team, refused=exc.message, status_code=exc.status_code
        )
    return _done(
        request,
        place,
        team,
        _("Option %(number)d is in your package, as it is.", number=option.number),
    )


def _measure_page(
    request: Request, place: SprintPlace, team: Group, form: FormResult, *,
    option: SprintOption | None, proposal: Proposal | None, action: str,
    posted: bool = False, status_code: int = 200,
) -> HTMLResponse:  # fmt: skip
    return render(
        request,
        "sprint/team_measure.html",
        {
            "place": place,
            "process": place.process,
            "team": team,
            "option": option,
            "proposal": proposal,
            "form": form,
            "action": action,
            "years": list(range(place.process.first_year, place.process.last_year + 1)),
            "amount_fields": amount_fields,
            "locked": _locked(place),
            "posted": posted,
            "team_path": team_path(place, team),
            "options_path": options_service.options_path(place.process),
        },
        status_code=status_code,
    )


def _new_action(place: SprintPlace, team: Group, option: SprintOption | None) -> str:
    action = f"{team_path(place, team)}/maatregelen/nieuw"
    return f"{action}?optie={option.number}" if option else action


@router.get("/maatregelen/nieuw", response_class=HTMLResponse)
def new_measure_form(
    request: Request, slug: str, team_id: RowId, db: DbSession, actor: CurrentActor
) -> HTMLResponse:
    """An own measure, or (``?optie=<number>``) an option to adapt, prefilled from it."""
    place, team = _team(db, slug, team_id, actor)
    require(actor, "sprint.build_package", team)
    option = _option_named(db, place, request.query_params.get("optie"))
    years = list(range(place.process.first_year, place.process.last_year + 1))
    shown = (
        forms.measure_filled(
            MeasureInput(
                option.title, option.measure, package_service.option_amounts(place.process, option)
            ),
            years,
        )
        if option
        else FormResult()
    )
    return _measure_page(
        request, place, team, shown, option=option, proposal=None,
        action=_new_action(place, team, option),
    )  # fmt: skip


@router.post("/maatregelen/nieuw", response_class=HTMLResponse)
def write_measure(
    request: Request, slug: str, team_id: RowId, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    place, team = _team(db, slug, team_id, actor)
    require(actor, "sprint.build_package", team)
    option = _option_named(db, place, request.query_params.get("optie"))
    action = _new_action(place, team, option)
    shown, data = _read(form, place)
    if data is None:
        return _measure_page(
            request, place, team, shown, option=option, proposal=None, action=action,
            posted=True, status_code=400,
        )  # fmt: skip
    try:
        proposal = package_service.write_measure(db, actor, place, team, data, option=option)
    except Conflict as exc:
        shown.errors["_"] = exc.message
        return _measure_page(
            request, place, team, shown, option=option, proposal=None, action=action,
            posted=True, status_code=exc.status_code,
        )  # fmt: skip
    return _done(request, place, team, _("“%(title)s” is in your package.", title=proposal.title))


def _read(form: FormData, place: SprintPlace) -> tuple[FormResult, MeasureInput | None]:
    years = range(place.process.first_year, place.process.last_year + 1)
    return forms.read_measure(form, list(years))


# --- changing and removing ----------------------------------------------------------------------


def _edit_action(place: SprintPlace, team: Group, proposal: Proposal) -> str:
    return f"{team_path(place, team)}/maatregelen/{proposal.id}/bewerken"


@router.get("/maatregelen/{proposal_id}/bewerken", response_class=HTMLResponse)
def edit_measure_form(
    request: Request, slug: str, team_id: RowId, proposal_id: RowId, db: DbSession,
    actor: CurrentActor,
) -> HTMLResponse:  # fmt: skip
    place, team = _team(db, slug, team_id, actor)
    require(actor, "sprint.build_package", team)
    proposal = package_service.measure_or_404(db, team, proposal_id)
    years = list(range(place.process.first_year, place.process.last_year + 1))
    shown = forms.measure_filled(package_service.current_measure(db, proposal), years)
    return _measure_page(
        request, place, team, shown, option=None, proposal=proposal,
        action=_edit_action(place, team, proposal),
    )  # fmt: skip


@router.post("/maatregelen/{proposal_id}/bewerken", response_class=HTMLResponse)
def change_measure(
    request: Request, slug: str, team_id: RowId, proposal_id: RowId, db: DbSession,
    actor: CurrentActor, form: Form,
) -> Response:  # fmt: skip
    place, team = _team(db, slug, team_id, actor)
    require(actor, "sprint.build_package", team)
    proposal = package_service.measure_or_404(db, team, proposal_id)
    action = _edit_action(place, team, proposal)
    shown, data = _read(form, place)
    if data is None:
        return _measure_page(
            request, place, team, shown, option=None, proposal=proposal, action=action,
            posted=True, status_code=400,
        )  # fmt: skip
    try:
        changed = package_service.change_measure(
            db, actor, place, team, proposal, data,
            jinja=request.app.state.jinja, base_url=site_url(request),
        )  # fmt: skip
    except Conflict as exc:
        shown.errors["_"] = exc.message
        return _measure_page(
            request, place, team, shown, option=None, proposal=proposal, action=action,
            posted=True, status_code=exc.status_code,
        )  # fmt: skip
    return _done(
        request,
        place,
        team,
        _("“%(title)s” is saved; its reviews take another look.", title=proposal.title)
        if changed
        else _("Nothing was changed."),
    )


@router.post("/maatregelen/{proposal_id}/verwijderen", response_class=HTMLResponse)
def remove_measure(
    request: Request, slug: str, team_id: RowId, proposal_id: RowId, db: DbSession,
    actor: CurrentActor,
) -> Response:  # fmt: skip
    place, team = _team(db, slug, team_id, actor)
    require(actor, "sprint.build_package", team)
    proposal = package_service.measure_or_404(db, team, proposal_id)
    try:
        package_service.remove_measure(db, actor, place, team, proposal)
    except Conflict as exc:
        return _team_page(
            request, db, actor, place, team, refused=exc.message, status_code=exc.status_code
        )
    return _done(
        request, place, team, _("“%(title)s” is out of your package.", title=proposal.title)
    )


# --- the mood check -----------------------------------------------------------------------------


@router.post("/stemming", response_class=HTMLResponse)
def post_mood(
    request: Request, slug: str, team_id: RowId, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    place, team = _team(db, slug, team_id, actor)
    require(actor, "sprint.post_mood", team)
    shown, mood = forms.read_mood(form)
    if mood is None:
        return _team_page(request, db, actor, place, team, mood_form=shown, status_code=400)
    try:
        package_service.post_mood(db, actor, place, team, score=mood[0], line=mood[1])
    except Conflict as exc:
        shown.errors["_"] = exc.message
        return _team_page(
            request, db, actor, place, team, mood_form=shown, status_code=exc.status_code
        )
    return _done(
        request, place, team, _("Your mood check is sent to the steering group. Thank you.")
    )
