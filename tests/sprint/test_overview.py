"""The participant's home page: who may open it, what it shows (countdown with the end
time, programme with the item under way, standings, messages to all teams, links to each
person's places), its live parts, and a statement count that does not grow with rows."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.db import organization_scope, utcnow
from app.models import ProgrammeItem, SprintMessage, StandingsSnapshot
from tests.conftest import QueryCounter
from tests.sprint.fixtures_team import (
    CAPTAIN,
    CITIZEN,
    EXPERT,
    LAWYER,
    RIVAL,
    STEERING,
    TeamStage,
    make_team_stage,
)
from tests.web.helpers import sign_in

HOME = "/processen/hackaton/sprint"


@pytest.fixture
def stage(db: Session, organization: object) -> TeamStage:
    return make_team_stage(db, organization)  # type: ignore[arg-type]


def _programme(db: Session, stage: TeamStage, count: int) -> list[ProgrammeItem]:
    now = utcnow()
    items = [
        ProgrammeItem(
            process_id=stage.process.id,
            starts_at=now + timedelta(hours=n - 1),
            ends_at=now + timedelta(hours=n),
            kind="session" if n % 2 else "break",
            title=f"Onderdeel {n}",
            description="Zaal 2" if n == 1 else "",
        )
        for n in range(count)
    ]
    with organization_scope(db, stage.organization.id):
        db.add_all(items)
        db.flush()
    return items


def _messages(db: Session, stage: TeamStage, count: int) -> None:
    with organization_scope(db, stage.organization.id):
        db.add_all(
            SprintMessage(
                process_id=stage.process.id,
                group_id=None,
                author_label="Regina (#1)",
                from_steering=True,
                body=f"Aan iedereen {n}",
            )
            for n in range(count)
        )
        db.flush()


def test_a_citizen_and_a_visitor_are_refused(client: TestClient, stage: TeamStage) -> None:
    assert client.get(HOME, follow_redirects=False).status_code in (303, 401)
    sign_in(client, CITIZEN)
    assert client.get(HOME).status_code == 403


def test_a_dialogue_has_no_sprint_page(client: TestClient, stage: TeamStage, db: Session) -> None:
    sign_in(client, STEERING)
    assert client.get("/processen/geen-sprint/sprint").status_code == 404


def test_a_team_member_sees_the_clock_programme_and_their_places(
    client: TestClient, stage: TeamStage, db: Session
) -> None:
    items = _programme(db, stage, 3)
    _messages(db, stage, 2)
    sign_in(client, EXPERT)
    page = client.get(HOME)
    assert page.status_code == 200
    html = page.text
    # The countdown and the end time, server-rendered.
    assert 'id="countdown"' in html
    assert f'datetime="{stage.sprint.ends_at.isoformat()}"' in html
    # The programme, with the item under way (the first) marked.
    for item in items:
        assert f'id="item-{item.id}"' in html
    assert re.search(rf'id="item-{items[1].id}"[^>]*aria-current="time"', html)
    assert not re.search(rf'id="item-{items[0].id}"[^>]*aria-current', html)
    assert "Aan iedereen 0" in html
    assert "Aan iedereen 1" in html
    # Their team, its channel and the options; not the steering screen nor the queue.
    team = stage.teams[0]
    assert f'href="{HOME}/teams/{team.id}"' in html
    assert f'href="{HOME}/teams/{team.id}/berichten"' in html
    assert f'href="{HOME}/opties"' in html
    assert f'href="{HOME}/regie"' not in html
    assert f'href="{HOME}/toetsing"' not in html
    # Live: the page listens to the sprint's stream, and each part refreshes itself.
    assert f'sse-connect="{HOME}/live"' in html
    assert "htmx-ext-sse.min.js" in html
    for part, kind in (("klok", "clock"), ("programma", "programme"), ("stand", "standings"),
                       ("berichten", "message")):  # fmt: skip
        assert f'hx-get="{HOME}/deel/{part}" hx-trigger="sse:{kind}, every 15s"' in html


def test_the_steering_group_and_a_reviewer_get_their_links(
    client: TestClient, stage: TeamStage
) -> None:
    sign_in(client, STEERING)
    html = client.get(HOME).text
    for path in ("regie", "berichten", "programma"):
        assert f'href="{HOME}/{path}"' in html
    assert f'href="{HOME}/toetsing"' not in html
    client.cookies.clear()
    sign_in(client, LAWYER)
    html = client.get(HOME).text
    assert f'href="{HOME}/toetsing"' in html
    assert f'href="{HOME}/regie"' not in html


def test_the_latest_published_standings_are_shown(
    client: TestClient, stage: TeamStage, db: Session
) -> None:
    with organization_scope(db, stage.organization.id):
        for number in (1, 2):
            db.add(
                StandingsSnapshot(
                    process_id=stage.process.id,
                    number=number,
                    rows=[
                        {"group_id": stage.teams[0].id, "name": "Team 1", "rank": 1,
                         "validated_structural": 1000 * number, "claimed_structural": 2000,
                         "validated_current_year": 0, "claimed_current_year": 0,
                         "feasible": 1, "measures": 2, "waiting": 1},
                    ],
                )
            )  # fmt: skip
        db.flush()
    sign_in(client, RIVAL)
    html = client.get(HOME).text
    assert 'id="snapshot-2"' in html
    assert 'id="snapshot-1"' not in html
    part = client.get(f"{HOME}/deel/stand")
    assert part.status_code == 200
    assert part.text.lstrip().startswith('<section id="sprint-standings"')
    assert 'id="snapshot-2"' in part.text


def test_each_part_comes_alone(client: TestClient, stage: TeamStage, db: Session) -> None:
    _programme(db, stage, 1)
    sign_in(client, CAPTAIN)
    parts = {
        "klok": "sprint-clock",
        "programma": "sprint-programme",
        "berichten": "sprint-to-all",
        "stand": "sprint-standings",
    }
    for part, element in parts.items():
        response = client.get(f"{HOME}/deel/{part}")
        assert response.status_code == 200
        assert response.text.lstrip().startswith(f'<section id="{element}"')
        assert "<html" not in response.text
    assert client.get(f"{HOME}/deel/onbekend").status_code == 404


def test_the_process_page_links_to_the_sprint(client: TestClient, stage: TeamStage) -> None:
    html = client.get("/processen/hackaton").text
    assert f'href="{HOME}"' in html


def test_statements_do_not_grow_with_rows(
    client: TestClient, stage: TeamStage, db: Session, queries: QueryCounter
) -> None:
    sign_in(client, STEERING)
    _programme(db, stage, 2)
    _messages(db, stage, 2)
    client.get(HOME)
    queries.statements.clear()
    assert client.get(HOME).status_code == 200
    few = queries.count
    _programme(db, stage, 6)
    _messages(db, stage, 6)
    queries.statements.clear()
    assert client.get(HOME).status_code == 200
    assert queries.count == few
