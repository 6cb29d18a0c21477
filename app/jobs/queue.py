from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from app.db import ORGANIZATION_KEY
from app.models import Job

JOBS_QUEUED = "jobs_queued"

JobFunction = Callable[..., None]
_REGISTRY: dict[str, JobFunction] = {}


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


def job(name: str) -> Callable[[JobFunction], JobFunction]:
    """Register ``func(session, settings, **arguments)`` as the job called ``name``."""

    def register(func: JobFunction) -> JobFunction:
        if name in _REGISTRY:
            raise ValueError(f"job {name!r} registered twice")
        _REGISTRY[name] = func
        return func

    return register


def registered_jobs() -> dict[str, JobFunction]:
    return dict(_REGISTRY)


def enqueue(
    session: Session,
    name: str,
    *,
    max_attempts: int = 5,
    run_after: datetime | None = None,
    **arguments: Any,
) -> Job:
    """Queue a job in the current transaction: it runs only if this transaction commits,
    and not before ``run_after`` (a reminder the day before), when given."""
    if name not in _REGISTRY:
        raise LookupError(f"no job named {name!r}")
    queued = Job(
        name=name,
        arguments=arguments,
        organization_id=session.info.get(ORGANIZATION_KEY),
        max_attempts=max_attempts,
    )
    if run_after is not None:
        queued.run_after = run_after
    session.add(queued)
    session.info[JOBS_QUEUED] = True
    return queued
