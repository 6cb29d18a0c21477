"""rate_limit_counters: fixed-window counts for the rate limits on sign-in, registration,
comments and search, shared by every app process

Revision ID: a4e4a6a9ee0d
Revises: c4f1d2e8a9b3
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "a4e4a6a9ee0d"
down_revision: str | Sequence[str] | None = "c4f1d2e8a9b3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rate_limit_counters",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("window_end", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", "window_end", name=op.f("pk_rate_limit_counters")),
    )
    op.create_index("ix_rate_limit_counters_window_end", "rate_limit_counters", ["window_end"])


def downgrade() -> None:
    op.drop_index("ix_rate_limit_counters_window_end", table_name="rate_limit_counters")
    op.drop_table("rate_limit_counters")
