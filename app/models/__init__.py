"""All ORM models, imported here so Alembic and the mappers see every table."""

from app.models.account import Consent, ExternalIdentity, SignInFailure, User, UserSession
from app.models.audit import AuditEntry
from app.models.budget import BudgetLine, Group, Taakveld, Theme
from app.models.green_paper import (
    GreenPaper,
    GreenPaperSection,
    SectionComment,
    SectionRevision,
    WorkshopInput,
)
from app.models.job import Job
from app.models.mail import Mail
from app.models.meeting import Meeting, MeetingRegistration
from app.models.notification import Notification, NotificationPreference
from app.models.organization import Organization, OrganizationHost
from app.models.page import Page
from app.models.process import Framework, Phase, Process
from app.models.recruitment import ApplicationBudgetLine, ChefApplication, ExpertApplication
from app.models.role import RoleAssignment

__all__ = [
    "ApplicationBudgetLine",
    "AuditEntry",
    "BudgetLine",
    "ChefApplication",
    "Consent",
    "ExpertApplication",
    "ExternalIdentity",
    "Framework",
    "GreenPaper",
    "GreenPaperSection",
    "Group",
    "Job",
    "Mail",
    "Meeting",
    "MeetingRegistration",
    "Notification",
    "NotificationPreference",
    "Organization",
    "OrganizationHost",
    "Page",
    "Phase",
    "Process",
    "RoleAssignment",
    "SectionComment",
    "SectionRevision",
    "SignInFailure",
    "Taakveld",
    "Theme",
    "User",
    "UserSession",
    "WorkshopInput",
]
