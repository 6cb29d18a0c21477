"""All ORM models, imported here so Alembic and the mappers see every table."""

from app.models.account import Consent, ExternalIdentity, SignInFailure, User, UserSession
from app.models.attachment import Attachment
from app.models.audit import AuditEntry
from app.models.budget import BudgetLine, Group, Taakveld, Theme
from app.models.council import (
    Amendment,
    AmendmentSignature,
    CouncilDecision,
    CouncilMember,
    CouncilParty,
    CouncilVote,
)
from app.models.edition import (
    CentralWhitePaper,
    DocumentBuild,
    EditionChapter,
    EditionEntry,
    ProductSheet,
    ProductSheetStep,
)
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
from app.models.privacy import DataExport
from app.models.process import Framework, Phase, Process
from app.models.proposal import (
    CommentFlag,
    OfficialQuestion,
    Proposal,
    ProposalAmount,
    ProposalBudgetLine,
    ProposalCoauthor,
    ProposalComment,
    ProposalFramework,
    ProposalRevision,
    ProposalSupport,
    ProposalTransition,
)
from app.models.rate_limit import RateLimitCounter
from app.models.recruitment import ApplicationBudgetLine, ChefApplication, ExpertApplication
from app.models.review import Review, ValidatedAmount
from app.models.role import RoleAssignment
from app.models.search import SearchEntry
from app.models.sprint import (
    MoodCheck,
    PackageChoice,
    ProgrammeItem,
    ReviewClaim,
    Sprint,
    SprintEvent,
    SprintMeasure,
    SprintMessage,
    SprintOption,
    StandingsSnapshot,
)
from app.models.white_paper import WhitePaper
from app.search import events as _search_events  # noqa: F401 - keeps the search index current

__all__ = [
    "Amendment",
    "AmendmentSignature",
    "ApplicationBudgetLine",
    "Attachment",
    "AuditEntry",
    "BudgetLine",
    "CentralWhitePaper",
    "ChefApplication",
    "CommentFlag",
    "Consent",
    "CouncilDecision",
    "CouncilMember",
    "CouncilParty",
    "CouncilVote",
    "DataExport",
    "DocumentBuild",
    "EditionChapter",
    "EditionEntry",
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
    "MoodCheck",
    "Notification",
    "NotificationPreference",
    "OfficialQuestion",
    "Organization",
    "OrganizationHost",
    "PackageChoice",
    "Page",
    "Phase",
    "Process",
    "ProductSheet",
    "ProductSheetStep",
    "ProgrammeItem",
    "Proposal",
    "ProposalAmount",
    "ProposalBudgetLine",
    "ProposalCoauthor",
    "ProposalComment",
    "ProposalFramework",
    "ProposalRevision",
    "ProposalSupport",
    "ProposalTransition",
    "RateLimitCounter",
    "Review",
    "ReviewClaim",
    "RoleAssignment",
    "SearchEntry",
    "SectionComment",
    "SectionRevision",
    "SignInFailure",
    "Sprint",
    "SprintEvent",
    "SprintMeasure",
    "SprintMessage",
    "SprintOption",
    "StandingsSnapshot",
    "Taakveld",
    "Theme",
    "User",
    "UserSession",
    "ValidatedAmount",
    "WhitePaper",
    "WorkshopInput",
]
