"""What the meeting routes share: loading a process and meeting or answering 404, the
notifier for this request, and the detail page (rendered again, with messages, when a
form on it was filled in wrongly)."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.meetings.notifier import Notifier, meeting_path, when_text
from app.meetings.queries import MeetingDetail, detail
from app.meetings.service import registration_open
from app.models import Process
from app.processes.queries import process_by_slug
from app.web.flash import flash
from app.web.forms import FormResult
from app.web.redirects import site_url
from app.web.templating import render


def load_process(db: Session, slug: str) -> Process:
    process = process_by_slug(db, slug)
    if process is None:
        raise NotFound()
    return process


def load_detail(db: Session, process: Process, meeting_id: int) -> MeetingDetail:
    found = detail(db, process, meeting_id)
    if found is None:
        raise NotFound()
    return found


def notifier(request: Request) -> Notifier:
    return Notifier(
        jinja=request.app.state.jinja,
        base_url=site_url(request),
        timezone=request.app.state.settings.timezone,
    )


def detail_context(request: Request, process: Process, d: MeetingDetail) -> dict[str, object]:
    actor = getattr(request.state, "actor", None)
    user_id = actor.id if actor is not None else None
    return {
        "process": process,
        "d": d,
        "meeting": d.meeting,
        "path": meeting_path(process, d.meeting),
        "open": registration_open(d.meeting),
        "when": when_text(
            d.meeting.starts_at, d.meeting.ends_at, request.app.state.settings.timezone
        ),
        "mine": d.registration_of(user_id),
        "position": d.waiting_position(user_id),
    }


def detail_page(
    request: Request,
    process: Process,
    d: MeetingDetail,
    form: FormResult | None = None,
    *,
    status_code: int = 200,
    block: str | None = None,
) -> HTMLResponse:
    context = detail_context(request, process, d)
    context["form"] = form or FormResult()
    return render(request, "meetings/detail.html", context, status_code=status_code, block=block)


def back_to(request: Request, path: str, message: str) -> Response:
    response = RedirectResponse(path, status_code=303)
    flash(response, request, message)
    return response
