"""One place that turns errors into pages: a full page for a normal request, a small
fragment (retargeted to the page's message area) for an htmx request."""

from __future__ import annotations

from urllib.parse import urlencode

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.errors import DomainError, Forbidden, NotFound, RateLimited, SignInRequired
from app.i18n import gettext as _
from app.organizations.queries import OrganizationView, organization_for_host
from app.web.htmx import is_htmx
from app.web.middleware import security_headers
from app.web.redirects import safe_next
from app.web.templating import render

log = structlog.get_logger("dialoog.errors")


def _organization_for_error_page(request: Request) -> OrganizationView | None:
    """Branding for the error page: the request's organization if it was resolved,
    otherwise a best-effort lookup (an error page must render even without one)."""
    organization = getattr(request.state, "organization", None)
    if organization is not None:
        return organization  # type: ignore[no-any-return]
    try:
        with request.app.state.session_factory() as session:
            return organization_for_host(
                session, request.headers.get("host", ""), request.app.state.settings
            )
    except Exception:  # the database may be what failed
        log.warning("error_page.organization_lookup_failed", exc_info=True)
        return None


def sign_in_redirect(request: Request) -> Response:
    """To the sign-in page, and back here afterwards (GET only: a form is not replayed)."""
    back = request.url.path if request.method == "GET" else request.headers.get("referer", "/")
    query = {"volgende": safe_next(back)}
    if getattr(request.state, "session_timed_out", False):
        query["verlopen"] = "1"  # the sign-in page says why
    target = f"/aanmelden?{urlencode(query)}"
    if request.headers.get("HX-Request") == "true":
        return Response(status_code=204, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


def render_error(request: Request, status_code: int, title: str, message: str) -> HTMLResponse:
    request.state.organization = _organization_for_error_page(request)
    context = {"status_code": status_code, "title": title, "message": message}
    if is_htmx(request):
        return render(
            request,
            "errors/error.html",
            {**context, "fragment": True},
            status_code=status_code,
            block="error_message",
            headers={"HX-Retarget": "#messages", "HX-Reswap": "innerHTML"},
        )
    return render(request, "errors/error.html", context, status_code=status_code)


async def domain_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, DomainError)  # noqa: S101 - registered for DomainError only
    if isinstance(exc, SignInRequired):
        return sign_in_redirect(request)
    if isinstance(exc, Forbidden):
        log.warning("forbidden", path=request.url.path, method=request.method, reason=exc.message)
    response = render_error(request, exc.status_code, exc.title, exc.message)
    if isinstance(exc, RateLimited):
        response.headers["Retry-After"] = str(exc.retry_after)
    return response


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)  # noqa: S101
    if exc.status_code == 404:
        error: DomainError = NotFound()
        return render_error(request, 404, error.title, error.message)
    if exc.status_code == 405:
        return render_error(
            request,
            405,
            _("Not possible this way"),
            _("This address does not accept this request."),
        )
    return render_error(request, exc.status_code, _("Something went wrong"), str(exc.detail))


async def validation_error(request: Request, exc: Exception) -> Response:
    # Forms validate themselves and re-render with messages; this catches requests that
    # no form of ours would send (tampered or missing fields).
    log.info("request.invalid", path=request.url.path)
    return render_error(
        request, 400, _("Something is missing"), _("The request was incomplete. Please try again.")
    )


async def server_error(request: Request, exc: Exception) -> Response:
    log.error("unhandled_error", path=request.url.path, exc_info=exc)
    response = render_error(
        request,
        500,
        _("Something went wrong on our side"),
        _("We have been notified. Please try again in a moment."),
    )
    # A 500 leaves through Starlette's outermost middleware, past our header middleware.
    response.headers.update(security_headers(request.app.state.settings))
    return response


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, domain_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(Exception, server_error)
