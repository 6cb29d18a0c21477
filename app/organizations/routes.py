from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from app.deps import CurrentOrg, DbSession
from app.organizations.branding import theme_css, theme_version
from app.pages.queries import page_links
from app.processes.queries import processes
from app.web.templating import render

router = APIRouter()


@router.get("/", response_class=HTMLResponse, name="home")
def home(request: Request, db: DbSession, organization: CurrentOrg) -> HTMLResponse:
    return render(
        request, "organizations/home.html", {"pages": page_links(db), "processes": processes(db)}
    )


@router.get("/huisstijl.css", name="theme_css")
def organization_theme(request: Request, organization: CurrentOrg) -> Response:
    """The organization's colours as design tokens. Linked with its version in the URL,
    so it may be cached for long; the ETag covers a stale link."""
    etag = f'"{theme_version(organization.theme_tokens)}"'
    headers = {"ETag": etag, "Cache-Control": "public, max-age=86400", "Vary": "Host"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return Response(theme_css(organization.theme_tokens), media_type="text/css", headers=headers)
