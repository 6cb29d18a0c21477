"""Sessions end by themselves (ASVS V7.3): after a while without use, and after a fixed
time, shorter for staff than for citizens."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.access.roles import Role
from app.db import organization_scope, utcnow
from app.models import Organization, UserSession
from app.security.events import SESSION_TIMED_OUT
from tests.factories import make_user
from tests.web.helpers import sign_in


def _age(db: Session, organization: Organization, **ago: timedelta) -> None:
    """Move the session's clock back: created and/or last seen this long ago."""
    now = utcnow()
    with organization_scope(db, organization.id):
        db.execute(update(UserSession).values({name: now - delta for name, delta in ago.items()}))
        db.commit()


def _count(db: Session, organization: Organization) -> int:
    with organization_scope(db, organization.id):
        return len(db.scalars(select(UserSession.id)).all())


def _signed_in(client: TestClient) -> bool:
    return client.get("/profiel", follow_redirects=False).status_code == 200


@pytest.mark.parametrize(
    ("roles", "idle_ok", "idle_over"),
    [
        ((Role.OFFICIAL,), timedelta(minutes=50), timedelta(minutes=61)),
        ((), timedelta(days=13), timedelta(days=15)),
    ],
)
def test_an_idle_session_ends(
    client: TestClient,
    db: Session,
    organization: Organization,
    caplog: pytest.LogCaptureFixture,
    roles: tuple[Role, ...],
    idle_ok: timedelta,
    idle_over: timedelta,
) -> None:
    make_user(db, organization, email="ruud@zeist.example", roles=roles)
    sign_in(client, "ruud@zeist.example")
    _age(db, organization, last_seen_at=idle_ok)
    assert _signed_in(client)

    _age(db, organization, last_seen_at=idle_over)
    response = client.get("/profiel", follow_redirects=False)
    assert response.status_code == 303
    assert "verlopen=1" in response.headers["location"]
    assert _count(db, organization) == 0
    page = client.get(response.headers["location"]).text
    assert "Meld u opnieuw aan" in page or "sign in again" in page.lower()
    assert SESSION_TIMED_OUT in caplog.text
    assert "ruud@zeist.example" not in caplog.text


@pytest.mark.parametrize(
    ("roles", "age"),
    [((Role.ADMIN,), timedelta(hours=12, minutes=1)), ((), timedelta(days=30, minutes=1))],
)
def test_a_session_ends_after_its_absolute_time_however_busy(
    client: TestClient,
    db: Session,
    organization: Organization,
    roles: tuple[Role, ...],
    age: timedelta,
) -> None:
    make_user(db, organization, email="ruud@zeist.example", roles=roles)
    sign_in(client, "ruud@zeist.example")
    _age(db, organization, created_at=age, last_seen_at=timedelta(minutes=1))
    assert not _signed_in(client)
    assert _count(db, organization) == 0


def test_the_bells_poll_is_not_use(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_user(db, organization, email="ruud@zeist.example", roles=(Role.OFFICIAL,))
    sign_in(client, "ruud@zeist.example")
    _age(db, organization, last_seen_at=timedelta(minutes=30))
    client.get("/", headers={"X-Dialoog-Poll": "1"})
    with organization_scope(db, organization.id):
        row = db.scalars(select(UserSession)).one()
        db.refresh(row)
        assert utcnow() - row.last_seen_at > timedelta(minutes=29)
    client.get("/")
    with organization_scope(db, organization.id):
        db.refresh(row)
        assert utcnow() - row.last_seen_at < timedelta(minutes=1)
