"""The message channels: who may read and write where, a message to all teams in every
channel and on the home page, newest last, the form keeping its text on an error, the
live event narrowed to the team, and the steering group's list of channels."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import organization_scope
from app.errors import Conflict, Forbidden
from app.models import AuditEntry, SprintEvent, SprintMessage
from app.sprint import channel_service
from tests.conftest import QueryCounter
from tests.sprint.fixtures_team import (
    CAPTAIN,
    EXPERT,
    LAWYER,
    RIVAL,
    STEERING,
    TeamStage,
    make_team_stage,
)
from tests.web.helpers import post_form, sign_in

HOME = "/processen/hackaton/sprint"


@pytest.fixture
def stage(db: Session, organization: object) -> TeamStage:
    return make_team_stage(db, organization)  # type: ignore[arg-type]


def _channel(stage: TeamStage, index: int = 0) -> str:
    return f"{HOME}/teams/{stage.teams[index].id}/berichten"


def _messages(db: Session, stage: TeamStage) -> list[SprintMessage]:
    with organization_scope(db, stage.organization.id):
        return list(db.scalars(select(SprintMessage).order_by(SprintMessage.id)))


def test_steering_and_team_talk_in_the_teams_channel(
    client: TestClient, stage: TeamStage, db: Session
) -> None:
    channel = _channel(stage)
    sign_in(client, STEERING)
    response = post_form(
        client, channel, {"body": "Goed bezig, kijk ook naar inkoop."}, form_page=channel
    )
    assert response.status_code == 303
    assert response.headers["location"].startswith(f"{channel}#message-")
    client.cookies.clear()
    sign_in(client, EXPERT)
    response = post_form(client, channel, {"body": "Dank, we pakken het op."}, form_page=channel)
    assert response.status_code == 303
    saved = _messages(db, stage)
    assert [(m.group_id, m.from_steering) for m in saved] == [
        (stage.teams[0].id, True),
        (stage.teams[0].id, False),
    ]
    html = client.get(channel).text
    # Newest last.
    assert html.index(f'id="message-{saved[0].id}"') < html.index(f'id="message-{saved[1].id}"')
    # Each message told the team's screens, and only the team's.
    with organization_scope(db, stage.organization.id):
        events = list(db.scalars(select(SprintEvent).where(SprintEvent.kind == "message")))
    assert [e.group_id for e in events] == [stage.teams[0].id, stage.teams[0].id]
    with organization_scope(db, stage.organization.id):
        actions = db.scalars(
            select(AuditEntry.action).where(AuditEntry.action == "sprint.message_posted")
        ).all()
    assert len(actions) == 2


def test_another_team_and_a_reviewer_may_not_read_or_write(
    client: TestClient, stage: TeamStage
) -> None:
    sign_in(client, RIVAL)
    assert client.get(_channel(stage, 0)).status_code == 403
    assert post_form(client, _channel(stage, 0), {"body": "Hallo"}).status_code == 403
    assert client.get(_channel(stage, 1)).status_code == 200
    client.cookies.clear()
    sign_in(client, LAWYER)
    assert client.get(_channel(stage, 0)).status_code == 403
    assert client.get(f"{HOME}/teams/999999/berichten").status_code == 404


@pytest.mark.parametrize("body", ["", "   ", "x" * 2001])
def test_an_empty_or_too_long_message_comes_back_as_typed(
    client: TestClient, stage: TeamStage, db: Session, body: str
) -> None:
    channel = _channel(stage)
    sign_in(client, CAPTAIN)
    response = post_form(client, channel, {"body": body}, form_page=channel)
    assert response.status_code == 400
    assert 'id="body-error"' in response.text
    assert 'aria-invalid="true"' in response.text
    if body.strip():
        assert body in response.text
    assert _messages(db, stage) == []


def test_a_message_of_2000_characters_is_accepted(
    client: TestClient, stage: TeamStage, db: Session
) -> None:
    channel = _channel(stage)
    sign_in(client, CAPTAIN)
    assert post_form(client, channel, {"body": "y" * 2000}, form_page=channel).status_code == 303
    assert len(_messages(db, stage)[0].body) == 2000


def test_a_message_to_all_teams_reaches_every_channel_and_the_home_page(
    client: TestClient, stage: TeamStage, db: Session
) -> None:
    sign_in(client, STEERING)
    page = f"{HOME}/berichten"
    response = post_form(client, page, {"body": "Pauze om 18:00 voor iedereen."}, form_page=page)
    assert response.status_code == 303
    (message,) = _messages(db, stage)
    assert message.group_id is None
    for index, email in ((0, EXPERT), (1, RIVAL)):
        client.cookies.clear()
        sign_in(client, email)
        assert f'id="message-{message.id}"' in client.get(_channel(stage, index)).text
        assert f'id="message-{message.id}"' in client.get(HOME).text
    with organization_scope(db, stage.organization.id):
        event = db.scalar(select(SprintEvent).where(SprintEvent.kind == "message"))
    assert event is not None
    assert event.group_id is None


def test_only_the_steering_group_writes_to_all_teams(
    client: TestClient, stage: TeamStage, db: Session
) -> None:
    sign_in(client, CAPTAIN)
    assert client.get(f"{HOME}/berichten").status_code == 403
    assert post_form(client, f"{HOME}/berichten", {"body": "Aan allen"}).status_code == 403
    with organization_scope(db, stage.organization.id):
        place = stage.place(db)
        with pytest.raises(Forbidden):
            channel_service.post_message(db, stage.actor(CAPTAIN), place, None, "Aan allen")
        with pytest.raises(Conflict):
            channel_service.post_message(db, stage.actor(STEERING), place, None, " ")


def test_the_channel_list_shows_each_teams_latest_message(
    client: TestClient, stage: TeamStage, db: Session, queries: QueryCounter
) -> None:
    with organization_scope(db, stage.organization.id):
        place = stage.place(db)
        steering = stage.actor(STEERING)
        for n in range(2):
            channel_service.post_message(db, steering, place, stage.teams[0], f"Eerste {n}")
    sign_in(client, STEERING)
    html = client.get(f"{HOME}/berichten").text
    assert f'data-team="{stage.teams[0].id}"' in html
    assert f'data-team="{stage.teams[1].id}"' in html
    assert "Eerste 1" in html
    assert "Eerste 0" not in html
    part = client.get(f"{HOME}/berichten/deel")
    assert part.text.lstrip().startswith('<section id="channels"')
    queries.statements.clear()
    client.get(f"{HOME}/berichten")
    few = queries.count
    with organization_scope(db, stage.organization.id):
        for n in range(4):
            channel_service.post_message(db, steering, place, stage.teams[n % 2], f"Meer {n}")
    queries.statements.clear()
    client.get(f"{HOME}/berichten")
    assert queries.count == few


def test_the_channel_part_comes_alone(client: TestClient, stage: TeamStage) -> None:
    sign_in(client, EXPERT)
    part = client.get(f"{_channel(stage)}/deel")
    assert part.status_code == 200
    assert part.text.lstrip().startswith('<section id="channel-messages"')
    page = client.get(_channel(stage)).text
    assert f'hx-get="{_channel(stage)}/deel" hx-trigger="sse:message, every 15s"' in page
