"""The chef's side of the editor (sections, comments, submitting) and the history of a
section, with the difference between any two revisions and restoring one."""

from __future__ import annotations

from itertools import pairwise

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from app.access.permissions import require
from app.deps import CurrentActor, DbSession, RowId
from app.errors import Conflict, NotFound
from app.green_papers import queries, service
from app.green_papers.diff import changed, word_diff
from app.green_papers.web import back, editor_page, paper_at, place_of, refused, section_at
from app.i18n import gettext as _
from app.models import SectionComment
from app.web.forms import Form, FormResult
from app.web.redirects import site_url
from app.web.templating import render

router = APIRouter(prefix="/processen/{slug}/groepen/{group_slug}/groenboek")

COMMENT_LIMIT = 2000


@router.post("/secties", response_class=HTMLResponse)
def add_section(
    request: Request, slug: str, group_slug: str, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    place = place_of(db, slug, group_slug)
    paper = paper_at(place)
    require(actor, "green_paper.arrange", paper)
    result = FormResult()
    title = result.text(form, "new_title", label=_("Title of the new section"), max_length=200)
    if result.ok:
        try:
            section = service.add_section(
                db, actor, place.process, list(place.process.phases), paper, title
            )
        except Conflict as exc:
            result.errors["new_title"] = exc.message
        else:
            return back(request, place, _("The section is added."), f"section-{section.id}")
    return editor_page(request, db, place, form=result, status_code=400)


@router.post("/secties/{section_id}/titel", response_class=HTMLResponse)
def rename(
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
    require(actor, "green_paper.arrange", paper)
    result = FormResult()
    field = f"title-{section.id}"
    title = result.text(form, field, label=_("Title"), max_length=200)
    if result.ok:
        try:
            service.rename_section(
                db, actor, place.process, list(place.process.phases), paper, section, title
            )
        except Conflict as exc:
            result.errors[field] = exc.message
        else:
            return back(request, place, _("The title is changed."), f"section-{section.id}")
    return editor_page(request, db, place, form=result, status_code=400)


@router.post("/secties/{section_id}/verplaatsen", response_class=HTMLResponse)
def move(
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
    require(actor, "green_paper.arrange", paper)
    offset = -1 if form.get("richting") == "omhoog" else 1
    try:
        service.move_section(
            db, actor, place.process, list(place.process.phases), paper, section, offset
        )
    except Conflict as exc:
        return refused(request, db, place, exc)
    return back(request, place, _("The order is changed."), f"section-{section.id}")


@router.post("/indienen", response_class=HTMLResponse)
def submit(
    request: Request, slug: str, group_slug: str, db: DbSession, actor: CurrentActor
) -> Response:
    place = place_of(db, slug, group_slug)
    paper = paper_at(place)
    require(actor, "green_paper.arrange", paper)
    try:
        service.submit(db, actor, place.process, list(place.process.phases), paper)
    except Conflict as exc:
        return refused(request, db, place, exc)
    return back(request, place, _("The green paper is submitted to the board."))


# --- comments ---------------------------------------------------------------------------


@router.post("/secties/{section_id}/reacties", response_class=HTMLResponse)
def comment(
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
    parent_raw = form.get("parent")
    parent = None
    if isinstance(parent_raw, str) and parent_raw.isdigit():
        parent = db.get(SectionComment, int(parent_raw))
        if parent is None:
            raise NotFound()
    field = f"comment-{section.id}-{parent.id if parent else 0}"
    result = FormResult()
    body = result.text(form, field, label=_("Your comment"), max_length=COMMENT_LIMIT)
    if result.ok:
        try:
            service.add_comment(
                db, actor, place.process, list(place.process.phases), section, body, parent
            )
        except Conflict as exc:
            result.errors[field] = exc.message
        else:
            return back(request, place, _("Your comment is placed."), f"section-{section.id}")
    return editor_page(request, db, place, form=result, status_code=400)


@router.post("/reacties/{comment_id}/verbergen", response_class=HTMLResponse)
def hide(
    request: Request,
    slug: str,
    group_slug: str,
    comment_id: RowId,
    db: DbSession,
    actor: CurrentActor,
    form: Form,
) -> Response:
    place = place_of(db, slug, group_slug)
    paper = paper_at(place)
    require(actor, "green_paper.arrange", paper)
    target = db.get(SectionComment, comment_id)
    section = section_at(db, place, target.section_id) if target else None
    if target is None or section is None:
        raise NotFound()
    field = f"reason-{target.id}"
    result = FormResult()
    reason = result.text(form, field, label=_("Reason for hiding"), max_length=500)
    if result.ok:
        try:
            service.hide_comment(
                db, request.app.state.jinja, actor, place.process, place.group, section,
                target, reason, site_url(request),
            )  # fmt: skip
        except Conflict as exc:
            result.errors[field] = exc.message
        else:
            return back(
                request, place, _("The comment is hidden; its author reads why."),
                f"section-{section.id}",
            )  # fmt: skip
    return editor_page(request, db, place, form=result, status_code=400)


# --- history ----------------------------------------------------------------------------


@router.get("/secties/{section_id}/geschiedenis", response_class=HTMLResponse)
def history(
    request: Request,
    slug: str,
    group_slug: str,
    section_id: RowId,
    db: DbSession,
    actor: CurrentActor,
    van: int | None = Query(default=None, ge=1, le=1_000_000),
    tot: int | None = Query(default=None, ge=1, le=1_000_000),
) -> HTMLResponse:
    place = place_of(db, slug, group_slug)
    paper = paper_at(place)
    require(actor, "green_paper.read", paper)
    section = section_at(db, place, section_id)
    revisions = queries.revisions_of(db, section)
    by_number = {r.number: r for r in revisions}
    # By default: the latest change (the newest revision against the one before it).
    newest = revisions[0].number if revisions else 1
    new = by_number.get(tot or newest)
    old = by_number.get(van if van is not None else max(1, (tot or newest) - 1))
    if (van is not None and old is None) or (tot is not None and new is None):
        raise NotFound()
    summaries = {}
    for newer, older in pairwise(revisions):
        summaries[newer.number] = changed(word_diff(older.body, newer.body))
    return render(
        request,
        "green_papers/editor_history.html",
        {
            "process": place.process,
            "group": place.group,
            "paper": paper,
            "section": section,
            "revisions": revisions,
            "summaries": summaries,
            "old": old,
            "new": new,
            "diff": word_diff(old.body, new.body) if old and new else [],
            "title_changed": bool(old and new and old.title != new.title),
        },
    )


@router.post("/secties/{section_id}/herstellen/{number}", response_class=HTMLResponse)
def restore(
    request: Request,
    slug: str,
    group_slug: str,
    section_id: RowId,
    number: RowId,
    db: DbSession,
    actor: CurrentActor,
) -> Response:
    place = place_of(db, slug, group_slug)
    paper = paper_at(place)
    section = section_at(db, place, section_id)
    require(actor, "green_paper.write", paper)
    revision = next((r for r in queries.revisions_of(db, section) if r.number == number), None)
    if revision is None:
        raise NotFound()
    try:
        service.restore_revision(
            db, actor, place.process, list(place.process.phases), paper, section, revision
        )
    except Conflict as exc:
        return refused(request, db, place, exc)
    return back(
        request, place, _("Revision %(n)d is back, as a new revision.", n=number),
        f"section-{section.id}",
    )  # fmt: skip
