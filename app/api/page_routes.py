"""The site's page about its open data: what the API offers, where its OpenAPI document
is, and the CSV files of every process. A page of the site, not of the API."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.api.views import API_PREFIX
from app.deps import CurrentOrg, DbSession
from app.processes.queries import processes
from app.web.redirects import site_url
from app.web.templating import render

router = APIRouter()


@router.get("/open-data", response_class=HTMLResponse, name="open_data")
def open_data(request: Request, db: DbSession, organization: CurrentOrg) -> HTMLResponse:
    return render(
        request,
        "api/open_data.html",
        {"processes": processes(db), "api": site_url(request) + API_PREFIX},
    )
