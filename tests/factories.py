"""Typed factory functions: each makes one valid object, flushed, with sensible defaults."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from app.db import organization_scope
from app.models import Organization, OrganizationHost, Page
from app.pages.service import create_page


def make_organization(
    db: Session, *, slug: str, name: str | None = None, hosts: Sequence[str] = ()
) -> Organization:
    organization = Organization(
        slug=slug,
        name=name or f"Gemeente {slug.title()}",
        theme_tokens={"--dialoog-brand-color": "#123456"},
        hosts=[OrganizationHost(host=h) for h in hosts],
    )
    db.add(organization)
    db.flush()
    return organization


def make_page(
    db: Session,
    organization: Organization,
    *,
    slug: str = "over",
    title: str = "Over ons",
    body: str = "Een **pagina**.",
) -> Page:
    with organization_scope(db, organization.id):
        return create_page(db, actor="test", slug=slug, title=title, body=body)
