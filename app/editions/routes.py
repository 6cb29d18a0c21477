"""The central white paper's editions: the admin's page (compile, publish), the public list,
one edition to read, and what changed between two."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.access.actor import Actor
from app.access.permissions import can, require
from app.council import queries as council_queries
from app.deps import CurrentActor, DbSession, OptionalActor, RowId
from app.documents.queries import documents_for
from app.editions import queries, service
from app.editions.diff import compare
from app.editions.permissions import EditionSubject
from app.errors import Conflict, NotFound, PhaseClosed
from app.i18n import gettext as _
from app.models import CentralWhitePaper, Process
from app.phases.guard import require_phase
from app.phases.kinds import Action
from app.processes.queries import process_or_404
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.templating import render

router = APIRouter()


def _edition(db: DbSession, process: Process, number: int) -> CentralWhitePaper:
    edition = queries.edition_by_number(db, process, number)
    if edition is None:
        raise NotFound()
    return edition


def _subject(edition: CentralWhitePaper | None, group_ids: frozenset[int]) -> EditionSubject:
    return EditionSubject(
        published=edition is not None and edition.published_at is not None, group_ids=group_ids
    )


# --- the admin's page ------------------------------------------------------------------------


def _closed(process: Process, action: Action = Action.COMPILE_EDITION) -> str | None:
    try:
        require_phase(process, list(process.phases), action)
    except PhaseClosed as exc:
        return exc.message
    return None


def admin_page(
    request: Request,
    db: DbSession,
    process: Process,
    *,
    form: FormResult | None = None,
    submit_form: FormResult | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    """The admin's page; ``submit_form`` carries what was typed into the submission to the
    council when it was refused."""
    rows = queries.editions_of(db, process)
    decision = council_queries.decision_of(db, process)
    latest = rows[0].edition if rows else None
    return render(
        request,
        "editions/admin.html",
        {
            "process": process,
            "rows": rows,
            "closed": _closed(process),
            "form": form or FormResult(),
            "note_limit": service.NOTE_LIMIT,
            "decision": decision,
            # Only the latest edition, once published, can go to the council, and once.
            "submittable": (
                latest if latest is not None and latest.published_at and decision is None else None
            ),
            "submit_closed": _closed(process, Action.SUBMIT_TO_COUNCIL),
            "submit_form": submit_form or FormResult(),
        },
        status_code=status_code,
    )


@router.get("/beheer/processen/{slug}/edities", response_class=HTMLResponse)
def admin(request: Request, slug: str, db: DbSession, actor: CurrentActor) -> HTMLResponse:
    process = process_or_404(db, slug)
    require(actor, "edition.compile", process)
    return admin_page(request, db, process)


@router.post("/beheer/processen/{slug}/edities", response_class=HTMLResponse)
def compile_edition(
    request: Request, slug: str, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    process = process_or_404(db, slug)
    require(actor, "edition.compile", process)
    result = FormResult()
    raw = form.get("note")
    note = raw.replace("\r\n", "\n").strip() if isinstance(raw, str) else ""
    result.values["note"] = note
    if len(note) > service.NOTE_LIMIT:
        result.errors["note"] = _(
            "The note is too long: at most %(n)d characters.", n=service.NOTE_LIMIT
        )
        return admin_page(request, db, process, form=result, status_code=400)
    try:
        edition = service.compile_edition(db, actor, process, note)
    except Conflict as exc:
        result.errors["_"] = exc.message
        return admin_page(request, db, process, form=result, status_code=exc.status_code)
    response = RedirectResponse(service.admin_path(process), status_code=303)
    flash(response, request, _("Edition %(n)d is compiled.", n=edition.number))
    return response


@router.post("/beheer/processen/{slug}/edities/{number}/publiceren", response_class=HTMLResponse)
def publish(
    request: Request, slug: str, number: RowId, db: DbSession, actor: CurrentActor
) -> Response:
    process = process_or_404(db, slug)
    edition = _edition(db, process, number)
    require(actor, "edition.publish", edition)
    try:
        service.publish(db, actor, edition)
    except Conflict as exc:
        form = FormResult(errors={"_": exc.message})
        return admin_page(request, db, process, form=form, status_code=exc.status_code)
    response = RedirectResponse(service.edition_path(process, number), status_code=303)
    flash(response, request, _("Edition %(n)d is published: everyone can read it now.", n=number))
    return response


# --- reading -----------------------------------------------------------------------------------


@router.get("/processen/{slug}/witboek-edities", response_class=HTMLResponse)
def editions(request: Request, slug: str, db: DbSession, actor: OptionalActor) -> HTMLResponse:
    process = process_or_404(db, slug)
    insider = can(actor, "edition.read_unpublished", _subject(None, queries.group_ids(db, process)))
    visible = [
        row
        for row in queries.editions_of(db, process)
        if insider or row.edition.published_at is not None
    ]
    # For the public an edition is superseded by a later one it can read.
    latest = visible[0].edition.number if visible else 0
    rows = [
        queries.EditionRow(
            row.edition, row.entries, latest if row.edition.number < latest else None
        )
        for row in visible
    ]
    return render(
        request, "editions/list.html", {"process": process, "rows": rows, "insider": insider}
    )


def _readable(
    db: DbSession, actor: Actor | None, process: Process, number: int
) -> tuple[CentralWhitePaper, bool]:
    """The edition, if this person may read it, and whether they may read unpublished ones
    (then a link to a later, unpublished edition works for them)."""
    edition = _edition(db, process, number)
    group_ids = queries.group_ids(db, process)
    require(actor, "edition.read", _subject(edition, group_ids))
    return edition, can(actor, "edition.read_unpublished", _subject(None, group_ids))


@router.get("/processen/{slug}/witboek-edities/{number}", response_class=HTMLResponse)
def edition_page(
    request: Request, slug: str, number: RowId, db: DbSession, actor: OptionalActor
) -> HTMLResponse:
    process = process_or_404(db, slug)
    edition, insider = _readable(db, actor, process, number)
    contents = queries.edition_with_entries(db, edition)
    # The later edition this one is superseded by, as far as this reader may see it.
    later = contents.latest_number if insider else queries.latest_published_number(db, process.id)
    return render(
        request,
        "editions/edition.html",
        {
            "process": process,
            "edition": edition,
            "contents": contents,
            "summary": queries.summary_table(contents),
            "insider": insider,
            "later": later if later > edition.number else None,
            "publishable": (
                edition.published_at is None
                and contents.superseded_by is None
                and can(actor, "edition.publish", edition)
            ),
            "documents": documents_for(db, edition, request.app.state.settings.documents_dir),
        },
    )


@router.get("/processen/{slug}/witboek-edities/{a}/verschil/{b}", response_class=HTMLResponse)
def difference(
    request: Request, slug: str, a: RowId, b: RowId, db: DbSession, actor: OptionalActor
) -> HTMLResponse:
    process = process_or_404(db, slug)
    old, _insider = _readable(db, actor, process, a)
    new, _insider = _readable(db, actor, process, b)
    return render(
        request,
        "editions/diff.html",
        {
            "process": process,
            "diff": compare(
                queries.edition_with_entries(db, old), queries.edition_with_entries(db, new)
            ),
        },
    )
