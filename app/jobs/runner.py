"""Claims queued jobs and runs them, each in its own transaction."""

from __future__ import annotations

import threading
import traceback
from datetime import timedelta
from typing import Literal

import structlog
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.db import ORGANIZATION_KEY, utcnow
from app.jobs.queue import JobStatus, registered_jobs
from app.models import Job

log = structlog.get_logger("dialoog.jobs")

POLL_SECONDS = 5.0


# A job still "running" this long after it started belongs to a process that stopped
# (a deploy, a crash): it is taken up again, and the attempt counts.
STALE_AFTER = timedelta(minutes=15)


def _claim(session: Session) -> Job | None:
    now = utcnow()
    due = (Job.status == JobStatus.QUEUED) & (Job.run_after <= now)
    stale = (Job.status == JobStatus.RUNNING) & (Job.started_at < now - STALE_AFTER)
    claimed = session.scalar(
        select(Job).where(due | stale).order_by(Job.id).limit(1).with_for_update(skip_locked=True)
    )
    if claimed is not None:
        if claimed.status == JobStatus.RUNNING:
            log.warning("job.reclaimed", job_id=claimed.id, job=claimed.name)
        if claimed.attempts >= claimed.max_attempts:
            claimed.status, claimed.finished_at = JobStatus.FAILED, now
            claimed.error = (claimed.error or "") + "\nstopped while running, attempts used up"
            return None
        claimed.status = JobStatus.RUNNING
        claimed.attempts += 1
        claimed.started_at = now
    return claimed


def run_one(factory: sessionmaker[Session], settings: Settings) -> bool:
    """Run the oldest due job, if any; returns whether there was one."""
    with factory() as session:
        claimed = _claim(session)
        if claimed is None:
            session.rollback()
            return False
        session.commit()
        job_id, name, arguments = claimed.id, claimed.name, dict(claimed.arguments)
        organization_id = claimed.organization_id

    log.info("job.started", job_id=job_id, job=name)
    with factory() as session:
        if organization_id is not None:
            session.info[ORGANIZATION_KEY] = organization_id
        try:
            registered_jobs()[name](session, settings, **arguments)
            done = session.get(Job, job_id)
            assert done is not None  # noqa: S101 - claimed above
            done.status = JobStatus.DONE
            done.finished_at = utcnow()
            done.error = None
            session.commit()
            log.info("job.done", job_id=job_id, job=name)
        except Exception:
            session.rollback()
            _record_failure(factory, job_id, traceback.format_exc(limit=5))
    return True


def _record_failure(factory: sessionmaker[Session], job_id: int, error: str) -> None:
    with factory() as session:
        failed = session.get(Job, job_id)
        if failed is None:
            return
        failed.error = error[-4000:]
        if failed.attempts >= failed.max_attempts:
            failed.status = JobStatus.FAILED
            failed.finished_at = utcnow()
            log.error("job.failed", job_id=job_id, job=failed.name, attempts=failed.attempts)
        else:
            # Back off: 10 s, 40 s, 90 s, ... so a mail server that is down gets time.
            failed.status = JobStatus.QUEUED
            failed.run_after = utcnow() + timedelta(seconds=10 * failed.attempts**2)
            log.warning("job.retry", job_id=job_id, job=failed.name, attempts=failed.attempts)
        session.commit()


def run_pending(factory: sessionmaker[Session], settings: Settings, limit: int = 100) -> int:
    count = 0
    while count < limit and run_one(factory, settings):
        count += 1
    return count


class JobRunner:
    """The app's runner: a worker thread, or inline (tests) right after each commit."""

    def __init__(self, factory: sessionmaker[Session], settings: Settings) -> None:
        self.factory = factory
        self.settings = settings
        self.mode: Literal["thread", "inline", "off"] = settings.jobs_mode
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self.mode == "thread" and self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="dialoog-jobs", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    def after_commit(self) -> None:
        """Called by the unit of work when a transaction that queued jobs has committed."""
        if self.mode == "inline":
            run_pending(self.factory, self.settings)
        elif self.mode == "thread":
            self._wake.set()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                run_pending(self.factory, self.settings)
            except Exception:  # a broken database must not end the thread
                log.exception("jobs.loop_failed")
            self._wake.wait(POLL_SECONDS)
            self._wake.clear()
