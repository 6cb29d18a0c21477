"""Attachments: add one to a proposal or a product sheet (from its page), download one,
remove one. A refused upload answers with the subject's page and the reason at the form
(422); nothing of it is kept."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from app.access.actor import Actor
from app.access.permissions import can, require
from app.attachments import queries, service, storage
from app.attachments.checks import UploadRefused
from app.attachments.permissions import PROPOSAL
from app.attachments.queries import Subject
from app.attachments.web import FIELD
from app.deps import CurrentActor, DbSession, OptionalActor, RowId
from app.errors import Conflict, NotFound
from app.i18n import gettext as _
from app.processes.queries import process_or_404
from app.product_sheets import queries as sheet_queries
from app.product_sheets.routes import _sheet as sheet_response
from app.proposals.web import proposal_at, proposal_page
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.upload_limit import BoundedBodyRoute, body_cut_short

router = APIRouter(route_class=BoundedBodyRoute)


def _page(
    request: Request,
    db: DbSession,
    actor: Actor,
    subject: Subject,
    form: FormResult,
    status_code: int,
) -> HTMLResponse:
    """The page the attachments are on, with ``form``'s message at the upload form."""
    if subject.kind == PROPOSAL:
        return proposal_page(
            request, db, actor, subject.process, subject.target, form=form, status_code=status_code
        )
    return sheet_response(
        request, db, actor, subject.process, subject.target, form=form, status_code=status_code
    )


def _back(request: Request, subject: Subject, message: str) -> Response:
    response = RedirectResponse(f"{subject.path}#bijlagen", status_code=303)
    flash(response, request, message)
    return response


def _add(request: Request, db: DbSession, actor: Actor, subject: Subject, form: Form) -> Response:
    require(actor, "attachment.add", subject)
    upload = form.get(FIELD)
    given = upload if isinstance(upload, UploadFile) and upload.filename else None
    try:
        attachment = service.add_attachment(
            db,
            actor,
            request.app.state.settings,
            subject,
            given.file if given is not None else None,
            given.filename if given is not None and given.filename else "",
            cut_short=body_cut_short(request),
        )
    except Conflict as exc:  # the phase closed
        return _page(request, db, actor, subject, FormResult(errors={FIELD: exc.message}), 409)
    except UploadRefused as exc:
        return _page(
            request, db, actor, subject, FormResult(errors={FIELD: exc.message}), exc.status_code
        )
    return _back(request, subject, _("%(name)s is attached.", name=attachment.original_name))


@router.post("/processen/{slug}/voorstellen/{proposal_id}/bijlagen", response_class=HTMLResponse)
def add_to_proposal(
    request: Request, slug: str, proposal_id: RowId, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    process = process_or_404(db, slug)
    proposal = proposal_at(db, process, proposal_id)
    return _add(request, db, actor, queries.for_proposal(process, proposal), form)


@router.post("/processen/{slug}/productbladen/{proposal_id}/bijlagen", response_class=HTMLResponse)
def add_to_sheet(
    request: Request, slug: str, proposal_id: RowId, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    process = process_or_404(db, slug)
    page = sheet_queries.sheet_page(db, process, proposal_id)
    if page is None:
        raise NotFound()
    return _add(request, db, actor, queries.for_sheet(process, page), form)


@router.post("/bijlagen/{attachment_id}/verwijderen", response_class=HTMLResponse)
def remove(request: Request, attachment_id: RowId, db: DbSession, actor: CurrentActor) -> Response:
    attachment = queries.attachment_or_404(db, attachment_id)
    subject = queries.subject_of(db, attachment)
    require(actor, "attachment.remove", subject)
    name = attachment.original_name
    try:
        service.remove_attachment(db, actor, request.app.state.settings, subject, attachment)
    except Conflict as exc:  # the phase closed
        return _page(request, db, actor, subject, FormResult(errors={"_": exc.message}), 409)
    return _back(request, subject, _("%(name)s is removed.", name=name))


def _ascii(character: str) -> str:
    """One character of the ASCII fallback: itself when it is harmless, its letter without
    the accent (é to e), or "_"."""
    if character.isascii():
        return character if character.isalnum() or character in "-_. " else "_"
    base = unicodedata.normalize("NFKD", character).encode("ascii", "ignore").decode()
    return base if base.isalnum() else "_"


def content_disposition(name: str) -> str:
    """Always a download, never shown inline. ``filename`` in plain ASCII for old clients
    (accents dropped, anything else that could end or bend the header replaced),
    ``filename*`` with the name as it was, percent-encoded (RFC 6266, RFC 8187)."""
    fallback = re.sub(r"_+", "_", "".join(_ascii(c) for c in name)).strip(" .") or "bijlage"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


@router.get("/bijlagen/{attachment_id}")
def download(
    request: Request, attachment_id: RowId, db: DbSession, actor: OptionalActor
) -> Response:
    attachment = queries.attachment_or_404(db, attachment_id)
    subject = queries.subject_of(db, attachment)
    require(actor, "attachment.view", subject)
    settings = request.app.state.settings
    path = storage.path_of(settings.uploads_dir, attachment.organization_id, attachment.stored_name)
    try:
        whole = path.stat().st_size == attachment.size_bytes
    except OSError:
        whole = False
    if not whole:
        raise NotFound()  # gone from disk, or cut short: never half a file
    public = can(None, "attachment.view", subject)
    return FileResponse(
        path,
        media_type=attachment.content_type,  # from the checked content, not the browser
        headers={
            "Content-Disposition": content_disposition(attachment.original_name),
            "X-Content-Type-Options": "nosniff",
            # Published: anyone may keep it but must ask whether it is still there. Not
            # yet published: nobody keeps it, neither a proxy nor the browser.
            "Cache-Control": "public, no-cache" if public else "private, no-store",
        },
    )
