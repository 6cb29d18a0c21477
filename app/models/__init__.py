"""All ORM models, imported here so Alembic and the mappers see every table."""

from app.models.account import Consent, ExternalIdentity, SignInFailure, User, UserSession
from app.models.audit import AuditEntry
from app.models.budget import BudgetLine, Group, Taakveld, Theme
from app.models.job import Job
from app.models.mail import Mail
from app.models.organization import Organization, OrganizationHost
from app.models.page import Page
from app.models.process import Framework, Phase, Process
from app.models.role import RoleAssignment

__all__ = [
    "AuditEntry",
    "BudgetLine",
    "Consent",
    "ExternalIdentity",
    "Framework",
    "Group",
    "Job",
    "Mail",
    "Organization",
    "OrganizationHost",
    "Page",
    "Phase",
    "Process",
    "RoleAssignment",
    "SignInFailure",
    "Taakveld",
    "Theme",
    "User",
    "UserSession",
]
