"""The signed-in person is loaded before every signed-in page, so it costs one statement:
session, account, roles and the bell's unread count together (issue #13)."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session
from starlette.requests import Request

from app.access.actor import Actor
from app.access.roles import Role, ScopeType
from app.access.service import grant_role, revoke_role
from app.accounts.sessions import cookie_name, load_actor, organization_and_actor
from app.db import ORGANIZATION_KEY, organization_scope
from app.models import Organization, User
from app.organizations.queries import OrganizationView
from tests.conftest import QueryCounter
from tests.factories import make_organization, make_user
from tests.notifications.helpers import make_notification
from tests.web.helpers import sign_in


def _request_with(client: TestClient | None, app: FastAPI, host: str = "") -> Request:
    """A request on ``host`` with ``client``'s session cookie (none without a client)."""
    headers = [(b"host", host.encode())]
    if client is not None:
        name = cookie_name(app.state.settings)
        headers.append((b"cookie", f"{name}={client.cookies[name]}".encode()))
    return Request({"type": "http", "headers": headers})


@pytest.fixture
def chef(client: TestClient, db: Session, organization: Organization) -> User:
    """Annelies, chef, signed in, with three unread notifications and one read."""
    user = make_user(db, organization, email="annelies@example.org", roles=[Role.CHEF])
    for minutes in range(3):
        make_notification(db, organization, user, minutes_ago=minutes)
    make_notification(db, organization, user, minutes_ago=9, read=True)
    sign_in(client, "annelies@example.org")
    return user


def _is_the_chef(actor: Actor | None, chef: User) -> None:
    assert actor is not None
    assert actor.id == chef.id
    assert actor.unread_notifications == 3
    assert actor.has_role(Role.CHEF)
    assert (Role.CHEF, ScopeType.ORGANIZATION, None) in actor.roles


def test_the_actor_is_one_statement_whatever_their_roles_and_notifications(
    client: TestClient,
    app: FastAPI,
    db: Session,
    organization: Organization,
    queries: QueryCounter,
    chef: User,
) -> None:
    request = _request_with(client, app)

    with organization_scope(db, organization.id):
        before = queries.count
        actor = load_actor(db, request, app.state.settings)
        assert queries.count - before == 1

    _is_the_chef(actor, chef)


def test_an_unknown_cookie_is_nobody(client: TestClient, app: FastAPI, db: Session) -> None:
    name = cookie_name(app.state.settings)
    request = Request({"type": "http", "headers": [(b"cookie", f"{name}=rubbish".encode())]})
    assert load_actor(db, request, app.state.settings) is None


def test_a_session_of_one_organization_is_nobody_in_another(
    client: TestClient, app: FastAPI, db: Session, organization: Organization
) -> None:
    """The statement is Core, past the ORM's organization filter (app.db): it filters
    each table itself, and this holds it to that."""
    make_user(db, organization, email="annelies@example.org", roles=[Role.CHEF])
    other = make_organization(db, slug="hoogeveen", hosts=("hoogeveen.test",))
    sign_in(client, "annelies@example.org")
    request = _request_with(client, app)

    with organization_scope(db, other.id):
        assert load_actor(db, request, app.state.settings) is None
    with organization_scope(db, organization.id):
        assert load_actor(db, request, app.state.settings) is not None


def test_a_revoked_role_is_not_held(
    client: TestClient, app: FastAPI, db: Session, organization: Organization
) -> None:
    user = make_user(db, organization, email="annelies@example.org")
    with organization_scope(db, organization.id):
        assignment = grant_role(db, "test", user, Role.CHEF)
        revoke_role(db, "test", assignment, user)
    sign_in(client, "annelies@example.org")

    with organization_scope(db, organization.id):
        actor = load_actor(db, _request_with(client, app), app.state.settings)
    assert actor is not None
    assert actor.roles == frozenset()


def test_the_account_row_is_loaded_only_when_a_use_case_asks(
    client: TestClient,
    app: FastAPI,
    db: Session,
    organization: Organization,
    queries: QueryCounter,
) -> None:
    user = make_user(db, organization, email="annelies@example.org")
    sign_in(client, "annelies@example.org")
    db.expunge_all()  # as a request's own session starts: nothing loaded yet

    with organization_scope(db, organization.id):
        actor = load_actor(db, _request_with(client, app), app.state.settings)
        assert actor is not None
        before = queries.count
        row = actor.user
        assert queries.count - before == 1
        assert row.id == user.id
        assert actor.user is row
        assert queries.count - before == 1


def _ids(found: tuple[OrganizationView | None, Actor | None]) -> tuple[int | None, int | None]:
    organization, actor = found
    return (organization.id if organization else None, actor.id if actor else None)


def test_the_organization_and_the_person_are_one_statement(
    client: TestClient,
    app: FastAPI,
    db: Session,
    organization: Organization,
    queries: QueryCounter,
    chef: User,
) -> None:
    """What every signed-in page asks first: the host's organization and who is signed in."""
    db.info.pop(ORGANIZATION_KEY, None)

    before = queries.count
    found, actor = organization_and_actor(
        db, _request_with(client, app, "testdorp.test"), app.state.settings
    )
    assert queries.count - before == 1
    assert found is not None
    assert found.id == organization.id
    assert db.info[ORGANIZATION_KEY] == organization.id  # scoped for the rest of the page
    _is_the_chef(actor, chef)


def test_the_person_is_only_found_within_the_hosts_organization(
    client: TestClient, app: FastAPI, db: Session, organization: Organization
) -> None:
    user = make_user(db, organization, email="annelies@example.org")
    other = make_organization(db, slug="hoogeveen", hosts=("hoogeveen.test",))
    sign_in(client, "annelies@example.org")
    settings = app.state.settings

    def ids(host: str, signed_in: bool = True) -> tuple[int | None, int | None]:
        request = _request_with(client if signed_in else None, app, host)
        return _ids(organization_and_actor(db, request, settings))

    assert ids("hoogeveen.test") == (other.id, None)
    # No claim of its own: a development host is the default organization, person and all.
    assert ids("localhost") == (organization.id, user.id)
    assert ids("elders.test") == (None, None)
    assert ids("testdorp.test", signed_in=False) == (organization.id, None)
