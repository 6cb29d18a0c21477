"""The board composes the chosen package: only feasible measures, only after the end and in
the phases after the sprint, locked once published; the running totals exactly; who may."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.roles import Role, ScopeType
from app.db import organization_scope
from app.errors import Conflict, PhaseClosed
from app.models import AuditEntry, DocumentBuild, Organization, PackageChoice, SprintEvent
from app.phases.kinds import PhaseKind
from app.reviews.kinds import Verdict
from app.sprint import result_queries, result_service
from tests.conftest import QueryCounter
from tests.factories import make_user
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
from tests.sprint.fixtures_team import CAPTAIN, CITIZEN, STEERING, make_team_stage
from tests.web.helpers import post_form, sign_in


def _choose(db: Session, r: ResultStage, *names: str) -> None:
    place = r.place(db)
    with organization_scope(db, r.organization.id):
        for name in names:
            result_service.choose_measure(db, r.actor(BOARD), place, r.measures[name].id)


def _ids(html: str) -> set[int]:
    return {int(n) for n in re.findall(r'<tr id="measure-(\d+)"', html)}


def test_the_list_holds_every_feasible_measure_of_every_team(
    client: TestClient, result_stage: ResultStage
) -> None:
    sign_in(client, BOARD)
    page = client.get(f"{result_stage.path}/pakket")
    assert page.status_code == 200
    m = result_stage.measures
    assert _ids(page.text) == {m["inhuur"].id, m["eigen"].id, m["inkopen"].id}
    assert f'action="{result_stage.path}/pakket/maatregelen/{m["inhuur"].id}"' in page.text
    assert page.text.count('data-chosen="no"') == 3


def test_the_running_totals_count_the_validated_amounts_exactly(
    db: Session, result_stage: ResultStage
) -> None:
    _choose(db, result_stage, "inhuur", "inkopen")
    with organization_scope(db, result_stage.organization.id):
        chosen = result_queries.package(db, result_stage.place(db))
    totals = chosen.totals
    assert (totals.structural, totals.current_year) == (400_000 + 900_000, 150_000 + 225_000)
    assert totals.gap_structural == 1_300_000 - 9_000_000
    assert totals.gap_current_year == 375_000 - 5_000_000
    assert {c.team_id: c.structural for c in chosen.contributions()} == {
        result_stage.stage.teams[0].id: 400_000,
        result_stage.stage.teams[1].id: 900_000,
    }
    per_year = chosen.per_year()
    assert per_year[2019] == (300_000, 75_000)
    assert per_year[2022] == (1_300_000, 0)


def test_adding_and_taking_out_through_the_page(
    db: Session, client: TestClient, result_stage: ResultStage
) -> None:
    sign_in(client, BOARD)
    page = f"{result_stage.path}/pakket"
    inhuur = result_stage.measures["inhuur"].id
    added = post_form(client, f"{page}/maatregelen/{inhuur}", {}, form_page=page)
    assert added.status_code == 303
    assert added.headers["location"] == f"{page}#measure-{inhuur}"
    html = client.get(page).text
    assert f'<tr id="measure-{inhuur}" data-chosen="yes"' in html
    assert "400.000" in html.split('data-total="structural">')[1][:30]
    with organization_scope(db, result_stage.organization.id):
        assert db.scalar(select(PackageChoice.proposal_id)) == inhuur
        actions = db.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
        assert "sprint.package_measure_chosen" in actions
        assert db.scalar(select(SprintEvent.kind).order_by(SprintEvent.id.desc())) == "result"
    removed = post_form(client, f"{page}/maatregelen/{inhuur}/weg", {}, form_page=page)
    assert removed.status_code == 303
    with organization_scope(db, result_stage.organization.id):
        assert db.scalar(select(func.count(PackageChoice.id))) == 0


@pytest.mark.parametrize("name", ["mooi", "wacht"])
def test_only_a_feasible_measure_can_be_chosen(
    client: TestClient, result_stage: ResultStage, name: str
) -> None:
    sign_in(client, BOARD)
    page = f"{result_stage.path}/pakket"
    refused = post_form(
        client, f"{page}/maatregelen/{result_stage.measures[name].id}", {}, form_page=page
    )
    assert refused.status_code == 409


def test_a_measure_of_another_process_is_not_found_and_twice_is_refused(
    db: Session, client: TestClient, result_stage: ResultStage
) -> None:
    sign_in(client, BOARD)
    page = f"{result_stage.path}/pakket"
    assert post_form(client, f"{page}/maatregelen/999999", {}, form_page=page).status_code == 404
    _choose(db, result_stage, "eigen")
    again = post_form(
        client, f"{page}/maatregelen/{result_stage.measures['eigen'].id}", {}, form_page=page
    )
    assert again.status_code == 409
    out = post_form(
        client, f"{page}/maatregelen/{result_stage.measures['inhuur'].id}/weg", {}, form_page=page
    )
    assert out.status_code == 409  # not in the package: said so, not ignored


@pytest.mark.parametrize("email", [CAPTAIN, STEERING, CITIZEN])
def test_only_the_board_composes(client: TestClient, result_stage: ResultStage, email: str) -> None:
    sign_in(client, email)
    page = f"{result_stage.path}/pakket"
    assert client.get(page).status_code == 403
    inhuur = result_stage.measures["inhuur"].id
    assert post_form(client, f"{page}/maatregelen/{inhuur}", {}, form_page="/").status_code == 403
    assert (
        post_form(client, f"{page}/publiceren", {"note": "Zo."}, form_page="/").status_code == 403
    )


def test_anonymous_is_sent_to_sign_in(client: TestClient, result_stage: ResultStage) -> None:
    response = client.get(f"{result_stage.path}/pakket", follow_redirects=False)
    assert response.status_code in (302, 303)
    assert "/aanmelden" in response.headers["location"]


def test_not_before_the_end_nor_in_the_sprint_phase(
    db: Session, organization: Organization
) -> None:
    stage = make_team_stage(db, organization)
    proposal = add_measure(db, stage, 0, "Vroeg", amounts((10_000, 0), 40_000))
    review(db, stage, proposal, Verdict.FEASIBLE, Verdict.FEASIBLE, amounts((10_000, 0), 40_000))
    board = make_user(db, organization, email=BOARD, display_name="Bert", roles=[Role.BOARD])
    actor = Actor.of(board, frozenset({(Role.BOARD, ScopeType.ORGANIZATION, None)}))
    with organization_scope(db, organization.id):
        with pytest.raises(PhaseClosed):  # the clock still runs
            result_service.choose_measure(db, actor, stage.place(db), proposal.id)
        stage.clock(db, started_hours_ago=25, ends_in_hours=-1)
        with pytest.raises(PhaseClosed):  # the time is up, but still in the sprint phase
            result_service.choose_measure(db, actor, stage.place(db), proposal.id)
    end_sprint(db, stage, PhaseKind.DECISION)
    with organization_scope(db, organization.id):
        result_service.choose_measure(db, actor, stage.place(db), proposal.id)
        assert db.scalar(select(func.count(PackageChoice.id))) == 1


def test_publishing_needs_a_note_and_keeps_what_was_typed(
    db: Session, client: TestClient, result_stage: ResultStage
) -> None:
    _choose(db, result_stage, "inhuur")
    sign_in(client, BOARD)
    page = f"{result_stage.path}/pakket"
    response = post_form(client, f"{page}/publiceren", {"note": "   "}, form_page=page)
    assert response.status_code == 400
    assert 'id="note-error"' in response.text
    long = "x" * (result_service.NOTE_LIMIT + 1)
    response = post_form(client, f"{page}/publiceren", {"note": long}, form_page=page)
    assert response.status_code == 400
    assert long in response.text
    with organization_scope(db, result_stage.organization.id):
        assert result_stage.stage.sprint.package_published_at is None


def test_an_empty_package_is_not_published(
    db: Session, client: TestClient, result_stage: ResultStage
) -> None:
    sign_in(client, BOARD)
    page = f"{result_stage.path}/pakket"
    response = post_form(client, f"{page}/publiceren", {"note": "Niets."}, form_page=page)
    assert response.status_code == 409


def test_a_choice_no_longer_feasible_does_not_count_and_blocks_publishing(
    db: Session, result_stage: ResultStage
) -> None:
    _choose(db, result_stage, "inhuur", "eigen")
    stage = result_stage.stage
    with organization_scope(db, result_stage.organization.id):
        stage.to_phase(db, PhaseKind.REVIEW)  # reviews are still given after the end
    review(db, stage, result_stage.measures["eigen"], Verdict.NOT_FEASIBLE)
    place = result_stage.place(db)
    with organization_scope(db, result_stage.organization.id):
        chosen = result_queries.package(db, place)
        assert [s.proposal_id for s in chosen.stale] == [result_stage.measures["eigen"].id]
        assert chosen.totals.structural == 400_000
        with pytest.raises(Conflict):
            result_service.publish_package(db, result_stage.actor(BOARD), place, "Klaar.")
        result_service.drop_measure(
            db, result_stage.actor(BOARD), place, result_stage.measures["eigen"].id
        )
        result_service.publish_package(db, result_stage.actor(BOARD), place, "Klaar.")


def test_publishing_locks_the_package_and_queues_its_documents(
    db: Session, client: TestClient, result_stage: ResultStage
) -> None:
    _choose(db, result_stage, "inhuur", "inkopen")
    sign_in(client, BOARD)
    page = f"{result_stage.path}/pakket"
    response = post_form(
        client, f"{page}/publiceren", {"note": "Een **realistisch** pakket."}, form_page=page
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"{result_stage.path}/resultaat"
    with organization_scope(db, result_stage.organization.id):
        db.expire_all()
        sprint = result_stage.stage.sprint
        assert sprint.package_published_at is not None
        assert sprint.package_note == "Een **realistisch** pakket."
        entry = db.scalar(select(AuditEntry).where(AuditEntry.action == "sprint.package_published"))
        assert entry is not None
        assert entry.after is not None
        assert (entry.after["structural"], entry.after["current_year"]) == (1_300_000, 375_000)
        kinds = set(
            db.scalars(select(DocumentBuild.kind).where(DocumentBuild.sprint_id == sprint.id))
        )
        assert kinds == {"sprint_result_pdf", "sprint_result_xlsx"}
    # Locked: no adding, no taking out, no second publication; the page has no buttons.
    eigen, inhuur = result_stage.measures["eigen"].id, result_stage.measures["inhuur"].id
    assert post_form(client, f"{page}/maatregelen/{eigen}", {}, form_page=page).status_code == 409
    assert (
        post_form(client, f"{page}/maatregelen/{inhuur}/weg", {}, form_page=page).status_code == 409
    )
    assert (
        post_form(client, f"{page}/publiceren", {"note": "Nog eens."}, form_page=page).status_code
        == 409
    )
    html = client.get(page).text
    assert 'id="package-published"' in html
    assert "/pakket/maatregelen/" not in html


def _statements(client: TestClient, queries: QueryCounter, path: str) -> int:
    client.get(path)  # warm: the first request loads what every request then has cached
    queries.statements.clear()
    assert client.get(path).status_code == 200
    return queries.count


def test_the_package_page_statement_count_does_not_grow_with_its_measures(
    db: Session, client: TestClient, organization: Organization, queries: QueryCounter
) -> None:
    made = make_result_stage(db, organization)
    _choose(db, made, "inhuur")
    sign_in(client, BOARD)
    path = f"{made.path}/pakket"
    few = _statements(client, queries, path)
    assert len(_ids(client.get(path).text)) == 3
    # Three more feasible measures (and one more chosen): the same statements.
    stage = made.stage
    with organization_scope(db, organization.id):
        stage.to_phase(db, PhaseKind.SPRINT)
        stage.clock(db, started_hours_ago=1, ends_in_hours=2)
    extra = [
        add_measure(db, stage, i % 2, f"Extra {i}", amounts((5_000 * i, 0), 20_000 * i))
        for i in range(1, 4)
    ]
    for proposal in extra:
        review(db, stage, proposal, Verdict.FEASIBLE, Verdict.FEASIBLE, amounts((5_000, 0), 20_000))
    end_sprint(db, stage)
    _choose(db, made, "inkopen")
    assert len(_ids(client.get(path).text)) == 6
    assert _statements(client, queries, path) == few


def test_the_running_totals_are_a_live_part_of_their_own(
    db: Session, client: TestClient, result_stage: ResultStage
) -> None:
    sign_in(client, BOARD)
    page = client.get(f"{result_stage.path}/pakket").text
    assert f'id="package-totals" hx-get="{result_stage.path}/pakket/totalen"' in page
    _choose(db, result_stage, "inkopen")
    part = client.get(f"{result_stage.path}/pakket/totalen")
    assert part.status_code == 200
    assert part.text.lstrip().startswith('<section id="package-totals"')
    total = re.search(r'data-total="structural">([^<]+)<', part.text)
    assert total is not None
    assert re.sub(r"\D", "", total.group(1)) == "900000"
    client.cookies.clear()
    sign_in(client, STEERING)
    assert client.get(f"{result_stage.path}/pakket/totalen").status_code == 403
