"""The final ranking and the result page: who reads them when, what they say (exactly),
and that their statement counts do not grow with the teams' measures."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.db import organization_scope
from app.models import Organization
from app.phases.kinds import PhaseKind
from app.reviews.kinds import Verdict
from app.sprint import result_service
from tests.conftest import QueryCounter
from tests.sprint.fixtures_result import (
    BOARD,
    ResultStage,
    add_measure,
    amounts,
    end_sprint,
    make_result_stage,
    review,
)
from tests.sprint.fixtures_result import result_stage as result_stage  # a fixture
from tests.sprint.fixtures_team import CAPTAIN, CITIZEN, FINANCE, STEERING, make_team_stage
from tests.web.helpers import sign_in


def _publish(db: Session, r: ResultStage, *names: str, note: str = "Het **pakket**.") -> None:
    place = r.place(db)
    with organization_scope(db, r.organization.id):
        for name in names:
            result_service.choose_measure(db, r.actor(BOARD), place, r.measures[name].id)
        result_service.publish_package(db, r.actor(BOARD), place, note)


# --- the final ranking ------------------------------------------------------------------------


def test_the_ranking_orders_the_teams_by_validated_structural_total(
    client: TestClient, result_stage: ResultStage
) -> None:
    sign_in(client, CAPTAIN)
    page = client.get(f"{result_stage.path}/uitslag")
    assert page.status_code == 200
    first, second = result_stage.stage.teams
    ranks = dict(re.findall(r'<tr id="team-(\d+)" data-rank="(\d+)"', page.text))
    assert ranks == {str(second.id): "1", str(first.id): "2"}
    # Team 2: 900k structural, 225k current year; team 1: 400k + 250k, 150k + 30k.
    assert re.findall(r'data-validated-structural="(\d+)"', page.text) == ["900000", "650000"]
    assert re.findall(r'data-validated-current="(\d+)"', page.text) == ["225000", "180000"]
    assert 'id="ranking" hx-get="/processen/hackaton/sprint/uitslag/stand"' in page.text
    part = client.get(f"{result_stage.path}/uitslag/stand")
    assert part.status_code == 200
    assert part.text.lstrip().startswith('<section id="ranking"')


def test_no_ranking_before_the_time_is_up(
    db: Session, client: TestClient, organization: Organization
) -> None:
    make_team_stage(db, organization)
    sign_in(client, CAPTAIN)
    page = client.get("/processen/hackaton/sprint/uitslag")
    assert page.status_code == 200
    assert 'id="not-ended"' in page.text
    assert 'id="ranking-table"' not in page.text


def test_the_ranking_is_for_participants_until_the_package_is_published(
    db: Session, client: TestClient, result_stage: ResultStage
) -> None:
    path = f"{result_stage.path}/uitslag"
    anonymous = client.get(path, follow_redirects=False)
    assert anonymous.status_code in (302, 303)
    sign_in(client, CITIZEN)
    assert client.get(path).status_code == 403
    _publish(db, result_stage, "inhuur")
    assert client.get(path).status_code == 200
    client.cookies.clear()
    assert client.get(path).status_code == 200


# --- the result page --------------------------------------------------------------------------


@pytest.mark.parametrize("email", [CAPTAIN, STEERING, FINANCE, BOARD])
def test_participants_read_the_result_before_it_is_published(
    client: TestClient, result_stage: ResultStage, email: str
) -> None:
    sign_in(client, email)
    page = client.get(f"{result_stage.path}/resultaat")
    assert page.status_code == 200
    assert 'id="not-published"' in page.text
    assert 'id="documents"' not in page.text


def test_the_public_reads_the_result_only_once_published(
    db: Session, client: TestClient, result_stage: ResultStage
) -> None:
    path = f"{result_stage.path}/resultaat"
    assert client.get(path, follow_redirects=False).status_code in (302, 303)
    sign_in(client, CITIZEN)
    assert client.get(path).status_code == 403
    assert client.get(f"{path}/documenten").status_code == 403
    _publish(db, result_stage, "inhuur", "inkopen", "eigen")
    client.cookies.clear()
    page = client.get(path)
    assert page.status_code == 200
    assert 'id="not-published"' not in page.text
    assert "<strong>pakket</strong>" in page.text  # the note, as Markdown
    assert 'id="documents"' in page.text


def test_the_result_says_the_totals_and_each_team_s_contribution_exactly(
    db: Session, client: TestClient, result_stage: ResultStage
) -> None:
    _publish(db, result_stage, "inhuur", "inkopen", "eigen")
    html = client.get(f"{result_stage.path}/resultaat").text
    first, second = result_stage.stage.teams
    structural = re.search(r'data-total="structural">([^<]+)<', html)
    current = re.search(r'data-total="current_year">([^<]+)<', html)
    assert structural is not None
    assert current is not None
    assert re.sub(r"\D", "", structural.group(1)) == "1550000"  # 400k + 250k + 900k
    assert re.sub(r"\D", "", current.group(1)) == "405000"  # 150k + 30k + 225k
    contributions = re.findall(
        r'<tr id="contribution-(\d+)">.*?data-structural="(\d+)".*?data-current="(\d+)"', html
    )
    assert contributions == [
        (str(second.id), "900000", "225000"),
        (str(first.id), "650000", "180000"),
    ]
    measures = set(re.findall(r'<tr id="measure-(\d+)">', html))
    assert measures == {str(result_stage.measures[n].id) for n in ("inhuur", "inkopen", "eigen")}


def _statements(client: TestClient, queries: QueryCounter, path: str) -> int:
    client.get(path)  # warm: the first request loads what every request then has cached
    queries.statements.clear()
    assert client.get(path).status_code == 200
    return queries.count


def test_the_result_and_ranking_statement_counts_do_not_grow_with_the_measures(
    db: Session, client: TestClient, organization: Organization, queries: QueryCounter
) -> None:
    made = make_result_stage(db, organization)
    place = made.place(db)
    with organization_scope(db, organization.id):
        result_service.choose_measure(db, made.actor(BOARD), place, made.measures["inhuur"].id)
        result_service.choose_measure(db, made.actor(BOARD), place, made.measures["eigen"].id)
    sign_in(client, CAPTAIN)
    result, ranking = f"{made.path}/resultaat", f"{made.path}/uitslag"
    few = (_statements(client, queries, result), _statements(client, queries, ranking))
    stage = made.stage
    with organization_scope(db, organization.id):
        stage.to_phase(db, PhaseKind.SPRINT)
        stage.clock(db, started_hours_ago=1, ends_in_hours=2)
    extra = [
        add_measure(db, stage, i % 2, f"Extra {i}", amounts((5_000 * i, 0), 20_000 * i))
        for i in range(1, 5)
    ]
    for proposal in extra:
        review(db, stage, proposal, Verdict.FEASIBLE, Verdict.FEASIBLE, amounts((5_000, 0), 20_000))
    end_sprint(db, stage)
    place = made.place(db)
    with organization_scope(db, organization.id):
        for proposal in extra:
            result_service.choose_measure(db, made.actor(BOARD), place, proposal.id)
    html = client.get(result).text
    assert len(re.findall(r'<tr id="measure-(\d+)">', html)) == 6
    assert (_statements(client, queries, result), _statements(client, queries, ranking)) == few
