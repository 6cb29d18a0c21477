"""The roles of DESIGN.md, and where an assignment applies (its scope)."""

from __future__ import annotations

from enum import StrEnum

from app.i18n import lazy_gettext as _l


class Role(StrEnum):
    EXPERT = "expert"
    CHEF = "chef"
    OFFICIAL = "official"
    FINANCE = "finance"
    LEGAL = "legal"
    BOARD = "board"
    COUNCIL = "council"
    CLERK = "clerk"
    STEERING = "steering"
    PRIVACY = "privacy"
    ADMIN = "admin"


ROLE_VALUES = frozenset(role.value for role in Role)

# Roles that see other people's data or act for the municipality: shorter sessions.
STAFF_ROLES = frozenset(
    {
        Role.ADMIN,
        Role.OFFICIAL,
        Role.FINANCE,
        Role.LEGAL,
        Role.BOARD,
        Role.COUNCIL,
        Role.CLERK,
        Role.STEERING,
        Role.PRIVACY,
    }
)


class ScopeType(StrEnum):
    """An assignment holds for the whole organization, or for one process or group.
    Processes and groups arrive in later revisions; their assignments use the same table."""

    ORGANIZATION = "organization"
    PROCESS = "process"
    GROUP = "group"


ROLE_LABELS: dict[Role, str] = {
    Role.EXPERT: _l("Expert"),
    Role.CHEF: _l("Chef de Dossier"),
    Role.OFFICIAL: _l("Official"),
    Role.FINANCE: _l("Financial adviser"),
    Role.LEGAL: _l("Lawyer"),
    Role.BOARD: _l("Executive board"),
    Role.COUNCIL: _l("Councillor"),
    Role.CLERK: _l("Council clerk"),
    Role.STEERING: _l("Steering group"),
    Role.PRIVACY: _l("Privacy officer"),
    Role.ADMIN: _l("Administrator"),
}

ROLE_DESCRIPTIONS: dict[Role, str] = {
    Role.EXPERT: _l("Drafts and discusses proposals in their own group."),
    Role.CHEF: _l("Runs the process of a group; does not write its content."),
    Role.OFFICIAL: _l("Answers questions, reviews proposals, writes product sheets."),
    Role.FINANCE: _l("Reviews the financial effect of proposals and signs off the numbers."),
    Role.LEGAL: _l("Reviews whether proposals are legally feasible."),
    Role.BOARD: _l("Decides on green papers."),
    Role.COUNCIL: _l("Gives input in the council workshop; files and co-signs amendments."),
    Role.CLERK: _l("Records the council's votes and publishes the decision."),
    Role.STEERING: _l("Follows every group's progress and publishes interim standings."),
    Role.PRIVACY: _l("Keeps the record of processing and handles requests about personal data."),
    Role.ADMIN: _l("Sets up the organization, its processes and who has which role."),
}
