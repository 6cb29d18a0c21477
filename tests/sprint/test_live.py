"""The sprint's live stream: what it sends and to whom, resuming from Last-Event-ID,
keeping idle proxies awake, waking when the log grows, holding no database session while
it waits, and ending when the client goes or the app stops. The cross-process test (two
servers) is in tests/e2e/test_sprint_processes.py."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.db import organization_scope, utcnow
from app.sprint import live
from app.sprint.kinds import EventKind
from app.sprint.listener import LiveHub
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

LIVE = "/processen/hackaton/sprint/live"


@pytest.fixture
def stage(db: Session, organization: object) -> TeamStage:
    return make_team_stage(db, organization)  # type: ignore[arg-type]


@pytest.fixture
def hub(app: FastAPI) -> LiveHub:
    """Short streams: each ends by itself soon, so a plain GET reads it whole."""
    made: LiveHub = app.state.sprint_live
    made.poll_seconds = 0.05
    made.keepalive_seconds = 30.0
    made.stream_seconds = 0.3
    return made


def _publish(db: Session, stage: TeamStage, kind: EventKind, group: int | None = None) -> int:
    with organization_scope(db, stage.organization.id):
        return live.publish(db, stage.process, kind, group_id=group).id


@pytest.fixture
def log(db: Session, stage: TeamStage) -> dict[str, int]:
    """Before: what happened before; then a message in each team's channel, a mood of the
    first team, standings and the programme for everyone, a verdict on the second team's
    measure."""
    first, second = (team.id for team in stage.teams)
    return {
        "before": _publish(db, stage, EventKind.CLOCK),
        "message_1": _publish(db, stage, EventKind.MESSAGE, first),
        "message_2": _publish(db, stage, EventKind.MESSAGE, second),
        "mood_1": _publish(db, stage, EventKind.MOOD, first),
        "standings": _publish(db, stage, EventKind.STANDINGS),
        "programme": _publish(db, stage, EventKind.PROGRAMME),
        "review_2": _publish(db, stage, EventKind.REVIEW, second),
    }


def _events(text: str) -> list[dict[str, Any]]:
    """The events of an SSE body: id, event and data of each (comments skipped)."""
    found = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        fields: dict[str, Any] = {}
        for line in block.split("\n"):
            name, _sep, value = line.partition(": ")
            if name in ("id", "event", "data"):
                fields[name] = value
        if "event" in fields:
            fields["id"] = int(fields["id"])
            fields["data"] = json.loads(fields["data"])
            found.append(fields)
    return found


def _read(client: TestClient, after: int | None = None) -> str:
    headers = {} if after is None else {"Last-Event-ID": str(after)}
    response = client.get(LIVE, headers=headers)
    assert response.status_code == 200
    return response.text


def test_the_stream_is_an_event_stream_no_proxy_keeps(
    client: TestClient, hub: LiveHub, stage: TeamStage
) -> None:
    sign_in(client, EXPERT)
    response = client.get(LIVE)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.headers["cache-control"] == "no-store"  # signed in: app.web.middleware
    assert response.headers["x-accel-buffering"] == "no"
    assert "set-cookie" not in response.headers
    assert response.text.startswith("retry: ")


def test_a_team_member_gets_their_team_and_everyones_events_only(
    client: TestClient, hub: LiveHub, log: dict[str, int]
) -> None:
    sign_in(client, EXPERT)  # in the first team
    events = _events(_read(client, log["before"]))
    assert [(e["id"], e["event"]) for e in events] == [
        (log["message_1"], "message"),
        (log["standings"], "standings"),
        (log["programme"], "programme"),
    ]
    assert events[1]["data"] == {"group": None}


def test_the_other_team_does_not_get_the_first_teams_message(
    client: TestClient, hub: LiveHub, log: dict[str, int]
) -> None:
    sign_in(client, RIVAL)
    ids = [e["id"] for e in _events(_read(client, log["before"]))]
    assert ids == [log["message_2"], log["standings"], log["programme"], log["review_2"]]


def test_the_steering_group_gets_everything_moods_included(
    client: TestClient, hub: LiveHub, log: dict[str, int]
) -> None:
    sign_in(client, STEERING)
    kinds = [e["event"] for e in _events(_read(client, log["before"]))]
    assert kinds == ["message", "message", "mood", "standings", "programme", "review"]


def test_a_reviewer_gets_what_is_for_everyone_and_every_teams_verdicts(
    client: TestClient, hub: LiveHub, log: dict[str, int]
) -> None:
    """Not the channels, but every team's review and package events: the shared queue
    changes with them."""
    sign_in(client, LAWYER)
    ids = [e["id"] for e in _events(_read(client, log["before"]))]
    assert ids == [log["standings"], log["programme"], log["review_2"]]


def test_a_reconnect_resumes_after_the_last_event_id(
    client: TestClient, hub: LiveHub, log: dict[str, int]
) -> None:
    sign_in(client, STEERING)
    ids = [e["id"] for e in _events(_read(client, log["mood_1"]))]
    assert ids == [log["standings"], log["programme"], log["review_2"]]
    assert _events(_read(client, log["review_2"])) == []


def test_a_new_stream_starts_after_what_has_happened(
    client: TestClient, hub: LiveHub, log: dict[str, int]
) -> None:
    sign_in(client, STEERING)
    assert _events(_read(client)) == []
    # A Last-Event-ID that is not a number is ignored: the stream starts from now.
    response = client.get(LIVE, headers={"Last-Event-ID": "drie; DROP"})
    assert _events(response.text) == []


def test_an_idle_stream_sends_a_comment_to_keep_proxies_open(
    client: TestClient, hub: LiveHub, stage: TeamStage
) -> None:
    hub.keepalive_seconds = 0.1
    hub.stream_seconds = 0.5
    sign_in(client, CAPTAIN)
    assert ": keep-alive" in _read(client)


def test_those_outside_the_sprint_get_no_stream(
    client: TestClient, hub: LiveHub, stage: TeamStage
) -> None:
    assert client.get(LIVE, follow_redirects=False).status_code in (303, 401)
    sign_in(client, CITIZEN)
    assert client.get(LIVE).status_code == 403
    assert client.get("/processen/bestaat-niet/sprint/live").status_code == 404


class _Sessions:
    """The app's session factory, remembering each session it made."""

    def __init__(self, factory: Any) -> None:
        self.factory = factory
        self.made: list[Session] = []

    def __call__(self) -> Session:
        session: Session = self.factory()
        self.made.append(session)
        return session

    def holding(self) -> int:
        return sum(1 for session in self.made if session.in_transaction())


@pytest.fixture
def waiting_hub(app: FastAPI) -> LiveHub:
    """Streams that wait until woken (no polling, no end of their own)."""
    made: LiveHub = app.state.sprint_live
    made.poll_seconds = made.keepalive_seconds = made.stream_seconds = 60.0
    return made


def test_a_waiting_stream_holds_no_session_and_wakes_for_a_new_event(
    app: FastAPI, client: TestClient, waiting_hub: LiveHub, db: Session, stage: TeamStage
) -> None:
    sign_in(client, CAPTAIN)
    sessions = _Sessions(app.state.session_factory)
    app.state.session_factory = sessions
    with client.stream("GET", LIVE) as response:
        chunks = response.iter_text()
        assert next(chunks).startswith("retry: ")
        # The request's session has ended and the first look at the log is done.
        assert sessions.made
        assert sessions.holding() == 0
        assert waiting_hub.waiting(stage.process.id) == 1
        event_id = _publish(db, stage, EventKind.MESSAGE, stage.teams[0].id)
        db.commit()
        waiting_hub.wake(stage.process.id)
        assert _events(next(chunks)) == [
            {"id": event_id, "event": "message", "data": {"group": stage.teams[0].id}}
        ]
        assert sessions.holding() == 0


def test_a_stream_ends_when_the_app_stops(
    client: TestClient, waiting_hub: LiveHub, stage: TeamStage
) -> None:
    sign_in(client, CAPTAIN)
    with client.stream("GET", LIVE) as response:
        chunks = response.iter_text()
        next(chunks)
        waiting_hub.stop()
        assert list(chunks) == []  # the body ends: no hanging worker
    assert waiting_hub.waiting() == 0


def test_a_stream_ends_when_the_client_goes(
    client: TestClient, waiting_hub: LiveHub, stage: TeamStage
) -> None:
    sign_in(client, CAPTAIN)
    with client.stream("GET", LIVE) as response:
        chunks = response.iter_text()
        next(chunks)
        assert waiting_hub.waiting(stage.process.id) == 1
    assert waiting_hub.waiting(stage.process.id) == 0


def test_an_event_committed_late_with_a_lower_id_is_still_sent(
    db: Session, stage: TeamStage
) -> None:
    """PostgreSQL hands out ids at insert and shows rows at commit: a stream that read id
    12 can see id 11 afterwards. It sends 11 then, and never twice."""
    from app.sprint.live_routes import Audience, _Log

    first = _publish(db, stage, EventKind.PROGRAMME)
    second = _publish(db, stage, EventKind.STANDINGS)
    audience = Audience(stage.organization.id, stage.process.id, True, False, frozenset())

    def factory() -> Session:
        return db

    # The stream sent ``second`` before ``first`` was visible (committed just now).
    reader = _Log(factory, audience, second)  # type: ignore[arg-type]
    reader.first = False
    reader.seen[second] = utcnow()
    assert [line.split("\n")[0] for line in reader.read()] == [f"id: {first}"]
    assert reader.read() == []


def test_once_the_time_is_up_everyone_hears_every_teams_verdicts(
    client: TestClient, hub: LiveHub, db: Session, stage: TeamStage, log: dict[str, int]
) -> None:
    """The final ranking (and the board's package totals) refresh on a verdict of any
    team; before, a team member of the first team heard only their own team's, so the
    ranking on their screen stood still."""
    with organization_scope(db, stage.organization.id):
        stage.clock(db, started_hours_ago=25, ends_in_hours=-1)
    sign_in(client, EXPERT)  # in the first team; the verdict is on the second's measure
    ids = [e["id"] for e in _events(_read(client, log["before"]))]
    assert ids == [log["message_1"], log["standings"], log["programme"], log["review_2"]]
