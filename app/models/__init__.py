"""All ORM models, imported here so Alembic and the mappers see every table."""

from app.models.audit import AuditEntry
from app.models.organization import Organization, OrganizationHost
from app.models.page import Page

__all__ = ["AuditEntry", "Organization", "OrganizationHost", "Page"]
