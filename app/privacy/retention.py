"""Retention (AVG art. 5(1)(e)): personal data is kept no longer than needed.

Once a day, per organization (PrivacySettings):

* an account without a sign-in and without a contribution for ``inactive_account_months``
  is erased like a person's own erasure (app.privacy.erasure_service); an account holding
  a role is never erased by the job: its ids are reported (log and audit) for the admin;
* what applicants wrote about themselves (motivation, expertise, experience, stake, their
  organization, the chef's message) is emptied once the last phase of their process ended
  ``closed_process_months`` ago; the application itself (who was in which group) stays;
* the confirmation mails of erasures, once sent, are removed: they hold the last copy of
  an erased address.

The run says what it did: an audit entry ``privacy.retention_run`` with the counts, and a
log line. It runs as the job ``privacy.retention``, which queues its own next run for the
next night; app start queues one when none is waiting (``ensure_scheduled``). By hand:
``python -m app.privacy.retention [--dry-run]``.
"""

from __future__ import annotations

import argparse
import calendar
from dataclasses import asdict, dataclass, field
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import structlog
from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from app.attachments.storage import sweep_orphans
from app.audit.service import SYSTEM_ACTOR, record
from app.config import Settings, get_settings
from app.db import organization_scope, utcnow
from app.jobs import JobStatus, enqueue, job
from app.models import (
    Attachment,
    ChefApplication,
    ExpertApplication,
    Job,
    Mail,
    Organization,
    Phase,
    Proposal,
    ProposalComment,
    ProposalRevision,
    RoleAssignment,
    SectionComment,
    SectionRevision,
    User,
    WorkshopInput,
)
from app.privacy.erasure_service import ERASED_MAIL_KIND, erase_account

log = structlog.get_logger("dialoog.privacy")

JOB_NAME = "privacy.retention"
RUN_AT = time(3, 30)  # local time: a quiet hour


@dataclass
class RetentionReport:
    organization: str
    dry_run: bool
    accounts_erased: int = 0
    # Inactive, but holding a role: for the admin to look at, never erased by the job.
    accounts_with_role: list[int] = field(default_factory=list)
    applications_anonymised: int = 0
    mails_removed: int = 0
    # Attachment files no row points at (their proposal went by a cascade) and leftovers
    # of crashed uploads.
    orphan_files_removed: int = 0

    def counts(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if k not in ("organization", "dry_run")}


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time ``months`` calendar months earlier (the month's last day
    when it is shorter)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def _active_since(cutoff: datetime) -> list[Any]:
    """Subqueries of the accounts that contributed something since ``cutoff``."""
    return [
        select(Proposal.author_id).where(Proposal.created_at >= cutoff),
        select(ProposalRevision.author_id).where(ProposalRevision.created_at >= cutoff),
        select(ProposalComment.author_id).where(ProposalComment.created_at >= cutoff),
        select(SectionRevision.author_id).where(SectionRevision.created_at >= cutoff),
        select(SectionComment.author_id).where(SectionComment.created_at >= cutoff),
        select(WorkshopInput.author_id).where(WorkshopInput.created_at >= cutoff),
    ]


def inactive_accounts(db: Session, cutoff: datetime) -> list[User]:
    """Accounts (not erased yet) made before ``cutoff``, without a sign-in or a
    contribution since, in one query."""
    query = select(User).where(
        User.erased_at.is_(None),
        User.created_at < cutoff,
        User.last_sign_in_at.is_(None) | (User.last_sign_in_at < cutoff),
    )
    for active in _active_since(cutoff):
        query = query.where(User.id.not_in(active.where(active.selected_columns[0].is_not(None))))
    return list(db.scalars(query.order_by(User.id)))


def _role_holders(db: Session, ids: list[int]) -> set[int]:
    if not ids:
        return set()
    return set(
        db.scalars(
            select(RoleAssignment.user_id).where(
                RoleAssignment.user_id.in_(ids), RoleAssignment.revoked_at.is_(None)
            )
        )
    )


def closed_process_ids(db: Session, cutoff: datetime) -> list[int]:
    """Processes whose last phase ended before ``cutoff``."""
    return list(
        db.scalars(
            select(Phase.process_id)
            .group_by(Phase.process_id)
            .having(func.max(Phase.ends_on) < cutoff.date())
        )
    )


def _anonymise_applications(db: Session, process_ids: list[int], dry_run: bool) -> int:
    if not process_ids:
        return 0
    expert_filled = (
        (ExpertApplication.motivation != "")
        | (ExpertApplication.expertise != "")
        | (ExpertApplication.experience != "")
        | (ExpertApplication.stake != "")
        | (ExpertApplication.organization_name != "")
        | ExpertApplication.decision_message.is_not(None)
    )
    chef_filled = (
        (ChefApplication.motivation != "")
        | (ChefApplication.competencies != "")
        | ChefApplication.decision_message.is_not(None)
    )
    expert_where = (ExpertApplication.process_id.in_(process_ids), expert_filled)
    chef_where = (ChefApplication.process_id.in_(process_ids), chef_filled)
    count = len(db.scalars(select(ExpertApplication.id).where(*expert_where)).all())
    count += len(db.scalars(select(ChefApplication.id).where(*chef_where)).all())
    if dry_run or not count:
        return count
    db.execute(
        update(ExpertApplication)
        .where(*expert_where)
        .values(
            motivation="",
            expertise="",
            experience="",
            stake="",
            organization_name="",
            decision_message=None,
        )
        .execution_options(synchronize_session=False)
    )
    db.execute(
        update(ChefApplication)
        .where(*chef_where)
        .values(motivation="", competencies="", decision_message=None)
        .execution_options(synchronize_session=False)
    )
    return count


def _remove_erasure_mails(db: Session, dry_run: bool) -> int:
    where = (Mail.kind == ERASED_MAIL_KIND, Mail.status.in_(("sent", "kept")))
    mails = list(db.scalars(select(Mail).where(*where)))
    if not dry_run:
        for mail in mails:
            db.delete(mail)
    return len(mails)


def run_retention(
    db: Session,
    settings: Settings,
    organization: Organization,
    *,
    now: datetime | None = None,
    dry_run: bool = False,
) -> RetentionReport:
    """One organization's run; ``db`` must be scoped to it. Flushes, never commits."""
    from app.web.templating import make_environment  # the mails; not needed to import this

    now = now or utcnow()
    privacy = settings.privacy
    report = RetentionReport(organization=organization.slug, dry_run=dry_run)
    if privacy.inactive_account_months > 0:
        inactive = inactive_accounts(db, months_before(now, privacy.inactive_account_months))
        holders = _role_holders(db, [u.id for u in inactive])
        report.accounts_with_role = sorted(holders)
        to_erase = [u for u in inactive if u.id not in holders]
        report.accounts_erased = len(to_erase)
        if to_erase and not dry_run:
            jinja = make_environment(auto_reload=False)
            for user in to_erase:
                erase_account(db, jinja, settings, user, by=None, retention=True)
    if privacy.closed_process_months > 0:
        closed = closed_process_ids(db, months_before(now, privacy.closed_process_months))
        report.applications_anonymised = _anonymise_applications(db, closed, dry_run)
    report.mails_removed = _remove_erasure_mails(db, dry_run)
    kept = set(db.scalars(select(Attachment.stored_name)))
    report.orphan_files_removed = sweep_orphans(
        settings.uploads_dir, organization.id, kept, now=now.timestamp(), dry_run=dry_run
    )
    if not dry_run:
        record(
            db,
            actor=SYSTEM_ACTOR,
            action="privacy.retention_run",
            target=organization,
            after=report.counts(),
        )
        db.flush()
    log.info(
        "privacy.retention_run",
        organization=organization.slug,
        dry_run=dry_run,
        **report.counts(),
    )
    return report


def run_everywhere(
    db: Session, settings: Settings, *, now: datetime | None = None, dry_run: bool = False
) -> list[RetentionReport]:
    reports = []
    for organization in db.scalars(select(Organization).order_by(Organization.id)).all():
        with organization_scope(db, organization.id):
            reports.append(run_retention(db, settings, organization, now=now, dry_run=dry_run))
    return reports


def next_run_after(settings: Settings, now: datetime | None = None) -> datetime:
    """The next RUN_AT in the organization's time zone, as UTC: tomorrow night, or
    tonight when that is still ahead."""
    zone = ZoneInfo(settings.timezone)
    local = (now or utcnow()).astimezone(zone)
    candidate = datetime.combine(local.date(), RUN_AT, tzinfo=zone)
    if candidate <= local:
        candidate = datetime.combine(local.date() + timedelta(days=1), RUN_AT, tzinfo=zone)
    return candidate.astimezone(ZoneInfo("UTC"))


def _waiting(db: Session) -> bool:
    return (
        db.scalar(
            select(func.count(Job.id)).where(Job.name == JOB_NAME, Job.status == JobStatus.QUEUED)
        )
        or 0
    ) > 0


# Any fixed number: the advisory lock that lets one process at a time look for a waiting
# run and queue one (every worker of a deployment calls ensure_scheduled as it starts).
_SCHEDULE_LOCK = 0x5E7E_4710


def schedule_next(db: Session, settings: Settings, now: datetime | None = None) -> Job | None:
    """Queue the next night's run unless one is waiting already. On PostgreSQL the check
    and the insert hold a transaction-level lock: four workers starting at once queued
    four runs without it. SQLite already runs one writing transaction at a time."""
    if db.get_bind().dialect.name == "postgresql":
        db.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEDULE_LOCK})
    if _waiting(db):
        return None
    return enqueue(db, JOB_NAME, max_attempts=3, run_after=next_run_after(settings, now))


def ensure_scheduled(factory: sessionmaker[Session], settings: Settings) -> None:
    """At app start: make sure a run is queued (the chain of daily runs ends when a run
    fails for good, or before the first start)."""
    try:
        with factory.begin() as db:  # the unit of work of this start-up step
            schedule_next(db, settings)
    except Exception:  # a database not migrated yet must not stop the app from starting
        log.exception("privacy.retention_not_scheduled")


@job(JOB_NAME)
def retention_job(db: Session, settings: Settings) -> None:
    run_everywhere(db, settings)
    schedule_next(db, settings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m app.privacy.retention",
        description="Erase inactive accounts and anonymise applications of closed processes.",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="count what would be done; change nothing"
    )
    options = parser.parse_args(argv)
    # The erasures queue their mails as jobs: the mail job must be known to queue them.
    from app.db import make_engine, make_session_factory
    from app.mail import sending  # noqa: F401

    settings = get_settings()
    engine = make_engine(settings.database_url, settings)
    factory = make_session_factory(engine)
    if options.dry_run:
        with factory() as db:
            reports = run_everywhere(db, settings, dry_run=True)
            db.rollback()
    else:
        with factory.begin() as db:  # the command is the unit of work
            reports = run_everywhere(db, settings)
    engine.dispose()
    verb = "would be" if options.dry_run else "were"
    if not reports:
        print("No organizations.")  # noqa: T201 - the command's output
    for r in reports:
        print(  # noqa: T201 - the command's output
            f"{r.organization}: {r.accounts_erased} account(s) {verb} erased, "
            f"{len(r.accounts_with_role)} inactive with a role kept {r.accounts_with_role}, "
            f"{r.applications_anonymised} application(s) {verb} anonymised, "
            f"{r.mails_removed} erasure mail(s) {verb} removed"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
