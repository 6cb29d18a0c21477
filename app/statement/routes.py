"""The accessibility statement's page: the statement's data (app.statement.data) with the
organization's name, this site's address, and the organization's contact page."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.deps import CurrentOrg, DbSession
from app.pages.queries import page_by_slug
from app.statement.data import (
    CONTACT_PAGE,
    LAW,
    OMBUDSMAN_URL,
    STANDARD,
    STATEMENT,
    STATUS_LABELS,
    STATUS_MEANINGS,
)
from app.web.redirects import site_url
from app.web.templating import render

router = APIRouter()


@router.get("/toegankelijkheid", response_class=HTMLResponse, name="accessibility_statement")
def accessibility_statement(
    request: Request, db: DbSession, organization: CurrentOrg
) -> HTMLResponse:
    return render(
        request,
        "statement/accessibility.html",
        {
            "statement": STATEMENT,
            "status_labels": STATUS_LABELS,
            "status_meanings": STATUS_MEANINGS,
            "law": LAW,
            "standard": STANDARD,
            "ombudsman_url": OMBUDSMAN_URL,
            "site": site_url(request),
            "contact": page_by_slug(db, CONTACT_PAGE),
        },
    )
