"""What the editor's routes share: finding the process, group, paper and section of a
URL (404 when they do not belong together), the editor page, and redirecting back."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.access.actor import Actor
from app.access.permissions import require
from app.deps import DbSession
from app.errors import Conflict, NotFound
from app.green_papers import queries, service
from app.green_papers.states import STATUS_LABELS
from app.models import GreenPaper, GreenPaperSection, Group, Process
from app.phases.guard import current_phase
from app.phases.kinds import Action, allows
from app.recruitment.queries import process_and_group
from app.web.flash import flash
from app.web.forms import FormResult
from app.web.templating import render


@dataclass
class Place:
    process: Process
    group: Group
    paper: GreenPaper | None


def place_of(db: DbSession, slug: str, group_slug: str) -> Place:
    found = process_and_group(db, slug, group_slug)
    if found is None:
        raise NotFound()
    process, group = found
    return Place(process, group, queries.paper_of(db, group))


def paper_at(place: Place) -> GreenPaper:
    if place.paper is None:
        raise NotFound()
    return place.paper


def section_at(db: DbSession, place: Place, section_id: int) -> GreenPaperSection:
    section = queries.section_of(db, paper_at(place), section_id)
    if section is None:
        raise NotFound()
    return section


def back(request: Request, place: Place, message: str, anchor: str = "") -> Response:
    url = service.paper_path(place.process, place.group) + (f"#{anchor}" if anchor else "")
    response = RedirectResponse(url, status_code=303)
    flash(response, request, message)
    return response


def editor_page(
    request: Request,
    db: DbSession,
    place: Place,
    *,
    form: FormResult | None = None,
    conflict: dict[int, dict[str, object]] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    sections = queries.sections_of(db, place.paper) if place.paper else []
    return render(
        request,
        "green_papers/editor.html",
        {
            "process": place.process,
            "group": place.group,
            "paper": place.paper,
            "sections": sections,
            "threads": queries.threads_by_section(db, [s.id for s in sections]),
            "open": allows(current_phase(place.process), Action.EDIT_GREEN_PAPER),
            "form": form or FormResult(),
            "conflict": conflict or {},
            "status_labels": STATUS_LABELS,
        },
        status_code=status_code,
    )


def require_reader(actor: Actor, place: Place) -> None:
    if place.paper is None:
        require(actor, "group.view", place.group)
    else:
        require(actor, "green_paper.read", place.paper)


def refused(request: Request, db: DbSession, place: Place, exc: Conflict) -> HTMLResponse:
    """A closed phase or a submitted paper: said at the top of the page."""
    return editor_page(
        request, db, place, form=FormResult(errors={"_": exc.message}), status_code=409
    )
