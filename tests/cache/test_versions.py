"""The content version moves on with every committed write to what pages show, once per
transaction, and not for bookkeeping or for what was rolled back."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from app.config import RateLimit
from app.db import ALL_ORGANIZATIONS, organization_scope, utcnow
from app.models import Notification, Organization, Process, User
from app.security.rate_limit import hit
from tests.factories import make_organization, make_process, make_user


def _version(db: Session, organization: Organization) -> int:
    return db.scalars(
        select(Organization.content_version).where(Organization.id == organization.id),
        execution_options={ALL_ORGANIZATIONS: True},
    ).one()


def test_a_committed_write_moves_the_version_on_once(
    db: Session, session_factory: sessionmaker[Session], organization: Organization
) -> None:
    process = make_process(db, organization)
    db.commit()
    start = _version(db, organization)
    with session_factory() as s, organization_scope(s, organization.id):
        changed = s.get(Process, process.id)
        assert changed is not None
        changed.title = "Samen besparen"
        s.flush()
        changed.title = "Samen besparen, deel 2"  # two flushes, one transaction
        s.commit()
    assert _version(db, organization) == start + 1
    with session_factory() as s, organization_scope(s, organization.id):
        s.execute(update(Process).where(Process.id == process.id).values(title="Anders"))
        s.commit()
    assert _version(db, organization) == start + 2


def test_bookkeeping_and_rolled_back_writes_leave_it(
    db: Session, session_factory: sessionmaker[Session], organization: Organization
) -> None:
    user = make_user(db, organization, email="lezer@example.org")
    process = make_process(db, organization)
    db.commit()
    start = _version(db, organization)
    with session_factory() as s, organization_scope(s, organization.id):
        s.add(Notification(user_id=user.id, kind="test", params={}, link="/", created_at=utcnow()))
        s.commit()
    with session_factory() as s, organization_scope(s, organization.id):
        changed = s.get(Process, process.id)
        assert changed is not None
        changed.title = "Nooit bewaard"
        s.flush()
        s.rollback()
    with session_factory() as s, organization_scope(s, organization.id):
        s.commit()  # nothing written
    with session_factory() as s, organization_scope(s, organization.id):
        # A search counted against its address's rate limit: every search would
        # otherwise throw away every kept page of the organization.
        hit(s, "search:test", RateLimit(requests=10, seconds=60))
        s.commit()
    with session_factory() as s, organization_scope(s, organization.id):
        reader = s.get(User, user.id)
        assert reader is not None
        reader.last_sign_in_at = utcnow()  # a sign-in shows on no page
        s.commit()
    assert _version(db, organization) == start
    with session_factory() as s, organization_scope(s, organization.id):
        reader = s.get(User, user.id)
        assert reader is not None
        reader.display_name = "Lezer"  # but a name does
        s.commit()
    assert _version(db, organization) == start + 1


def test_only_the_organization_written_to_moves_on(
    db: Session, session_factory: sessionmaker[Session], organization: Organization
) -> None:
    other = make_organization(db, slug="elders", name="Gemeente Elders", hosts=("elders.test",))
    db.commit()
    mine, theirs = _version(db, organization), _version(db, other)
    with session_factory() as s, organization_scope(s, organization.id):
        s.execute(update(User).where(User.email == "niemand@example.org").values(display_name="x"))
        s.commit()
    assert (_version(db, organization), _version(db, other)) == (mine + 1, theirs)
