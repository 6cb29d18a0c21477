"""A proposal's discussion: comments and replies, support, reporting a comment. Each form
works without JavaScript (a redirect back to the proposal); support is swapped in place
by htmx. A refused form shows the discussion again with the message and the typed text.
The chef's moderation queue is in moderation_routes and included here."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.access.actor import Actor
from app.access.permissions import require
from app.deps import CurrentActor, DbSession, RowId
from app.discussion import queries, service
from app.discussion.moderation_routes import router as moderation_router
from app.errors import Conflict, NotFound, RateLimited
from app.i18n import gettext as _
from app.models import Process, Proposal
from app.processes.queries import process_by_slug
from app.proposals.service import proposal_path
from app.security import rate_limit
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.htmx import is_htmx
from app.web.templating import render

router = APIRouter(prefix="/processen/{slug}")
router.include_router(moderation_router)

COMMENT_LIMIT = 2000
REASON_LIMIT = 500


@dataclass
class Place:
    process: Process
    proposal: Proposal


def place_of(db: DbSession, actor: Actor | None, slug: str, proposal_id: int) -> Place:
    """The process and proposal of the URL; a proposal its reader may not see (a draft)
    is refused like the proposal page refuses it."""
    process = process_by_slug(db, slug)
    proposal = queries.proposal_of(db, process, proposal_id) if process else None
    if process is None or proposal is None:
        raise NotFound()
    require(actor, "proposal.read", proposal)
    return Place(process, proposal)


def back(request: Request, place: Place, message: str, anchor: str, kind: str = "ok") -> Response:
    url = f"{proposal_path(place.process, place.proposal)}#{anchor}"
    response = RedirectResponse(url, status_code=303)
    flash(response, request, message, kind)
    return response


def retry(
    request: Request, db: DbSession, actor: Actor, place: Place, form: FormResult, status: int
) -> HTMLResponse:
    """The discussion on a page of its own, with the message at the top and what was
    typed still in its box; a link leads back to the whole proposal."""
    return render(
        request,
        "discussion/retry.html",
        {
            "process": place.process,
            "proposal": place.proposal,
            "discussion": queries.discussion_for(db, place.proposal, actor),
            "form": form,
        },
        status_code=status,
    )


@router.post("/voorstellen/{proposal_id}/reacties", response_class=HTMLResponse)
def comment(
    request: Request,
    slug: str,
    proposal_id: RowId,
    db: DbSession,
    actor: CurrentActor,
    form: Form,
) -> Response:
    place = place_of(db, actor, slug, proposal_id)
    require(actor, "proposal.discuss", place.proposal)
    parent_raw = form.get("parent")
    parent = None
    if isinstance(parent_raw, str) and parent_raw.strip():
        if not parent_raw.isdigit():
            raise NotFound()
        parent = queries.comment_of(db, place.proposal, int(parent_raw))
        if parent is None:
            raise NotFound()
    field = f"comment-{parent.id if parent else 0}"
    result = FormResult()
    label = _("Your reply") if parent else _("Your comment")
    body = result.text(form, field, label=label, max_length=COMMENT_LIMIT)
    body = body.replace("\r\n", "\n")
    if not result.ok:
        return retry(request, db, actor, place, result, 400)
    wait = rate_limit.check(db, request, "comments_per_account", account=actor.id) or (
        rate_limit.check(db, request, "comments_per_address")
    )
    if wait:
        result.errors[field] = RateLimited(wait).message  # the text stays in its box
        response = retry(request, db, actor, place, result, 429)
        response.headers.update(rate_limit.retry_after_header(wait))
        return response
    try:
        placed = service.add_comment(db, actor, place.process, place.proposal, body, parent)
    except Conflict as exc:
        # A reply to a reply has no box of its own: show the text in its thread's box.
        box = f"comment-{parent.parent_id}" if parent and parent.parent_id else field
        result.values[box] = result.values.pop(field)
        result.errors[box] = exc.message
        return retry(request, db, actor, place, result, 409)
    return back(request, place, _("Your comment is placed."), f"reactie-{placed.id}")


@router.post("/voorstellen/{proposal_id}/steun", response_class=HTMLResponse)
def support(
    request: Request, slug: str, proposal_id: RowId, db: DbSession, actor: CurrentActor
) -> Response:
    place = place_of(db, actor, slug, proposal_id)
    require(actor, "proposal.discuss", place.proposal)
    try:
        supported = service.toggle_support(db, actor, place.process, place.proposal)
    except Conflict as exc:
        if is_htmx(request):
            raise  # the error handler answers htmx with a small fragment
        result = FormResult(errors={"_": exc.message})
        return retry(request, db, actor, place, result, 409)
    if is_htmx(request):
        # Only the button and the count change; the rest of the page stays as it is.
        return render(
            request,
            "discussion/_support.html",
            {
                "process": place.process,
                "proposal": place.proposal,
                "discussion": queries.discussion_for(db, place.proposal, actor),
            },
        )
    message = (
        _("You support this proposal.") if supported else _("You no longer support this proposal.")
    )
    return back(request, place, message, "steun")


@router.post("/voorstellen/{proposal_id}/reacties/{comment_id}/melden", response_class=HTMLResponse)
def flag(
    request: Request,
    slug: str,
    proposal_id: RowId,
    comment_id: RowId,
    db: DbSession,
    actor: CurrentActor,
    form: Form,
) -> Response:
    place = place_of(db, actor, slug, proposal_id)
    target = queries.comment_of(db, place.proposal, comment_id)
    if target is None:
        raise NotFound()
    require(actor, "proposal.flag_comment", target)
    field = f"flag-{target.id}"
    result = FormResult()
    reason = result.text(
        form, field, label=_("Why should the chef look at it?"), required=False,
        max_length=REASON_LIMIT,
    )  # fmt: skip
    if not result.ok:
        return retry(request, db, actor, place, result, 400)
    try:
        service.flag_comment(db, actor, target, reason)
    except Conflict as exc:
        return back(request, place, exc.message, f"reactie-{target.id}", kind="warning")
    return back(
        request, place, _("Thank you. The chef will look at this comment."),
        f"reactie-{target.id}",
    )  # fmt: skip
