"""A person's own data: the page where they ask for it, the part of it that htmx asks
again every 2 s while the ZIP is being made, and the download (its owner only)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from app.access.permissions import require
from app.deps import CurrentActor, DbSession, RowId
from app.errors import Conflict, NotFound
from app.i18n import gettext as _
from app.models import User
from app.privacy import export_service
from app.privacy.export_sections import SECTIONS
from app.security.events import EXPORT_DOWNLOADED, EXPORT_REQUESTED, security_event
from app.web.flash import flash
from app.web.templating import render

router = APIRouter(prefix="/profiel/gegevens")

PAGE = "/profiel/gegevens"


def _context(db: DbSession, actor: CurrentActor) -> dict[str, object]:
    rows = export_service.exports_of(db, actor.id)
    return {
        "exports": rows,
        "under_way": any(row.under_way for row in rows),
        "sections": SECTIONS,
    }


@router.get("", response_class=HTMLResponse, name="own_data")
def page(request: Request, db: DbSession, actor: CurrentActor) -> HTMLResponse:
    require(actor, "privacy.export_own", actor.user)
    return render(request, "privacy/export.html", _context(db, actor))


@router.get("/overzicht", response_class=HTMLResponse)
def exports_part(request: Request, db: DbSession, actor: CurrentActor) -> HTMLResponse:
    """Only the list (the page includes the same template)."""
    require(actor, "privacy.export_own", actor.user)
    return render(request, "privacy/export_list.html", _context(db, actor))


@router.post("")
def ask(request: Request, db: DbSession, actor: CurrentActor) -> Response:
    require(actor, "privacy.export_own", actor.user)
    response = RedirectResponse(f"{PAGE}#exports", status_code=303)
    try:
        export_service.request_export(db, actor)
    except Conflict as exc:
        flash(response, request, exc.message, "warning")
        return response
    security_event(EXPORT_REQUESTED, account=actor.id)
    flash(response, request, _("We are collecting your data. This page shows how far it is."))
    return response


@router.get("/{export_id}/download")
def download(request: Request, export_id: RowId, db: DbSession, actor: CurrentActor) -> Response:
    export = export_service.export_by_id(db, export_id)
    if export is None:
        raise NotFound()  # not this organization's (or no such export)
    owner = db.scalar(select(User).where(User.id == export.user_id))
    require(actor, "privacy.export_own", owner)
    path = export_service.available(request.app.state.settings, export)
    if path is None or export.finished_at is None:
        raise NotFound(_("This download is no longer available. Ask for your data again."))
    security_event(EXPORT_DOWNLOADED, account=actor.id)
    made = export.finished_at.date().isoformat()
    return FileResponse(
        path,
        media_type="application/zip",
        headers={
            "Content-Disposition": f'attachment; filename="dialoog-export-{made}.zip"',
            "Cache-Control": "no-store",
        },
    )
