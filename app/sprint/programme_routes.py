"""The steering group plans the sprint's programme: add, change and remove its items
(start, end, kind, title, description). Times are typed in the organization's own zone
and kept in UTC. Every participant sees the programme on the sprint's home page."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from app.access.permissions import require
from app.deps import CurrentActor, DbSession, RowId
from app.errors import Conflict
from app.i18n import gettext as _
from app.meetings.forms import local_input, parse_local
from app.models import ProgrammeItem
from app.sprint import overview_queries, programme_service
from app.sprint.kinds import PROGRAMME_LABELS, ProgrammeKind
from app.sprint.loading import SprintPlace, sprint_place
from app.sprint.programme_service import DESCRIPTION_LIMIT, TITLE_LIMIT, ItemInput
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.templating import render

router = APIRouter()

FIELDS = ("starts_at", "ends_at", "kind", "title", "description")


def programme_path(place: SprintPlace) -> str:
    return f"{place.path}/programma"


def field_name(name: str, item_id: int | None) -> str:
    """The add form's field names, or one item's (``title-12``)."""
    return name if item_id is None else f"{name}-{item_id}"


def _saved(items: list[ProgrammeItem], timezone: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for item in items:
        values[field_name("starts_at", item.id)] = local_input(item.starts_at, timezone)
        values[field_name("ends_at", item.id)] = local_input(item.ends_at, timezone)
        values[field_name("kind", item.id)] = item.kind
        values[field_name("title", item.id)] = item.title
        values[field_name("description", item.id)] = item.description
    return values


def _page(
    request: Request,
    db: DbSession,
    place: SprintPlace,
    form: FormResult | None = None,
    *,
    open_item: int | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    items = overview_queries.programme(db, place)
    shown = FormResult(values=_saved(items, request.app.state.settings.timezone))
    if form is not None:  # what was typed wins over what is saved
        shown.values.update(form.values)
        shown.errors = form.errors
    current = overview_queries.current_item(items)
    return render(
        request,
        "sprint/programme.html",
        {
            "place": place,
            "process": place.process,
            "items": items,
            "current_id": current.id if current is not None else None,
            "form": shown,
            "open_item": open_item,
            "field_name": field_name,
            "kinds": list(ProgrammeKind),
            "programme_labels": PROGRAMME_LABELS,
            "path": programme_path(place),
            "title_limit": TITLE_LIMIT,
            "description_limit": DESCRIPTION_LIMIT,
        },
        status_code=status_code,
    )


def _moment(shown: FormResult, form: FormData, name: str, label: str, timezone: str) -> Any:
    value = shown.text(form, name, label=label, max_length=30)
    if not value:
        return None
    moment, error = parse_local(value, timezone)
    if error:
        shown.errors[name] = f"{label}: {error}"
    return moment


def read_item(
    form: FormData, timezone: str, item_id: int | None = None
) -> tuple[FormResult, ItemInput | None]:
    """An item as typed, and the checked input for the use cases (None while anything is
    wrong); each message sits at its field."""
    shown = FormResult()
    starts_name, ends_name, kind_name, title_name, text_name = (
        field_name(name, item_id) for name in FIELDS
    )
    starts_at = _moment(shown, form, starts_name, _("Start"), timezone)
    ends_at = _moment(shown, form, ends_name, _("End"), timezone)
    if starts_at and ends_at and ends_at <= starts_at:
        shown.errors[ends_name] = _("An item must end after it starts.")
    raw_kind = form.get(kind_name)
    shown.values[kind_name] = raw_kind if isinstance(raw_kind, str) else ""
    kind = shown.values[kind_name]
    if kind not in {k.value for k in ProgrammeKind}:
        shown.errors[kind_name] = _("Choose what kind of item this is.")
    title = shown.text(form, title_name, label=_("Title"), max_length=TITLE_LIMIT)
    raw_text = form.get(text_name)
    description = raw_text.replace("\r\n", "\n").strip() if isinstance(raw_text, str) else ""
    shown.values[text_name] = description
    if len(description) > DESCRIPTION_LIMIT:
        shown.errors[text_name] = _(
            "%(label)s: use at most %(n)d characters.", label=_("Description"), n=DESCRIPTION_LIMIT
        )
    if not shown.ok or starts_at is None or ends_at is None:
        return shown, None
    return shown, ItemInput(
        starts_at=starts_at,
        ends_at=ends_at,
        kind=ProgrammeKind(kind),
        title=title,
        description=description,
    )


def _done(request: Request, place: SprintPlace, message: str, anchor: str = "") -> Response:
    response = RedirectResponse(f"{programme_path(place)}{anchor}", status_code=303)
    flash(response, request, message)
    return response


@router.get("/programma", response_class=HTMLResponse, name="sprint_programme")
def programme_page(request: Request, slug: str, db: DbSession, actor: CurrentActor) -> HTMLResponse:
    place = sprint_place(db, slug)
    require(actor, "sprint.steer", place)
    return _page(request, db, place)


@router.post("/programma", response_class=HTMLResponse)
def add_item(
    request: Request, slug: str, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    place = sprint_place(db, slug)
    require(actor, "sprint.steer", place)
    shown, data = read_item(form, request.app.state.settings.timezone)
    if data is None:
        return _page(request, db, place, shown, status_code=400)
    try:
        item = programme_service.add_item(db, actor, place, data)
    except Conflict as exc:
        shown.errors["title"] = exc.message
        return _page(request, db, place, shown, status_code=exc.status_code)
    return _done(
        request, place, _("%(title)s is on the programme.", title=item.title), f"#item-{item.id}"
    )


@router.post("/programma/{item_id}", response_class=HTMLResponse)
def change_item(
    request: Request, slug: str, item_id: RowId, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    place = sprint_place(db, slug)
    require(actor, "sprint.steer", place)
    item = programme_service.item_or_404(db, place, item_id)
    shown, data = read_item(form, request.app.state.settings.timezone, item.id)
    if data is None:
        return _page(request, db, place, shown, open_item=item.id, status_code=400)
    try:
        changed = programme_service.change_item(db, actor, place, item, data)
    except Conflict as exc:
        shown.errors[field_name("title", item.id)] = exc.message
        return _page(request, db, place, shown, open_item=item.id, status_code=exc.status_code)
    message = _("%(title)s is saved.", title=item.title) if changed else _("Nothing was changed.")
    return _done(request, place, message, f"#item-{item.id}")


@router.post("/programma/{item_id}/verwijderen", response_class=HTMLResponse)
def remove_item(
    request: Request, slug: str, item_id: RowId, db: DbSession, actor: CurrentActor
) -> Response:
    place = sprint_place(db, slug)
    require(actor, "sprint.steer", place)
    item = programme_service.item_or_404(db, place, item_id)
    title = item.title
    programme_service.remove_item(db, actor, place, item)
    return _done(request, place, _("%(title)s is taken off the programme.", title=title))
