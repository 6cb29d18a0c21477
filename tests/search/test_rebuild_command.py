"""``python -m app.search rebuild`` on a database whose items came before the index."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete, select

from app.config import Settings
from app.db import (
    ALL_ORGANIZATIONS,
    make_engine,
    make_session_factory,
    organization_scope,
    utcnow,
)
from app.models import Group, Proposal, SearchEntry
from app.processes.budget_import import import_budget_lines
from app.search import __main__ as command
from tests.databases import fresh_database, migrate
from tests.factories import SMALL_BUDGET, make_organization, make_process, make_user


def test_rebuild_indexes_what_is_already_there(
    sqlite_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = fresh_database("search_rebuild", sqlite_dir)
    migrate(url)
    engine = make_engine(url)
    factory = make_session_factory(engine)
    try:
        with factory.begin() as db:
            organization = make_organization(db, slug="testdorp")
            process = make_process(db, organization)
            author = make_user(db, organization)
            with organization_scope(db, organization.id):
                import_budget_lines(db, "test", process, SMALL_BUDGET.encode())
                group = db.scalars(select(Group)).first()
                assert group is not None
                db.add(
                    Proposal(
                        process_id=process.id, group_id=group.id, author_id=author.id,
                        title="Bibliotheken samen", state="submitted", submitted_at=utcnow(),
                    )
                )  # fmt: skip
                db.flush()
            # As if the items were there before the index.
            db.execute(delete(SearchEntry), execution_options={ALL_ORGANIZATIONS: True})
        monkeypatch.setattr(command, "get_settings", lambda: Settings(database_url=url))
        assert command.main(["rebuild"]) == 0
        assert capsys.readouterr().out == "testdorp: 1 entries\n"
        with factory() as db:
            titles = db.scalars(
                select(SearchEntry.title), execution_options={ALL_ORGANIZATIONS: True}
            ).all()
        assert titles == ["Bibliotheken samen"]
        assert command.main(["rebuild", "elders"]) == 2
    finally:
        engine.dispose()
