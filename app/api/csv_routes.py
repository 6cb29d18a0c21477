"""The same lists as CSV, whole (no pages), for a spreadsheet.

Semicolons and a byte-order mark, as the edition's measures CSV
(app.documents.builders.measures): Excel with Dutch settings separates on ";" (the comma
is the decimal sign there) and, without the BOM, reads the file as Windows-1252, which
garbles "ë" and "€". Every other tool reads it given ``sep=";"`` and "utf-8-sig".
Amounts are whole euros without separators, so no decimal sign is ever needed.

One row per item, so a sheet counts what the JSON list counts; amounts per year are
columns (``claimed_structural_2012``, ...). The headers are the JSON field names: fixed,
whatever the visitor's language, and the OpenAPI document describes them.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from app.api import queries, schemas, views
from app.api.caching import CACHE_HEADERS, NOT_MODIFIED, cached
from app.api.deps import CurrentProcess, api_organization
from app.api.routes import StateFilter, ThemeFilter
from app.deps import DbSession
from app.models import Process
from app.security.spreadsheets import Cell, csv_bytes

router = APIRouter(dependencies=[Depends(api_organization)])

MEDIA_TYPE = "text/csv; charset=utf-8; header=present"


class CsvResponse(Response):
    media_type = "text/csv"


RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "UTF-8 with a byte-order mark, separated by semicolons.",
        "headers": CACHE_HEADERS,
    },
    304: NOT_MODIFIED,
}


def _download(request: Request, process: Process, name: str, body: bytes) -> Response:
    disposition = f'attachment; filename="{process.slug}-{name}.csv"'
    return cached(request, body, MEDIA_TYPE, {"Content-Disposition": disposition})


def _year_columns(prefix: str, years: list[int]) -> list[str]:
    return [f"{prefix}_{part}_{year}" for year in years for part in ("structural", "one_off")]


def _year_cells(amounts: list[schemas.YearAmount] | None, years: list[int]) -> list[Cell]:
    """Two cells a year; empty cells where there are no amounts at all (not validated)."""
    if amounts is None:
        return [None] * (2 * len(years))
    by_year = {a.year: a for a in amounts}
    cells: list[Cell] = []
    for year in years:
        amount = by_year.get(year)
        cells += [amount.structural, amount.one_off] if amount else [0, 0]
    return cells


@router.get("/processes/{slug}/proposals.csv", response_class=CsvResponse, responses=RESPONSES)
def proposals_csv(
    request: Request,
    db: DbSession,
    process: CurrentProcess,
    theme: ThemeFilter = None,
    state: StateFilter = None,
) -> Response:
    """Every submitted proposal (filters as the JSON list) with its amounts per year."""
    years = views.years_of(process)
    _total, rows = queries.proposals(db, process, theme=theme, state=state)
    items = [views.proposal_summary(request, process, row) for row in rows]
    header = [
        "id", "title", "state", "theme", "group", "version", "submitted_at", "claimed_total",
        *_year_columns("claimed", years), *_year_columns("validated", years),
        "validated_counts", "url",
    ]  # fmt: skip

    def row(p: schemas.ProposalSummary) -> list[Cell]:
        return [
            p.id, p.title, p.state.value, p.theme, p.group, p.version, p.submitted_at,
            p.claimed_total, *_year_cells(p.claimed, years), *_year_cells(p.validated, years),
            p.validated_counts, p.url,
        ]  # fmt: skip

    return _download(request, process, "proposals", csv_bytes(header, map(row, items)))


@router.get("/processes/{slug}/themes.csv", response_class=CsvResponse, responses=RESPONSES)
def themes_csv(request: Request, db: DbSession, process: CurrentProcess) -> Response:
    """Every theme with its target and, per year, the euros claimed and validated."""
    years = views.years_of(process)
    items = [views.theme(request, process, f) for f in queries.themes(db, process)]
    header = [
        "slug", "name", "budget_lines", "controllable", "target", "target_set_by_hand",
        *(f"{part}_{year}" for year in years for part in ("claimed", "validated")), "url",
    ]  # fmt: skip

    def row(t: schemas.ThemeOut) -> list[Cell]:
        by_year = {y.year: y for y in t.years}
        cells: list[Cell] = [
            t.slug,
            t.name,
            t.budget_lines,
            t.controllable,
            t.target,
            t.target_set_by_hand,
        ]
        for year in years:
            figures = by_year.get(year)
            cells += [figures.claimed, figures.validated] if figures else [0, 0]
        return [*cells, t.url]

    return _download(request, process, "themes", csv_bytes(header, map(row, items)))


@router.get("/processes/{slug}/reviews.csv", response_class=CsvResponse, responses=RESPONSES)
def reviews_csv(request: Request, db: DbSession, process: CurrentProcess) -> Response:
    """Every review of a submitted proposal; validated amounts for the financial ones."""
    years = views.years_of(process)
    _total, rows = queries.reviews(db, process)
    items = [views.review(request, process, item) for item in rows]
    header = [
        "proposal_id", "kind", "verdict", "reviewed_version", "needs_another_look",
        "reviewed_at", *_year_columns("validated", years), "notes", "proposal_url",
    ]  # fmt: skip

    def row(r: schemas.ReviewOut) -> list[Cell]:
        return [
            r.proposal_id, r.kind.value, r.verdict.value, r.reviewed_version,
            r.needs_another_look, r.reviewed_at, *_year_cells(r.validated, years), r.notes,
            r.proposal_url,
        ]  # fmt: skip

    return _download(request, process, "reviews", csv_bytes(header, map(row, items)))


@router.get("/processes/{slug}/product-sheets.csv", response_class=CsvResponse, responses=RESPONSES)
def product_sheets_csv(request: Request, db: DbSession, process: CurrentProcess) -> Response:
    """Every product sheet of a proposal in a published edition."""
    years = views.years_of(process)
    _total, rows = queries.product_sheets(db, process)
    items = [views.product_sheet(request, process, row) for row in rows]
    header = [
        "proposal_id", "title", "theme", "step", "version", "updated_at",
        *_year_columns("effect", years), "budget_lines", "staff_effect", "legal_aspects",
        "consequences", "risks", "implementation", "advice", "url",
    ]  # fmt: skip

    def row(s: schemas.ProductSheetOut) -> list[Cell]:
        return [
            s.proposal_id, s.title, s.theme, s.step.value, s.version, s.updated_at,
            *_year_cells(s.financial_effect, years), s.budget_lines, s.staff_effect,
            s.legal_aspects, s.consequences, s.risks, s.implementation, s.advice, s.url,
        ]  # fmt: skip

    return _download(request, process, "product-sheets", csv_bytes(header, map(row, items)))


@router.get("/processes/{slug}/amendments.csv", response_class=CsvResponse, responses=RESPONSES)
def amendments_csv(request: Request, db: DbSession, process: CurrentProcess) -> Response:
    """Every amendment with the vote that counts and its effect per year."""
    council = queries.council(db, process)
    years = council.book.years if council else views.years_of(process)
    items = (
        [views.amendment(request, process, council, view) for view in council.book.amendments]
        if council
        else []
    )
    header = [
        "number", "label", "kind", "state", "proposal_id", "measure_number", "measure_title",
        "theme", "filed_by", "party", "filed_at", "withdrawn_at", "cosigners", "votes_for",
        "votes_against", "carried", *(f"effect_{year}" for year in years),
        *_year_columns("amounts", years), "condition", "explanation", "url",
    ]  # fmt: skip

    def row(a: schemas.AmendmentOut) -> list[Cell]:
        last = a.votes[-1] if a.votes else None
        effect = {e.year: e.change for e in a.effect}
        cosigners = ", ".join(f"{s.name} ({s.party})" if s.party else s.name for s in a.cosigners)
        return [
            a.number, a.label, a.kind.value, a.state.value, a.proposal_id, a.measure_number,
            a.measure_title, a.theme, a.filed_by, a.party, a.filed_at, a.withdrawn_at,
            cosigners, last.votes_for if last else None, last.votes_against if last else None,
            last.carried if last else None, *(effect.get(year, 0) for year in years),
            *_year_cells(a.amounts, years), a.condition, a.explanation, a.url,
        ]  # fmt: skip

    return _download(request, process, "amendments", csv_bytes(header, map(row, items)))
