"""Registration, sign-in and -out, email confirmation, password reset, and the profile."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.accounts import passwords, queries, second_factor, service, tokens
from app.accounts.second_factor_routes import second_step
from app.accounts.sessions import (
    clear_session_cookie,
    client_address,
    end_session,
    signed_in_response,
)
from app.deps import CurrentActor, CurrentOrg, DbSession, OptionalActor, RowId
from app.errors import Conflict, NotFound, RateLimited, TooManyAttempts
from app.i18n import get_locale
from app.i18n import gettext as _
from app.models import User
from app.security import rate_limit
from app.security.events import SIGN_OUT, security_event
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.redirects import safe_next, site_url
from app.web.templating import render

router = APIRouter()


# --- registration ----------------------------------------------------------------------


@router.get("/registreren", response_class=HTMLResponse, name="register")
def registration_form(request: Request, organization: CurrentOrg, actor: OptionalActor) -> Response:
    if actor is not None:
        return RedirectResponse("/profiel", status_code=303)
    return render(request, "accounts/register.html", {"form": FormResult()})


@router.post("/registreren", response_class=HTMLResponse)
def register(request: Request, db: DbSession, organization: CurrentOrg, form: Form) -> Response:
    result = FormResult()
    display_name = result.text(
        form, "display_name", label=_("Name others see"), min_length=2, max_length=60
    )
    email = result.email(form)
    password = result.secret(form, "password", label=_("Password"))
    if "password" not in result.errors:
        problem = passwords.password_problem(password, email=email, display_name=display_name)
        if problem:
            result.errors["password"] = problem
    if not result.checkbox(form, "consent"):
        result.errors["consent"] = _(
            "You can only take part if you agree with the privacy statement."
        )
    wait = rate_limit.check(db, request, "registration")
    if wait:
        result.errors["_rate_limit"] = RateLimited(wait).message
    if result.ok:
        try:
            user = service.register(
                db,
                request.app.state.jinja,
                request.app.state.settings,
                service.Registration(display_name, email, password, get_locale()),
                site_url(request),
            )
        except Conflict as exc:
            result.errors["email"] = exc.message
        else:
            response = signed_in_response(request, db, user, "password", "/profiel")
            flash(
                response,
                request,
                _("Welcome! We sent you a mail: click its link to confirm your email address."),
            )
            return response
    if wait:
        return render(
            request,
            "accounts/register.html",
            {"form": result},
            status_code=429,
            headers=rate_limit.retry_after_header(wait),
        )
    return render(request, "accounts/register.html", {"form": result}, status_code=400)


# --- sign in and out ---------------------------------------------------------------------


@router.get("/aanmelden", response_class=HTMLResponse, name="sign_in")
def sign_in_form(
    request: Request, organization: CurrentOrg, volgende: str = "/", verlopen: str = ""
) -> HTMLResponse:
    context = _sign_in_context(request, FormResult(), volgende)
    context["timed_out"] = bool(verlopen) or getattr(request.state, "session_timed_out", False)
    return render(request, "accounts/sign_in.html", context)


def _sign_in_context(request: Request, form: FormResult, next_path: str) -> dict[str, object]:
    organization = request.state.organization
    return {
        "form": form,
        "next_path": safe_next(next_path),
        "providers": request.app.state.settings.providers_for(organization.slug),
        "timed_out": False,
    }


@router.post("/aanmelden", response_class=HTMLResponse)
def sign_in(request: Request, db: DbSession, organization: CurrentOrg, form: Form) -> Response:
    result = FormResult()
    email = result.text(form, "email", label=_("Email address"), max_length=254)
    password = result.secret(form, "password", label=_("Password"))
    raw_next = form.get("volgende")
    next_path = safe_next(raw_next if isinstance(raw_next, str) else "/")
    status = 400
    headers: dict[str, str] = {}
    wait = rate_limit.check(db, request, "sign_in")
    if wait:
        # What was typed stays (but the password, as always); nothing is checked.
        result.errors["_rate_limit"] = RateLimited(wait).message
        status, headers = 429, rate_limit.retry_after_header(wait)
    if result.ok:
        try:
            user = service.authenticate(
                db, request.app.state.settings, email, password, client_address(request)
            )
        except service.SignInFailed:
            result.errors["password"] = _("The email address or the password is not right.")
        except TooManyAttempts as exc:
            result.errors["password"] = exc.message
            status = 429
        else:
            second = second_step(request, db, user, next_path)
            if second is not None:
                return second
            response = signed_in_response(request, db, user, "password", next_path)
            flash(response, request, _("You are signed in."))
            return response
    return render(
        request,
        "accounts/sign_in.html",
        _sign_in_context(request, result, next_path),
        status_code=status,
        headers=headers,
    )


@router.post("/afmelden", name="sign_out")
def sign_out(request: Request, db: DbSession, actor: OptionalActor) -> Response:
    response = RedirectResponse("/", status_code=303)
    if actor is not None:
        end_session(db, actor)
        security_event(SIGN_OUT, account=actor.id)
    clear_session_cookie(response, request.app.state.settings)
    flash(response, request, _("You are signed out."))
    return response


# --- email confirmation ------------------------------------------------------------------


@router.get("/bevestigen/{token}", response_class=HTMLResponse, name="confirm_email")
def confirm_email(
    request: Request, token: str, db: DbSession, organization: CurrentOrg
) -> Response:
    try:
        service.confirm_email(db, request.app.state.settings, token)
    except tokens.LinkExpired:
        return _link_problem(request, _("This link has expired."), resend=True)
    except tokens.LinkInvalid:
        return _link_problem(request, _("This link is not right."), resend=True)
    response = RedirectResponse(
        "/profiel" if request.state.actor else "/aanmelden", status_code=303
    )
    flash(response, request, _("Thank you: your email address is confirmed."))
    return response


@router.post("/bevestigen/opnieuw", name="resend_confirmation")
def resend_confirmation(request: Request, db: DbSession, actor: CurrentActor) -> Response:
    if not actor.is_confirmed:
        service.send_confirmation(
            db, request.app.state.jinja, request.app.state.settings, actor.user, site_url(request)
        )
    response = RedirectResponse("/profiel", status_code=303)
    flash(response, request, _("We sent you a new confirmation mail."))
    return response


def _link_problem(request: Request, message: str, *, resend: bool) -> HTMLResponse:
    return render(
        request,
        "accounts/link_problem.html",
        {"message": message, "resend": resend},
        status_code=400,
    )


# --- password reset ----------------------------------------------------------------------


@router.get("/wachtwoord-vergeten", response_class=HTMLResponse, name="forgot_password")
def forgot_form(request: Request, organization: CurrentOrg) -> HTMLResponse:
    return render(request, "accounts/forgot.html", {"form": FormResult(), "sent": False})


@router.post("/wachtwoord-vergeten", response_class=HTMLResponse)
def forgot(request: Request, db: DbSession, organization: CurrentOrg, form: Form) -> HTMLResponse:
    result = FormResult()
    email = result.email(form)
    if not result.ok:
        return render(
            request, "accounts/forgot.html", {"form": result, "sent": False}, status_code=400
        )
    service.request_password_reset(
        db, request.app.state.jinja, request.app.state.settings, email, site_url(request)
    )
    return render(request, "accounts/forgot.html", {"form": result, "sent": True})


def _user_for_reset_link(request: Request, db: DbSession, token: str) -> User | HTMLResponse:
    """The account a reset link is for, or the page that says why the link does not work."""
    try:
        return service.user_for_reset(db, request.app.state.settings, token)
    except tokens.LinkExpired:
        return _link_problem(request, _("This link has expired. Ask for a new one."), resend=False)
    except tokens.LinkInvalid:
        return _link_problem(
            request, _("This link is not right, or it was used already."), resend=False
        )


@router.get("/wachtwoord-herstellen/{token}", response_class=HTMLResponse, name="reset_password")
def reset_form(
    request: Request, token: str, db: DbSession, organization: CurrentOrg
) -> HTMLResponse:
    user = _user_for_reset_link(request, db, token)
    if isinstance(user, HTMLResponse):
        return user
    return render(request, "accounts/reset.html", {"form": FormResult(), "token": token})


@router.post("/wachtwoord-herstellen/{token}", response_class=HTMLResponse)
def reset(
    request: Request, token: str, db: DbSession, organization: CurrentOrg, form: Form
) -> Response:
    user = _user_for_reset_link(request, db, token)
    if isinstance(user, HTMLResponse):
        return user
    result = FormResult()
    password = result.secret(form, "password", label=_("New password"))
    if result.ok:
        problem = passwords.password_problem(
            password, email=user.email, display_name=user.display_name
        )
        if problem:
            result.errors["password"] = problem
    if not result.ok:
        return render(
            request, "accounts/reset.html", {"form": result, "token": token}, status_code=400
        )
    service.reset_password(db, user, password)
    request.state.actor = None  # its session was just ended with all the others
    response = second_step(request, db, user, "/profiel") or signed_in_response(
        request, db, user, "password", "/profiel"
    )
    flash(response, request, _("Your password is changed. Other devices are signed out."))
    return response


# --- profile -----------------------------------------------------------------------------


def _profile_page(
    request: Request, db: DbSession, actor: CurrentActor, form: FormResult, status_code: int = 200
) -> HTMLResponse:
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "sessions": queries.sessions_of(db, actor.id),
            "current_session": actor.session_id,
            "second_factor_since": actor.user.totp_confirmed_at,
            "roles_waiting": second_factor.roles_waiting(db, request.app.state.settings, actor),
        },
        status_code=status_code,
    )


@router.get("/profiel", response_class=HTMLResponse, name="profile")
def profile(request: Request, db: DbSession, actor: CurrentActor) -> HTMLResponse:
    user = actor.user
    form = FormResult(
        values={
            "display_name": user.display_name,
            "notify_by_mail": "on" if user.notify_by_mail else "",
        }
    )
    return _profile_page(request, db, actor, form)


@router.post("/profiel", response_class=HTMLResponse)
def update_profile(request: Request, db: DbSession, actor: CurrentActor, form: Form) -> Response:
    result = FormResult()
    display_name = result.text(
        form, "display_name", label=_("Name others see"), min_length=2, max_length=60
    )
    notify = result.checkbox(form, "notify_by_mail")
    if not result.ok:
        return _profile_page(request, db, actor, result, status_code=400)
    changed = service.update_profile(
        db, actor.user, display_name=display_name, notify_by_mail=notify
    )
    response = RedirectResponse("/profiel", status_code=303)
    flash(response, request, _("Your changes are saved.") if changed else _("Nothing was changed."))
    return response


@router.post("/profiel/sessies/andere-beeindigen", name="end_other_sessions")
def end_other_sessions(request: Request, db: DbSession, actor: CurrentActor) -> Response:
    ended = service.end_other_sessions(db, actor)
    response = RedirectResponse("/profiel#sessies", status_code=303)
    flash(response, request, _("You are signed out on %(n)d other device(s).", n=ended))
    return response


@router.post("/profiel/sessies/{session_id}/beeindigen", name="end_own_session")
def end_own_session(
    request: Request, session_id: RowId, db: DbSession, actor: CurrentActor
) -> Response:
    if not service.end_own_session(db, actor, session_id):
        raise NotFound()
    response = RedirectResponse("/profiel#sessies", status_code=303)
    flash(response, request, _("You are signed out on that device."))
    return response
