"""Makes the demo bigger where the pages look: every proposal of the organization once
more (with its amounts, lines, reviews, product sheet, edition entry, comments and the
rest), every person once more (with their roles in the same groups, their applications
and registrations), and every comment once more on its own proposal.

Plain ``INSERT ... SELECT`` statements generated from the models' metadata: a copied row's
id and its foreign keys to copied tables move by ``OFFSET``; foreign keys to anything else
(the group, the edition, the decision, the process) stay, so the copies land on the same
pages as the originals. It runs on SQLite and PostgreSQL alike."""

from __future__ import annotations

from sqlalchemy import Column, Integer, Table, text
from sqlalchemy.orm import Session

from app.db import Base

OFFSET = 1_000_000
ROOTS = ("proposals", "users")
# What is not page content, or is rebuilt (the search index) rather than copied.
NOT_COPIED = frozenset(
    {
        "audit_entries", "user_sessions", "external_identities", "sign_in_failures", "jobs",
        "mails", "search_entries", "notifications", "document_builds",
        # Numbered per section: a copy would collide with the original's number.
        "section_revisions",
    }
)  # fmt: skip


def _copied_tables() -> list[Table]:
    """The roots and every table that hangs from them, in dependency order."""
    copied = set(ROOTS)
    changed = True
    while changed:
        changed = False
        for table in Base.metadata.sorted_tables:
            if table.name in copied or table.name in NOT_COPIED:
                continue
            if any(fk.column.table.name in copied for fk in table.foreign_keys):
                copied.add(table.name)
                changed = True
    return [t for t in Base.metadata.sorted_tables if t.name in copied]


def _expression(table: Table, column: Column[object], copied: set[str]) -> str:
    name = column.name
    if column.primary_key and isinstance(column.type, Integer):
        return f"{name} + {OFFSET}"
    for key in column.foreign_keys:
        target = key.column.table.name
        if target in copied:
            return f"{name} + {OFFSET}"
        return name
    if (table.name, name) == ("users", "email"):
        return "replace(email, '@', '+copy@')"
    if (table.name, name) == ("amendments", "number"):
        return f"number + {OFFSET}"
    return name


# A decision has one final vote (and its corrections): the copies vote on amendments only.
_ONLY = {"council_votes": " AND amendment_id IS NOT NULL"}


def _insert(session: Session, table: Table, copied: set[str]) -> None:
    names = ", ".join(c.name for c in table.columns)
    values = ", ".join(_expression(table, c, copied) for c in table.columns)
    only = _ONLY.get(table.name, "")
    session.execute(
        text(
            f"INSERT INTO {table.name} ({names}) SELECT {values} FROM {table.name} "  # noqa: S608 - names from the models
            f"WHERE id < {OFFSET}{only}"
        )
    )


def grow(session: Session) -> None:
    tables = _copied_tables()
    copied = {t.name for t in tables}
    for table in tables:
        _insert(session, table, copied)
    # Every original comment once more under its own proposal, by the commenter's copy:
    # the discussion on each proposal page doubles (the ids sit above the first copies').
    comments = Base.metadata.tables["proposal_comments"]
    names = ", ".join(c.name for c in comments.columns)
    values = ", ".join(
        {
            "id": f"id + {2 * OFFSET}",
            "parent_id": f"parent_id + {2 * OFFSET}",
            "author_id": f"author_id + {OFFSET}",
        }.get(c.name, c.name)
        for c in comments.columns
    )
    session.execute(
        text(
            f"INSERT INTO proposal_comments ({names}) SELECT {values} "  # noqa: S608 - names from the models
            f"FROM proposal_comments WHERE id < {OFFSET}"
        )
    )
    if session.get_bind().dialect.name == "postgresql":
        for table in tables:
            session.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "  # noqa: S608 - as above
                    f"(SELECT max(id) FROM {table.name}))"
                )
            )
