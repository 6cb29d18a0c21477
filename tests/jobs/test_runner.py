from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.db import utcnow
from app.jobs import enqueue, job
from app.jobs.runner import run_pending
from app.models import Job

CALLS: list[int] = []


@job("test.record")
def record_call(session: Session, settings: Settings, *, number: int) -> None:
    CALLS.append(number)


@job("test.always_fails")
def always_fails(session: Session, settings: Settings) -> None:
    raise RuntimeError("kapot")


def test_jobs_run_in_order_and_are_marked_done(
    db: Session, session_factory: sessionmaker[Session], settings: Settings
) -> None:
    CALLS.clear()
    for n in (1, 2, 3):
        enqueue(db, "test.record", number=n)
    db.commit()
    assert run_pending(session_factory, settings) == 3
    assert CALLS == [1, 2, 3]
    db.expire_all()
    assert set(db.scalars(select(Job.status))) == {"done"}


def test_a_job_that_keeps_failing_ends_as_failed_with_the_reason(
    db: Session, session_factory: sessionmaker[Session], settings: Settings
) -> None:
    queued = enqueue(db, "test.always_fails", max_attempts=1)
    db.commit()
    run_pending(session_factory, settings)
    db.expire_all()
    failed = db.get(Job, queued.id)
    assert failed is not None
    assert failed.status == "failed"
    assert failed.error
    assert "kapot" in failed.error


def test_a_job_left_running_by_a_stopped_process_is_taken_up_again(
    db: Session, session_factory: sessionmaker[Session], settings: Settings
) -> None:
    CALLS.clear()
    stuck = enqueue(db, "test.record", number=7)
    stuck.status = "running"
    stuck.attempts = 1
    stuck.started_at = utcnow() - timedelta(hours=1)
    db.commit()
    assert run_pending(session_factory, settings) == 1
    assert CALLS == [7]
    db.expire_all()
    done = db.get(Job, stuck.id)
    assert done is not None
    assert (done.status, done.attempts) == ("done", 2)
