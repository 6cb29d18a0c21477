"""The admin's page for roles: who has which, grant by email address, revoke; and
signing a person out on every device."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from app.access.permissions import require
from app.access.roles import ROLE_DESCRIPTIONS, ROLE_LABELS, ROLE_VALUES, Role
from app.access.service import grant_role, revoke_role
from app.accounts.service import end_sessions_of, user_by_email
from app.admin.queries import assignment_by_id, users_with_roles
from app.deps import CurrentActor, DbSession, RowId
from app.errors import Conflict, NotFound
from app.i18n import gettext as _
from app.models import User
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.templating import render

router = APIRouter(prefix="/beheer")


def _page(
    request: Request, db: DbSession, form: FormResult, status_code: int = 200
) -> HTMLResponse:
    return render(
        request,
        "admin/roles.html",
        {
            "holders": users_with_roles(db),
            "form": form,
            "roles": list(Role),
            "role_labels": ROLE_LABELS,
            "role_descriptions": ROLE_DESCRIPTIONS,
        },
        status_code=status_code,
    )


@router.get("/rollen", response_class=HTMLResponse, name="admin_roles")
def roles_page(request: Request, db: DbSession, actor: CurrentActor) -> HTMLResponse:
    require(actor, "roles.manage")
    return _page(request, db, FormResult())


@router.post("/rollen", response_class=HTMLResponse)
def grant(request: Request, db: DbSession, actor: CurrentActor, form: Form) -> Response:
    require(actor, "roles.manage")
    result = FormResult()
    email = result.email(form)
    role_value = result.text(form, "role", label=_("Role"))
    if role_value and role_value not in ROLE_VALUES:
        result.errors["role"] = _("Choose one of the roles.")
    user = user_by_email(db, email) if result.ok else None
    if result.ok and user is None:
        result.errors["email"] = _("There is no account with this email address here.")
    if user is not None and result.ok:
        try:
            grant_role(db, actor, user, Role(role_value))
        except Conflict as exc:
            result.errors["role"] = exc.message
        else:
            response = RedirectResponse("/beheer/rollen", status_code=303)
            flash(
                response,
                request,
                _(
                    "%(name)s is now %(role)s.",
                    name=user.display_name,
                    role=ROLE_LABELS[Role(role_value)],
                ),
            )
            return response
    return _page(request, db, result, status_code=400)


@router.post("/rollen/{assignment_id}/intrekken", response_class=HTMLResponse)
def revoke(request: Request, assignment_id: RowId, db: DbSession, actor: CurrentActor) -> Response:
    require(actor, "roles.manage")
    assignment = assignment_by_id(db, assignment_id)
    if assignment is None:
        raise NotFound()
    user = db.get(User, assignment.user_id)
    assert user is not None  # noqa: S101 - foreign key
    try:
        revoke_role(db, actor, assignment, user)
    except Conflict as exc:
        result = FormResult()
        result.errors["_revoke"] = exc.message  # not a field: no link in the summary
        return _page(request, db, result, status_code=409)
    response = RedirectResponse("/beheer/rollen", status_code=303)
    flash(response, request, _("The role is revoked."))
    return response


def _signed_out(request: Request, user: User, ended: int) -> Response:
    response = RedirectResponse("/beheer/rollen", status_code=303)
    flash(
        response,
        request,
        _("%(name)s is signed out on %(n)d device(s).", name=user.display_name, n=ended),
    )
    return response


@router.post("/personen/{user_id}/sessies-beeindigen", name="admin_end_sessions")
def end_sessions(request: Request, user_id: RowId, db: DbSession, actor: CurrentActor) -> Response:
    require(actor, "sessions.end_any")
    user = db.scalar(select(User).where(User.id == user_id))
    if user is None:
        raise NotFound()
    return _signed_out(request, user, end_sessions_of(db, actor, user))


@router.post("/sessies-beeindigen", response_class=HTMLResponse)
def end_sessions_by_email(
    request: Request, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    """For anyone, also without a role: found by their email address."""
    require(actor, "sessions.end_any")
    result = FormResult()
    email = result.email(form, "sessions_email")
    user = user_by_email(db, email) if result.ok else None
    if result.ok and user is None:
        result.errors["sessions_email"] = _("There is no account with this email address here.")
    if user is None or not result.ok:
        return _page(request, db, result, status_code=400)
    return _signed_out(request, user, end_sessions_of(db, actor, user))
