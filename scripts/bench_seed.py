"""The large case for the load benchmark: ten times Zeist, in Zeist's own organization.

The demo (loaded through the use cases, so every row is one the app itself would write) is
copied nine times over, table by table, in plain ``INSERT ... SELECT`` statements: each copy
gets its ids shifted by a multiple of ``OFFSET``, every foreign key to a copied table shifted
with it, and the few values that must stay unique (a process's slug, a person's e-mail)
suffixed. So the copies are whole processes with their own themes, experts, proposals,
reviews, product sheets and decided council, living beside the original in the same tables
and the same organization, which is what a page's indexes and filters must cope with.

Then the comments are topped up to ``COMMENTS`` in all, 200 of them on one proposal (the
benchmark's "proposal with 200 comments"), and the search index is rebuilt from the
published items, as ``python -m app.search rebuild`` would.

PostgreSQL only: it is what production runs, and what the benchmark measures.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session

from app.db import ALL_ORGANIZATIONS, Base, organization_scope
from app.demo.copies import copy_statement, move_sequences_on
from app.models import Organization
from app.search.indexer import rebuild

COPIES = 9  # besides the original: ten times Zeist
OFFSET = 10_000_000  # copy k's ids are the original's + k * OFFSET (the demo's stay far below)
COMMENTS = 20_000
BUSY_PROPOSAL_COMMENTS = 200

# Rows that belong to the organization or to one person's sign-in, not to a process; and
# what the app rebuilds or never needs copied (the index, the log, queued work, sent mail).
NOT_COPIED = frozenset(
    {
        "alembic_version", "organizations", "organization_hosts", "pages", "taakvelden",
        "council_parties", "search_entries", "audit_entries", "user_sessions",
        "external_identities", "sign_in_failures", "jobs", "mails", "document_builds",
        "data_exports", "attachments",  # their files are not copied either
    }
)  # fmt: skip


@dataclass(frozen=True)
class Seeded:
    processes: int
    proposals: int
    comments: int
    experts: int
    busy_proposal_id: int
    search_entries: int


# What must stay unique, or tell the copies apart; copy k is numbered k + 1.
OVERRIDES = {
    "users.email": "regexp_replace(email, '@', '+' || :k || '@')",
    "processes.slug": "slug || '-' || :k",
    "processes.name": "name || ' (' || (:k + 1) || ')'",
}


def _copy(conn: Connection, organization_id: int) -> None:
    # A table without an organization or an id of its own (the shared rate limit counters)
    # is bookkeeping of the server, not part of a process.
    tables = [
        t
        for t in Base.metadata.sorted_tables
        if t.name not in NOT_COPIED and "organization_id" in t.c and "id" in t.c
    ]
    copied = {t.name for t in tables}
    for table in tables:
        statement = copy_statement(
            table,
            copied,
            shift=f":k * {OFFSET}",
            where=f"organization_id = :organization AND id < {OFFSET}",
            overrides=OVERRIDES,
        )
        for k in range(1, COPIES + 1):
            conn.execute(statement, {"k": k, "organization": organization_id})
    move_sequences_on(conn, tables)


def _top_up_comments(conn: Connection, organization_id: int) -> int:
    """The busy proposal (the original's most discussed one) gets 200 comments; the rest go
    round the other submitted proposals, so every one has a discussion."""
    busy = conn.execute(
        text(
            "SELECT p.id FROM proposals p LEFT JOIN proposal_comments c ON c.proposal_id = p.id "
            "WHERE p.organization_id = :o AND p.submitted_at IS NOT NULL AND p.id < :offset "
            "GROUP BY p.id ORDER BY count(c.id) DESC, p.id LIMIT 1"
        ),
        {"o": organization_id, "offset": OFFSET},
    ).scalar_one()
    author = (
        "(SELECT id FROM users WHERE organization_id = :o ORDER BY id LIMIT 1 OFFSET (n % 500))"
    )
    insert = (
        "INSERT INTO proposal_comments (proposal_id, parent_id, author_id, body, created_at, "
        "flag_count, flags_handled, organization_id) "
        f"SELECT {{proposal}}, NULL, {author}, "
        "'Reactie ' || n || ': wat betekent dit voor de mensen die het nu gebruiken?', "
        "timestamptz '2011-06-01 09:00+02' + n * interval '1 minute', 0, false, :o "
        "FROM generate_series(1, :n) AS n"
    )
    have = conn.execute(
        text("SELECT count(*) FROM proposal_comments WHERE proposal_id = :p"), {"p": busy}
    ).scalar_one()
    conn.execute(
        text(insert.format(proposal=":p")),
        {"p": busy, "o": organization_id, "n": max(0, BUSY_PROPOSAL_COMMENTS - have)},
    )
    total = conn.execute(text("SELECT count(*) FROM proposal_comments")).scalar_one()
    others = (
        "(SELECT id FROM proposals WHERE organization_id = :o AND submitted_at IS NOT NULL "
        "AND id <> :p ORDER BY id OFFSET (n % (SELECT count(*) FROM proposals "
        "WHERE organization_id = :o AND submitted_at IS NOT NULL AND id <> :p) ) LIMIT 1)"
    )
    conn.execute(
        text(insert.format(proposal=others)),
        {"p": busy, "o": organization_id, "n": max(0, COMMENTS - total)},
    )
    return int(busy)


def seed_large(session: Session, organization_slug: str = "zeist") -> Seeded:
    """Copies the loaded demo's ``organization_slug`` nine times over; run once, on a
    database with the demo just loaded."""
    organization = session.scalars(
        select(Organization).where(Organization.slug == organization_slug),
        execution_options={ALL_ORGANIZATIONS: True},
    ).one()
    conn = session.connection()
    _copy(conn, organization.id)
    busy = _top_up_comments(conn, organization.id)
    with organization_scope(session, organization.id):
        rebuild(session, organization)
    session.flush()

    def count(sql: str) -> int:
        return int(conn.execute(text(sql), {"o": organization.id}).scalar_one())

    return Seeded(
        processes=count("SELECT count(*) FROM processes WHERE organization_id = :o"),
        proposals=count("SELECT count(*) FROM proposals WHERE organization_id = :o"),
        comments=count("SELECT count(*) FROM proposal_comments WHERE organization_id = :o"),
        experts=count(
            "SELECT count(DISTINCT user_id) FROM role_assignments "
            "WHERE organization_id = :o AND role = 'expert'"
        ),
        busy_proposal_id=busy,
        search_entries=count("SELECT count(*) FROM search_entries WHERE organization_id = :o"),
    )
