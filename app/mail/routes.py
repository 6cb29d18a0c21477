"""The development outbox: the latest mails Dialoog wrote, readable by anyone using the
local demo (that is how a developer follows a confirmation link: with the "outbox" mail
backend nothing leaves the machine). It does not exist in production."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from app.deps import CurrentOrg, DbSession
from app.errors import NotFound
from app.models import Mail
from app.web.templating import render

router = APIRouter()


@router.get("/dev/postvak", response_class=HTMLResponse, name="outbox")
def outbox(request: Request, db: DbSession, organization: CurrentOrg) -> HTMLResponse:
    settings = request.app.state.settings
    if settings.is_production:
        raise NotFound()
    mails = db.scalars(select(Mail).order_by(Mail.id.desc()).limit(50)).all()
    return render(request, "dev/outbox.html", {"mails": mails})
