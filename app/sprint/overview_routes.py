"""The participant's home page of a sprint: the countdown, the programme with the item
under way, the latest published standings, the steering group's messages to all teams,
and the way to the person's own places (their team, the review queue, the steering
screen, the options). Its parts refresh themselves live (templates/sprint/_live.html).
The steering group's programme page is in app.sprint.programme_routes."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.access.actor import Actor
from app.access.permissions import can, require
from app.db import utcnow
from app.deps import CurrentActor, DbSession
from app.errors import NotFound
from app.sprint import overview_queries, programme_routes
from app.sprint.kinds import PROGRAMME_LABELS
from app.sprint.loading import SprintPlace, sprint_place
from app.web.templating import render

router = APIRouter(prefix="/processen/{slug}/sprint")
router.include_router(programme_routes.router)

TEMPLATE = "sprint/overview.html"
# The page's parts, by the path that returns each alone.
PARTS = {"klok": "clock", "programma": "programme", "stand": "standings", "berichten": "to_all"}


def clock(place: SprintPlace) -> dict[str, Any]:
    """The countdown as the server renders it; static/js/sprint-countdown.js only keeps
    the seconds ticking, and the end time is always there to read."""
    left = place.seconds_left()
    return {
        "starts_at": place.sprint.starts_at,
        "ends_at": place.sprint.ends_at,
        "started": place.sprint.starts_at <= utcnow(),
        "ended": place.has_ended(),
        "hours": left // 3600,
        "minutes": left % 3600 // 60,
        "seconds_left": left,
    }


def _context(db: DbSession, actor: Actor, place: SprintPlace, block: str | None) -> dict[str, Any]:
    """What the page (or one of its parts) shows; a part reads only what it needs."""
    context: dict[str, Any] = {"place": place, "process": place.process, "clock": clock(place)}
    if block in (None, "programme"):
        items = overview_queries.programme(db, place)
        current = overview_queries.current_item(items)
        context.update(
            programme=items,
            current_id=current.id if current is not None else None,
            programme_labels=PROGRAMME_LABELS,
        )
    if block in (None, "standings"):
        context["snapshot"] = overview_queries.latest_snapshot(db, place)
    if block in (None, "to_all"):
        context["to_all"] = overview_queries.messages_to_all(db, place)
    if block is None:
        team = place.team_of(actor)
        context.update(
            team=team,
            may_steer=can(actor, "sprint.steer", place),
            may_review=can(actor, "sprint.review", place),
            # Staff around the teams reach every team's page through the steering screen;
            # the channels they may read are listed there too.
            channels=[t for t in place.teams if can(actor, "sprint.message", t)],
        )
    return context


@router.get("", response_class=HTMLResponse, name="sprint_home")
def sprint_home(request: Request, slug: str, db: DbSession, actor: CurrentActor) -> HTMLResponse:
    place = sprint_place(db, slug)
    require(actor, "sprint.take_part", place)
    return render(request, TEMPLATE, _context(db, actor, place, None))


@router.get("/deel/{part}", response_class=HTMLResponse)
def sprint_home_part(
    request: Request, slug: str, part: str, db: DbSession, actor: CurrentActor
) -> HTMLResponse:
    """One part of the home page alone (outer HTML), for its live refresh."""
    place = sprint_place(db, slug)
    require(actor, "sprint.take_part", place)
    block = PARTS.get(part)
    if block is None:
        raise NotFound()
    return render(request, TEMPLATE, _context(db, actor, place, block), block=block)
