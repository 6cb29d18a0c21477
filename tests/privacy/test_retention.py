"""Retention: inactive accounts are erased (never one with a role), applications of long
closed processes lose what the applicant wrote, and the run says what it did."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from app.access.roles import Role
from app.config import Settings, get_settings
from app.db import organization_scope, utcnow
from app.jobs import JobStatus
from app.models import (
    AuditEntry,
    ExpertApplication,
    Group,
    Job,
    Organization,
    Phase,
    Process,
    ProposalComment,
    User,
)
from app.privacy import retention
from app.privacy.retention import months_before, next_run_after, run_retention, schedule_next
from tests.discussion.conftest import Stage
from tests.discussion.conftest import stage as stage
from tests.factories import make_user

LONG_AGO = datetime(2020, 1, 15, 12, 0, tzinfo=UTC)


def _age(db: Session, organization: Organization, user: User, *, signed_in: bool) -> None:
    """Make the account old: made, and (maybe) last signed in, long ago."""
    with organization_scope(db, organization.id):
        db.execute(
            update(User)
            .where(User.id == user.id)
            .values(created_at=LONG_AGO, last_sign_in_at=LONG_AGO if signed_in else None)
        )
        db.expire_all()


def _run(
    db: Session, settings: Settings, organization: Organization, *, dry_run: bool = False
) -> retention.RetentionReport:
    with organization_scope(db, organization.id):
        return run_retention(db, settings, organization, dry_run=dry_run)


def test_months_before_counts_calendar_months() -> None:
    assert months_before(datetime(2026, 3, 31, tzinfo=UTC), 1) == datetime(2026, 2, 28, tzinfo=UTC)
    assert months_before(datetime(2026, 1, 10, tzinfo=UTC), 24) == datetime(2024, 1, 10, tzinfo=UTC)


def test_inactive_accounts_are_erased_but_not_the_active_nor_role_holders(
    db: Session, settings: Settings, organization: Organization
) -> None:
    asleep = make_user(db, organization, email="slaap@example.org", display_name="Slaap")
    never = make_user(db, organization, email="nooit@example.org", display_name="Nooit")
    recent = make_user(db, organization, email="net@example.org", display_name="Net")
    official = make_user(
        db, organization, email="olga@example.org", display_name="Olga", roles=[Role.OFFICIAL]
    )
    _age(db, organization, asleep, signed_in=True)
    _age(db, organization, never, signed_in=False)
    _age(db, organization, official, signed_in=True)
    _age(db, organization, recent, signed_in=True)
    with organization_scope(db, organization.id):
        db.execute(update(User).where(User.id == recent.id).values(last_sign_in_at=utcnow()))

    preview = _run(db, settings, organization, dry_run=True)
    assert preview.accounts_erased == 2
    assert preview.accounts_with_role == [official.id]
    with organization_scope(db, organization.id):
        assert db.get_one(User, asleep.id).erased_at is None  # a dry run changes nothing
        assert not db.scalars(
            select(AuditEntry).where(AuditEntry.action == "privacy.retention_run")
        ).all()

    report = _run(db, settings, organization)
    assert report.accounts_erased == 2
    assert report.accounts_with_role == [official.id]
    with organization_scope(db, organization.id):
        db.expire_all()
        erased = {u.id for u in db.scalars(select(User).where(User.erased_at.is_not(None)))}
        entry = db.scalars(
            select(AuditEntry).where(AuditEntry.action == "privacy.retention_run")
        ).one()
        by_retention = db.scalars(
            select(AuditEntry).where(AuditEntry.action == "user.erased")
        ).all()
    assert erased == {asleep.id, never.id}
    assert entry.actor_label == "system"
    assert entry.after is not None
    assert entry.after["accounts_erased"] == 2
    assert entry.after["accounts_with_role"] == [official.id]
    assert {e.after["by"] for e in by_retention if e.after} == {"retention"}
    # Once erased, an account is not counted again.
    assert _run(db, settings, organization).accounts_erased == 0


def test_a_recent_contribution_keeps_an_account(
    db: Session, settings: Settings, organization: Organization, stage: Stage
) -> None:
    bram = stage.people["bram"]
    carla = stage.people["carla"]
    for person in stage.people.values():
        _age(db, organization, person, signed_in=True)
    with organization_scope(db, organization.id):
        db.add(ProposalComment(proposal_id=stage.discussed.id, author_id=bram.id, body="Ja."))
        db.flush()
    report = _run(db, settings, organization, dry_run=True)
    with organization_scope(db, organization.id):
        candidates = {u.id for u in retention.inactive_accounts(db, utcnow() - timedelta(days=30))}
    assert bram.id not in candidates
    assert carla.id in candidates
    # Annelies's proposals were made just now, in the fixture: she stays.
    assert stage.people["annelies"].id not in candidates
    assert report.accounts_erased == len(candidates - {p.id for p in _holders(db, stage)})


def _holders(db: Session, stage: Stage) -> list[User]:
    return [p for name, p in stage.people.items() if name in ("ruud", "sanne", "olga")] + [
        stage.people[n] for n in ("annelies", "bram", "sem")
    ]


def test_applications_of_long_closed_processes_lose_what_the_applicant_wrote(
    db: Session, settings: Settings, organization: Organization, stage: Stage
) -> None:
    carla = stage.people["carla"]
    with organization_scope(db, organization.id):
        group = db.get_one(Group, stage.onderwijs.id)
        db.add(
            ExpertApplication(
                process_id=stage.process.id,
                group_id=group.id,
                user_id=carla.id,
                motivation="Ik werk al twintig jaar in het onderwijs.",
                expertise="Leerlingenvervoer",
                organization_name="Scholengroep",
                status="accepted",
            )
        )
        db.flush()
        # The process's last phase ends next year: it still runs.
        db.execute(
            update(Phase)
            .where(Phase.process_id == stage.process.id)
            .values(ends_on=utcnow().date() + timedelta(days=365))
        )
    assert _run(db, settings, organization).applications_anonymised == 0

    with organization_scope(db, organization.id):
        process = db.get_one(Process, stage.process.id)
        db.execute(
            update(Phase)
            .where(Phase.process_id == process.id)
            .values(ends_on=date(2020, 1, 1), starts_on=date(2019, 1, 1))
        )
    report = _run(db, settings, organization)
    assert report.applications_anonymised == 1
    with organization_scope(db, organization.id):
        db.expire_all()
        application = db.scalars(select(ExpertApplication)).one()
    assert application.motivation == ""
    assert application.expertise == ""
    assert application.organization_name == ""
    assert application.status == "accepted"  # who was in the group stays
    assert _run(db, settings, organization).applications_anonymised == 0


def test_the_job_runs_every_organization_and_queues_the_next_night(
    db: Session, settings: Settings, organization: Organization
) -> None:
    asleep = make_user(db, organization, email="slaap@example.org")
    _age(db, organization, asleep, signed_in=False)
    retention.retention_job(db, settings)
    with organization_scope(db, organization.id):
        assert db.get_one(User, asleep.id).erased_at is not None
    queued = db.scalars(select(Job).where(Job.name == retention.JOB_NAME)).all()
    assert len(queued) == 1
    assert queued[0].status == JobStatus.QUEUED
    assert queued[0].run_after > utcnow()
    assert queued[0].organization_id is None
    assert schedule_next(db, settings) is None  # one waiting run is enough


def test_the_next_run_is_at_night_in_the_local_zone(settings: Settings) -> None:
    evening = datetime(2026, 6, 1, 20, 0, tzinfo=UTC)  # 22:00 in Amsterdam
    assert next_run_after(settings, evening) == datetime(2026, 6, 2, 1, 30, tzinfo=UTC)
    night = datetime(2026, 6, 1, 0, 0, tzinfo=UTC)  # 02:00 in Amsterdam
    assert next_run_after(settings, night) == datetime(2026, 6, 1, 1, 30, tzinfo=UTC)


def test_the_command_counts_without_changing_in_a_dry_run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []

    def fake(db: Session, settings: Settings, *, dry_run: bool = False) -> list[object]:
        seen.append(dry_run)
        return [retention.RetentionReport(organization="zeist", dry_run=dry_run)]

    monkeypatch.setattr(retention, "run_everywhere", fake)
    monkeypatch.setenv("DIALOOG_DATABASE_URL", "sqlite://")
    get_settings.cache_clear()
    try:
        assert retention.main(["--dry-run"]) == 0
    finally:
        get_settings.cache_clear()
    assert seen == [True]
    assert "zeist: 0 account(s) would be erased" in capsys.readouterr().out


def test_app_start_queues_one_run_when_none_waits(
    db: Session, settings: Settings, session_factory: sessionmaker[Session]
) -> None:
    retention.ensure_scheduled(session_factory, settings)
    retention.ensure_scheduled(session_factory, settings)
    waiting = db.scalars(select(Job).where(Job.name == retention.JOB_NAME)).all()
    assert len(waiting) == 1
    assert timedelta(0) < waiting[0].run_after - waiting[0].created_at <= timedelta(days=1)


def test_the_run_removes_attachment_files_no_row_points_at(
    db: Session, settings: Settings, organization: Organization
) -> None:
    import os

    from app.attachments.storage import SWEEP_GRACE_SECONDS, folder_of

    folder = folder_of(settings.uploads_dir, organization.id)
    folder.mkdir(parents=True, exist_ok=True)
    orphan = folder / ("d" * 32)  # its proposal went by a cascade: no attachments row
    orphan.write_bytes(b"%PDF-1.4\n")
    long_ago = utcnow().timestamp() - SWEEP_GRACE_SECONDS - 60
    os.utime(orphan, (long_ago, long_ago))

    assert _run(db, settings, organization, dry_run=True).orphan_files_removed == 1
    assert orphan.exists()
    assert _run(db, settings, organization).orphan_files_removed == 1
    assert not orphan.exists()
