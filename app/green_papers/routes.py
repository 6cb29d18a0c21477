"""The group's green-paper editor: sections written together, each save a revision, a
conflicting save shown side by side; the chef's arranging; comments; history."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from app.access.permissions import require
from app.deps import CurrentActor, DbSession, RowId
from app.errors import Conflict
from app.green_papers import service
from app.green_papers.diff import word_diff
from app.green_papers.web import (
    back,
    editor_page,
    paper_at,
    place_of,
    refused,
    require_reader,
    section_at,
)
from app.i18n import gettext as _
from app.web.forms import Form, FormResult

router = APIRouter(prefix="/processen/{slug}/groepen/{group_slug}/groenboek")

BODY_LIMIT = 30_000  # characters a section may hold: pages, not books


@router.get("", response_class=HTMLResponse)
def editor(
    request: Request, slug: str, group_slug: str, db: DbSession, actor: CurrentActor
) -> HTMLResponse:
    place = place_of(db, slug, group_slug)
    require_reader(actor, place)
    return editor_page(request, db, place)


@router.post("/starten", response_class=HTMLResponse)
def start(
    request: Request, slug: str, group_slug: str, db: DbSession, actor: CurrentActor
) -> Response:
    place = place_of(db, slug, group_slug)
    require(actor, "green_paper.arrange", place.group)
    try:
        service.start(
            db, actor, place.process, list(place.process.phases), place.group,
            request.app.state.settings.i18n.default_locale,
        )  # fmt: skip
    except Conflict as exc:
        return refused(request, db, place, exc)
    return back(request, place, _("The green paper is started. The group can write now."))


@router.post("/secties/{section_id}", response_class=HTMLResponse)
def save(
    request: Request,
    slug: str,
    group_slug: str,
    section_id: RowId,
    db: DbSession,
    actor: CurrentActor,
    form: Form,
) -> Response:
    place = place_of(db, slug, group_slug)
    paper = paper_at(place)
    section = section_at(db, place, section_id)
    require(actor, "green_paper.write", paper)
    result = FormResult()
    field = f"body-{section.id}"
    raw = form.get(field)
    body = raw.replace("\r\n", "\n") if isinstance(raw, str) else ""
    result.values[field] = body
    if len(body) > BODY_LIMIT:
        result.errors[field] = _(
            "This section is too long: at most %(n)d characters.", n=BODY_LIMIT
        )
    base = form.get("base_version")
    base_version = int(base) if isinstance(base, str) and base.isdigit() else 0
    if not result.ok:
        return editor_page(request, db, place, form=result, status_code=400)
    try:
        changed = service.save_section(
            db, actor, place.process, list(place.process.phases), paper, section,
            body=body, base_version=base_version,
        )  # fmt: skip
    except service.EditConflict as exc:
        # Not applied: show both texts, keep what this person typed, and let the next
        # save start from the version that is there now.
        conflict = {
            section.id: {
                "message": exc.message,
                "theirs": exc.section.body,
                "yours": body,
                "version": exc.section.version,
                "diff": word_diff(exc.section.body, body),
            }
        }
        return editor_page(request, db, place, conflict=conflict, status_code=409)
    except Conflict as exc:  # the phase closed or the paper was submitted meanwhile
        result.errors["_"] = exc.message
        return editor_page(request, db, place, form=result, status_code=409)
    message = _("Your text is saved.") if changed else _("Nothing was changed.")
    return back(request, place, message, f"section-{section.id}")
