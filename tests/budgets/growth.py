"""Makes the demo bigger where the pages look: every proposal of the organization once
more (with its amounts, lines, reviews, product sheet, edition entry, comments and the
rest), every person once more (with their roles in the same groups, their applications
and registrations), and every comment once more on its own proposal.

Plain ``INSERT ... SELECT`` statements from the models' metadata (app.demo.copies): a copied row's
id and its foreign keys to copied tables move by ``OFFSET``; foreign keys to anything else
(the group, the edition, the decision, the process) stay, so the copies land on the same
pages as the originals. It runs on SQLite and PostgreSQL alike."""

from __future__ import annotations

from sqlalchemy import Table
from sqlalchemy.orm import Session

from app.db import Base
from app.demo.copies import copy_statement, move_sequences_on

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


OVERRIDES = {
    "users.email": "replace(email, '@', '+copy@')",
    "amendments.number": f"number + {OFFSET}",
    "sprint_options.number": f"number + {OFFSET}",
}
# A decision has one final vote (and its corrections): the copies vote on amendments only.
_ONLY = {"council_votes": " AND amendment_id IS NOT NULL"}


def grow(session: Session) -> None:
    tables = _copied_tables()
    copied = {t.name for t in tables}
    for table in tables:
        where = f"id < {OFFSET}{_ONLY.get(table.name, '')}"
        session.execute(
            copy_statement(table, copied, shift=str(OFFSET), where=where, overrides=OVERRIDES)
        )
    # Every original comment once more under its own proposal, by the commenter's copy:
    # the discussion on each proposal page doubles (the ids sit above the first copies').
    session.execute(
        copy_statement(
            Base.metadata.tables["proposal_comments"],
            {"proposal_comments", "users"},
            shift=str(2 * OFFSET),
            where=f"id < {OFFSET}",
            overrides={"proposal_comments.author_id": f"author_id + {OFFSET}"},
        )
    )
    move_sequences_on(session.connection(), tables)
