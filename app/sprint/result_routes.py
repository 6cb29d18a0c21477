"""The end of a sprint: the final ranking (uitslag), the board's composition of the chosen
package (pakket) and its publication, and the result (resultaat) with its PDF and XLSX.

The ranking and the package's totals are live parts (templates/sprint/_live.html): a
verdict given after the end moves the ranking, and a second board member sees the other's
choices. Choosing is a plain form per measure (no JavaScript needed); a refusal is the
domain error's page (409 for a measure that is not feasible, or after publication)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from app.access.permissions import can, require
from app.deps import CurrentActor, DbSession, OptionalActor, RowId
from app.documents import storage
from app.documents.kinds import KINDS, DocumentKind
from app.documents.service import retry_build
from app.documents.sprint_result import request_sprint_build, sprint_build_of, sprint_documents
from app.errors import Conflict, NotFound
from app.green_papers.pdf import content_disposition
from app.i18n import gettext as _
from app.sprint import result_queries, result_service
from app.sprint.kinds import ORIGIN_LABELS
from app.sprint.loading import SprintPlace, sprint_place
from app.sprint.standings import team_standings
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.templating import render

router = APIRouter(prefix="/processen/{slug}/sprint")


def _back(request: Request, url: str, message: str, kind: str = "ok") -> Response:
    response = RedirectResponse(url, status_code=303)
    flash(response, request, message, kind)
    return response


# --- the final ranking ------------------------------------------------------------------------


def _ranking_context(db: DbSession, place: SprintPlace) -> dict[str, Any]:
    ended = place.has_ended()
    return {
        "place": place,
        "process": place.process,
        "ended": ended,
        "standings": team_standings(db, place) if ended else [],
    }


@router.get("/uitslag", response_class=HTMLResponse)
def ranking(request: Request, slug: str, db: DbSession, actor: OptionalActor) -> HTMLResponse:
    place = sprint_place(db, slug)
    require(actor, "sprint.read_result", place)
    return render(request, "sprint/ranking.html", _ranking_context(db, place))


@router.get("/uitslag/stand", response_class=HTMLResponse)
def ranking_part(request: Request, slug: str, db: DbSession, actor: OptionalActor) -> HTMLResponse:
    """The ranking table alone (the live part re-fetches it)."""
    place = sprint_place(db, slug)
    require(actor, "sprint.read_result", place)
    return render(request, "sprint/ranking.html", _ranking_context(db, place), block="ranking")


# --- composing the package --------------------------------------------------------------------


def _package_path(place: SprintPlace) -> str:
    return f"{place.path}/pakket"


def _package_context(
    db: DbSession, place: SprintPlace, shown: FormResult | None = None
) -> dict[str, Any]:
    return {
        "place": place,
        "process": place.process,
        "package": result_queries.package(db, place),
        "open": result_service.may_change(place),
        "ended": place.has_ended(),
        "published": result_service.is_published(place),
        "origin_labels": ORIGIN_LABELS,
        "form": shown or FormResult(values={"note": place.sprint.package_note}),
        "note_limit": result_service.NOTE_LIMIT,
    }


@router.get("/pakket", response_class=HTMLResponse)
def package_page(request: Request, slug: str, db: DbSession, actor: CurrentActor) -> HTMLResponse:
    place = sprint_place(db, slug)
    require(actor, "sprint.compose_package", place)
    return render(request, "sprint/package.html", _package_context(db, place))


@router.get("/pakket/totalen", response_class=HTMLResponse)
def package_totals(request: Request, slug: str, db: DbSession, actor: CurrentActor) -> HTMLResponse:
    """The running totals alone (the live part re-fetches it)."""
    place = sprint_place(db, slug)
    require(actor, "sprint.compose_package", place)
    return render(request, "sprint/package.html", _package_context(db, place), block="totals")


@router.post("/pakket/maatregelen/{proposal_id}")
def choose(
    request: Request, slug: str, proposal_id: RowId, db: DbSession, actor: CurrentActor
) -> Response:
    place = sprint_place(db, slug)
    result_service.choose_measure(db, actor, place, proposal_id)
    return _back(
        request,
        f"{_package_path(place)}#measure-{proposal_id}",
        _("The measure is in the package."),
    )


@router.post("/pakket/maatregelen/{proposal_id}/weg")
def drop(
    request: Request, slug: str, proposal_id: RowId, db: DbSession, actor: CurrentActor
) -> Response:
    place = sprint_place(db, slug)
    result_service.drop_measure(db, actor, place, proposal_id)
    return _back(
        request,
        f"{_package_path(place)}#measure-{proposal_id}",
        _("The measure is out of the package."),
    )


@router.post("/pakket/publiceren")
def publish(
    request: Request, slug: str, form: Form, db: DbSession, actor: CurrentActor
) -> Response:
    place = sprint_place(db, slug)
    require(actor, "sprint.compose_package", place)
    shown = FormResult()
    raw = form.get("note")
    note = raw.replace("\r\n", "\n").strip() if isinstance(raw, str) else ""
    shown.values["note"] = note
    if not note:
        shown.errors["note"] = _("Write a note with the package: why these measures.")
    elif len(note) > result_service.NOTE_LIMIT:
        shown.errors["note"] = _(
            "The note: use at most %(n)d characters.", n=result_service.NOTE_LIMIT
        )
    if not shown.ok:
        return render(
            request,
            "sprint/package.html",
            _package_context(db, place, shown),
            status_code=400,
        )
    result_service.publish_package(db, actor, place, note)
    return _back(
        request,
        f"{place.path}/resultaat",
        _("The package is published. Its documents are being built."),
    )


# --- the result -------------------------------------------------------------------------------


def _documents_path(place: SprintPlace) -> str:
    return f"{place.path}/resultaat/documenten"


def _documents_context(
    request: Request, db: DbSession, place: SprintPlace, actor: Any
) -> dict[str, Any]:
    published = result_service.is_published(place)
    documents = (
        sprint_documents(db, place.sprint, request.app.state.settings.documents_dir)
        if published
        else []
    )
    return {
        "documents": documents,
        "documents_path": _documents_path(place),
        "may_build": published and can(actor, "sprint.compose_package", place),
    }


@router.get("/resultaat", response_class=HTMLResponse)
def result_page(request: Request, slug: str, db: DbSession, actor: OptionalActor) -> HTMLResponse:
    place = sprint_place(db, slug)
    require(actor, "sprint.read_result", place)
    return render(
        request,
        "sprint/result.html",
        {
            "place": place,
            "process": place.process,
            "package": result_queries.package(db, place),
            "published": result_service.is_published(place),
            "origin_labels": ORIGIN_LABELS,
            **_documents_context(request, db, place, actor),
        },
    )


@router.get("/resultaat/documenten", response_class=HTMLResponse)
def documents_block(
    request: Request, slug: str, db: DbSession, actor: OptionalActor
) -> HTMLResponse:
    """Only the documents block (the result page includes the same template)."""
    place = sprint_place(db, slug)
    require(actor, "sprint.read_result", place)
    return render(
        request, "sprint/_result_documents.html", _documents_context(request, db, place, actor)
    )


@router.get("/resultaat/documenten/{build_id}")
def download(
    request: Request, slug: str, build_id: RowId, db: DbSession, actor: OptionalActor
) -> Response:
    place = sprint_place(db, slug)
    require(actor, "sprint.read_result", place)
    build = sprint_build_of(db, place.sprint, build_id)
    if build is None or build.file_name is None:
        raise NotFound()
    path = storage.available(request.app.state.settings.documents_dir, build)
    if path is None:
        raise NotFound()  # not done, or the file is not (whole) on disk: never half a file
    tag = f'"{build.sha256}"'
    headers = {
        "ETag": tag,
        # Published: anyone may keep it (the package no longer changes).
        "Cache-Control": "public, no-cache",
        "Content-Disposition": content_disposition(build.file_name, build.file_name).replace(
            "inline;", "attachment;", 1
        ),
    }
    if tag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers=headers)
    return FileResponse(
        path, media_type=KINDS[DocumentKind(build.kind)].media_type, headers=headers
    )


def _require_builder(actor: CurrentActor, place: SprintPlace) -> None:
    require(actor, "sprint.compose_package", place)
    if not result_service.is_published(place):
        raise Conflict(_("The documents are built once the package is published."))


@router.post("/resultaat/documenten")
def build_documents(request: Request, slug: str, db: DbSession, actor: CurrentActor) -> Response:
    place = sprint_place(db, slug)
    _require_builder(actor, place)
    queued = request_sprint_build(db, actor, place.sprint)
    if queued:
        message = _("The documents are being built. This page shows how far it is.")
    else:
        message = _("The documents are already being built.")
    return _back(request, f"{place.path}/resultaat#documents", message)


@router.post("/resultaat/documenten/{build_id}/opnieuw")
def retry_document(
    request: Request, slug: str, build_id: RowId, db: DbSession, actor: CurrentActor
) -> Response:
    place = sprint_place(db, slug)
    _require_builder(actor, place)
    found = sprint_build_of(db, place.sprint, build_id)
    if found is None:
        raise NotFound()
    try:
        retry_build(db, actor, found)
    except Conflict as exc:
        return _back(request, f"{place.path}/resultaat#documents", exc.message, "warning")
    return _back(
        request, f"{place.path}/resultaat#documents", _("The document is being built again.")
    )
