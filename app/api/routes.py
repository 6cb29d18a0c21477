"""The JSON endpoints: processes, themes, proposals, reviews, product sheets, amendments and
the decision. Each answers through :func:`app.api.caching.cached_json` (ETag, 304)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from app.access.permissions import can
from app.api import queries, schemas, views
from app.api.caching import CACHE_HEADERS, NOT_MODIFIED, cached_json
from app.api.deps import SLUG_MAX, SLUG_PATTERN, CurrentProcess, ItemId, api_organization
from app.api.paging import PagingParams
from app.deps import DbSession
from app.errors import NotFound

router = APIRouter(dependencies=[Depends(api_organization)])

RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"headers": CACHE_HEADERS},
    304: NOT_MODIFIED,
}

ThemeFilter = Annotated[
    str | None,
    Query(pattern=SLUG_PATTERN, max_length=SLUG_MAX, description="Only this theme (its slug)."),
]
StateFilter = Annotated[schemas.PublicState | None, Query(description="Only this state.")]


@router.get("/processes", response_model=schemas.ProcessList, responses=RESPONSES)
def list_processes(request: Request, db: DbSession, paging: PagingParams) -> Response:
    """The municipality's savings processes, newest first."""
    total, rows = queries.processes(db, paging)
    items = [views.process_summary(request, process) for process in rows]
    return cached_json(request, schemas.ProcessList(items=items, **paging.fields(request, total)))


@router.get("/processes/{slug}", response_model=schemas.ProcessDetail, responses=RESPONSES)
def get_process(request: Request, db: DbSession, process: CurrentProcess) -> Response:
    """A process with its timeline and its themes' targets."""
    figures = queries.themes(db, process)
    return cached_json(request, views.process_detail(request, process, figures))


@router.get("/processes/{slug}/themes", response_model=schemas.ThemeList, responses=RESPONSES)
def list_themes(
    request: Request, db: DbSession, process: CurrentProcess, paging: PagingParams
) -> Response:
    """The themes with their targets and, per year, the euros claimed and validated."""
    total = queries.theme_count(db, process)
    items = [views.theme(request, process, f) for f in queries.themes(db, process, paging)]
    return cached_json(request, schemas.ThemeList(items=items, **paging.fields(request, total)))


@router.get("/processes/{slug}/proposals", response_model=schemas.ProposalList, responses=RESPONSES)
def list_proposals(
    request: Request,
    db: DbSession,
    process: CurrentProcess,
    paging: PagingParams,
    theme: ThemeFilter = None,
    state: StateFilter = None,
) -> Response:
    """Submitted proposals (never drafts), oldest first, with their amounts per year."""
    total, rows = queries.proposals(db, process, theme=theme, state=state, paging=paging)
    items = [views.proposal_summary(request, process, row) for row in rows]
    return cached_json(request, schemas.ProposalList(items=items, **paging.fields(request, total)))


@router.get(
    "/processes/{slug}/proposals/{proposal_id}",
    response_model=schemas.ProposalDetail,
    responses=RESPONSES,
)
def get_proposal(
    request: Request, db: DbSession, process: CurrentProcess, proposal_id: ItemId
) -> Response:
    """One submitted proposal with its texts, budget lines and reviews."""
    detail = queries.proposal(db, process, proposal_id)
    if detail is None:
        raise NotFound("No published proposal with this id in this process.")
    return cached_json(request, views.proposal_detail(request, process, detail))


@router.get("/processes/{slug}/reviews", response_model=schemas.ReviewList, responses=RESPONSES)
def list_reviews(
    request: Request, db: DbSession, process: CurrentProcess, paging: PagingParams
) -> Response:
    """The legal and financial reviews of submitted proposals, by proposal."""
    total, rows = queries.reviews(db, process, paging)
    items = [views.review(request, process, item) for item in rows]
    return cached_json(request, schemas.ReviewList(items=items, **paging.fields(request, total)))


@router.get(
    "/processes/{slug}/product-sheets",
    response_model=schemas.ProductSheetList,
    responses=RESPONSES,
)
def list_product_sheets(
    request: Request, db: DbSession, process: CurrentProcess, paging: PagingParams
) -> Response:
    """Product sheets of the proposals in a published edition of the central white paper."""
    total, rows = queries.product_sheets(db, process, paging)
    items = [views.product_sheet(request, process, row) for row in rows]
    return cached_json(
        request, schemas.ProductSheetList(items=items, **paging.fields(request, total))
    )


@router.get(
    "/processes/{slug}/amendments", response_model=schemas.AmendmentList, responses=RESPONSES
)
def list_amendments(
    request: Request, db: DbSession, process: CurrentProcess, paging: PagingParams
) -> Response:
    """The council's amendments, by number, with their votes and effect per year; empty
    until an edition is with the council."""
    council = queries.council(db, process)
    if council is None:
        return cached_json(request, schemas.AmendmentList(items=[], **paging.fields(request, 0)))
    every = council.book.amendments
    items = [views.amendment(request, process, council, view) for view in paging.window(every)]
    return cached_json(
        request, schemas.AmendmentList(items=items, **paging.fields(request, len(every)))
    )


@router.get("/processes/{slug}/decision", response_model=schemas.DecisionOut, responses=RESPONSES)
def get_decision(request: Request, db: DbSession, process: CurrentProcess) -> Response:
    """The council's decision: the adopted package per year and theme. 404 until the
    clerk publishes it."""
    council = queries.council(db, process)
    if council is None or not can(None, "council.read_decision", council.decision):
        raise NotFound("The council's decision is not published (yet).")
    return cached_json(request, views.decision(request, process, council))
