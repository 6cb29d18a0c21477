"""All ORM models, imported here so Alembic and the mappers see every table."""

from app.models.account import Consent, ExternalIdentity, SignInFailure, User, UserSession
from app.models.audit import AuditEntry
from app.models.job import Job
from app.models.mail import Mail
from app.models.organization import Organization, OrganizationHost
from app.models.page import Page
from app.models.role import RoleAssignment

__all__ = [
    "AuditEntry",
    "Consent",
    "ExternalIdentity",
    "Job",
    "Mail",
    "Organization",
    "OrganizationHost",
    "Page",
    "RoleAssignment",
    "SignInFailure",
    "User",
    "UserSession",
]
