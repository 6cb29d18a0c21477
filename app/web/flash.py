"""One-time messages after a redirect ("Your changes are saved"), in a signed cookie that
the next page shows and removes."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

COOKIE_NAME = "dialoog_flash"


def _serializer(secret: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt="dialoog.flash")


def flash(response: Response, request: Request, message: str, kind: str = "ok") -> None:
    settings = request.app.state.settings
    value = _serializer(settings.secret_key).dumps([kind, message])
    response.set_cookie(
        COOKIE_NAME,
        value,
        max_age=120,
        httponly=True,
        samesite="lax",
        secure=settings.secure_cookies,
    )


def take_flash(request: Request) -> tuple[str, str] | None:
    raw = request.cookies.get(COOKIE_NAME)
    if not raw:
        return None
    try:
        kind, message = _serializer(request.app.state.settings.secret_key).loads(raw, max_age=120)
    except (BadSignature, ValueError):
        return None
    return str(kind), str(message)
