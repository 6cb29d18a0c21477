from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Page


def page_by_slug(session: Session, slug: str) -> Page | None:
    return session.scalar(select(Page).where(Page.slug == slug))


def page_links(session: Session) -> Sequence[tuple[str, str]]:
    """(slug, title) of every page, for the footer: two columns, one query."""
    rows = session.execute(select(Page.slug, Page.title).order_by(Page.title)).all()
    return [(row.slug, row.title) for row in rows]
