"""What a column holds about a person, said where the column is declared.

Each column with personal data carries ``info=personal(KIND)``: the kind names the
category of data, why it is processed, on what basis (AVG art. 6) and how long it is kept.
The record of processing (AVG art. 30, :mod:`app.privacy.register`) is generated from
these annotations, so it is written once, next to the data, and cannot drift from it.

The vocabulary lives with the models rather than in :mod:`app.privacy`: the models import
it, and importing the ``app.privacy`` package loads its permission predicates, which load
the models (a cycle). The words people read are made by :mod:`app.privacy.register`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

INFO_KEY = "personal"


class Category(StrEnum):
    ACCOUNT = "account"  # who the person is to the platform: address, chosen name
    CREDENTIALS = "credentials"  # how they prove it: password hash, second factor
    SIGN_IN = "sign_in"  # where and how they signed in, and failed attempts
    CONSENT = "consent"  # what they agreed to, and when
    APPLICATION = "application"  # what they wrote to join a group or to run one
    PARTICIPATION = "participation"  # meetings, support, mood checks: taking part
    CONTRIBUTION = "contribution"  # what they wrote in the dialogue, public or shared
    COMMUNICATION = "communication"  # notifications and mails sent to them
    ACCOUNTABILITY = "accountability"  # who decided, reviewed or recorded what (staff)
    AUDIT = "audit"  # the audit trail of actions
    REQUEST = "request"  # their own requests about their data (exports)


class Basis(StrEnum):
    """The lawful basis (AVG art. 6(1)). A municipality runs a dialogue on its budget as a
    public task; consent is recorded as proof (art. 7(1)), a legal obligation."""

    PUBLIC_TASK = "public_task"  # art. 6(1)(e)
    LEGAL_OBLIGATION = "legal_obligation"  # art. 6(1)(c)
    CONSENT = "consent"  # art. 6(1)(a)


class Retention(StrEnum):
    """How long; the numbers come from the settings when the register is shown."""

    ACCOUNT = "account"  # while the account exists; inactive accounts are erased
    SESSION = "session"  # until sign-out or the session's absolute time-out
    SIGN_IN_FAILURE = "sign_in_failure"  # counted briefly, removed at the next sign-in
    CLOSED_PROCESS = "closed_process"  # until some months after the process closed
    PUBLIC_RECORD = "public_record"  # part of the process record; name goes on erasure
    EXPORT = "export"  # a few days, then the file is removed


@dataclass(frozen=True)
class PersonalData:
    """One kind of personal data: the row of the register its columns are listed under."""

    key: str  # stable, e.g. "account": names the kind in the register and its tests
    category: Category
    basis: Basis
    retention: Retention


def personal(kind: PersonalData) -> dict[str, Any]:
    """The ``info`` of a column holding ``kind`` (a fresh dict: SQLAlchemy keeps it)."""
    return {INFO_KEY: kind}


# The kinds in use. Each is one row of the register; its purpose is written there.
ACCOUNT = PersonalData("account", Category.ACCOUNT, Basis.PUBLIC_TASK, Retention.ACCOUNT)
CREDENTIALS = PersonalData(
    "credentials", Category.CREDENTIALS, Basis.PUBLIC_TASK, Retention.ACCOUNT
)
SESSION = PersonalData("session", Category.SIGN_IN, Basis.PUBLIC_TASK, Retention.SESSION)
LINKED_IDENTITY = PersonalData(
    "linked_identity", Category.SIGN_IN, Basis.PUBLIC_TASK, Retention.ACCOUNT
)
SIGN_IN_FAILURE = PersonalData(
    "sign_in_failure", Category.SIGN_IN, Basis.PUBLIC_TASK, Retention.SIGN_IN_FAILURE
)
CONSENT = PersonalData("consent", Category.CONSENT, Basis.LEGAL_OBLIGATION, Retention.ACCOUNT)
ROLE = PersonalData("role", Category.ACCOUNTABILITY, Basis.PUBLIC_TASK, Retention.PUBLIC_RECORD)
APPLICATION = PersonalData(
    "application", Category.APPLICATION, Basis.PUBLIC_TASK, Retention.CLOSED_PROCESS
)
PARTICIPATION = PersonalData(
    "participation", Category.PARTICIPATION, Basis.PUBLIC_TASK, Retention.CLOSED_PROCESS
)
CONTRIBUTION = PersonalData(
    "contribution", Category.CONTRIBUTION, Basis.PUBLIC_TASK, Retention.PUBLIC_RECORD
)
COUNCIL = PersonalData("council", Category.CONTRIBUTION, Basis.PUBLIC_TASK, Retention.PUBLIC_RECORD)
NOTIFICATION = PersonalData(
    "notification", Category.COMMUNICATION, Basis.PUBLIC_TASK, Retention.ACCOUNT
)
MAIL = PersonalData("mail", Category.COMMUNICATION, Basis.PUBLIC_TASK, Retention.ACCOUNT)
STAFF_RECORD = PersonalData(
    "staff_record", Category.ACCOUNTABILITY, Basis.PUBLIC_TASK, Retention.PUBLIC_RECORD
)
AUDIT = PersonalData("audit", Category.AUDIT, Basis.LEGAL_OBLIGATION, Retention.PUBLIC_RECORD)
EXPORT = PersonalData("export", Category.REQUEST, Basis.LEGAL_OBLIGATION, Retention.EXPORT)

KINDS: tuple[PersonalData, ...] = (
    ACCOUNT,
    CREDENTIALS,
    SESSION,
    LINKED_IDENTITY,
    SIGN_IN_FAILURE,
    CONSENT,
    ROLE,
    APPLICATION,
    PARTICIPATION,
    CONTRIBUTION,
    COUNCIL,
    NOTIFICATION,
    MAIL,
    STAFF_RECORD,
    AUDIT,
    EXPORT,
)
