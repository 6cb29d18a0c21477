from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import Settings
from app.models import Organization, OrganizationHost


def host_of(raw_host: str) -> str:
    """The host name without port, lower-cased; IPv6 brackets removed."""
    host = raw_host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def organization_for_host(
    session: Session, raw_host: str, settings: Settings
) -> Organization | None:
    """The organization a request is for: the one claiming the host name, or on a local
    development host (localhost, 127.0.0.1) the configured default organization."""
    host = host_of(raw_host)
    organization = session.scalar(
        select(Organization)
        .join(OrganizationHost, OrganizationHost.organization_id == Organization.id)
        .where(OrganizationHost.host == host)
    )
    if organization is None and host in settings.local_hosts:
        organization = session.scalar(
            select(Organization).where(Organization.slug == settings.default_organization)
        )
    return organization


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

    @classmethod
    def of(cls, organization: Organization) -> OrganizationView:
        return cls(
            id=organization.id,
            slug=organization.slug,
            name=organization.name,
            theme_tokens=dict(organization.theme_tokens),
            logo_path=organization.logo_path,
            content_version=organization.content_version,
        )
