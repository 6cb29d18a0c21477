"""Chefs and experts reach their groups from every page."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.access.roles import Role, ScopeType
from app.access.service import grant_role
from app.db import organization_scope
from app.models import ExpertApplication, Organization
from tests.conftest import QueryCounter
from tests.recruitment.conftest import Setting
from tests.web.helpers import sign_in


def test_a_chef_finds_the_group_and_what_waits(
    client: TestClient, db: Session, organization: Organization, setting: Setting
) -> None:
    with organization_scope(db, organization.id):
        db.add(
            ExpertApplication(
                process_id=setting.process.id, group_id=setting.onderwijs.id,
                user_id=setting.citizen.id, has_stake=True, stake="ouder", motivation="graag",
                claimed_lines=[],
            )
        )  # fmt: skip
        db.flush()
    sign_in(client, "ruud@example.org")
    home = client.get("/").text
    assert 'href="/mijn-groepen"' in home
    page = client.get("/mijn-groepen").text
    assert "U bent hier chef." in page
    assert "1 wacht" in page
    assert 'href="/processen/dialoog/groepen/onderwijs/aanmeldingen"' in page


def test_a_citizen_without_a_group_has_no_link(client: TestClient, setting: Setting) -> None:
    sign_in(client, "annelies@example.org")
    assert 'href="/mijn-groepen"' not in client.get("/").text
    assert "U zit nog niet in een groep." in client.get("/mijn-groepen").text


def test_the_list_costs_the_same_queries_for_more_groups(
    client: TestClient,
    db: Session,
    organization: Organization,
    setting: Setting,
    queries: QueryCounter,
) -> None:
    sign_in(client, "annelies@example.org")
    with organization_scope(db, organization.id):
        grant_role(db, "test", setting.citizen, Role.EXPERT, ScopeType.GROUP, setting.sport.id)
    before = queries.count
    client.get("/mijn-groepen")
    one = queries.count - before
    with organization_scope(db, organization.id):
        grant_role(db, "test", setting.citizen, Role.EXPERT, ScopeType.GROUP, setting.onderwijs.id)
    before = queries.count
    page = client.get("/mijn-groepen").text
    assert queries.count - before == one
    assert page.count("U bent hier expert.") == 2
