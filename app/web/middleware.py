"""Pure ASGI middleware: request context (id, locale, CSRF cookie, log line) and headers.

Pure ASGI rather than Starlette's BaseHTTPMiddleware: no extra task per request, and the
context variables set here (locale, request id) reach the handlers.
"""

from __future__ import annotations

import re
import time
import uuid

import structlog
from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.accounts.sessions import cookie_name as session_cookie_name
from app.config import Settings
from app.i18n import DEFAULT_LOCALE, LOCALES, set_locale
from app.web import csrf

LOCALE_COOKIE = "dialoog_lang"
# Links from mails carry a secret token in their path; logs get the path without it.
_SECRET_IN_PATH = re.compile(r"^(/(?:wachtwoord-herstellen|bevestigen)/)[^/]+")
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)

log = structlog.get_logger("dialoog.request")


def security_headers(settings: Settings) -> dict[str, str]:
    headers = {
        "Content-Security-Policy": CONTENT_SECURITY_POLICY,
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
    }
    if settings.is_production:
        headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    return headers


def _starts_session(headers: MutableHeaders, cookie: str) -> bool:
    """The answer to a sign-in sets the session cookie: it is private already."""
    return any(v.startswith(f"{cookie}=") for v in headers.getlist("set-cookie"))


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self.headers = security_headers(settings)
        self.csrf_cookie = csrf.cookie_name(settings)
        self.session_cookie = session_cookie_name(settings)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        connection = HTTPConnection(scope)
        given_id = connection.headers.get("X-Request-ID", "")
        request_id = given_id if _REQUEST_ID.match(given_id) else uuid.uuid4().hex[:16]
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)

        locale = connection.cookies.get(LOCALE_COOKIE, DEFAULT_LOCALE)
        set_locale(locale if locale in LOCALES else DEFAULT_LOCALE)

        raw_token = connection.cookies.get(self.csrf_cookie)
        new_token = None
        if not raw_token:
            raw_token = new_token = csrf.new_raw_token()
        scope.setdefault("state", {})["csrf_raw"] = raw_token
        # A signed-in person's pages and downloads hold what only they may see: no browser
        # cache or proxy keeps them (ASVS V14.3). Versioned static files stay cacheable, and
        # anonymous visitors' pages keep their own caching (app.cache.pages).
        private = self.session_cookie in connection.cookies and not scope["path"].startswith(
            "/static/"
        )

        status = 500

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    headers.setdefault(name, value)
                headers["X-Request-ID"] = request_id
                if private or _starts_session(headers, self.session_cookie):
                    headers["Cache-Control"] = "no-store"
                # Only pages carry forms; static files and CSS stay cookie-free (cacheable).
                if new_token is not None and headers.get("content-type", "").startswith(
                    "text/html"
                ):
                    secure = "; Secure" if self.settings.secure_cookies else ""
                    headers.append(
                        "Set-Cookie",
                        f"{self.csrf_cookie}={new_token}; Path=/; HttpOnly; SameSite=Lax{secure}",
                    )
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            log.info(
                "request",
                method=scope["method"],
                path=_SECRET_IN_PATH.sub(r"\1…", scope["path"]),
                status=status,
                duration_ms=round((time.perf_counter() - started) * 1000, 1),
                organization=getattr(scope.get("state", {}).get("organization"), "slug", None),
            )
