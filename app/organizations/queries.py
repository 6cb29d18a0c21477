from __future__ import annotations

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
