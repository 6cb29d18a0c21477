"""The steering group's screen: only the steering group (and the admin) may see it; it
shows each team's review queue with who holds what since when, and each team's last three
mood checks, newest first; its parts refresh alone; and neither the screen nor the
participants' standings cost more statements with more teams and measures."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.db import organization_scope, utcnow
from app.models import MoodCheck
from app.processes import service as process_service
from app.reviews.kinds import ReviewKind
from app.sprint import review_service, steering_service
from tests.conftest import QueryCounter
from tests.sprint.fixtures_queue import SprintStage, add_measure, review, sprint_stage
from tests.web.helpers import post_form, sign_in

__all__ = ["sprint_stage"]

STEERING = "regie@example.org"


def _mood(db: Session, stage: SprintStage, team_index: int, score: int, minutes_ago: int) -> None:
    team = stage.teams[team_index]
    with organization_scope(db, stage.organization.id):
        db.add(
            MoodCheck(
                process_id=stage.process.id,
                group_id=team.id,
                author_id=stage.people["kapitein@example.org"].id,
                score=score,
                line=f"Stemming {score}",
                created_at=utcnow() - timedelta(minutes=minutes_ago),
            )
        )
        db.flush()


def test_only_the_steering_group_sees_the_screen(
    client: TestClient, db: Session, sprint_stage: SprintStage
) -> None:
    screen = f"{sprint_stage.path}/regie"
    parts = ("", "/stand", "/wachtrij", "/stemming", "/tussenstanden")
    assert client.get(screen, follow_redirects=False).status_code == 303
    for email in ("jurist@example.org", "financien@example.org", "kapitein@example.org",
                  "expert@example.org", "bestuur@example.org", "burger@example.org"):  # fmt: skip
        sign_in(client, email)
        for part in (*parts, "/onbekend"):  # a part that does not exist: 403 all the same
            assert client.get(screen + part).status_code == 403, (email, part)
        assert post_form(client, f"{screen}/tussenstand", {"note": ""}).status_code == 403
        client.cookies.clear()
    sign_in(client, STEERING)
    for part in parts:
        assert client.get(screen + part).status_code == 200, part
    assert client.get(f"{screen}/onbekend").status_code == 404


def test_the_queue_per_team_says_who_holds_what_since_when(
    client: TestClient, db: Session, sprint_stage: SprintStage
) -> None:
    first, second, third = sprint_stage.teams
    now = utcnow()
    waiting = add_measure(db, sprint_stage, first, "Wacht", submitted_at=now - timedelta(hours=2))
    held = add_measure(db, sprint_stage, second, "Vast", submitted_at=now - timedelta(hours=3))
    done = add_measure(db, sprint_stage, third, "Klaar")
    review(db, sprint_stage, done, ReviewKind.LEGAL)
    review(db, sprint_stage, done, ReviewKind.FINANCIAL)
    review(db, sprint_stage, held, ReviewKind.FINANCIAL)
    with organization_scope(db, sprint_stage.organization.id):
        claim = review_service.claim_next(
            db, sprint_stage.actor(db, "jurist@example.org"), sprint_stage.place(db),
            ReviewKind.LEGAL,
        )  # fmt: skip
    assert claim is not None
    assert claim.proposal_id == held.id
    sign_in(client, STEERING)
    part = client.get(f"{sprint_stage.path}/regie/wachtrij").text
    assert part.lstrip().startswith('<section id="steering-queue"')
    assert f'data-proposal="{waiting.id}"' in part
    assert f'data-proposal="{done.id}"' not in part
    line = part.split(f'data-proposal="{held.id}"')[1].split("</li>")[0]
    assert "Julia" in line
    assert 'data-team="' + str(third.id) + '"' in part


def test_the_last_three_moods_newest_first(
    client: TestClient, db: Session, sprint_stage: SprintStage
) -> None:
    for score, minutes_ago in ((1, 40), (2, 30), (5, 20), (4, 10)):
        _mood(db, sprint_stage, 0, score, minutes_ago)
    _mood(db, sprint_stage, 1, 3, 5)
    sign_in(client, STEERING)
    part = client.get(f"{sprint_stage.path}/regie/stemming").text
    first, second = sprint_stage.teams[0], sprint_stage.teams[1]
    first_list = part.split(f'<ul class="utrecht-unordered-list" data-team="{first.id}">')[1]
    scores = [int(s.split('"')[0]) for s in first_list.split("</ul>")[0].split('data-score="')[1:]]
    assert scores == [4, 5, 2]
    assert f'data-team="{second.id}">\n  <li data-score="3"' in part
    # Nobody but the steering group sees a mood, not even the team itself.
    client.cookies.clear()
    sign_in(client, "kapitein@example.org")
    assert "Stemming" not in client.get(f"{sprint_stage.path}/stand").text


def test_the_screens_cost_the_same_with_more_teams_and_measures(
    client: TestClient, db: Session, sprint_stage: SprintStage, queries: QueryCounter
) -> None:
    screen = f"{sprint_stage.path}/regie"
    paths = (screen, f"{screen}/stand", f"{screen}/wachtrij", f"{screen}/stemming",
             f"{screen}/tussenstanden", f"{sprint_stage.path}/stand",
             f"{sprint_stage.path}/stand/laatste")  # fmt: skip

    def cost() -> list[int]:
        counts = []
        for path in paths:
            client.get(path)
            before = queries.count
            assert client.get(path).status_code == 200, path
            counts.append(queries.count - before)
        return counts

    def make(per_team: int) -> None:
        for index, team in enumerate(sprint_stage.teams):
            _mood(db, sprint_stage, index, 3, 1)
            for i in range(per_team):
                measure = add_measure(db, sprint_stage, team, f"{team.name} {i}",
                                      amounts={2012: (10, 1), 2015: (20, 0)})  # fmt: skip
                if i % 2:
                    review(db, sprint_stage, measure, ReviewKind.LEGAL)
                    review(db, sprint_stage, measure, ReviewKind.FINANCIAL,
                           amounts={2015: (15, 0)})  # fmt: skip
        with organization_scope(db, sprint_stage.organization.id):
            steering_service.publish_standings(
                db, sprint_stage.actor(db, STEERING), sprint_stage.place(db), ""
            )

    make(1)
    sign_in(client, STEERING)
    few = cost()
    with organization_scope(db, sprint_stage.organization.id):
        sprint_stage.teams.extend(process_service.add_teams(db, "test", sprint_stage.process, 3))
    make(3)
    assert cost() == few
