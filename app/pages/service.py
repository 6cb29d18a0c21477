"""Use cases for content pages: what an admin (or the demo loader) does with them."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.audit.service import changes, record
from app.db import utcnow
from app.models import Page


def create_page(session: Session, *, actor: str, slug: str, title: str, body: str) -> Page:
    page = Page(slug=slug, title=title, body=body)
    session.add(page)
    session.flush()
    record(
        session,
        actor=actor,
        action="page.created",
        target=page,
        after={"slug": slug, "title": title},
    )
    return page


def update_page(session: Session, page: Page, *, actor: str, title: str, body: str) -> bool:
    """Change a page; returns whether anything changed (an unchanged save writes nothing)."""
    before, after = changes(page, {"title": title, "body": body})
    if not after:
        return False
    page.title, page.body, page.updated_at = title, body, utcnow()
    session.flush()
    record(session, actor=actor, action="page.updated", target=page, before=before, after=after)
    return True
