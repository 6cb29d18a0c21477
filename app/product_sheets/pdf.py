"""One product sheet as a PDF, made with WeasyPrint inside the request: a sheet is one or
two pages, which takes well under a second. The fetcher and the file name come from the
green paper's PDF (only files under ``static/`` are reachable)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from app.green_papers.pdf import StaticOnlyFetcher, content_disposition, render_pdf
from app.product_sheets.queries import SheetPage

STYLESHEET = "css/print.css"

__all__ = [
    "STYLESHEET",
    "StaticOnlyFetcher",
    "content_disposition",
    "etag",
    "last_change",
    "render_pdf",
]


def last_change(page: SheetPage) -> datetime:
    """The latest save or step, in UTC (PostgreSQL hands back the session's zone; HTTP
    dates want GMT)."""
    moments = [page.sheet.updated_at, *(step.created_at for step in page.steps)]
    return max(moments).astimezone(UTC)


def etag(page: SheetPage, *parts: Any, layout: str) -> str:
    """Changes with anything the PDF shows: the sheet (its version and step), the step log
    (a send-back and pass-on returns to the same step), the proposal's version, the
    reader's language, the organization's name and the stylesheet (``layout``)."""
    material = "|".join(
        str(p)
        for p in (
            page.sheet.id,
            page.sheet.version,
            page.sheet.step,
            len(page.steps),
            page.proposal.version,
            page.published,
            layout,
            *parts,
        )
    )
    return '"' + hashlib.sha256(material.encode()).hexdigest()[:32] + '"'
