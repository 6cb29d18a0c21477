"""Public pages of a process: where it stands, its frameworks, its themes and targets."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from app.council.queries import decision_of
from app.deps import CurrentOrg, DbSession
from app.errors import NotFound
from app.green_papers.queries import published_papers
from app.models import Sprint
from app.phases.guard import current_phase
from app.phases.kinds import Action, ProcessKind, allows
from app.processes.queries import overview, process_by_slug, theme_detail
from app.recruitment.queries import member_count
from app.web.templating import render

router = APIRouter(prefix="/processen")


@router.get("/{slug}", response_class=HTMLResponse, name="process")
def show_process(
    request: Request, slug: str, db: DbSession, organization: CurrentOrg
) -> HTMLResponse:
    process = process_by_slug(db, slug)
    if process is None:
        raise NotFound()
    return render(
        request,
        "processes/process.html",
        {
            "o": overview(db, process),
            "applications_open": allows(current_phase(process), Action.APPLY_AS_EXPERT),
            "decision": decision_of(db, process),
            # A sprint with its clock set has a home page for its participants.
            "sprint_home": (
                f"/processen/{process.slug}/sprint"
                if process.kind == ProcessKind.SPRINT
                and db.scalar(select(Sprint.id).where(Sprint.process_id == process.id))
                else None
            ),
        },
    )


@router.get("/{slug}/themas/{theme_slug}", response_class=HTMLResponse, name="theme")
def show_theme(
    request: Request, slug: str, theme_slug: str, db: DbSession, organization: CurrentOrg
) -> HTMLResponse:
    process = process_by_slug(db, slug)
    detail = theme_detail(db, process, theme_slug) if process else None
    if process is None or detail is None:
        raise NotFound()
    return render(
        request,
        "processes/theme.html",
        {
            "process": process,
            "d": detail,
            "applications_open": allows(current_phase(process), Action.APPLY_AS_EXPERT),
            "member_counts": member_count(db, [group.id for group, _chefs in detail.groups]),
            # The board's word on each group's green paper, once it has spoken.
            "green_papers": published_papers(db, [group.id for group, _c in detail.groups]),
        },
    )
