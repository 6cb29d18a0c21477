"""The record of processing for the privacy officer (and the admin): what personal data
the platform holds, why, on what basis and how long, generated from the models."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.access.permissions import require
from app.deps import CurrentActor
from app.privacy.register import register_rows
from app.web.templating import render

router = APIRouter(prefix="/beheer")


@router.get("/privacy", response_class=HTMLResponse, name="privacy_register")
def register_page(request: Request, actor: CurrentActor) -> HTMLResponse:
    require(actor, "privacy.view_register")
    rows = register_rows(request.app.state.settings)
    return render(request, "privacy/register.html", {"rows": rows})
