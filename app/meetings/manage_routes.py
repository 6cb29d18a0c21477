"""What the chef (for a group) or the admin (for the whole process) does with meetings:
plan, change, cancel, take attendance, write the minutes."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from app.access.permissions import require
from app.db import utcnow
from app.deps import CurrentActor, DbSession, RowId
from app.errors import Conflict, InvalidTransition, NotFound
from app.i18n import gettext as _
from app.meetings import service
from app.meetings.forms import form_values, read_meeting
from app.meetings.notifier import meeting_path
from app.meetings.queries import MeetingDetail, group_by_slug
from app.meetings.web import back_to, detail_page, load_detail, load_process, notifier
from app.models import Group, Meeting, Process
from app.web.forms import Form, FormResult
from app.web.templating import render

router = APIRouter()

CONFLICT = "_meeting"  # an error about the meeting as a whole, not one field


def _form_page(
    request: Request,
    process: Process,
    group: Group | None,
    meeting: Meeting | None,
    form: FormResult,
    *,
    status_code: int = 200,
) -> HTMLResponse:
    base = f"/processen/{process.slug}/bijeenkomsten"
    if meeting is None:
        action = f"{base}/nieuw" + (f"?groep={group.slug}" if group else "")
    else:
        action = f"{base}/{meeting.id}/bewerken"
    return render(
        request,
        "meetings/form.html",
        {
            "process": process,
            "group": group,
            "meeting": meeting,
            "form": form,
            "action": action,
            "phase_kinds": [p.kind for p in process.phases],
        },
        status_code=status_code,
    )


def _where(db: DbSession, process: Process, groep: str | None) -> Group | None:
    if not groep:
        return None
    group = group_by_slug(db, process, groep)
    if group is None:
        raise NotFound()
    return group


@router.get("/{slug}/bijeenkomsten/nieuw", response_class=HTMLResponse, name="meeting_new")
def new_meeting(
    request: Request, slug: str, db: DbSession, actor: CurrentActor, groep: str | None = None
) -> HTMLResponse:
    process = load_process(db, slug)
    group = _where(db, process, groep)
    require(actor, "meeting.plan", group or process)
    form = FormResult(values={"phase": process.current_phase or ""})
    return _form_page(request, process, group, None, form)


@router.post("/{slug}/bijeenkomsten/nieuw", response_class=HTMLResponse)
def create_meeting(
    request: Request,
    slug: str,
    db: DbSession,
    actor: CurrentActor,
    form: Form,
    groep: str | None = None,
) -> Response:
    process = load_process(db, slug)
    group = _where(db, process, groep)
    require(actor, "meeting.plan", group or process)
    result = FormResult()
    tz = request.app.state.settings.timezone
    data = read_meeting(form, result, [p.kind for p in process.phases], tz)
    if data is not None and data.starts_at <= utcnow():
        result.errors["starts_at"] = _("The start has passed already; choose a later time.")
    elif data is not None:
        try:
            meeting = service.plan_meeting(db, actor, process, group, data, notifier(request))
        except Conflict as exc:
            result.errors[CONFLICT] = exc.message
        else:
            return back_to(
                request,
                meeting_path(process, meeting),
                _("The meeting is planned and the members are invited."),
            )
    return _form_page(request, process, group, None, result, status_code=400)


def _managed(
    db: DbSession, actor: CurrentActor, slug: str, meeting_id: int
) -> tuple[Process, MeetingDetail]:
    process = load_process(db, slug)
    d = load_detail(db, process, meeting_id)
    require(actor, "meeting.manage", d)
    return process, d


@router.get("/{slug}/bijeenkomsten/{meeting_id}/bewerken", response_class=HTMLResponse)
def edit_meeting(
    request: Request, slug: str, meeting_id: RowId, db: DbSession, actor: CurrentActor
) -> HTMLResponse:
    process, d = _managed(db, actor, slug, meeting_id)
    values = form_values(d.meeting, request.app.state.settings.timezone)
    return _form_page(request, process, d.meeting.group, d.meeting, FormResult(values=values))


@router.post("/{slug}/bijeenkomsten/{meeting_id}/bewerken", response_class=HTMLResponse)
def update_meeting(
    request: Request, slug: str, meeting_id: RowId, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    process, d = _managed(db, actor, slug, meeting_id)
    result = FormResult()
    tz = request.app.state.settings.timezone
    data = read_meeting(form, result, [p.kind for p in process.phases], tz)
    if data is not None:
        try:
            changed = service.change_meeting(db, actor, process, d.meeting, data, notifier(request))
        except Conflict as exc:  # InvalidTransition is a Conflict too
            result.errors[CONFLICT] = exc.message
        else:
            message = _("The meeting is changed.") if changed else _("Nothing was changed.")
            return back_to(request, meeting_path(process, d.meeting), message)
    return _form_page(request, process, d.meeting.group, d.meeting, result, status_code=400)


@router.post("/{slug}/bijeenkomsten/{meeting_id}/afgelasten", response_class=HTMLResponse)
def cancel_meeting(
    request: Request, slug: str, meeting_id: RowId, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    process, d = _managed(db, actor, slug, meeting_id)
    result = FormResult(values=form_values(d.meeting, request.app.state.settings.timezone))
    reason = result.text(form, "reason", label=_("Reason"), required=False, max_length=500)
    if result.ok:
        try:
            service.cancel_meeting(db, actor, process, d.meeting, notifier(request), reason)
        except InvalidTransition as exc:
            result.errors["reason"] = exc.message
        else:
            return back_to(
                request,
                meeting_path(process, d.meeting),
                _("The meeting is cancelled; everyone concerned is told."),
            )
    return _form_page(request, process, d.meeting.group, d.meeting, result, status_code=400)


@router.post("/{slug}/bijeenkomsten/{meeting_id}/aanwezigheid", response_class=HTMLResponse)
def take_attendance(
    request: Request, slug: str, meeting_id: RowId, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    process, d = _managed(db, actor, slug, meeting_id)
    ids = {r.id for r in d.registered}
    ticked = [v for v in form.getlist("present") if isinstance(v, str)]
    present = {int(v) for v in ticked if v.isascii() and v.isdigit() and len(v) < 10} & ids
    try:
        came = service.take_attendance(db, actor, d.meeting, d.registered, present)
    except InvalidTransition as exc:
        result = FormResult(values={f"present-{i}": "on" for i in present})
        result.values["_attendance"] = "sent"
        result.errors["_attendance"] = exc.message
        return detail_page(request, process, d, result, status_code=409)
    return back_to(
        request,
        meeting_path(process, d.meeting),
        _("Attendance is saved: %(came)d of %(total)d came.", came=came, total=len(ids)),
    )


@router.post("/{slug}/bijeenkomsten/{meeting_id}/verslag", response_class=HTMLResponse)
def save_minutes(
    request: Request, slug: str, meeting_id: RowId, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    process, d = _managed(db, actor, slug, meeting_id)
    result = FormResult()
    text = result.text(form, "minutes", label=_("Minutes"), required=False, max_length=50_000)
    public = result.checkbox(form, "minutes_public")
    if result.ok:
        try:
            service.save_minutes(db, actor, process, d.meeting, text, public, notifier(request))
        except Conflict as exc:
            result.errors["minutes"] = exc.message
        else:
            return back_to(request, meeting_path(process, d.meeting), _("The minutes are saved."))
    return detail_page(request, process, d, result, status_code=400)
