"""Erasure (AVG art. 17): a person's account is emptied of personal data, in place.

The ``users`` row stays: proposals, comments, revisions, amendments and the audit trail
point at it (many without ON DELETE, the audit trail is append-only), and the process
record must stay complete. What identifies the person is overwritten; what belongs to
the person alone is deleted; public contributions stay and are shown as written by a
"former participant" (pages ask ``erased_at`` through the ``display_name`` filter, so
English pages say it in English).

Decisions, so they are not made again by accident:

* **Consents stay.** A consent row holds the document, its version and the time, tied to
  the (now anonymous) account id: it is the proof that the processing before the
  erasure had its basis (AVG art. 7(1)), and it no longer says who gave it.
* **Signature labels** ("Name (#id)") in ordinary tables are rewritten to the bare
  ``(#id)``, which pages show as "former participant". Append-only tables (revisions,
  transitions, council votes, product sheet steps, editions, the audit trail) refuse
  updates by database trigger: their labels keep the name as it was written, as part
  of the process record, which the municipality keeps under its public task
  (AVG art. 6(1)(e), the Archiefwet). Pages show those labels through ``person_name``,
  which names an erased account "former participant" too (app.privacy.display).
* **The audit trail's ``actor_label``** is internal staff data under the same basis: it
  is read by admins and the privacy officer only, and is not rewritten (it cannot be).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import structlog
from jinja2 import Environment
from sqlalchemy import String, delete, select, update
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.roles import Role, ScopeType
from app.audit.service import SYSTEM_ACTOR, record
from app.config import Settings
from app.db import AppendOnly, Base, OrganizationScoped, utcnow
from app.documents import storage
from app.errors import Conflict
from app.i18n import gettext as _
from app.mail.service import queue_mail
from app.models import (
    AmendmentSignature,
    ChefApplication,
    DataExport,
    ExpertApplication,
    ExternalIdentity,
    Mail,
    MeetingRegistration,
    Notification,
    NotificationPreference,
    RoleAssignment,
    SignInFailure,
    User,
    UserSession,
)
from app.privacy import display
from app.security.events import ERASURE, security_event

log = structlog.get_logger("dialoog.privacy")

# What the users row holds instead of a name (app.privacy.display): no language, no
# person; pages show "former participant" for it.
ERASED_DISPLAY_NAME = display.ERASED_DISPLAY_NAME
ERASED_LOCALE = "nl"
# The mail kind of the confirmation; retention removes these once sent (app.privacy
# .retention), as they hold the last copy of the erased address.
ERASED_MAIL_KIND = "account_erased"

# Who erased: the person, an admin on request, or the retention job.
BY_SELF = "self"
BY_RETENTION = "retention"


def erased_email(user_id: int) -> str:
    """Unique per account and no address anyone can receive mail at (RFC 6761 .invalid)."""
    return f"erased-{user_id}@invalid"


def erased_signature(user_id: int) -> str:
    """The stored label of an erased person: the id without a name (app.privacy.display)."""
    return f"(#{user_id})"


@dataclass(frozen=True)
class Erasure:
    user_id: int
    by: str  # "self", "retention" or the admin's account id
    sessions_ended: int
    labels_rewritten: int


def signature_columns() -> list[Any]:
    """Columns of ordinary (not append-only) tables that may hold a person's signature
    "Name (#id)" (app.audit.service.signature): labels and "…_by" names."""
    columns = []
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if issubclass(cls, AppendOnly) or not issubclass(cls, OrganizationScoped):
            continue
        for column in mapper.columns:
            named_like_a_label = column.key.endswith(("_label", "_by")) or (
                cls is AmendmentSignature and column.key == "label"
            )
            if named_like_a_label and isinstance(column.type, String):
                columns.append(getattr(cls, column.key))
    return columns


def _rewrite_signatures(db: Session, user_id: int) -> int:
    """Every "Name (#id)" of this person becomes "(#id)". The id at the end identifies
    the person exactly: another's name that merely contains "(#id)" ends in their own."""
    rewritten = 0
    suffix = f" (#{user_id})"
    for column in signature_columns():
        result = db.execute(
            update(column.class_)
            .where(column.endswith(suffix, autoescape=True))
            .values({column.key: erased_signature(user_id)})
            .execution_options(synchronize_session=False)
        )
        rewritten += int(getattr(result, "rowcount", 0) or 0)
    return rewritten


def is_last_admin(db: Session, user: User) -> bool:
    holds = select(RoleAssignment.user_id).where(
        RoleAssignment.role == Role.ADMIN,
        RoleAssignment.scope_type == ScopeType.ORGANIZATION,
        RoleAssignment.revoked_at.is_(None),
    )
    admins = set(db.scalars(holds).all())
    return admins == {user.id}


def check_erasable(db: Session, user: User) -> None:
    """Conflict, with the reason in words, when this account cannot be erased now."""
    if user.erased_at is not None:
        raise Conflict(_("This account has been erased already."))
    if is_last_admin(db, user):
        raise Conflict(
            _(
                "This is the last administrator of the organization. Grant the role to "
                "someone else first."
            )
        )


def _remove_export_files(db: Session, settings: Settings, user_id: int) -> None:
    names = db.scalars(
        select(DataExport.file_name).where(
            DataExport.user_id == user_id, DataExport.file_name.is_not(None)
        )
    ).all()
    for name in names:
        # Stored the way app.privacy.export_job stores it; refuses a key outside the folder.
        storage.remove(settings.exports_dir, name)
    db.execute(delete(DataExport).where(DataExport.user_id == user_id))


def _delete_own_data(db: Session, settings: Settings, user: User) -> int:
    """What belongs to the person alone; returns how many sessions ended."""
    ended = db.execute(delete(UserSession).where(UserSession.user_id == user.id))
    # Without its link the provider's subject may register anew as a new person.
    db.execute(delete(ExternalIdentity).where(ExternalIdentity.user_id == user.id))
    db.execute(delete(Notification).where(Notification.user_id == user.id))
    db.execute(delete(NotificationPreference).where(NotificationPreference.user_id == user.id))
    db.execute(delete(SignInFailure).where(SignInFailure.email == user.email))
    db.execute(delete(MeetingRegistration).where(MeetingRegistration.user_id == user.id))
    # Mails already sent hold the address and a greeting by name.
    db.execute(
        delete(Mail)
        .where(Mail.recipient == user.email, Mail.status.in_(("sent", "kept")))
        .execution_options(synchronize_session=False)
    )
    _remove_export_files(db, settings, user.id)
    # An application stays (a group's membership, the chef's decision) without what the
    # person wrote about themselves.
    db.execute(
        update(ExpertApplication)
        .where(ExpertApplication.user_id == user.id)
        .values(
            expertise="",
            experience="",
            stake="",
            organization_name="",
            motivation="",
            decision_message=None,
        )
        .execution_options(synchronize_session=False)
    )
    db.execute(
        update(ChefApplication)
        .where(ChefApplication.user_id == user.id)
        .values(motivation="", competencies="", decision_message=None)
        .execution_options(synchronize_session=False)
    )
    # Roles end with the account: nobody can sign in to it any more.
    db.execute(
        update(RoleAssignment)
        .where(RoleAssignment.user_id == user.id, RoleAssignment.revoked_at.is_(None))
        .values(revoked_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return int(getattr(ended, "rowcount", 0) or 0)


def _overwrite(user: User) -> None:
    user.email = erased_email(user.id)
    user.display_name = ERASED_DISPLAY_NAME
    user.email_confirmed_at = None
    user.password_hash = None
    user.totp_secret = None
    user.totp_confirmed_at = None
    user.totp_last_step = None
    user.locale = ERASED_LOCALE
    user.notify_by_mail = False
    user.last_sign_in_at = None
    user.erased_at = utcnow()


def erase_account(
    db: Session,
    jinja: Environment,
    settings: Settings,
    user: User,
    *,
    by: Actor | None,
    reason: str | None = None,
    retention: bool = False,
) -> Erasure:
    """Erase ``user``: by the person (``by`` is their own actor), by an admin on request
    (``by`` the admin, with ``reason``), or by retention (``by`` None, ``retention``).

    Raises Conflict when the account was erased already or is the last admin's. Mails the
    person at the address about to be overwritten, first."""
    check_erasable(db, user)
    if retention:
        who: str = BY_RETENTION
    elif by is not None and by.id == user.id:
        who = BY_SELF
    else:
        who = str(by.id) if by is not None else BY_RETENTION
    queue_mail(
        db,
        jinja,
        to=user.email,
        kind=ERASED_MAIL_KIND,
        locale=user.locale,
        context={"user": user, "who": who},
    )
    db.flush()
    sessions = _delete_own_data(db, settings, user)
    labels = _rewrite_signatures(db, user.id)
    _overwrite(user)
    db.flush()
    # The person's own erasure is signed by the emptied row (its id, no name); an admin's
    # by the admin; retention by the system.
    actor: User | Actor | str = user if who == BY_SELF else (by or SYSTEM_ACTOR)
    record(
        db,
        actor=actor,
        action="user.erased",
        target=user,
        after={"by": "self" if who == BY_SELF else ("retention" if retention else "admin")},
        reason=reason,
    )
    security_event(ERASURE, warning=True, account=user.id, by=who, sessions=sessions)
    log.info("privacy.erased", account=user.id, by=who, labels=labels)
    return Erasure(user.id, who, sessions, labels)
