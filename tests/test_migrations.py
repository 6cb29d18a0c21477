"""The migrations are the only way a schema is made: they must match the models exactly,
and every revision must go down and up again cleanly."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from app.db import Base, make_engine
from migrations.helpers import include_name
from tests.databases import alembic_config, fresh_database


def test_models_and_migrations_do_not_drift(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": include_name}
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == [], f"models and migrations differ; add a revision: {differences}"


def test_every_revision_downgrades_and_upgrades(sqlite_dir: Path) -> None:
    url = fresh_database("migrations", sqlite_dir)
    config = alembic_config(url)
    command.upgrade(config, "head")
    command.downgrade(config, "base")
    engine = make_engine(url)
    try:
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        command.upgrade(config, "head")
        assert {"organizations", "audit_entries", "pages"} <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_revision_history_is_linear() -> None:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert len(script.get_heads()) == 1, "two migration heads: merge them"
