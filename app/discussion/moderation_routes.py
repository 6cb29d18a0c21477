"""The chef's moderation queue: reported comments on the group's proposals, oldest first;
hide one with a reason its author reads, or keep it."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.access.actor import Actor
from app.access.permissions import require
from app.deps import CurrentActor, DbSession, RowId
from app.discussion import queries, service
from app.errors import Conflict, NotFound
from app.i18n import gettext as _
from app.models import Group, Process, Proposal, ProposalComment
from app.recruitment.queries import process_and_group
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.redirects import site_url
from app.web.templating import render

router = APIRouter(prefix="/groepen/{group_slug}/moderatie")

REASON_LIMIT = 500


@dataclass
class Desk:
    process: Process
    group: Group


def desk_of(db: DbSession, actor: Actor, slug: str, group_slug: str) -> Desk:
    found = process_and_group(db, slug, group_slug)
    if found is None:
        raise NotFound()
    process, group = found
    require(actor, "proposal.moderate", group)
    return Desk(process, group)


def queue_path(desk: Desk) -> str:
    return f"/processen/{desk.process.slug}/groepen/{desk.group.slug}/moderatie"


def queue_page(
    request: Request,
    db: DbSession,
    desk: Desk,
    form: FormResult | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    return render(
        request,
        "discussion/moderation.html",
        {
            "process": desk.process,
            "group": desk.group,
            "queue": queries.moderation_queue(db, desk.group),
            "form": form or FormResult(),
            "base": queue_path(desk),
        },
        status_code=status_code,
    )


def _flagged(db: DbSession, desk: Desk, comment_id: int) -> tuple[ProposalComment, Proposal]:
    """The comment and its proposal, only when the proposal is one of this group's."""
    comment = db.get(ProposalComment, comment_id)
    proposal = db.get(Proposal, comment.proposal_id) if comment else None
    if comment is None or proposal is None or proposal.group_id != desk.group.id:
        raise NotFound()
    return comment, proposal


def _done(request: Request, desk: Desk, message: str) -> Response:
    response = RedirectResponse(queue_path(desk), status_code=303)
    flash(response, request, message)
    return response


@router.get("", response_class=HTMLResponse)
def queue(
    request: Request, slug: str, group_slug: str, db: DbSession, actor: CurrentActor
) -> HTMLResponse:
    return queue_page(request, db, desk_of(db, actor, slug, group_slug))


@router.post("/{comment_id}/verbergen", response_class=HTMLResponse)
def hide(
    request: Request,
    slug: str,
    group_slug: str,
    comment_id: RowId,
    db: DbSession,
    actor: CurrentActor,
    form: Form,
) -> Response:
    desk = desk_of(db, actor, slug, group_slug)
    comment, proposal = _flagged(db, desk, comment_id)
    field = f"reason-{comment.id}"
    result = FormResult()
    reason = result.text(form, field, label=_("Reason for hiding"), max_length=REASON_LIMIT)
    if result.ok:
        try:
            service.hide_comment(
                db, request.app.state.jinja, actor, desk.process, proposal, comment, reason,
                site_url(request),
            )  # fmt: skip
        except Conflict as exc:
            result.errors[field] = exc.message
        else:
            return _done(request, desk, _("The comment is hidden; its author reads why."))
    return queue_page(request, db, desk, result, 400)


@router.post("/{comment_id}/houden", response_class=HTMLResponse)
def keep(
    request: Request,
    slug: str,
    group_slug: str,
    comment_id: RowId,
    db: DbSession,
    actor: CurrentActor,
) -> Response:
    desk = desk_of(db, actor, slug, group_slug)
    comment, _proposal = _flagged(db, desk, comment_id)
    try:
        service.keep_comment(db, actor, comment)
    except Conflict as exc:
        return queue_page(request, db, desk, FormResult(errors={"_": exc.message}), 409)
    return _done(request, desk, _("The comment stays; the reports are handled."))
