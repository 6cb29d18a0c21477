"""The search index: one row per published item, with its Dutch-stemmed words.

On PostgreSQL the words are a tsvector (``to_tsvector('dutch', ...)``) with a GIN index.
On SQLite they are text stemmed in Python (Snowball's Dutch, the algorithm of PostgreSQL's
``dutch`` configuration), fed to the FTS5 table ``search_fts``: an external-content table
over ``search_entries``, kept in step by triggers (ON DELETE CASCADE fires them too).
Neither index is in the models, as each exists on one database only;
``migrations.helpers.include_name`` keeps them out of the model comparison. A later
revision that rebuilds ``search_entries`` in SQLite's batch mode drops the triggers and
must make them again (``_make_fts``).

Revision ID: 04afe6ca9115
Revises: bf5f5c19574c
Create Date: 2026-11-23 19:22:59.304461
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import app.db

revision: str = "04afe6ca9115"
down_revision: str | Sequence[str] | None = "bf5f5c19574c"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _make_fts() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5("
        "stemmed, content='search_entries', content_rowid='id')"
    )
    op.execute(
        "CREATE TRIGGER search_entries_fts_insert AFTER INSERT ON search_entries BEGIN "
        "INSERT INTO search_fts(rowid, stemmed) VALUES (new.id, new.stemmed); END"
    )
    op.execute(
        "CREATE TRIGGER search_entries_fts_delete AFTER DELETE ON search_entries BEGIN "
        "INSERT INTO search_fts(search_fts, rowid, stemmed) "
        "VALUES ('delete', old.id, old.stemmed); END"
    )
    op.execute(
        "CREATE TRIGGER search_entries_fts_update AFTER UPDATE ON search_entries BEGIN "
        "INSERT INTO search_fts(search_fts, rowid, stemmed) "
        "VALUES ('delete', old.id, old.stemmed); "
        "INSERT INTO search_fts(rowid, stemmed) VALUES (new.id, new.stemmed); END"
    )


def upgrade() -> None:
    op.create_table(
        "search_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("object_id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=True),
        sa.Column("amount", sa.BigInteger(), nullable=True),
        sa.Column("title", sa.String(length=400), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("url", sa.String(length=300), nullable=False),
        sa.Column("published_at", app.db.UtcDateTime(timezone=True), nullable=False),
        sa.Column(
            "stemmed",
            sa.Text().with_variant(postgresql.TSVECTOR(), "postgresql"),
            nullable=False,
        ),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_search_entries_organization_id_organizations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["process_id"],
            ["processes.id"],
            name=op.f("fk_search_entries_process_id_processes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["themes.id"],
            name=op.f("fk_search_entries_theme_id_themes"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_entries")),
        sa.UniqueConstraint("kind", "object_id", name=op.f("uq_search_entries_kind_object_id")),
    )
    with op.batch_alter_table("search_entries", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_search_entries_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(
            "ix_search_entries_process_kind", ["process_id", "kind"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_search_entries_theme_id"), ["theme_id"], unique=False)

    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_search_entries_stemmed ON search_entries USING gin (stemmed)")
    else:
        _make_fts()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_search_entries_stemmed")
    else:
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS search_entries_fts_{trigger}")
        op.execute("DROP TABLE IF EXISTS search_fts")
    with op.batch_alter_table("search_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_search_entries_theme_id"))
        batch_op.drop_index("ix_search_entries_process_kind")
        batch_op.drop_index(batch_op.f("ix_search_entries_organization_id"))

    op.drop_table("search_entries")
