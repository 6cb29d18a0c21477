"""The message channels: each team's channel (its members and the steering group), with
the steering group's messages to all teams in it too, newest last and live; and the
steering group's page with every channel's latest message and the form to write to all
teams. A message that is empty or too long comes back at its field, as typed."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.access.actor import Actor
from app.access.permissions import require
from app.deps import CurrentActor, DbSession, RowId
from app.errors import Conflict
from app.i18n import gettext as _
from app.models import Group
from app.sprint import channel_service, overview_queries
from app.sprint.channel_service import BODY_LIMIT
from app.sprint.loading import SprintPlace, sprint_place
from app.sprint.permissions import is_steering
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.templating import render

router = APIRouter(prefix="/processen/{slug}/sprint")


def channel_path(place: SprintPlace, team: Group) -> str:
    return f"{place.path}/teams/{team.id}/berichten"


def channels_path(place: SprintPlace) -> str:
    return f"{place.path}/berichten"


def _team(db: DbSession, slug: str, team_id: int, actor: Actor) -> tuple[SprintPlace, Group]:
    place = sprint_place(db, slug)
    team = place.team_or_404(team_id)
    require(actor, "sprint.message", team)
    return place, team


def _read_body(form: Any, shown: FormResult) -> str | None:
    raw = form.get("body")
    body = raw.replace("\r\n", "\n").strip() if isinstance(raw, str) else ""
    shown.values["body"] = body
    if not body:
        shown.errors["body"] = _("Fill in this field: %(label)s.", label=_("Your message"))
    elif len(body) > BODY_LIMIT:
        shown.errors["body"] = _(
            "%(label)s: use at most %(n)d characters.", label=_("Your message"), n=BODY_LIMIT
        )
    return body if shown.ok else None


def _channel_context(
    db: DbSession, actor: Actor, place: SprintPlace, team: Group
) -> dict[str, Any]:
    return {
        "place": place,
        "process": place.process,
        "team": team,
        "messages": overview_queries.channel_messages(db, place, team),
        "path": channel_path(place, team),
        "steering": is_steering(actor),
    }


def _channel_page(
    request: Request, db: DbSession, actor: Actor, place: SprintPlace, team: Group,
    form: FormResult | None = None, *, status_code: int = 200,
) -> HTMLResponse:  # fmt: skip
    return render(
        request,
        "sprint/channel.html",
        {
            **_channel_context(db, actor, place, team),
            "form": form or FormResult(),
            "body_limit": BODY_LIMIT,
        },
        status_code=status_code,
    )


@router.get("/teams/{team_id}/berichten", response_class=HTMLResponse, name="sprint_channel")
def channel_page(
    request: Request, slug: str, team_id: RowId, db: DbSession, actor: CurrentActor
) -> HTMLResponse:
    place, team = _team(db, slug, team_id, actor)
    return _channel_page(request, db, actor, place, team)


@router.get("/teams/{team_id}/berichten/deel", response_class=HTMLResponse)
def channel_part(
    request: Request, slug: str, team_id: RowId, db: DbSession, actor: CurrentActor
) -> HTMLResponse:
    """The messages alone (outer HTML), for the channel's live refresh."""
    place, team = _team(db, slug, team_id, actor)
    return render(
        request, "sprint/channel.html", _channel_context(db, actor, place, team), block="messages"
    )


@router.post("/teams/{team_id}/berichten", response_class=HTMLResponse)
def post_in_channel(
    request: Request, slug: str, team_id: RowId, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    place, team = _team(db, slug, team_id, actor)
    shown = FormResult()
    body = _read_body(form, shown)
    if body is None:
        return _channel_page(request, db, actor, place, team, shown, status_code=400)
    try:
        message = channel_service.post_message(db, actor, place, team, body)
    except Conflict as exc:
        shown.errors["body"] = exc.message
        return _channel_page(request, db, actor, place, team, shown, status_code=exc.status_code)
    response = RedirectResponse(
        f"{channel_path(place, team)}#message-{message.id}", status_code=303
    )
    flash(response, request, _("Your message is posted."))
    return response


# --- the steering group: every channel, and messages to all teams ---------------------


def _channels_page(
    request: Request, db: DbSession, place: SprintPlace, form: FormResult | None = None,
    *, status_code: int = 200,
) -> HTMLResponse:  # fmt: skip
    return render(
        request,
        "sprint/channels.html",
        {
            "place": place,
            "process": place.process,
            "channels": overview_queries.channel_summaries(db, place),
            "to_all": overview_queries.messages_to_all(db, place),
            "form": form or FormResult(),
            "body_limit": BODY_LIMIT,
            "path": channels_path(place),
            "channel_path": channel_path,
        },
        status_code=status_code,
    )


@router.get("/berichten", response_class=HTMLResponse, name="sprint_channels")
def channels_page(request: Request, slug: str, db: DbSession, actor: CurrentActor) -> HTMLResponse:
    place = sprint_place(db, slug)
    require(actor, "sprint.steer", place)
    return _channels_page(request, db, place)


@router.get("/berichten/deel", response_class=HTMLResponse)
def channels_part(request: Request, slug: str, db: DbSession, actor: CurrentActor) -> HTMLResponse:
    place = sprint_place(db, slug)
    require(actor, "sprint.steer", place)
    return render(
        request,
        "sprint/channels.html",
        {
            "place": place,
            "process": place.process,
            "channels": overview_queries.channel_summaries(db, place),
            "to_all": overview_queries.messages_to_all(db, place),
            "channel_path": channel_path,
        },
        block="channels",
    )


@router.post("/berichten", response_class=HTMLResponse)
def post_to_all(
    request: Request, slug: str, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    place = sprint_place(db, slug)
    require(actor, "sprint.steer", place)
    shown = FormResult()
    body = _read_body(form, shown)
    if body is None:
        return _channels_page(request, db, place, shown, status_code=400)
    try:
        channel_service.post_message(db, actor, place, None, body)
    except Conflict as exc:
        shown.errors["body"] = exc.message
        return _channels_page(request, db, place, shown, status_code=exc.status_code)
    response = RedirectResponse(f"{channels_path(place)}#to-all-heading", status_code=303)
    flash(response, request, _("Your message to all teams is posted."))
    return response
