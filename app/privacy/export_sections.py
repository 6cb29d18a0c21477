"""What a person's export holds: one section (a JSON and a CSV file) per table with rows
about them, and how those rows are found.

Most sections are the rows of one table whose column points at the person (an author, a
user, an actor). A few are found another way: by their email address (mails, failed
sign-ins), or through rows of an earlier section (the proposals they co-author, the budget
lines of their applications). A test compares the columns that point at ``users.id`` with
the ones covered here, so a new table about people cannot be left out of the export
without a reason written in ``NOT_EXPORTED``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, func

from app.models import (
    Amendment,
    AmendmentSignature,
    ApplicationBudgetLine,
    Attachment,
    AuditEntry,
    ChefApplication,
    CommentFlag,
    Consent,
    CouncilMember,
    CouncilVote,
    DataExport,
    ExpertApplication,
    ExternalIdentity,
    Mail,
    MeetingRegistration,
    MoodCheck,
    Notification,
    NotificationPreference,
    OfficialQuestion,
    PackageChoice,
    ProductSheetStep,
    Proposal,
    ProposalCoauthor,
    ProposalComment,
    ProposalRevision,
    ProposalSupport,
    ProposalTransition,
    Review,
    ReviewClaim,
    RoleAssignment,
    SectionComment,
    SectionRevision,
    SignInFailure,
    SprintMessage,
    SprintOption,
    StandingsSnapshot,
    User,
    UserSession,
    WorkshopInput,
)


@dataclass
class Owner:
    """The person the export is for, and the ids of rows found so far (by section name),
    for sections that are reached through an earlier one."""

    user_id: int
    email: str
    ids: dict[str, list[int]] = field(default_factory=dict)


Where = Callable[[Owner], ColumnElement[bool] | None]


@dataclass(frozen=True)
class Section:
    name: str  # the file name in the ZIP, without extension
    model: type[Any]
    where: Where  # None from it: nothing to look for (an empty file)
    about_nl: str
    about_en: str
    # Columns pointing at the person that this section covers ("table.column").
    covers: tuple[str, ...] = ()
    # Columns not given: secrets, and what is about someone else.
    leave_out: tuple[str, ...] = ()


def _by(model: type[Any], column: str) -> tuple[Where, tuple[str, ...]]:
    attribute = getattr(model, column)
    return (lambda owner: attribute == owner.user_id), (f"{model.__tablename__}.{column}",)


def _through(model: type[Any], column: str, earlier: str) -> Where:
    attribute = getattr(model, column)

    def where(owner: Owner) -> ColumnElement[bool] | None:
        ids = owner.ids.get(earlier, [])
        return attribute.in_(ids) if ids else None

    return where


def section(
    name: str,
    model: type[Any],
    column: str,
    about_nl: str,
    about_en: str,
    leave_out: tuple[str, ...] = (),
) -> Section:
    """The rows of ``model`` whose ``column`` is the person."""
    where, covers = _by(model, column)
    return Section(name, model, where, about_nl, about_en, covers, leave_out)


SECTIONS: tuple[Section, ...] = (
    Section(
        "profile",
        User,
        lambda owner: User.id == owner.user_id,
        "Uw account: e-mailadres, naam die anderen zien, taal, keuzes, data.",
        "Your account: email address, name others see, language, choices, dates.",
        leave_out=("password_hash", "totp_secret"),
    ),
    section("roles", RoleAssignment, "user_id", "Uw rollen, ook ingetrokken rollen.",
            "Your roles, including revoked ones."),
    section("consents", Consent, "user_id", "Uw toestemming voor de privacyverklaring.",
            "Your consent to the privacy statement."),
    section("sessions", UserSession, "user_id",
            "Waar u nu bent aangemeld: wanneer, hoe, browser en adres.",
            "Where you are signed in now: when, how, browser and address.",
            leave_out=("token_hash",)),
    section("linked_accounts", ExternalIdentity, "user_id",
            "Koppelingen met een aanmeldservice van de gemeente.",
            "Links with a sign-in service of the municipality."),
    Section(
        "failed_sign_ins",
        SignInFailure,
        lambda owner: SignInFailure.email == owner.email,
        "Mislukte aanmeldingen met uw e-mailadres (alleen de tijd: het adres kan van een"
        " ander zijn).",
        "Failed sign-ins with your email address (only the time: the address may be"
        " someone else's).",
        leave_out=("ip_address",),
    ),
    section("chef_applications", ChefApplication, "user_id",
            "Uw aanmeldingen als chef.", "Your applications as chef."),
    section("expert_applications", ExpertApplication, "user_id",
            "Uw aanmeldingen voor een themagroep.", "Your applications for a theme group."),
    Section(
        "application_budget_lines",
        ApplicationBudgetLine,
        _through(ApplicationBudgetLine, "application_id", "expert_applications"),
        "De begrotingsregels die u bij uw aanmeldingen noemde.",
        "The budget lines you named in your applications.",
    ),
    section("proposals", Proposal, "author_id",
            "Voorstellen die u schreef.", "Proposals you wrote."),
    section("coauthorships", ProposalCoauthor, "user_id",
            "Voorstellen waarvan u medeauteur bent.", "Proposals you co-author."),
    Section(
        "proposals_coauthored",
        Proposal,
        _through(Proposal, "id", "coauthorships_proposals"),
        "De voorstellen waarvan u medeauteur bent.",
        "The proposals you co-author.",
    ),
    section("proposal_revisions", ProposalRevision, "author_id",
            "Versies van voorstellen die u opsloeg.", "Versions of proposals you saved."),
    section("proposal_transitions", ProposalTransition, "actor_id",
            "Stappen van voorstellen die u zette.", "Steps of proposals you took."),
    section("supports", ProposalSupport, "user_id",
            "Voorstellen die u steunt.", "Proposals you support."),
    section("comments", ProposalComment, "author_id",
            "Uw reacties op voorstellen.", "Your comments on proposals."),
    section("comment_flags", CommentFlag, "user_id",
            "Reacties die u meldde.", "Comments you flagged."),
    section("questions", OfficialQuestion, "asked_by_id",
            "Uw vragen aan ambtenaren.", "Your questions to officials."),
    section("green_paper_revisions", SectionRevision, "author_id",
            "Versies van groenboekteksten die u opsloeg.",
            "Versions of green paper texts you saved."),
    section("green_paper_comments", SectionComment, "author_id",
            "Uw reacties op groenboeken.", "Your comments on green papers."),
    section("workshop_input", WorkshopInput, "author_id",
            "Uw inbreng in de raadsworkshop.", "Your input in the council workshop."),
    section("meeting_registrations", MeetingRegistration, "user_id",
            "Bijeenkomsten waarvoor u zich aanmeldde.", "Meetings you registered for."),
    section("reviews", Review, "reviewer_id",
            "Toetsen die u deed.", "Reviews you made."),
    section("council_membership", CouncilMember, "user_id",
            "Uw fractie in de raad.", "Your party in the council."),
    section("amendments", Amendment, "filer_id",
            "Amendementen die u indiende.", "Amendments you filed."),
    section("amendment_signatures", AmendmentSignature, "user_id",
            "Amendementen die u mede ondertekende.", "Amendments you co-signed."),
    section("council_votes_recorded", CouncilVote, "recorded_by_id",
            "Stemmingen die u vastlegde.", "Votes you recorded."),
    section("sprint_options", SprintOption, "author_id",
            "Opties die u voor een sprint schreef.", "Options you wrote for a sprint."),
    section("sprint_review_claims", ReviewClaim, "reviewer_id",
            "Maatregelen die u in een sprint toetste.", "Measures you took up for review."),
    section("sprint_mood_checks", MoodCheck, "author_id",
            "Uw stemmingspeilingen in een sprint.", "Your mood checks in a sprint."),
    section("sprint_messages", SprintMessage, "author_id",
            "Uw berichten in een sprint.", "Your messages in a sprint."),
    section("sprint_standings", StandingsSnapshot, "published_by_id",
            "Tussenstanden die u publiceerde.", "Interim standings you published."),
    section("sprint_package_choices", PackageChoice, "chosen_by_id",
            "Maatregelen die u in het pakket koos.", "Measures you chose for the package."),
    section("product_sheet_steps", ProductSheetStep, "actor_id",
            "Stappen van productbladen die u zette.", "Steps of product sheets you took."),
    section("attachments", Attachment, "uploaded_by_id",
            "Bijlagen die u uploadde (gegevens, niet de bestanden).",
            "Attachments you uploaded (their details, not the files).",
            leave_out=("stored_name",)),
    section("notifications", Notification, "user_id",
            "Uw meldingen.", "Your notifications."),
    section("notification_preferences", NotificationPreference, "user_id",
            "Uw keuzes voor meldingen.", "Your notification choices."),
    Section(
        "mails",
        Mail,
        lambda owner: func.lower(Mail.recipient) == owner.email,
        "E-mails aan u (onderwerp en datum; de tekst niet, want die kan aanmeldlinks"
        " bevatten).",
        "Mails to you (subject and date; not the text, which may hold sign-in links).",
        leave_out=("body",),
    ),
    section("audit_entries", AuditEntry, "actor_id",
            "Wat u deed, zoals het logboek het vastlegde.",
            "What you did, as the audit trail recorded it."),
    Section(
        "audit_about_you",
        AuditEntry,
        lambda owner: (AuditEntry.object_type == "User")
        & (AuditEntry.object_id == str(owner.user_id)),
        "Wat anderen (of het systeem) met uw account deden, zoals het logboek het vastlegde.",
        "What others (or the system) did to your account, as the audit trail recorded it.",
    ),
    section("data_exports", DataExport, "user_id",
            "Uw eerdere downloads van uw gegevens.", "Your earlier downloads of your data.",
            leave_out=("file_name",)),
)  # fmt: skip

# Sections whose row ids later sections need: section name -> (key in Owner.ids, column).
COLLECT: dict[str, tuple[str, str]] = {
    "expert_applications": ("expert_applications", "id"),
    "coauthorships": ("coauthorships_proposals", "proposal_id"),
}

# Columns pointing at users.id that are not exported, with why. Empty today: everything
# that points at a person is theirs to see.
NOT_EXPORTED: dict[str, str] = {}


def covered_columns() -> set[str]:
    return {column for s in SECTIONS for column in s.covers}
