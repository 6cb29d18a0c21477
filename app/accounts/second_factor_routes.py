"""The second factor's pages: the code after the password, enrolling at the first sign-in,
a new app from the profile, and the admin's reset (app.accounts.second_factor)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.access.permissions import require
from app.accounts import second_factor
from app.accounts.second_factor import CodeRefused, Pending, RenewalRefused
from app.accounts.service import user_by_email
from app.accounts.sessions import client_address, signed_in_response
from app.admin.routes import _page as roles_page  # the reset's form is on the roles page
from app.config import Settings
from app.deps import CurrentActor, CurrentOrg, DbSession
from app.errors import RateLimited, TooManyAttempts
from app.i18n import gettext as _
from app.models import User
from app.security import rate_limit
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.templating import render

router = APIRouter()

CODE_PAGE = "/aanmelden/code"
ENROL_PAGE = "/aanmelden/tweede-stap"
RENEW_PAGE = "/profiel/tweede-stap"
# The pages show a secret or stand between a password and a session: never kept by a
# browser or a proxy (ASVS V14.3).
NO_STORE = {"Cache-Control": "no-store"}


def second_step(request: Request, db: DbSession, user: User, next_path: str) -> Response | None:
    """After a right password: the redirect to the code page when this account needs a
    second factor, or None when the session can start now."""
    settings: Settings = request.app.state.settings
    if not second_factor.required(db, settings, user):
        return None
    return RedirectResponse(second_factor.begin(request, settings, user, next_path), 303)


def _qr_context(request: Request, user: User, secret: str) -> dict[str, object]:
    issuer = f"Dialoog {request.state.organization.name}"
    return {
        "qr_code": second_factor.qr_code(
            secret, user.email, issuer, _("QR code to scan with your authenticator app")
        ),
        "secret": secret,
        "secret_grouped": second_factor.grouped(secret),
        "issuer": issuer,
    }


def _pending_page(
    request: Request,
    state: Pending,
    form: FormResult,
    status_code: int = 200,
    retry_after: int | None = None,
) -> HTMLResponse:
    headers = dict(NO_STORE)
    if retry_after is not None:
        headers.update(rate_limit.retry_after_header(retry_after))
    if state.new_secret is not None:
        return render(
            request,
            "accounts/second_factor_enrol.html",
            {"form": form, **_qr_context(request, state.user, state.new_secret)},
            status_code=status_code,
            headers=headers,
        )
    return render(
        request,
        "accounts/second_factor_code.html",
        {"form": form},
        status_code=status_code,
        headers=headers,
    )


def _start_again(request: Request) -> Response:
    response = RedirectResponse("/aanmelden", status_code=303)
    flash(
        response, request, _("Please sign in again: the time for the code has run out."), "warning"
    )
    return response


def _show(request: Request, db: DbSession, enrolling: bool) -> Response:
    state = second_factor.pending(request, db, request.app.state.settings)
    if state is None:
        return _start_again(request)
    if state.enrolling != enrolling:
        return RedirectResponse(ENROL_PAGE if state.enrolling else CODE_PAGE, status_code=303)
    return _pending_page(request, state, FormResult())


def _answer(request: Request, db: DbSession, form: Form, enrolling: bool) -> Response:
    settings: Settings = request.app.state.settings
    state = second_factor.pending(request, db, settings)
    if state is None:
        return _start_again(request)
    if state.enrolling != enrolling:
        return RedirectResponse(ENROL_PAGE if state.enrolling else CODE_PAGE, status_code=303)
    result = FormResult()
    wait = rate_limit.check(db, request, "sign_in")
    if wait:
        # Nothing is checked, and the try does not count as a failed code.
        result.errors["_rate_limit"] = RateLimited(wait).message
        return _pending_page(request, state, result, status_code=429, retry_after=wait)
    try:
        user = second_factor.pass_second_factor(
            db, settings, state, second_factor.clean_code(form.get("code")), client_address(request)
        )
    except CodeRefused as exc:
        result.errors["code"] = exc.message
        return _pending_page(request, state, result, status_code=400)
    except TooManyAttempts as exc:
        result.errors["code"] = exc.message
        return _pending_page(request, state, result, status_code=429)
    except second_factor.StateGone:
        second_factor.forget(request)
        return _start_again(request)
    second_factor.forget(request)
    response = signed_in_response(request, db, user, second_factor.METHOD, state.next_path)
    if enrolling:
        flash(response, request, _("Your second step is set up. You are signed in."))
    else:
        flash(response, request, _("You are signed in."))
    return response


@router.get(CODE_PAGE, response_class=HTMLResponse, name="second_factor_code")
def code_form(request: Request, db: DbSession, organization: CurrentOrg) -> Response:
    return _show(request, db, enrolling=False)


@router.post(CODE_PAGE, response_class=HTMLResponse)
def code(request: Request, db: DbSession, organization: CurrentOrg, form: Form) -> Response:
    return _answer(request, db, form, enrolling=False)


@router.get(ENROL_PAGE, response_class=HTMLResponse, name="second_factor_enrol")
def enrol_form(request: Request, db: DbSession, organization: CurrentOrg) -> Response:
    return _show(request, db, enrolling=True)


@router.post(ENROL_PAGE, response_class=HTMLResponse)
def enrol(request: Request, db: DbSession, organization: CurrentOrg, form: Form) -> Response:
    return _answer(request, db, form, enrolling=True)


# --- a new app, from the profile -------------------------------------------------------


def _renew_page(
    request: Request, actor: CurrentActor, form: FormResult, status_code: int = 200
) -> HTMLResponse:
    secret = second_factor.renewal_secret(request, request.app.state.settings)
    return render(
        request,
        "accounts/second_factor_renew.html",
        {"form": form, **_qr_context(request, actor.user, secret)},
        status_code=status_code,
        headers=NO_STORE,
    )


@router.get(RENEW_PAGE, response_class=HTMLResponse, name="second_factor_renew")
def renew_form(request: Request, actor: CurrentActor) -> Response:
    require(actor, "accounts.renew_second_factor", actor.user)
    return _renew_page(request, actor, FormResult())


@router.post(RENEW_PAGE, response_class=HTMLResponse)
def renew(request: Request, db: DbSession, actor: CurrentActor, form: Form) -> Response:
    require(actor, "accounts.renew_second_factor", actor.user)
    settings: Settings = request.app.state.settings
    result = FormResult()
    try:
        second_factor.renew(
            db,
            settings,
            actor.user,
            second_factor.clean_code(form.get("current_code")),
            second_factor.renewal_secret(request, settings),
            second_factor.clean_code(form.get("new_code")),
            client_address(request),
        )
    except RenewalRefused as exc:
        result.errors[exc.field] = exc.message
        return _renew_page(request, actor, result, status_code=400)
    except (CodeRefused, TooManyAttempts) as exc:
        result.errors["current_code"] = exc.message
        status = 429 if isinstance(exc, TooManyAttempts) else 400
        return _renew_page(request, actor, result, status_code=status)
    request.session.pop(second_factor.RENEWAL_KEY, None)
    response = RedirectResponse("/profiel#tweede-stap", status_code=303)
    flash(response, request, _("Your new app is set up. The old one no longer works here."))
    return response


# --- the admin's reset -------------------------------------------------------------------


@router.post(
    "/beheer/tweede-stap-herstellen", response_class=HTMLResponse, name="admin_reset_second_factor"
)
def reset(request: Request, db: DbSession, actor: CurrentActor, form: Form) -> Response:
    """Found by email address, like signing someone out everywhere: the person asking
    for it (a lost phone) may hold any staff role."""
    require(actor, "accounts.reset_second_factor")
    result = FormResult()
    email = result.email(form, "factor_email")
    reason = result.text(form, "factor_reason", label=_("Reason"), min_length=5, max_length=500)
    user = user_by_email(db, email) if "factor_email" not in result.errors else None
    if "factor_email" not in result.errors and user is None:
        result.errors["factor_email"] = _("There is no account with this email address here.")
    elif user is not None and user.totp_confirmed_at is None:
        result.errors["factor_email"] = _("This person has no second step set up.")
    if user is None or not result.ok:
        return roles_page(request, db, result, status_code=400)
    ended = second_factor.reset(db, actor, user, reason)
    response = RedirectResponse("/beheer/rollen", status_code=303)
    flash(
        response,
        request,
        _(
            "%(name)s sets up a second step again at the next sign-in, and is signed out on "
            "%(n)d device(s).",
            name=user.display_name,
            n=ended,
        ),
    )
    return response
