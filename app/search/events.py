"""The search index follows every flush, in every session (requests, jobs, the demo
loader, scripts). Imported by :mod:`app.models`, so no session runs without it; the
indexer itself is imported on the first flush, when every model is known."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session


@event.listens_for(Session, "after_flush")
def _keep_search_current(session: Session, _context: Any) -> None:
    from app.search.indexer import keep_current

    keep_current(session)
