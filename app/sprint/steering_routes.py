"""The steering group's screen and the interim standings.

``/sprint/regie`` (steering group only): every team's standing against both targets, its
review queue (what waits, who holds it since when) and its latest mood checks, each a live
part that refreshes itself; and the form that publishes interim standings.
``/sprint/stand`` (every participant): the latest published standings, live, and the
earlier ones."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.access.actor import Actor
from app.access.permissions import require
from app.deps import CurrentActor, DbSession, RowId
from app.errors import Conflict, NotFound
from app.i18n import gettext as _
from app.phases.guard import current_phase
from app.phases.kinds import Action, allows
from app.reviews.kinds import KIND_LABELS, ReviewKind
from app.sprint import steering_queries, steering_service
from app.sprint.loading import SprintPlace, sprint_place
from app.sprint.standings import TeamStanding, team_standings
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.templating import render

router = APIRouter(prefix="/processen/{slug}/sprint")

# Which part of the steering screen each live URL renders, and what it needs.
PARTS: dict[str, str] = {
    "stand": "standings",
    "wachtrij": "queue",
    "stemming": "moods",
    "tussenstanden": "snapshots",
}


def steering_path(place: SprintPlace) -> str:
    return f"{place.path}/regie"


def standings_path(place: SprintPlace) -> str:
    return f"{place.path}/stand"


def _share(part: int, whole: int | None) -> int | None:
    """A team's validated total as a whole percentage of the target (None: no target)."""
    return round(100 * part / whole) if whole else None


def _steering_context(db: DbSession, place: SprintPlace, block: str | None) -> dict[str, Any]:
    """Only what the page (or the one part asked for) shows: a part's refresh runs only
    its own queries."""
    context: dict[str, Any] = {
        "place": place,
        "process": place.process,
        "path": steering_path(place),
        "kinds": list(ReviewKind),
        "kind_labels": KIND_LABELS,
        "share": _share,
    }
    if block in (None, "standings"):
        standings: list[TeamStanding] = team_standings(db, place)
        context["standings"] = standings
        context["totals"] = {
            "validated_structural": sum(s.validated_structural for s in standings),
            "claimed_structural": sum(s.claimed_structural for s in standings),
            "validated_current_year": sum(s.validated_current_year for s in standings),
            "claimed_current_year": sum(s.claimed_current_year for s in standings),
        }
    if block in (None, "queue"):
        context["queue"] = steering_queries.queue_by_team(db, place)
    if block in (None, "moods"):
        context["moods"] = steering_queries.latest_moods(db, place)
    if block in (None, "snapshots"):
        context["snapshots"] = steering_queries.snapshots(db, place)
        context["standings_path"] = standings_path(place)
    if block is None:
        context["phase_open"] = allows(current_phase(place.process), Action.PUBLISH_STANDINGS)
        context["note_limit"] = steering_service.NOTE_LIMIT
    return context


def _steering_page(
    request: Request,
    db: DbSession,
    place: SprintPlace,
    *,
    form: FormResult | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    context = _steering_context(db, place, None)
    context["form"] = form or FormResult()
    return render(request, "sprint/steering.html", context, status_code=status_code)


def _steering_place(db: DbSession, slug: str, actor: Actor) -> SprintPlace:
    place = sprint_place(db, slug)
    require(actor, "sprint.steer", place)
    return place


@router.get("/regie", response_class=HTMLResponse)
def steering_page(request: Request, slug: str, db: DbSession, actor: CurrentActor) -> HTMLResponse:
    return _steering_page(request, db, _steering_place(db, slug, actor))


@router.get("/regie/{part}", response_class=HTMLResponse)
def steering_part(
    request: Request, slug: str, part: str, db: DbSession, actor: CurrentActor
) -> HTMLResponse:
    """One part of the screen alone, as its live refresh asks for it. The right first: a
    person outside the steering group gets 403 (logged) whatever part they name."""
    place = _steering_place(db, slug, actor)
    block = PARTS.get(part)
    if block is None:
        raise NotFound()
    context = _steering_context(db, place, block)
    return render(request, "sprint/steering.html", context, block=block)


@router.post("/regie/tussenstand", response_class=HTMLResponse)
def publish_standings(
    request: Request, slug: str, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    place = _steering_place(db, slug, actor)
    result = FormResult()
    note = result.text(
        form, "note", label=_("Note"), required=False, max_length=steering_service.NOTE_LIMIT
    )
    if not result.ok:
        return _steering_page(request, db, place, form=result, status_code=400)
    try:
        snapshot = steering_service.publish_standings(db, actor, place, note)
    except Conflict as exc:  # the phase does not allow it
        result.errors["_"] = exc.message
        return _steering_page(request, db, place, form=result, status_code=exc.status_code)
    response = RedirectResponse(f"{steering_path(place)}#snapshots-heading", status_code=303)
    flash(response, request, _("Standings %(n)d are published.", n=snapshot.number))
    return response


# --- the participants' view ------------------------------------------------------------------


def _participant_place(db: DbSession, slug: str, actor: Actor) -> SprintPlace:
    place = sprint_place(db, slug)
    require(actor, "sprint.take_part", place)
    return place


def _standings_page(
    request: Request, db: DbSession, place: SprintPlace, *, block: str | None = None
) -> HTMLResponse:
    snapshots = steering_queries.snapshots(db, place) if block is None else []
    latest = snapshots[0] if snapshots else None
    if block is not None:
        latest = steering_queries.latest_snapshot(db, place)
    return render(
        request,
        "sprint/standings.html",
        {
            "place": place,
            "process": place.process,
            "snapshot": latest,
            "earlier": snapshots[1:],
            "path": standings_path(place),
        },
        block=block,
    )


@router.get("/stand", response_class=HTMLResponse)
def standings_page(request: Request, slug: str, db: DbSession, actor: CurrentActor) -> HTMLResponse:
    return _standings_page(request, db, _participant_place(db, slug, actor))


@router.get("/stand/laatste", response_class=HTMLResponse)
def latest_standings_part(
    request: Request, slug: str, db: DbSession, actor: CurrentActor
) -> HTMLResponse:
    """The latest snapshot alone: the live part re-fetches it when standings come out."""
    return _standings_page(request, db, _participant_place(db, slug, actor), block="latest")


@router.get("/stand/{number}", response_class=HTMLResponse)
def earlier_standings(
    request: Request, slug: str, number: RowId, db: DbSession, actor: CurrentActor
) -> HTMLResponse:
    place = _participant_place(db, slug, actor)
    snapshot = steering_queries.snapshot_by_number(db, place, number)
    if snapshot is None:
        raise NotFound()
    return render(
        request,
        "sprint/standings_snapshot.html",
        {"place": place, "process": place.process, "snapshot": snapshot,
         "path": standings_path(place)},
    )  # fmt: skip
