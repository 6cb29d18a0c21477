"""A published green paper as a PDF, made with WeasyPrint inside the request: a green
paper is a few pages, which takes well under a second (Zeist's size, four sections of
about 600 words: see tests/green_papers/test_public.py).

WeasyPrint fetches nothing over the network. The only fetcher it gets serves files under
``static/`` (the print stylesheet, the municipality's logo) and refuses every other URL,
so a link or image in a section's Markdown cannot make the server call out."""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from app.models import GreenPaper, GreenPaperSection
from app.web.templating import STATIC_DIR

STYLESHEET = "css/print.css"


class StaticOnlyFetcher(URLFetcher):  # type: ignore[misc]
    """Serves ``file:`` URLs that resolve inside ``root``; refuses everything else."""

    def __init__(self, root: Path = STATIC_DIR) -> None:
        super().__init__(allowed_protocols=("file",), fail_on_errors=False)
        self.root = root.resolve()

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise ValueError(f"refused (not a static file): {url}")
        path = Path(unquote(parts.path)).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            raise ValueError(f"refused (not under static/): {url}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": content_type})


def render_pdf(html: str) -> bytes:
    """``html`` refers to static files relatively (``css/print.css``)."""
    document = HTML(
        string=html, base_url=f"{STATIC_DIR.resolve().as_uri()}/", url_fetcher=StaticOnlyFetcher()
    )
    pdf: bytes = document.write_pdf()
    return pdf


def last_change(paper: GreenPaper, sections: Iterable[GreenPaperSection]) -> datetime:
    """The latest moment the PDF's content changed: a section's save or the decision, in
    UTC (PostgreSQL hands back the session's zone; HTTP dates want GMT)."""
    moments = [paper.created_at, *(s.updated_at for s in sections)]
    if paper.decided_at is not None:
        moments.append(paper.decided_at)
    return max(moments).astimezone(UTC)


def etag(paper: GreenPaper, sections: Iterable[GreenPaperSection], *parts: Any, layout: str) -> str:
    """Changes with anything the PDF shows: the sections (by version), the decision, the
    reader's language, the organization's name, and the stylesheet (``layout``)."""
    listed = list(sections)
    material = "|".join(
        str(p)
        for p in (
            paper.id,
            paper.status,
            paper.decided_at.isoformat() if paper.decided_at else "",
            paper.decision_reason or "",
            *(f"{s.id}:{s.version}:{s.position}:{s.title}" for s in listed),
            layout,
            *parts,
        )
    )
    return '"' + hashlib.sha256(material.encode()).hexdigest()[:32] + '"'


def content_disposition(readable: str, fallback: str) -> str:
    """``filename`` in plain ASCII for old clients, ``filename*`` as people read it."""
    safe = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "-" for c in fallback)
    return f"inline; filename=\"{safe}\"; filename*=UTF-8''{quote(readable, safe='')}"
