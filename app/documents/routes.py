"""An edition's documents: the block on the edition page (which htmx asks again every
2 s while a build is under way), the downloads, and the admin's build and retry. The
council decision's documents are downloaded here too (they are kept with the edition);
their block, build and retry are on the decision page (app.council.decision_routes)."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from app.access.permissions import require
from app.council.queries import decision_for_edition
from app.deps import CurrentActor, DbSession, OptionalActor, RowId
from app.documents import queries, service, storage
from app.documents.kinds import DECISION_KINDS, KINDS, DocumentKind
from app.errors import Conflict, NotFound
from app.green_papers.pdf import content_disposition
from app.i18n import gettext as _
from app.models import CentralWhitePaper, Process
from app.processes.queries import process_by_slug
from app.web.flash import flash
from app.web.templating import render

router = APIRouter()

BASE = "/processen/{slug}/witboek-edities/{number}/documenten"


@dataclass(frozen=True)
class Place:
    process: Process
    edition: CentralWhitePaper

    @property
    def edition_path(self) -> str:
        return f"/processen/{self.process.slug}/witboek-edities/{self.edition.number}"


def _place(db: DbSession, slug: str, number: int) -> Place:
    process = process_by_slug(db, slug)
    if process is None:
        raise NotFound()
    edition = db.scalar(
        select(CentralWhitePaper).where(
            CentralWhitePaper.process_id == process.id, CentralWhitePaper.number == number
        )
    )
    if edition is None:
        raise NotFound()
    return Place(process, edition)


def _back(request: Request, place: Place, message: str, kind: str = "ok") -> Response:
    response = RedirectResponse(f"{place.edition_path}#documents", status_code=303)
    flash(response, request, message, kind)
    return response


@router.get(BASE, response_class=HTMLResponse)
def block(
    request: Request, slug: str, number: RowId, db: DbSession, actor: OptionalActor
) -> HTMLResponse:
    """Only the block (the edition page includes the same template)."""
    place = _place(db, slug, number)
    require(actor, "documents.read", place.edition)
    rows = queries.documents_for(db, place.edition, request.app.state.settings.documents_dir)
    return render(
        request,
        "documents/_on_edition.html",
        {"process": place.process, "edition": place.edition, "documents": rows},
    )


@router.get(BASE + "/{build_id}")
def download(
    request: Request, slug: str, number: RowId, build_id: RowId, db: DbSession, actor: OptionalActor
) -> Response:
    place = _place(db, slug, number)
    require(actor, "documents.read", place.edition)
    build = queries.build_of(db, place.edition, build_id)
    if build is None or build.file_name is None:
        raise NotFound()
    published = place.edition.published_at is not None
    if DocumentKind(build.kind) in DECISION_KINDS:
        # The council decision's documents are read as the decision page is.
        decision = decision_for_edition(db, place.edition.id)
        if decision is None:
            raise NotFound()
        require(actor, "council.read_decision", decision)
        published = decision.published_at is not None
    path = storage.available(request.app.state.settings.documents_dir, build)
    if path is None:
        raise NotFound()  # not done, or the file is not (whole) on disk: never half a file
    tag = f'"{build.sha256}"'
    headers = {
        "ETag": tag,
        # Published documents may be kept anywhere; others only by the reader's browser.
        "Cache-Control": "public, no-cache" if published else "private, no-cache",
        "Content-Disposition": content_disposition(build.file_name, build.file_name).replace(
            "inline;", "attachment;", 1
        ),
    }
    if tag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers=headers)
    return FileResponse(
        path, media_type=KINDS[DocumentKind(build.kind)].media_type, headers=headers
    )


@router.post(BASE)
def build(
    request: Request, slug: str, number: RowId, db: DbSession, actor: CurrentActor
) -> Response:
    place = _place(db, slug, number)
    require(actor, "documents.build", place.edition)
    queued = service.request_build(db, actor, place.edition)
    if queued:
        message = _("The documents are being built. This page shows how far it is.")
    else:
        message = _("The documents are already being built.")
    return _back(request, place, message)


@router.post(BASE + "/{build_id}/opnieuw")
def retry(
    request: Request, slug: str, number: RowId, build_id: RowId, db: DbSession, actor: CurrentActor
) -> Response:
    place = _place(db, slug, number)
    require(actor, "documents.build", place.edition)
    found = queries.build_of(db, place.edition, build_id)
    if found is None:
        raise NotFound()
    try:
        service.retry_build(db, actor, found)
    except Conflict as exc:
        return _back(request, place, exc.message, "warning")
    return _back(request, place, _("The document is being built again."))
