"""Routes of the web shell itself: the language switch and the health check."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse
from sqlalchemy import text

from app.deps import DbSession
from app.i18n import DEFAULT_LOCALE, LOCALES
from app.web.middleware import LOCALE_COOKIE
from app.web.redirects import safe_next

router = APIRouter()

ONE_YEAR = 365 * 24 * 3600


@router.post("/taal", name="switch_locale")
def switch_locale(
    request: Request,
    locale: Annotated[str, Form()],
    next: Annotated[str | None, Form()] = None,
) -> RedirectResponse:
    response = RedirectResponse(safe_next(next), status_code=303)
    response.set_cookie(
        LOCALE_COOKIE,
        locale if locale in LOCALES else DEFAULT_LOCALE,
        max_age=ONE_YEAR,
        httponly=True,
        samesite="lax",
        secure=request.app.state.settings.secure_cookies,
    )
    return response


@router.get("/healthz", name="health", include_in_schema=False)
def health(db: DbSession) -> JSONResponse:
    db.execute(text("SELECT 1"))
    return JSONResponse({"status": "ok"}, headers={"Cache-Control": "no-store"})
