"""The clerk's page for the council's composition: the parties with their seats (a vote
per party counts them), and which party each councillor sits for (an amendment is filed
in its name). For the clerk and the admin."""

from __future__ import annotations

from collections import Counter
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from app.access.permissions import require
from app.access.roles import Role
from app.council import party_service, queries
from app.deps import CurrentActor, CurrentOrg, DbSession, RowId
from app.errors import Conflict, NotFound
from app.i18n import gettext as _
from app.models import CouncilParty, User
from app.product_sheets.queries import holders
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.templating import render

router = APIRouter(prefix="/raad")

PATH = "/raad/fracties"


def _names(party_id: int | None = None) -> tuple[str, str, str]:
    """The field names of the add form (no id) or of one party's form."""
    if party_id is None:
        return "name", "seats", "active"
    return f"name-{party_id}", f"seats-{party_id}", f"active-{party_id}"


def member_field(user_id: int) -> str:
    return f"party-{user_id}"


def _saved_values(parties: list[CouncilParty]) -> dict[str, str]:
    values: dict[str, str] = {}
    for party in parties:
        name, seats, active = _names(party.id)
        values[name], values[seats] = party.name, str(party.seats)
        values[active] = "on" if party.active else ""
    return values


def _page(
    request: Request,
    db: DbSession,
    form: FormResult | None = None,
    *,
    open_party: int | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    parties = queries.parties(db, active_only=False)
    members = queries.member_parties(db)
    councillors = holders(db, Role.COUNCIL)
    shown = FormResult(values=_saved_values(parties))
    for user in councillors:
        party_id = members.get(user.id)
        shown.values[member_field(user.id)] = str(party_id) if party_id is not None else ""
    if form is not None:  # what was typed wins over what is saved
        shown.values.update(form.values)
        shown.errors = form.errors
    return render(
        request,
        "council/parties.html",
        {
            "parties": parties,
            "by_id": {party.id: party for party in parties},
            "seats": sum(party.seats for party in parties if party.active),
            "sitting": Counter(members.values()),
            "councillors": councillors,
            "members": members,
            "form": shown,
            "open_party": open_party,
            "names": _names,
            "member_field": member_field,
            "max_seats": party_service.MAX_SEATS,
            "path": PATH,
        },
        status_code=status_code,
    )


def _read_party(
    form: FormData, result: FormResult, party_id: int | None = None
) -> tuple[str, int, bool]:
    """Name and seats as typed, checked at their fields; the use case checks again (and
    that the name is free)."""
    name_field, seats_field, active_field = _names(party_id)
    name = result.text(
        form, name_field, label=_("Name of the party"), max_length=party_service.NAME_LIMIT
    )
    raw = form.get(seats_field)
    seats_text = raw.strip() if isinstance(raw, str) else ""
    result.values[seats_field] = seats_text
    seats = int(seats_text) if seats_text.isascii() and seats_text.isdigit() else 0
    if not 1 <= seats <= party_service.MAX_SEATS:
        result.errors[seats_field] = _(
            "Seats: fill in a whole number from 1 to %(n)d.", n=party_service.MAX_SEATS
        )
    active = result.checkbox(form, active_field) if party_id is not None else True
    return name, seats, active


@router.get("/fracties", response_class=HTMLResponse)
def parties_page(
    request: Request, db: DbSession, actor: CurrentActor, organization: CurrentOrg
) -> HTMLResponse:
    require(actor, "council.manage_parties", organization)
    return _page(request, db)


@router.post("/fracties", response_class=HTMLResponse)
def add_party(
    request: Request, db: DbSession, actor: CurrentActor, organization: CurrentOrg, form: Form
) -> Response:
    require(actor, "council.manage_parties", organization)
    result = FormResult()
    name, seats, _active = _read_party(form, result)
    if not result.ok:
        return _page(request, db, result, status_code=400)
    try:
        party = party_service.add_party(db, actor, name, seats)
    except Conflict as exc:
        result.errors["name"] = exc.message
        return _page(request, db, result, status_code=exc.status_code)
    response = RedirectResponse(PATH, status_code=303)
    flash(response, request, _("The party %(name)s is added.", name=party.name))
    return response


@router.post("/fracties/{party_id}", response_class=HTMLResponse)
def change_party(
    request: Request,
    party_id: RowId,
    db: DbSession,
    actor: CurrentActor,
    organization: CurrentOrg,
    form: Form,
) -> Response:
    require(actor, "council.manage_parties", organization)
    party = db.get(CouncilParty, party_id)
    if party is None:
        raise NotFound()
    result = FormResult()
    name, seats, active = _read_party(form, result, party.id)
    if not result.ok:
        return _page(request, db, result, open_party=party.id, status_code=400)
    try:
        changed = party_service.update_party(
            db, actor, party, name=name, seats=seats, active=active
        )
    except Conflict as exc:
        result.errors[_names(party.id)[0]] = exc.message
        return _page(request, db, result, open_party=party.id, status_code=exc.status_code)
    response = RedirectResponse(PATH, status_code=303)
    flash(
        response,
        request,
        _("The party %(name)s is saved.", name=party.name)
        if changed
        else _("Nothing was changed."),
    )
    return response


def _councillor(db: DbSession, raw: Any) -> User:
    """The councillor the form names: someone holding the council role, or a 404."""
    user_id = int(raw) if isinstance(raw, str) and raw.isascii() and raw.isdigit() else 0
    user = next((u for u in holders(db, Role.COUNCIL) if u.id == user_id), None)
    if user is None:
        raise NotFound()
    return user


@router.post("/leden", response_class=HTMLResponse)
def set_member_party(
    request: Request, db: DbSession, actor: CurrentActor, organization: CurrentOrg, form: Form
) -> Response:
    require(actor, "council.manage_parties", organization)
    user = _councillor(db, form.get("user"))
    field = member_field(user.id)
    raw = form.get(field)
    choice = raw.strip() if isinstance(raw, str) else ""
    result = FormResult(values={field: choice})
    party: CouncilParty | None = None
    if choice:
        party = db.get(CouncilParty, int(choice)) if choice.isascii() and choice.isdigit() else None
        current = queries.party_of(db, user.id)
        if party is None or not (party.active or party == current):
            result.errors[field] = _(
                "Choose one of the parties for %(name)s.", name=user.display_name
            )
            return _page(request, db, result, status_code=400)
    changed = party_service.set_member_party(db, actor, user, party)
    response = RedirectResponse(f"{PATH}#councillors-heading", status_code=303)
    if not changed:
        message = _("Nothing was changed.")
    elif party is None:
        message = _("No party is recorded for %(name)s now.", name=user.display_name)
    else:
        message = _("%(name)s sits for %(party)s.", name=user.display_name, party=party.name)
    flash(response, request, message)
    return response
