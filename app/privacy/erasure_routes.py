"""Deleting an account: by the person from their profile, or by the admin on request."""

from __future__ import annotations

import re

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.access.permissions import require
from app.accounts import passwords
from app.accounts.service import user_by_email
from app.accounts.sessions import clear_session_cookie
from app.deps import CurrentActor, DbSession
from app.errors import Conflict
from app.i18n import gettext as _
from app.models import User
from app.privacy.erasure_service import erase_account
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.templating import render

router = APIRouter()

REASON_MAX = 1000
ERASED_ADDRESS = re.compile(r"^erased-\d+@invalid$")


def confirm_word() -> str:
    """What an account without a password types to confirm (in the page's language)."""
    return _("DELETE")


def _own_page(
    request: Request, actor: CurrentActor, form: FormResult, status_code: int = 200
) -> HTMLResponse:
    return render(
        request,
        "privacy/erase_own.html",
        {
            "form": form,
            "has_password": actor.user.password_hash is not None,
            "confirm_word": confirm_word(),
        },
        status_code=status_code,
    )


@router.get("/profiel/verwijderen", response_class=HTMLResponse, name="erase_own")
def erase_own_page(request: Request, actor: CurrentActor) -> HTMLResponse:
    require(actor, "privacy.erase_own", actor.user)
    return _own_page(request, actor, FormResult())


@router.post("/profiel/verwijderen", response_class=HTMLResponse)
def erase_own(request: Request, db: DbSession, actor: CurrentActor, form: Form) -> Response:
    user = actor.user
    require(actor, "privacy.erase_own", user)
    result = FormResult()
    if user.password_hash is not None:
        password = result.secret(form, "password", label=_("Your password"))
        if result.ok and not passwords.verify_password(user.password_hash, password):
            result.errors["password"] = _("This is not your password. Try again.")
    else:
        typed = result.text(form, "confirm", label=_("Confirmation"), max_length=40)
        accepted = {confirm_word().casefold(), "delete", "verwijderen"}
        if result.ok and typed.casefold() not in accepted:
            result.errors["confirm"] = _("Type %(word)s to confirm.", word=confirm_word())
    if result.ok:
        try:
            erase_account(db, request.app.state.jinja, request.app.state.settings, user, by=actor)
        except Conflict as exc:
            result.errors["_erase"] = exc.message
    if not result.ok:
        return _own_page(request, actor, result, status_code=400)
    request.state.actor = None  # every session of the account ended with it
    response = RedirectResponse("/", status_code=303)
    clear_session_cookie(response, request.app.state.settings)
    flash(response, request, _("Your account is deleted. Thank you for taking part."))
    return response


# --- the admin, on a person's request ------------------------------------------------


def _admin_page(request: Request, form: FormResult, status_code: int = 200) -> HTMLResponse:
    return render(request, "privacy/erase_any.html", {"form": form}, status_code=status_code)


@router.get("/beheer/privacy/wissen", response_class=HTMLResponse, name="erase_any")
def erase_any_page(request: Request, actor: CurrentActor) -> HTMLResponse:
    require(actor, "privacy.erase_any")
    return _admin_page(request, FormResult())


@router.post("/beheer/privacy/wissen", response_class=HTMLResponse)
def erase_any(request: Request, db: DbSession, actor: CurrentActor, form: Form) -> Response:
    require(actor, "privacy.erase_any")
    result = FormResult()
    raw = form.get("email")
    if isinstance(raw, str) and ERASED_ADDRESS.match(raw.strip()):
        # What an erased account holds instead of an address: found, to say it is erased.
        email = result.text(form, "email", label=_("Email address"))
    else:
        email = result.email(form)
    reason = result.text(form, "reason", label=_("Reason"), min_length=5, max_length=REASON_MAX)
    confirmed = result.checkbox(form, "confirmed")
    if not confirmed:
        result.errors["confirmed"] = _("Confirm that the account may be erased.")
    user: User | None = None
    if result.ok:
        user = user_by_email(db, email)
        if user is None:
            result.errors["email"] = _("There is no account with this email address here.")
    if user is not None and result.ok:
        require(actor, "privacy.erase_any", user)
        try:
            erasure = erase_account(
                db,
                request.app.state.jinja,
                request.app.state.settings,
                user,
                by=actor,
                reason=reason,
            )
        except Conflict as exc:
            result.errors["email"] = exc.message
        else:
            response = RedirectResponse("/beheer/privacy/wissen", status_code=303)
            flash(
                response,
                request,
                _(
                    "Account %(id)d is erased. The person gets a last mail about it.",
                    id=erasure.user_id,
                ),
            )
            return response
    return _admin_page(request, result, status_code=400)
