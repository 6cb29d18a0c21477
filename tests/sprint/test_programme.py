"""The programme: the steering group adds, changes and removes items (times in the
organization's zone, kept in UTC); every change tells open screens; mistakes come back
at their fields as typed; nobody else may plan it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import organization_scope
from app.models import ProgrammeItem, SprintEvent
from tests.sprint.fixtures_team import CAPTAIN, STEERING, TeamStage, make_team_stage
from tests.web.helpers import post_form, sign_in

PROGRAMME = "/processen/hackaton/sprint/programma"
ITEM = {
    "starts_at": "2019-05-14T13:00",
    "ends_at": "2019-05-14T13:30",
    "kind": "speaker",
    "title": "De wethouder over de opgave",
    "description": "In de raadzaal.",
}


@pytest.fixture
def stage(db: Session, organization: object) -> TeamStage:
    return make_team_stage(db, organization)  # type: ignore[arg-type]


def _items(db: Session, stage: TeamStage) -> list[ProgrammeItem]:
    with organization_scope(db, stage.organization.id):
        return list(db.scalars(select(ProgrammeItem).order_by(ProgrammeItem.id)))


def _events(db: Session, stage: TeamStage) -> int:
    with organization_scope(db, stage.organization.id):
        return len(db.scalars(select(SprintEvent.id).where(SprintEvent.kind == "programme")).all())


def test_the_steering_group_adds_changes_and_removes_an_item(
    client: TestClient, stage: TeamStage, db: Session
) -> None:
    sign_in(client, STEERING)
    assert client.get(PROGRAMME).status_code == 200
    response = post_form(client, PROGRAMME, ITEM, form_page=PROGRAMME)
    assert response.status_code == 303
    (item,) = _items(db, stage)
    # 13:00 in Amsterdam in May (summer time) is 11:00 UTC.
    assert item.starts_at == datetime(2019, 5, 14, 11, 0, tzinfo=UTC)
    assert (item.kind, item.title, item.description) == (
        "speaker",
        ITEM["title"],
        "In de raadzaal.",
    )
    assert _events(db, stage) == 1

    changed = {f"{name}-{item.id}": value for name, value in ITEM.items()}
    changed[f"title-{item.id}"] = "De burgemeester over de opgave"
    response = post_form(client, f"{PROGRAMME}/{item.id}", changed, form_page=PROGRAMME)
    assert response.status_code == 303
    db.expire_all()
    assert _items(db, stage)[0].title == "De burgemeester over de opgave"
    assert _events(db, stage) == 2
    # Saving it unchanged changes nothing and tells no one.
    post_form(client, f"{PROGRAMME}/{item.id}", changed, form_page=PROGRAMME)
    assert _events(db, stage) == 2

    response = post_form(client, f"{PROGRAMME}/{item.id}/verwijderen", {}, form_page=PROGRAMME)
    assert response.status_code == 303
    assert _items(db, stage) == []
    assert _events(db, stage) == 3


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("starts_at", "morgen"),
        ("ends_at", "2019-05-14T12:00"),  # before the start
        ("kind", "feest"),
        ("title", ""),
        ("description", "x" * 2001),
    ],
)
def test_a_mistake_comes_back_at_its_field_as_typed(
    client: TestClient, stage: TeamStage, db: Session, field: str, value: str
) -> None:
    sign_in(client, STEERING)
    response = post_form(client, PROGRAMME, {**ITEM, field: value}, form_page=PROGRAMME)
    assert response.status_code == 400
    assert f'id="{field}-error"' in response.text
    assert ITEM["title"] in response.text or field == "title"
    assert _items(db, stage) == []
    assert _events(db, stage) == 0


def test_others_may_not_plan_the_programme(client: TestClient, stage: TeamStage) -> None:
    sign_in(client, CAPTAIN)
    assert client.get(PROGRAMME).status_code == 403
    assert post_form(client, PROGRAMME, ITEM).status_code == 403
    assert post_form(client, f"{PROGRAMME}/1/verwijderen", {}).status_code == 403


def test_an_unknown_item_is_not_found(client: TestClient, stage: TeamStage) -> None:
    sign_in(client, STEERING)
    assert post_form(client, f"{PROGRAMME}/999999/verwijderen", {}).status_code == 404
