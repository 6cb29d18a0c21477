"""Questions to the officials: a group member asks on the proposal page; officials answer
in their inbox at /vragen, in place with htmx or by a plain form without JavaScript."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.access.permissions import require
from app.deps import CurrentActor, DbSession, RowId
from app.discussion.routes import place_of
from app.errors import Conflict, NotFound
from app.i18n import gettext as _
from app.models import OfficialQuestion
from app.proposals.service import proposal_path
from app.questions import queries, service
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.htmx import is_htmx
from app.web.redirects import site_url
from app.web.templating import render

router = APIRouter()

TEXT_LIMIT = 2000
INBOX = "/vragen"


@router.post("/processen/{slug}/voorstellen/{proposal_id}/vragen", response_class=HTMLResponse)
def ask(
    request: Request,
    slug: str,
    proposal_id: RowId,
    db: DbSession,
    actor: CurrentActor,
    form: Form,
) -> Response:
    place = place_of(db, actor, slug, proposal_id)
    require(actor, "proposal.ask_official", place.proposal)
    result = FormResult()
    text = result.text(
        form, "question", label=_("Your question to the officials"), max_length=TEXT_LIMIT
    ).replace("\r\n", "\n")
    status = 400
    if result.ok:
        try:
            question = service.ask(
                db, request.app.state.jinja, actor, place.process, place.proposal, text,
                site_url(request),
            )  # fmt: skip
        except Conflict as exc:
            result.errors["question"], status = exc.message, 409
        else:
            url = f"{proposal_path(place.process, place.proposal)}#vraag-{question.id}"
            response = RedirectResponse(url, status_code=303)
            flash(response, request, _("Your question is sent to the officials."))
            return response
    return render(
        request,
        "questions/retry.html",
        {
            "process": place.process,
            "proposal": place.proposal,
            "questions": queries.questions_for(db, place.proposal),
            "form": result,
        },
        status_code=status,
    )


@router.get(INBOX, response_class=HTMLResponse)
def inbox(request: Request, db: DbSession, actor: CurrentActor) -> HTMLResponse:
    require(actor, "proposal.answer_question")
    return _inbox_page(request, db, FormResult())


def _inbox_page(
    request: Request, db: DbSession, form: FormResult, status_code: int = 200
) -> HTMLResponse:
    return render(
        request,
        "questions/inbox.html",
        {"inbox": queries.inbox(db), "form": form},
        status_code=status_code,
    )


@router.post(INBOX + "/{question_id}/antwoord", response_class=HTMLResponse)
def answer(
    request: Request, question_id: RowId, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    require(actor, "proposal.answer_question")
    question = db.get(OfficialQuestion, question_id)
    if question is None:
        raise NotFound()
    field = f"answer-{question.id}"
    result = FormResult()
    text = result.text(form, field, label=_("Your answer"), max_length=TEXT_LIMIT)
    status = 400
    if result.ok:
        try:
            service.answer(
                db, request.app.state.jinja, actor, question, text.replace("\r\n", "\n"),
                site_url(request),
            )  # fmt: skip
        except Conflict as exc:
            result.errors[field], status = exc.message, 409
        else:
            if is_htmx(request):
                return _item(request, db, question_id, FormResult())
            response = RedirectResponse(f"{INBOX}#vraag-{question.id}", status_code=303)
            flash(response, request, _("Your answer is on the proposal; the asker is told."))
            return response
    if is_htmx(request):
        return _item(request, db, question_id, result, status)
    return _inbox_page(request, db, result, status)


def _item(
    request: Request, db: DbSession, question_id: int, form: FormResult, status_code: int = 200
) -> HTMLResponse:
    """One question of the inbox, for htmx to swap in place of the one answered."""
    item = queries.inbox_item(db, question_id)
    if item is None:
        raise NotFound()
    return render(
        request,
        "questions/_inbox_item.html",
        {"item": item, "form": form},
        status_code=status_code,
    )
