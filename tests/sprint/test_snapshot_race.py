"""Two steering members publishing interim standings at the same moment get numbers 1 and
2, never two snapshots numbered 1 (the number is the highest plus one, and nothing in the
table makes it unique). On SQLite the second waits at its BEGIN IMMEDIATE anyway; on
PostgreSQL the lock on the sprint's row is what makes it wait."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from sqlalchemy import select

from app.db import make_engine, make_session_factory, organization_scope
from app.models import StandingsSnapshot
from app.sprint import steering_service
from app.sprint.loading import sprint_place
from tests.databases import fresh_database, migrate
from tests.sprint.fixtures_queue import SLUG, make_sprint_stage

STEERING = "regie@example.org"


def test_two_publishers_at_once_get_two_numbers(sqlite_dir: Path) -> None:
    from tests.factories import make_organization

    url = fresh_database("snapshots", sqlite_dir)
    migrate(url)
    engine = make_engine(url)
    factory = make_session_factory(engine)
    try:
        with factory.begin() as setup:
            organization = make_organization(setup, slug="testdorp", hosts=("testdorp.test",))
            stage = make_sprint_stage(setup, organization)
            org_id = organization.id
            actor = stage.actor(setup, STEERING)
        first, second = factory(), factory()
        numbers: dict[str, int] = {}

        def publish_second() -> None:
            with organization_scope(second, org_id):
                place = sprint_place(second, SLUG)
                numbers["second"] = steering_service.publish_standings(
                    second, actor, place, ""
                ).number
                second.commit()

        with organization_scope(first, org_id):
            place = sprint_place(first, SLUG)
            numbers["first"] = steering_service.publish_standings(first, actor, place, "").number
            thread = threading.Thread(target=publish_second)
            thread.start()
            time.sleep(1.0)
            first.commit()
            thread.join(timeout=10)
        assert sorted(numbers.values()) == [1, 2]
        with factory() as check, organization_scope(check, org_id):
            assert sorted(check.scalars(select(StandingsSnapshot.number))) == [1, 2]
        first.close()
        second.close()
    finally:
        engine.dispose()
