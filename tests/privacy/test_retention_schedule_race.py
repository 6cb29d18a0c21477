"""Every worker of a deployment makes sure a retention run is queued as it starts. Two
starting at the same moment queue one run, not two: on PostgreSQL an advisory lock makes
the second wait for the first's commit; on SQLite its BEGIN IMMEDIATE does."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from app.config import Settings
from app.db import make_engine, make_session_factory
from app.models import Job
from app.privacy.retention import JOB_NAME, schedule_next
from tests.databases import fresh_database, migrate

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


def test_two_workers_starting_at_once_queue_one_run(sqlite_dir: Path) -> None:
    url = fresh_database("retention_race", sqlite_dir)
    migrate(url)
    engine = make_engine(url)
    factory = make_session_factory(engine)
    settings = Settings(database_url=url)
    try:
        first, second = factory(), factory()
        queued: dict[str, bool] = {}

        def start_second() -> None:
            queued["second"] = schedule_next(second, settings, NOW) is not None
            second.commit()

        queued["first"] = schedule_next(first, settings, NOW) is not None
        thread = threading.Thread(target=start_second)
        thread.start()
        time.sleep(1.0)  # the second is waiting now, or has wrongly queued its own
        first.commit()
        thread.join(timeout=10)
        assert queued == {"first": True, "second": False}
        with factory() as check:
            count = check.scalar(select(func.count(Job.id)).where(Job.name == JOB_NAME))
        assert count == 1
        first.close()
        second.close()
    finally:
        engine.dispose()
