"""Pieces several revisions need, in SQL for both databases."""

from __future__ import annotations

from alembic import op


def make_append_only(table: str) -> None:
    """Database triggers that refuse UPDATE and DELETE on ``table``: the audit trail stays
    append-only even for a script that bypasses the ORM. Safe to call again after SQLite
    rebuilt the table (batch mode), which drops its triggers."""
    drop_append_only(table)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            """
            CREATE OR REPLACE FUNCTION dialoog_refuse_change() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
            END $$
            """
        )
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION dialoog_refuse_change()"
        )
        op.execute(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION dialoog_refuse_change()"
        )
    else:
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )


def drop_append_only(table: str) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
    else:
        for event in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{event}")


# Made in SQL by the revisions for one database only, so not in the models: SQLite's
# full-text table for the search (with FTS5's own shadow tables) and PostgreSQL's GIN
# index on the search's tsvector. Autogenerate and the drift test leave them alone.
UNMODELLED_TABLE_PREFIXES = ("search_fts",)
UNMODELLED_INDEXES = frozenset({"ix_search_entries_stemmed"})


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic's ``include_name`` hook: compare everything but the objects above."""
    if type_ == "table" and name is not None:
        return not name.startswith(UNMODELLED_TABLE_PREFIXES)
    if type_ == "index":
        return name not in UNMODELLED_INDEXES
    return True
