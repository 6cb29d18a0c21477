"""The meeting pages everyone sees (the list, a meeting, its calendar file) and what a
member does there: register, or give the place back."""

from __future__ import annotations

from datetime import UTC

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from icalendar import Calendar, Event

from app.access.permissions import can, require
from app.db import utcnow
from app.deps import CurrentActor, CurrentOrg, DbSession, OptionalActor, RowId
from app.i18n import gettext as _
from app.meetings import service
from app.meetings.manage_routes import router as manage_router
from app.meetings.notifier import meeting_path
from app.meetings.queries import groups_of_process, meetings_of_process
from app.meetings.web import back_to, detail_page, load_detail, load_process, notifier
from app.models.meeting import RegistrationStatus
from app.web.htmx import is_htmx
from app.web.redirects import site_url
from app.web.templating import render

router = APIRouter(prefix="/processen")
# First: ".../bijeenkomsten/nieuw" must not be taken for a meeting's number.
router.include_router(manage_router)


@router.get("/{slug}/bijeenkomsten", response_class=HTMLResponse, name="meetings")
def list_meetings(request: Request, slug: str, db: DbSession, actor: OptionalActor) -> HTMLResponse:
    process = load_process(db, slug)
    upcoming, past = meetings_of_process(db, process)
    return render(
        request,
        "meetings/list.html",
        {
            "process": process,
            "upcoming": upcoming,
            "past": past,
            "plannable_groups": [
                g for g in groups_of_process(db, process) if can(actor, "meeting.plan", g)
            ],
        },
    )


@router.get("/{slug}/bijeenkomsten/{meeting_id}", response_class=HTMLResponse, name="meeting")
def show_meeting(
    request: Request, slug: str, meeting_id: RowId, db: DbSession, organization: CurrentOrg
) -> HTMLResponse:
    process = load_process(db, slug)
    return detail_page(request, process, load_detail(db, process, meeting_id))


@router.get("/{slug}/bijeenkomsten/{meeting_id}/agenda.ics", name="meeting_ics")
def meeting_calendar(
    request: Request, slug: str, meeting_id: RowId, db: DbSession, organization: CurrentOrg
) -> Response:
    """One VEVENT. The UID stays the same for the meeting and SEQUENCE goes up with each
    change of time or place, so a calendar program updates the entry it has."""
    process = load_process(db, slug)
    meeting = load_detail(db, process, meeting_id).meeting
    base_url = site_url(request)
    calendar = Calendar()
    calendar.add("prodid", "-//Dialoog//Bijeenkomsten//NL")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"meeting-{meeting.id}@{organization.slug}.dialoog")
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", utcnow())
    event.add("dtstart", meeting.starts_at.astimezone(UTC))
    event.add("dtend", meeting.ends_at.astimezone(UTC))
    event.add("summary", meeting.title)
    event.add("location", meeting.place)
    event.add("description", meeting.agenda)
    event.add("url", f"{base_url}{meeting_path(process, meeting)}")
    event.add("status", "CANCELLED" if meeting.cancelled_at else "CONFIRMED")
    calendar.add_component(event)
    return Response(
        calendar.to_ical(),
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="bijeenkomst-{meeting.id}.ics"'},
    )


def _answer(request: Request, slug: str, meeting_id: int, db: DbSession, message: str) -> Response:
    """htmx swaps the registration part in place; without JavaScript: back to the page."""
    process = load_process(db, slug)
    d = load_detail(db, process, meeting_id)
    if is_htmx(request):
        return detail_page(request, process, d, block="registration")
    return back_to(request, meeting_path(process, d.meeting), message)


@router.post("/{slug}/bijeenkomsten/{meeting_id}/aanmelden", response_class=HTMLResponse)
def register(
    request: Request, slug: str, meeting_id: RowId, db: DbSession, actor: CurrentActor
) -> Response:
    process = load_process(db, slug)
    d = load_detail(db, process, meeting_id)
    require(actor, "meeting.register", d)
    registration = service.register(db, actor, d.meeting)
    if registration.status == RegistrationStatus.WAITING:
        message = _("The meeting is full: you are on the waiting list.")
    else:
        message = _("You are registered. See you there!")
    return _answer(request, slug, meeting_id, db, message)


@router.post("/{slug}/bijeenkomsten/{meeting_id}/afmelden", response_class=HTMLResponse)
def unregister(
    request: Request, slug: str, meeting_id: RowId, db: DbSession, actor: CurrentActor
) -> Response:
    process = load_process(db, slug)
    d = load_detail(db, process, meeting_id)
    require(actor, "meeting.register", d)
    service.unregister(db, actor, process, d.meeting, notifier(request))
    return _answer(request, slug, meeting_id, db, _("You are no longer registered."))
