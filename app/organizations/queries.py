from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Row, Select, bindparam, select
from sqlalchemy.orm import Session

from app.config import Settings
from app.models import Organization, OrganizationHost


def host_of(raw_host: str) -> str:
    """The host name without port, lower-cased; IPv6 brackets removed."""
    host = raw_host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


@dataclass(frozen=True, slots=True)
class OrganizationView:
    """What pages need of the request's organization, detached from any session: it stays
    readable after a rollback, so error pages keep the municipality's name and colours."""

    id: int
    slug: str
    name: str
    theme_tokens: dict[str, Any]
    logo_path: str | None
    content_version: int = 0  # app.cache.versions: what kept pages and parts are keyed by


_VIEW_COLUMNS = (
    Organization.id,
    Organization.slug,
    Organization.name,
    Organization.theme_tokens,
    Organization.logo_path,
    Organization.content_version,
)


@cache
def by_host_statement() -> Select[*tuple[Any, ...]]:
    """The organization's view columns by the host it claims (``host``); signed-in pages
    join the person to it (app.accounts.sessions.organization_and_actor)."""
    return (
        select(*_VIEW_COLUMNS)
        .join(OrganizationHost, OrganizationHost.organization_id == Organization.id)
        .where(OrganizationHost.host == bindparam("host"))
    )


@cache
def _by_slug() -> Select[*tuple[Any, ...]]:
    return select(*_VIEW_COLUMNS).where(Organization.slug == bindparam("slug"))


def organization_for_host(
    session: Session, raw_host: str, settings: Settings
) -> OrganizationView | None:
    """The organization a request is for: the one claiming the host name, or on a local
    development host (localhost, 127.0.0.1) the configured default organization.

    Core on the session's connection, and a plain view rather than the ORM row: every
    page that is not served from the page cache starts here, and every page the cache
    serves asks it for the content version (issue #13). Use cases that change the
    organization load its row themselves."""
    host = host_of(raw_host)
    connection = session.connection()
    row = connection.execute(by_host_statement(), {"host": host}).first()
    if row is None and host in settings.local_hosts:
        row = connection.execute(_by_slug(), {"slug": settings.default_organization}).first()
    return None if row is None else view_of(row)


def view_of(row: Row[Any]) -> OrganizationView:
    """The view of a row that starts with the view columns."""
    return OrganizationView(
        id=row.id,
        slug=row.slug,
        name=row.name,
        theme_tokens=dict(row.theme_tokens),
        logo_path=row.logo_path,
        content_version=row.content_version,
    )
