"""The organization's content version: a number that every committed write to what its
pages show moves on by one, so anything rendered under the old number is simply not
asked for any more (app.cache.pages keys its pages by it).

The session notes which organizations a transaction wrote to, from the objects it
flushes and from the UPDATE, INSERT and DELETE statements it executes, and moves their
versions on in one UPDATE just before it commits. Bookkeeping that no page shows (sign-in
sessions, the job queue, sent mail, the audit trail, the search index, one's own
notifications) moves nothing. A write from outside the app's sessions is not seen; the
page cache also keys by the minute, so such a write shows within a minute."""

from __future__ import annotations

from itertools import chain
from typing import Any

from sqlalchemy import event, inspect, update
from sqlalchemy.orm import ORMExecuteState, Session

from app.db import ORGANIZATION_KEY, OrganizationScoped
from app.models import Organization

# Rows of these tables are not on any page that is cached (or are derived from rows that
# are): writing them leaves the version alone.
NOT_CONTENT = frozenset(
    {
        "user_sessions", "jobs", "mails", "audit_entries", "sign_in_failures",
        "search_entries", "notifications", "notification_preferences",
        "external_identities", "sprint_events", "sprint_review_claims",
        "sprint_mood_checks", "sprint_messages", "rate_limit_counters",
        "data_exports",
    }
)  # fmt: skip
# Columns no page shows: a row whose only changes are these moves nothing (a sign-in
# would otherwise re-render every kept page of the organization).
NOT_CONTENT_COLUMNS = {
    "users": frozenset(
        {
            "last_sign_in_at", "password_hash", "notify_by_mail", "totp_secret",
            "totp_confirmed_at", "totp_last_step",
        }
    )
}  # fmt: skip
_CHANGED = "content_changed"  # session.info: ids of organizations written to (None: all)
_OWN = "content_version_bump"  # execution option of the bump itself


def _note(session: Session, organization_id: int | None) -> None:
    session.info.setdefault(_CHANGED, set()).add(organization_id)


@event.listens_for(Session, "after_flush")
def _note_flushed(session: Session, _context: Any) -> None:
    for obj in chain(session.new, session.dirty, session.deleted):
        if isinstance(obj, Organization):
            _note(session, obj.id)
        elif isinstance(obj, OrganizationScoped) and obj.__table__.name not in NOT_CONTENT:  # type: ignore[attr-defined]
            if obj in session.dirty and not _content_modified(obj):
                continue
            _note(session, obj.organization_id)


def _content_modified(obj: OrganizationScoped) -> bool:
    ignored = NOT_CONTENT_COLUMNS.get(obj.__table__.name, frozenset())  # type: ignore[attr-defined]
    state = inspect(obj)
    return any(attr.key not in ignored and attr.history.has_changes() for attr in state.attrs)


@event.listens_for(Session, "do_orm_execute")
def _note_statement(state: ORMExecuteState) -> None:
    if not (state.is_update or state.is_delete or state.is_insert):
        return
    if state.execution_options.get(_OWN):
        return
    table = getattr(state.statement, "table", None)
    if getattr(table, "name", None) in NOT_CONTENT:
        return
    _note(state.session, state.session.info.get(ORGANIZATION_KEY))


@event.listens_for(Session, "before_commit")
def _move_versions_on(session: Session) -> None:
    session.flush()  # the last flush, which commit would do next, may write content too
    changed = session.info.pop(_CHANGED, None)
    if not changed:
        return
    statement = update(Organization).values(content_version=Organization.content_version + 1)
    if None not in changed:
        statement = statement.where(Organization.id.in_(sorted(changed)))
    session.execute(statement, execution_options={_OWN: True})


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_CHANGED, None)
