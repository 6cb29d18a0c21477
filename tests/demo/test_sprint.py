"""The Hoogeveen demo's finished sprint: ten teams of about seven, a catalogue of about
twenty options, 4 to 8 measures a team, reviews on nearly all, mood checks, messages, a
programme, three interim standings and a published package near both targets, the
process in its results phase; a second load changes nothing."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import ALL_ORGANIZATIONS, ORGANIZATION_KEY
from app.demo.data import DEMO_PASSWORD
from app.demo.loader import load_demo
from app.demo.processes import HOOGEVEEN
from app.models import (
    AuditEntry,
    MoodCheck,
    Organization,
    PackageChoice,
    ProgrammeItem,
    Proposal,
    Review,
    RoleAssignment,
    SprintMeasure,
    SprintMessage,
    SprintOption,
    StandingsSnapshot,
    User,
)
from app.phases.kinds import PhaseKind
from app.reviews.kinds import Verdict
from app.sprint import result_queries
from app.sprint.kinds import MeasureOrigin
from app.sprint.loading import sprint_place
from app.sprint.standings import team_standings
from tests.web.helpers import sign_in

MODELS = (
    User, RoleAssignment, AuditEntry, SprintOption, SprintMeasure, Proposal, Review,
    MoodCheck, SprintMessage, ProgrammeItem, StandingsSnapshot, PackageChoice,
)  # fmt: skip
SPRINT_DAYS = (datetime(2019, 5, 14, tzinfo=UTC), datetime(2019, 5, 16, tzinfo=UTC))


def _counts(db: Session) -> dict[str, int]:
    return {
        model.__name__: db.scalar(
            select(func.count()).select_from(model), execution_options={ALL_ORGANIZATIONS: True}
        )
        or 0
        for model in MODELS
    }


def test_the_hoogeveen_sprint_is_finished_and_loads_once(db: Session) -> None:
    load_demo(db)
    db.flush()
    first = _counts(db)
    second = load_demo(db)
    db.flush()
    assert (second.created, second.updated) == (0, 0)
    assert _counts(db) == first

    hoogeveen = db.scalar(select(Organization).where(Organization.slug == "hoogeveen"))
    assert hoogeveen is not None
    db.info[ORGANIZATION_KEY] = hoogeveen.id
    place = sprint_place(db, HOOGEVEEN.slug)
    process = place.process
    assert process.current_phase == PhaseKind.RESULTS
    assert place.has_ended()
    assert (place.sprint.starts_at, place.sprint.ends_at) == (
        datetime(2019, 5, 14, 11, tzinfo=UTC),  # 13:00 in Hoogeveen
        datetime(2019, 5, 15, 15, tzinfo=UTC),  # 17:00
    )

    # Ten teams of about seven, each with its captain.
    assert [team.name for team in place.teams] == [f"Team {n}" for n in range(1, 11)]
    members = Counter(
        db.scalars(
            select(RoleAssignment.scope_id).where(
                RoleAssignment.scope_id.in_(place.team_ids),
                RoleAssignment.role.in_(["chef", "expert"]),
            )
        )
    )
    assert all(6 <= members[team.id] <= 8 for team in place.teams), members

    # The catalogue, the measures (4 to 8 a team, of every origin), the reviews.
    assert 18 <= len(db.scalars(select(SprintOption.id)).all()) <= 22
    per_team = Counter(db.scalars(select(Proposal.group_id)))
    assert all(4 <= per_team[team.id] <= 8 for team in place.teams), per_team
    origins = Counter(db.scalars(select(SprintMeasure.origin)))
    assert set(origins) == {o.value for o in MeasureOrigin}
    verdicts = Counter(db.scalars(select(Review.verdict)))
    assert verdicts[Verdict.NOT_FEASIBLE] >= 3
    assert verdicts[Verdict.ON_CONDITIONS] >= 3
    standings = team_standings(db, place)
    assert 1 <= sum(s.waiting for s in standings) <= 6
    assert sum(s.measures for s in standings) == sum(per_team.values())

    # Mood checks, messages, a programme with two guest speakers and a line dance, three
    # interim standings: all during the sprint.
    assert len(db.scalars(select(MoodCheck.id)).all()) >= 20
    assert len(db.scalars(select(SprintMessage.id)).all()) >= 5
    programme = Counter(db.scalars(select(ProgrammeItem.kind)))
    assert programme["speaker"] == 2
    assert programme["energizer"] == 1
    assert programme["break"] >= 2
    snapshots = list(db.scalars(select(StandingsSnapshot).order_by(StandingsSnapshot.number)))
    assert [s.number for s in snapshots] == [1, 2, 3]
    assert all(SPRINT_DAYS[0] <= s.published_at < SPRINT_DAYS[1] for s in snapshots)
    assert all(len(s.rows) == 10 for s in snapshots)
    totals = [sum(row["validated_structural"] for row in s.rows) for s in snapshots]
    assert totals[0] < totals[1] < totals[2]  # the reviews went on through the night

    # The published package: from several teams, near both targets.
    assert place.sprint.package_published_at is not None
    assert place.sprint.package_note
    package = result_queries.package(db, place)
    assert not package.stale
    assert package.teams_in_package >= 5
    result = package.totals
    assert abs(result.structural - 9_000_000) <= 900_000, result
    assert abs(result.current_year - 5_000_000) <= 500_000, result


def test_the_demo_sprint_s_end_reads_on_hoogeveen_s_host(db: Session, app: FastAPI) -> None:
    """The public reads the ranking and the published result; the board signs in to the
    package, locked; the documents wait for the board to build them."""
    load_demo(db)
    db.flush()
    path = f"/processen/{HOOGEVEEN.slug}/sprint"
    with TestClient(app, base_url="http://hoogeveen.localhost") as client:
        ranking = client.get(f"{path}/uitslag")
        assert ranking.status_code == 200
        assert len(re.findall(r'<tr id="team-\d+" data-rank=', ranking.text)) == 10
        result = client.get(f"{path}/resultaat")
        assert result.status_code == 200
        assert 'id="package-note"' in result.text
        assert len(re.findall(r'<tr id="contribution-\d+">', result.text)) >= 5
        assert 'id="documents"' in result.text
        assert client.get(f"{path}/pakket", follow_redirects=False).status_code in (302, 303)
        sign_in(client, "college@hoogeveen.example", DEMO_PASSWORD)
        package = client.get(f"{path}/pakket")
        assert package.status_code == 200
        assert 'id="package-published"' in package.text
        assert "/pakket/maatregelen/" not in package.text
        assert 'action="/processen/hackaton-sociaal-domein-2019/sprint/resultaat/documenten"' in (
            client.get(f"{path}/resultaat").text
        )
