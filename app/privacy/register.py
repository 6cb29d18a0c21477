"""The record of processing (AVG art. 30), generated from the models' own annotations.

Every column holding personal data says what kind it holds (``info=personal(KIND)``, see
:mod:`app.models.personal`). This module reads those annotations from the metadata and
puts them in words: per kind, what is held (tables and columns), why, on what basis and
for how long, the numbers taken from the settings of the moment. Nothing here is written
twice: a new column with personal data shows up in the register once it is annotated, and
a test refuses a column that looks personal but is not annotated.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from app.accounts.throttle import WINDOW
from app.config import Settings
from app.db import Base
from app.i18n import gettext as _
from app.i18n import lazy_gettext as _l
from app.models.personal import INFO_KEY, KINDS, Basis, Category, PersonalData, Retention

TITLES: dict[str, str] = {
    "account": _l("Account details"),
    "credentials": _l("Password and second factor"),
    "session": _l("Sign-in sessions"),
    "linked_identity": _l("Link with a sign-in provider"),
    "sign_in_failure": _l("Failed sign-ins"),
    "consent": _l("Consent to the privacy statement"),
    "role": _l("Roles"),
    "application": _l("Applications for a group or as chef"),
    "participation": _l("Taking part: meetings, support, flags, mood checks"),
    "contribution": _l("Contributions to the dialogue"),
    "council": _l("Council work: amendments, signatures, workshop input"),
    "notification": _l("Notifications and their settings"),
    "mail": _l("Mails sent"),
    "staff_record": _l("Who decided, reviewed or recorded what"),
    "audit": _l("Audit trail"),
    "export": _l("Requests for one's own data"),
}

PURPOSES: dict[str, str] = {
    "account": _l(
        "To give a person an account, reach them by mail, and show the name they chose "
        "(a pseudonym is fine) with what they write."
    ),
    "credentials": _l("To let only the person sign in to their account."),
    "session": _l(
        "To keep a person signed in, and to let them see and end their sessions on other devices."
    ),
    "linked_identity": _l("To sign in through the municipality's own sign-in service."),
    "sign_in_failure": _l("To slow down people who guess passwords."),
    "consent": _l("To show that the person agreed to the privacy statement, and to which version."),
    "role": _l("To know who may do what in the dialogue, and who gave them that role."),
    "application": _l(
        "To choose the chefs and the members of the theme groups, on what they bring."
    ),
    "participation": _l(
        "To organise meetings (places, waiting list, attendance), count support for "
        "proposals, and let the chef and steering group follow how things go."
    ),
    "contribution": _l(
        "To run the dialogue in the open: proposals, comments, questions and texts are "
        "shown with the name their author chose, and stay part of the process record."
    ),
    "council": _l("To record the council's work on the savings, which is public."),
    "notification": _l("To tell a person about reactions and decisions, as they chose."),
    "mail": _l("To send mails (confirmation, reset, notifications) and show they were sent."),
    "staff_record": _l(
        "To account for decisions: which official, chef, reviewer or clerk did what."
    ),
    "audit": _l("To account for every change, and to find misuse."),
    "export": _l("To give a person everything the platform holds about them (AVG art. 15 and 20)."),
}

CATEGORIES: dict[Category, str] = {
    Category.ACCOUNT: _l("Identity and contact"),
    Category.CREDENTIALS: _l("Sign-in secrets"),
    Category.SIGN_IN: _l("Sign-in data"),
    Category.CONSENT: _l("Consent"),
    Category.APPLICATION: _l("Applications"),
    Category.PARTICIPATION: _l("Participation"),
    Category.CONTRIBUTION: _l("Contributions"),
    Category.COMMUNICATION: _l("Communication"),
    Category.ACCOUNTABILITY: _l("Accountability"),
    Category.AUDIT: _l("Audit trail"),
    Category.REQUEST: _l("Data subject requests"),
}

BASES: dict[Basis, str] = {
    Basis.PUBLIC_TASK: _l("Public task (AVG art. 6(1)(e))"),
    Basis.LEGAL_OBLIGATION: _l("Legal obligation (AVG art. 6(1)(c))"),
    Basis.CONSENT: _l("Consent (AVG art. 6(1)(a))"),
}


@dataclass(frozen=True)
class HeldIn:
    table: str
    columns: tuple[str, ...]


@dataclass(frozen=True)
class RegisterRow:
    """One kind of personal data, in words, with where it is held."""

    kind: PersonalData
    title: str
    category: str
    purpose: str
    basis: str
    retention: str
    held_in: tuple[HeldIn, ...]


def annotated_columns() -> dict[PersonalData, dict[str, list[str]]]:
    """Kind -> table -> columns, in the order of the metadata (tables) and the model."""
    found: dict[PersonalData, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for table in sorted(Base.metadata.tables.values(), key=lambda t: t.name):
        for column in table.columns:
            kind = column.info.get(INFO_KEY)
            if isinstance(kind, PersonalData):
                found[kind][table.name].append(column.name)
    return found


def retention_text(retention: Retention, settings: Settings) -> str:
    """How long, in words, with the numbers of the current settings."""
    if retention is Retention.ACCOUNT:
        months = settings.privacy.inactive_account_months
        if months <= 0:  # the retention run leaves accounts alone
            return _("As long as the account exists, until the person deletes it.")
        return _(
            "As long as the account exists. An account not used for %(months)d months is "
            "erased, and so is this data.",
            months=months,
        )
    if retention is Retention.SESSION:
        return _(
            "Until the person signs out; at most %(days)d days (%(hours)d hours for staff).",
            days=settings.accounts.absolute_days,
            hours=settings.accounts.staff_absolute_hours,
        )
    if retention is Retention.SIGN_IN_FAILURE:
        return _(
            "Counted for %(minutes)d minutes; removed when the account signs in successfully.",
            minutes=int(WINDOW.total_seconds() // 60),
        )
    if retention is Retention.CLOSED_PROCESS:
        months = settings.privacy.closed_process_months
        if months <= 0:
            return _("As long as the process record is kept, until the account is erased.")
        return _(
            "Until %(months)d months after the process closed; then it is anonymised.",
            months=months,
        )
    if retention is Retention.PUBLIC_RECORD:
        return _(
            "Kept as part of the process record. When the account is erased, the name is "
            "replaced by “former participant”."
        )
    return _(
        "The file is removed after %(days)d days; the note that it was made stays with "
        "the account.",
        days=settings.privacy.export_days,
    )


def register_rows(settings: Settings) -> list[RegisterRow]:
    """The register, one row per kind that some column holds, in the order of KINDS."""
    found = annotated_columns()
    rows = []
    for kind in KINDS:
        tables = found.get(kind)
        if not tables:
            continue
        rows.append(
            RegisterRow(
                kind=kind,
                title=str(TITLES[kind.key]),
                category=str(CATEGORIES[kind.category]),
                purpose=str(PURPOSES[kind.key]),
                basis=str(BASES[kind.basis]),
                retention=retention_text(kind.retention, settings),
                held_in=tuple(HeldIn(name, tuple(cols)) for name, cols in tables.items()),
            )
        )
    return rows
