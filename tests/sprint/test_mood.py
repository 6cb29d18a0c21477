"""Mood checks: a team member posts how the team is doing (1 to 5 and a line); the team
sees that it was sent, never what it said (that is for the steering group); the sprint's
open screens hear of it. Refusals: others (403), a bad form (400, kept), the phase (409)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEntry, MoodCheck, SprintEvent
from app.phases.kinds import PhaseKind
from tests.sprint.fixtures_team import (
    CAPTAIN,
    CITIZEN,
    EXPERT,
    RIVAL,
    STEERING,
    TeamStage,
    team_stage,
)
from tests.web.helpers import post_form, sign_in

__all__ = ["team_stage"]

LINE = "Moe maar tevreden, de koffie is op."


def _moods(db: Session) -> list[MoodCheck]:
    return list(db.scalars(select(MoodCheck).order_by(MoodCheck.id)))


def test_a_member_posts_a_mood_that_only_the_steering_group_reads(
    client: TestClient, db: Session, team_stage: TeamStage
) -> None:
    sign_in(client, EXPERT)
    path = team_stage.team_path()
    page = client.get(path).text
    assert f'action="{path}/stemming"' in page
    assert 'id="mood-sent"' not in page
    response = post_form(client, f"{path}/stemming", {"score": "4", "line": LINE}, form_page=path)
    assert response.status_code == 303
    [mood] = _moods(db)
    assert (mood.score, mood.line, mood.group_id) == (4, LINE, team_stage.teams[0].id)
    assert mood.author_id == team_stage.people[EXPERT].id
    events = list(db.scalars(select(SprintEvent).where(SprintEvent.kind == "mood")))
    assert len(events) == 1
    entry = db.scalar(select(AuditEntry).where(AuditEntry.action == "sprint.mood_posted"))
    assert entry is not None
    assert LINE not in str(entry.after)
    # The team sees that it went, not what it said.
    for email in (EXPERT, CAPTAIN):
        client.cookies.clear()
        sign_in(client, email)
        html = client.get(path).text
        assert 'id="mood-sent"' in html
        assert LINE not in html


def test_a_bad_mood_form_keeps_what_was_typed(
    client: TestClient, db: Session, team_stage: TeamStage
) -> None:
    sign_in(client, CAPTAIN)
    path = team_stage.team_path()
    response = post_form(client, f"{path}/stemming", {"score": "7", "line": LINE}, form_page=path)
    assert response.status_code == 400
    assert 'id="score-error"' in response.text
    assert f'value="{LINE}"' in response.text
    too_long = post_form(
        client, f"{path}/stemming", {"score": "2", "line": "x" * 301}, form_page=path
    )
    assert too_long.status_code == 400
    assert 'id="line-error"' in too_long.text
    assert 'id="score-2" name="score" value="2" checked' in too_long.text
    assert _moods(db) == []


def test_only_members_post_their_team_mood(
    client: TestClient, db: Session, team_stage: TeamStage
) -> None:
    path = f"{team_stage.team_path()}/stemming"
    data = {"score": "1", "line": "Niet van ons."}
    anonymous = post_form(client, path, data)
    assert anonymous.status_code == 303
    assert "/aanmelden" in anonymous.headers["location"]
    for email in (RIVAL, CITIZEN, STEERING):
        sign_in(client, email)
        assert post_form(client, path, data).status_code == 403, email
        client.cookies.clear()
    # The steering group reads the team's page, without a mood form of its own.
    sign_in(client, STEERING)
    assert f'action="{path}"' not in client.get(team_stage.team_path()).text
    assert _moods(db) == []


def test_moods_belong_to_the_sprint_phase(
    client: TestClient, db: Session, team_stage: TeamStage
) -> None:
    team_stage.to_phase(db, PhaseKind.RESULTS)
    sign_in(client, CAPTAIN)
    path = team_stage.team_path()
    response = post_form(client, f"{path}/stemming", {"score": "3", "line": ""}, form_page=path)
    assert response.status_code == 409
    assert _moods(db) == []
