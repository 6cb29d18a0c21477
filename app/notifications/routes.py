"""The bell, the list of one's notifications, and the choice of what to be told and how."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.access.permissions import can, require
from app.deps import CurrentActor, CurrentOrg, DbSession, OptionalActor, RowId
from app.i18n import get_locale
from app.i18n import gettext as _
from app.models import Notification
from app.notifications import queries, service
from app.notifications.kinds import KIND_LABELS, NotificationKind, notification_text
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.redirects import safe_next
from app.web.templating import render

router = APIRouter(prefix="/meldingen")

LIST_PATH = "/meldingen"
SETTINGS_PATH = "/meldingen/instellingen"


@dataclass(frozen=True)
class NotificationRow:
    """One line of the list, its text made now in the reader's language."""

    id: int
    text: str
    created_at: datetime
    when: str
    unread: bool


def _row(notification: Notification, zone: ZoneInfo) -> NotificationRow:
    return NotificationRow(
        id=notification.id,
        text=notification_text(notification.kind, notification.params),
        created_at=notification.created_at,
        when=format_datetime(
            notification.created_at, "d MMM yyyy, HH:mm", tzinfo=zone, locale=get_locale()
        ),
        unread=notification.read_at is None,
    )


@router.get("/teller", response_class=HTMLResponse, name="notification_bell")
def bell(request: Request, organization: CurrentOrg, actor: OptionalActor) -> HTMLResponse:
    """The bell alone, for its poll. The count came with the actor (one COUNT, see
    app.accounts.sessions.organization_and_actor). Signed out meanwhile: an empty answer removes the
    bell and ends the poll, instead of pulling the open page to the sign-in form."""
    if not can(actor, "notifications.view"):
        return HTMLResponse("")
    # The poll's own path is not the page the person is on; htmx says which page that is.
    page = urlsplit(request.headers.get("HX-Current-URL", "")).path
    # A block, not the whole template: a fragment must not take the flash meant for a page.
    return render(
        request, "notifications/_bell.html", {"bell_current": page == LIST_PATH}, block="bell"
    )


@router.get("", response_class=HTMLResponse, name="notifications")
def notification_list(request: Request, db: DbSession, actor: CurrentActor) -> HTMLResponse:
    require(actor, "notifications.view")
    zone = ZoneInfo(request.app.state.settings.timezone)
    rows = [_row(n, zone) for n in queries.recent(db, actor.id)]
    return render(request, "notifications/index.html", {"notifications": rows})


@router.post("/gelezen", name="notifications_read")
def mark_all_read(request: Request, db: DbSession, actor: CurrentActor) -> Response:
    require(actor, "notifications.view")
    service.mark_all_read(db, actor.id)
    response = RedirectResponse(LIST_PATH, status_code=303)
    flash(response, request, _("All notifications are marked as read."))
    return response


@router.get("/instellingen", response_class=HTMLResponse, name="notification_settings")
def settings_form(request: Request, db: DbSession, actor: CurrentActor) -> HTMLResponse:
    require(actor, "notifications.view")
    values: dict[str, str] = {}
    for kind, (in_app, by_mail) in queries.preferences(db, actor.id).items():
        values[f"{kind.value}.in_app"] = "on" if in_app else ""
        values[f"{kind.value}.by_mail"] = "on" if by_mail else ""
    context = {
        "form": FormResult(values=values),
        "kinds": list(NotificationKind),
        "kind_labels": KIND_LABELS,
        # The profile's general switch wins over every choice here; the page says so.
        "mail_switched_off": not actor.user.notify_by_mail,
    }
    return render(request, "notifications/settings.html", context)


@router.post("/instellingen")
def save_settings(request: Request, db: DbSession, actor: CurrentActor, form: Form) -> Response:
    require(actor, "notifications.view")
    result = FormResult()
    choices = {
        kind: (
            result.checkbox(form, f"{kind.value}.in_app"),
            result.checkbox(form, f"{kind.value}.by_mail"),
        )
        for kind in NotificationKind
    }
    changed = service.set_preferences(db, actor.id, choices)
    response = RedirectResponse(SETTINGS_PATH, status_code=303)
    flash(response, request, _("Your changes are saved.") if changed else _("Nothing was changed."))
    return response


# Last: "/teller" and "/instellingen" above are not ids.
@router.get("/{notification_id}", name="notification_open")
def open_notification(db: DbSession, actor: CurrentActor, notification_id: RowId) -> Response:
    """Opening one reads it and goes where it points. The link is stored, so it is checked
    again here: only a path on this site (no open redirect through a notification)."""
    require(actor, "notifications.view")
    notification = queries.own_notification(db, actor.id, notification_id)
    service.mark_read(db, notification)
    return RedirectResponse(safe_next(notification.link), status_code=303)
