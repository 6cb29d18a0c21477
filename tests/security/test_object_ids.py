"""Every object fetched by id is checked against the organization and the person's rights
(issue #12, ASVS V8.2): each route with a path parameter is asked for objects it must not
give, by a person who holds every role in their own organization, so that only the
organization (or process) check can stop them.

The two demo organizations (Zeist, a dialogue; Hoogeveen, a sprint) are the data. Three
ways in, each must end in 404 or 403 and write nothing:

- other organization: every parameter from the other organization, asked on one's own host;
- own place, foreign objects: one's own process, group and theme, the other's objects;
- other process: a second, empty process of one's own organization by slug, with the
  objects of the organization's real process.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app import models as m
from app.access.roles import Role, ScopeType
from app.access.service import grant_role
from app.config import Settings
from app.db import ALL_ORGANIZATIONS, Base, organization_scope
from app.demo.loader import load_demo
from app.phases.kinds import ProcessKind
from tests.factories import make_process, make_user
from tests.security import object_routes as kinds
from tests.security.object_routes import EXEMPT, ROUTES, STATE_FIRST, IdRoute, id_routes
from tests.web.helpers import csrf_token, sign_in

ATTACKER = "alle-rollen@example.org"
ALL = {ALL_ORGANIZATIONS: True}
# Fields some forms check before they look their object up: filled, so that the lookup is
# what answers.
FORM = {"richting": "omhoog", "action": "submit"}


@pytest.fixture
def settings(settings: Settings) -> Settings:
    # The attacker holds every staff role; a password sign-in would otherwise wait for a
    # second factor and hold none of them (app.accounts.second_factor).
    if hasattr(settings.accounts, "second_factor_for_staff"):
        settings.accounts.second_factor_for_staff = False
    settings.rate_limits.enabled = False
    return settings


@dataclass
class Side:
    """One organization: its host, its real process, a second empty process, and a
    signed-in person holding every role there."""

    id: int
    host: str
    process_id: int
    empty_slug: str
    client: TestClient
    token: str = ""


@dataclass
class World:
    db: Session
    sides: dict[str, Side] = field(default_factory=dict)


def _first(
    db: Session, column: InstrumentedAttribute[Any], org: int, *where: ColumnElement[bool]
) -> str | None:
    """The value of ``column`` on the organization's first row (by id) that matches."""
    entity: Any = column.class_
    query = select(column).where(entity.organization_id == org, *where).order_by(entity.id)
    value = db.execute(query.limit(1), execution_options=ALL).scalar()
    return None if value is None else str(value)


Resolver = Callable[[Session, Side], str | None]


def _page(db: Session, side: Side) -> str | None:
    elsewhere = select(m.Page.slug).where(m.Page.organization_id != side.id)
    return _first(db, m.Page.slug, side.id, m.Page.slug.not_in(elsewhere))


def _build(edition: bool, status: str) -> Resolver:
    owner = m.DocumentBuild.edition_id if edition else m.DocumentBuild.sprint_id
    return lambda db, s: _first(
        db, m.DocumentBuild.id, s.id, owner.is_not(None), m.DocumentBuild.status == status
    )


RESOLVERS: dict[str, Resolver] = {
    kinds.PROCESS: lambda db, s: _first(db, m.Process.slug, s.id, m.Process.id == s.process_id),
    kinds.GROUP: lambda db, s: _first(db, m.Group.slug, s.id, m.Group.process_id == s.process_id),
    kinds.THEME: lambda db, s: _first(db, m.Theme.slug, s.id, m.Theme.process_id == s.process_id),
    kinds.PAGE: _page,
    kinds.THEME_ID: lambda db, s: _first(db, m.Theme.id, s.id),
    kinds.GROUP_ID: lambda db, s: _first(db, m.Group.id, s.id),
    kinds.TEAM: lambda db, s: _first(db, m.Group.id, s.id),
    kinds.FRAMEWORK: lambda db, s: _first(db, m.Framework.id, s.id),
    kinds.USER: lambda db, s: _first(db, m.User.id, s.id),
    kinds.ASSIGNMENT: lambda db, s: _first(db, m.RoleAssignment.id, s.id),
    kinds.SESSION: lambda db, s: _first(db, m.UserSession.id, s.id),
    kinds.EXPERT_APPLICATION: lambda db, s: _first(db, m.ExpertApplication.id, s.id),
    kinds.CHEF_APPLICATION: lambda db, s: _first(db, m.ChefApplication.id, s.id),
    kinds.MEETING: lambda db, s: _first(db, m.Meeting.id, s.id),
    kinds.NOTIFICATION: lambda db, s: _first(db, m.Notification.id, s.id),
    kinds.SECTION: lambda db, s: _first(db, m.GreenPaperSection.id, s.id),
    kinds.REVISION_NUMBER: lambda db, s: _first(db, m.SectionRevision.number, s.id),
    kinds.SECTION_COMMENT: lambda db, s: _first(db, m.SectionComment.id, s.id),
    kinds.WORKSHOP_INPUT: lambda db, s: _first(db, m.WorkshopInput.id, s.id),
    kinds.PROPOSAL: lambda db, s: _first(db, m.Proposal.id, s.id),
    kinds.PROPOSAL_COMMENT: lambda db, s: _first(db, m.ProposalComment.id, s.id),
    kinds.QUESTION: lambda db, s: _first(db, m.OfficialQuestion.id, s.id),
    kinds.EDITION: lambda db, s: _first(db, m.CentralWhitePaper.number, s.id),
    kinds.EDITION_BUILD_DONE: _build(edition=True, status="done"),
    kinds.EDITION_BUILD_FAILED: _build(edition=True, status="failed"),
    kinds.SPRINT_BUILD_DONE: _build(edition=False, status="done"),
    kinds.SPRINT_BUILD_FAILED: _build(edition=False, status="failed"),
    kinds.AMENDMENT: lambda db, s: _first(db, m.Amendment.number, s.id),
    kinds.PARTY: lambda db, s: _first(db, m.CouncilParty.id, s.id),
    kinds.PROGRAMME_ITEM: lambda db, s: _first(db, m.ProgrammeItem.id, s.id),
    kinds.OPTION: lambda db, s: _first(db, m.SprintOption.number, s.id),
    kinds.STANDINGS: lambda db, s: _first(db, m.StandingsSnapshot.number, s.id),
    kinds.ATTACHMENT: lambda db, s: _first(db, m.Attachment.id, s.id),
    kinds.EXPORT: lambda db, s: _first(db, m.DataExport.id, s.id),
}


def _add_documents(db: Session, org: int, process_id: int) -> None:
    """Built and failed documents (the demo builds none): an edition's in Zeist, the
    sprint result's in Hoogeveen."""
    with organization_scope(db, org):
        edition = db.scalar(
            select(m.CentralWhitePaper.id).where(m.CentralWhitePaper.process_id == process_id)
        )
        sprint = db.scalar(select(m.Sprint.id).where(m.Sprint.process_id == process_id))
        for status in ("done", "failed"):
            db.add(
                m.DocumentBuild(
                    edition_id=edition if sprint is None else None,
                    sprint_id=sprint,
                    kind="edition_pdf" if sprint is None else "sprint_pdf",
                    status=status,
                    file_name="document.pdf" if status == "done" else None,
                    storage_key=f"test/{org}-{status}.pdf" if status == "done" else None,
                )
            )
        db.flush()


def _add_personal(db: Session, org: int) -> None:
    """An export and an attachment of someone in the organization."""
    with organization_scope(db, org):
        person = db.scalar(select(m.User).order_by(m.User.id.desc()).limit(1))
        proposal = db.scalar(select(m.Proposal.id).order_by(m.Proposal.id).limit(1))
        assert person is not None
        db.add(
            m.DataExport(
                user_id=person.id,
                status="ready",
                file_name="export.zip",
                size_bytes=10,
                expires_at=datetime.now(UTC) + timedelta(days=7),
            )
        )
        db.add(
            m.Attachment(
                proposal_id=proposal,
                stored_name=hashlib.sha256(str(org).encode()).hexdigest()[:32],
                original_name="begroting.pdf",
                content_type="application/pdf",
                size_bytes=10,
                sha256="0" * 64,
                uploaded_by_id=person.id,
            )
        )
        db.flush()


@pytest.fixture
def world(app: FastAPI, db: Session) -> Iterator[World]:
    load_demo(db)
    db.flush()
    world = World(db)
    organizations = db.scalars(select(m.Organization), execution_options=ALL).all()
    hosts = {"zeist": "zeist.localhost", "hoogeveen": "hoogeveen.localhost"}
    clients = []
    for organization in organizations:
        process = db.scalar(
            select(m.Process).where(m.Process.organization_id == organization.id),
            execution_options=ALL,
        )
        assert process is not None
        second = make_process(db, organization, kind=ProcessKind(process.kind), slug="tweede-ronde")
        if process.kind == ProcessKind.SPRINT:
            with organization_scope(db, organization.id):
                clock = datetime(2019, 6, 1, 9, tzinfo=UTC)
                db.add(m.Sprint(process_id=second.id, starts_at=clock, ends_at=clock))
        attacker = make_user(
            db, organization, email=ATTACKER, display_name="Alle rollen", roles=list(Role)
        )
        with organization_scope(db, organization.id):
            # Chef and expert of every group too: those checks look at the group's own roles.
            for group in db.scalars(select(m.Group.id)):
                for role in (Role.CHEF, Role.EXPERT):
                    grant_role(db, "test", attacker, role, ScopeType.GROUP, group)
        _add_documents(db, organization.id, process.id)
        _add_personal(db, organization.id)
        db.commit()
        client = TestClient(app, base_url=f"http://{hosts[organization.slug]}")
        clients.append(client)
        client.__enter__()
        sign_in(client, ATTACKER)  # also a session row of this organization
        side = Side(organization.id, hosts[organization.slug], process.id, second.slug, client)
        side.token = csrf_token(client, "/profiel")
        world.sides[organization.slug] = side
    yield world
    for client in clients:
        client.__exit__(None, None, None)


# --- asking ------------------------------------------------------------------------------


def _ask(side: Side, route: IdRoute, values: dict[str, str]) -> tuple[str, int]:
    url = route.url(values)
    if route.method == "GET":
        response = side.client.get(url, follow_redirects=False)
    else:
        response = side.client.request(
            route.method, url, data={"csrf_token": side.token, **FORM}, follow_redirects=False
        )
    return url, response.status_code


def _fingerprint(db: Session, org: int, skip: frozenset[str] = frozenset()) -> dict[str, str]:
    """A hash of every row the organization has, table by table."""
    prints = {}
    for table in Base.metadata.sorted_tables:
        if "organization_id" not in table.c or table.name in skip:
            continue
        rows = db.execute(
            select(table).where(table.c.organization_id == org).order_by(*table.primary_key),
            execution_options=ALL,
        ).all()
        prints[table.name] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return prints


def _changed(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return sorted(name for name in before if before[name] != after.get(name))


def _values(
    db: Session, route: IdRoute, objects: Side, places: Side, *, empty_slug: str | None = None
) -> dict[str, str] | None:
    """The route's parameters: containers (process, group, theme) from ``places``, objects
    from ``objects``; None when ``objects`` has no such object."""
    values = {}
    for name, kind in route.kinds().items():
        if kind in kinds.FIXED:
            value: str | None = kinds.FIXED[kind]
        elif kind == kinds.PROCESS and empty_slug is not None:
            value = empty_slug
        else:
            value = RESOLVERS[kind](db, places if kind in kinds.CONTAINERS else objects)
        if value is None:
            return None
        values[name] = value
    return values


def _checked(app: FastAPI) -> list[IdRoute]:
    return [r for r in id_routes(app) if r.key in ROUTES]


def test_every_route_with_a_path_parameter_is_in_the_table(app: FastAPI) -> None:
    """A new route with an id must be added to tests/security/object_routes.py (or be
    exempted there, with the reason): until then this fails."""
    found = {r.key for r in id_routes(app)}
    assert sorted(found - set(ROUTES) - set(EXEMPT)) == []
    assert sorted((set(ROUTES) | set(EXEMPT)) - found) == [], "routes that are gone"
    assert len(found) > 150
    assert set(STATE_FIRST) <= set(ROUTES)


def test_the_attacker_reaches_their_own_objects(app: FastAPI, world: World) -> None:
    """The control: the same person with their own organization's ids gets most pages, so
    the refusals below come from the checks, not from a person who can open nothing."""
    opened, asked = [], 0
    for side in world.sides.values():
        for route in _checked(app):
            values = _values(world.db, route, side, side)
            if route.method != "GET" or values is None or route.path.endswith("/live"):
                continue
            asked += 1
            url, status = _ask(side, route, values)
            if status == 200:
                opened.append(url)
    assert asked > 100
    assert len(opened) > asked * 0.6, f"{len(opened)} of {asked}"


def test_another_organizations_ids_are_refused_everywhere(app: FastAPI, world: World) -> None:
    db = world.db
    zeist, hoogeveen = world.sides["zeist"], world.sides["hoogeveen"]
    before = {
        s.id: _fingerprint(db, s.id, frozenset({"user_sessions"})) for s in (zeist, hoogeveen)
    }
    answered: list[str] = []
    exercised: set[str] = set()
    for route in _checked(app):
        has_objects = any(
            k not in kinds.CONTAINERS and k not in kinds.FIXED for k in route.kinds().values()
        )
        for attacker, victim in ((zeist, hoogeveen), (hoogeveen, zeist)):
            ways = [("other organization", _values(db, route, victim, victim))]
            if has_objects:
                ways.append(("own place", _values(db, route, victim, attacker)))
            for way, values in ways:
                if values is None:
                    continue
                url, status = _ask(attacker, route, values)
                exercised.add(route.key)
                if status not in route.refusals:
                    answered.append(f"{status} {route.method} {url} ({way}, on {attacker.host})")
    assert not answered, "answered instead of refused:\n" + "\n".join(answered)
    assert sorted(r.key for r in _checked(app) if r.key not in exercised) == []
    for side in (zeist, hoogeveen):
        after = _fingerprint(db, side.id, frozenset({"user_sessions"}))
        assert _changed(before[side.id], after) == [], side.host


# Rows the attacker's own requests may write in their own organization: their session's
# last use, and the audit trail of what they were refused.
OWN_BOOKKEEPING = frozenset({"user_sessions", "audit_entries"})


def test_another_process_of_the_same_organization_does_not_open_its_objects(
    app: FastAPI, world: World
) -> None:
    db = world.db
    answered: list[str] = []
    for side in world.sides.values():
        before = _fingerprint(db, side.id, OWN_BOOKKEEPING)
        for route in _checked(app):
            route_kinds = route.kinds()
            if kinds.PROCESS not in route_kinds.values() or all(
                k == kinds.PROCESS or k in kinds.FIXED for k in route_kinds.values()
            ):
                continue
            values = _values(db, route, side, side, empty_slug=side.empty_slug)
            if values is None:
                continue
            url, status = _ask(side, route, values)
            if status not in route.refusals:
                answered.append(f"{status} {route.method} {url} (on {side.host})")
        assert _changed(before, _fingerprint(db, side.id, OWN_BOOKKEEPING)) == [], side.host
    assert not answered, "answered instead of refused:\n" + "\n".join(answered)


# --- another group of the same process ---------------------------------------------------


_PAPER_GROUP = select(m.GreenPaper.group_id).join(
    m.GreenPaperSection, m.GreenPaperSection.green_paper_id == m.GreenPaper.id
)
# The query for the group an object belongs to, by the kind of object.
_GROUP_OF: dict[str, Callable[[int], Any]] = {
    kinds.EXPERT_APPLICATION: lambda i: select(m.ExpertApplication.group_id).where(
        m.ExpertApplication.id == i
    ),
    kinds.PROPOSAL: lambda i: select(m.Proposal.group_id).where(m.Proposal.id == i),
    kinds.PROPOSAL_COMMENT: lambda i: (
        select(m.Proposal.group_id)
        .join(m.ProposalComment, m.ProposalComment.proposal_id == m.Proposal.id)
        .where(m.ProposalComment.id == i)
    ),
    kinds.SECTION: lambda i: _PAPER_GROUP.where(m.GreenPaperSection.id == i),
    kinds.SECTION_COMMENT: lambda i: _PAPER_GROUP.join(
        m.SectionComment, m.SectionComment.section_id == m.GreenPaperSection.id
    ).where(m.SectionComment.id == i),
    kinds.WORKSHOP_INPUT: lambda i: (
        select(m.GreenPaper.group_id)
        .join(m.WorkshopInput, m.WorkshopInput.green_paper_id == m.GreenPaper.id)
        .where(m.WorkshopInput.id == i)
    ),
}


def _group_of(kind: str, value: str) -> ColumnElement[bool] | None:
    """A condition on ``m.Group.id``: the group the object belongs to (None: no group)."""
    query = _GROUP_OF.get(kind)
    return None if query is None else m.Group.id.in_(query(int(value)).scalar_subquery())


def test_another_group_of_the_same_process_does_not_open_its_objects(
    app: FastAPI, world: World
) -> None:
    """A group's object asked under another group's address (a chef of that other group
    would pass the group's permission check): the object is not found there."""
    db = world.db
    answered: list[str] = []
    asked = 0
    for side in world.sides.values():
        before = _fingerprint(db, side.id, OWN_BOOKKEEPING)
        for route in _checked(app):
            route_kinds = route.kinds()
            group_param = next(
                (n for n, k in route_kinds.items() if k in (kinds.GROUP, kinds.TEAM)), None
            )
            values = _values(db, route, side, side)
            if group_param is None or values is None:
                continue
            owners = [
                c for n, k in route_kinds.items() if (c := _group_of(k, values[n])) is not None
            ]
            if not owners:
                continue
            column = m.Group.slug if route_kinds[group_param] == kinds.GROUP else m.Group.id
            other = _first(db, column, side.id, m.Group.process_id == side.process_id, ~owners[0])
            assert other is not None
            values[group_param] = other
            url, status = _ask(side, route, values)
            asked += 1
            if status not in route.refusals:
                answered.append(f"{status} {route.method} {url} (on {side.host})")
        assert _changed(before, _fingerprint(db, side.id, OWN_BOOKKEEPING)) == [], side.host
    assert asked >= 15
    assert not answered, "answered instead of refused:\n" + "\n".join(answered)
