from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.access.permissions import require
from app.deps import CurrentOrg, DbSession
from app.errors import NotFound
from app.pages.queries import page_by_slug
from app.web.templating import render

router = APIRouter()


@router.get("/pagina/{slug}", response_class=HTMLResponse, name="page")
def show_page(slug: str, request: Request, db: DbSession, organization: CurrentOrg) -> HTMLResponse:
    page = page_by_slug(db, slug)
    if page is None:
        raise NotFound()
    require(getattr(request.state, "actor", None), "page.view", page)
    return render(request, "pages/page.html", {"page": page})
