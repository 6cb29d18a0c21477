"""document_builds.sprint_id: the sprint result's PDF and XLSX are built like an
edition's documents, so a build belongs to an edition or to a sprint (exactly one)

Revision ID: c4f1d2e8a9b3
Revises: 73a018444359
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c4f1d2e8a9b3"
down_revision: str | Sequence[str] | None = "73a018444359"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("document_builds", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sprint_id", sa.Integer(), nullable=True))
        batch_op.alter_column("edition_id", existing_type=sa.Integer(), nullable=True)
        batch_op.create_foreign_key(
            batch_op.f("fk_document_builds_sprint_id_sprints"),
            "sprints",
            ["sprint_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.create_index("ix_document_builds_sprint_kind", ["sprint_id", "kind"], unique=False)
        batch_op.create_check_constraint(
            "one_subject", "(edition_id IS NULL) <> (sprint_id IS NULL)"
        )


def downgrade() -> None:
    op.execute("DELETE FROM document_builds WHERE sprint_id IS NOT NULL")
    with op.batch_alter_table("document_builds", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_document_builds_one_subject"), type_="check")
        batch_op.drop_index("ix_document_builds_sprint_kind")
        batch_op.drop_constraint(
            batch_op.f("fk_document_builds_sprint_id_sprints"), type_="foreignkey"
        )
        batch_op.alter_column("edition_id", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column("sprint_id")
