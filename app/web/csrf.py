"""CSRF protection for every state-changing request.

A random token lives in a cookie (set by the request-context middleware); forms carry an
HMAC of it in a hidden field, htmx sends the same in the ``X-CSRF-Token`` header. An
attacker's page can neither read the cookie nor compute the HMAC without the secret key,
and a cookie planted from a sibling domain is useless without its HMAC.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

import structlog
from starlette.requests import Request

from app.config import Settings
from app.errors import CsrfFailed

COOKIE_NAME = "dialoog_csrf"


def cookie_name(settings: Settings) -> str:
    """With Secure cookies (production) the name carries the ``__Host-`` prefix: browsers
    then refuse such a cookie set by a sibling domain or over plain http, so nobody can
    plant a token of their own choosing."""
    return f"__Host-{COOKIE_NAME}" if settings.secure_cookies else COOKIE_NAME


FORM_FIELD = "csrf_token"
HEADER_NAME = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})

log = structlog.get_logger(__name__)


def new_raw_token() -> str:
    return secrets.token_urlsafe(32)


def form_token(secret_key: str, raw: str) -> str:
    return hmac.new(secret_key.encode(), raw.encode(), hashlib.sha256).hexdigest()


async def verify_csrf(request: Request) -> None:
    """App-wide dependency: refuses unsafe methods without a matching token (403, logged)."""
    if request.method in SAFE_METHODS:
        return
    raw = request.cookies.get(cookie_name(request.app.state.settings), "")
    sent = request.headers.get(HEADER_NAME)
    if sent is None:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            value = (await request.form()).get(FORM_FIELD)
            sent = value if isinstance(value, str) else None
    expected = form_token(request.app.state.settings.secret_key, raw) if raw else ""
    valid = bool(raw and sent and sent.isascii() and hmac.compare_digest(sent, expected))
    if not valid:
        log.warning(
            "csrf.refused",
            path=request.url.path,
            method=request.method,
            had_cookie=bool(raw),
            had_token=bool(sent),
        )
        raise CsrfFailed()
