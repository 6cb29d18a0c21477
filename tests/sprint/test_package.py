"""A team at work: the team page (package, review states, countdown), adopting an option
as is, adapting one, writing an own measure, changing and taking out measures; who may
(403 for others), and the locks (phase and clock: 409 with the end time)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import organization_scope
from app.models import (
    AuditEntry,
    Proposal,
    ProposalAmount,
    Review,
    SprintEvent,
    SprintMeasure,
)
from app.phases.kinds import PhaseKind
from app.reviews.kinds import ReviewKind, Verdict
from app.reviews.service import ReviewInput, give_review
from app.web.templating import local_datetime
from tests.conftest import QueryCounter
from tests.sprint.fixtures_team import (
    CAPTAIN,
    CITIZEN,
    EXPERT,
    FINANCE,
    LAWYER,
    RIVAL,
    STEERING,
    TeamStage,
    team_stage,
)
from tests.web.helpers import post_form, sign_in

__all__ = ["team_stage"]


def _measures(db: Session, stage: TeamStage, index: int = 0) -> list[Proposal]:
    with organization_scope(db, stage.organization.id):
        return list(
            db.scalars(
                select(Proposal)
                .where(Proposal.group_id == stage.teams[index].id)
                .order_by(Proposal.id)
            )
        )


def _amounts(db: Session, proposal: Proposal) -> dict[int, tuple[int, int]]:
    rows = db.scalars(select(ProposalAmount).where(ProposalAmount.proposal_id == proposal.id))
    return {a.year: (a.structural, a.one_off) for a in rows}


def _origin(db: Session, proposal: Proposal) -> SprintMeasure:
    row = db.scalar(select(SprintMeasure).where(SprintMeasure.proposal_id == proposal.id))
    assert row is not None
    return row


def _adopt(client: TestClient, stage: TeamStage, number: int, index: int = 0) -> int:
    response = post_form(
        client,
        f"{stage.team_path(index)}/maatregelen/overnemen",
        {"optie": str(number)},
        form_page=stage.path + "/opties",
    )
    return response.status_code


def _amount_form(title: str, amounts: dict[int, tuple[str, str]]) -> dict[str, str]:
    data = {"title": title, "measure": "Wat we doen."}
    for year, (structural, one_off) in amounts.items():
        data[f"structural-{year}"] = structural
        data[f"one_off-{year}"] = one_off
    return data


def _amount_of(html: str, element_id: str) -> int:
    match = re.search(rf'id="{element_id}" data-amount="(-?\d+)"', html)
    assert match, element_id
    return int(match.group(1))


# --- the page ------------------------------------------------------------------------------------


def test_the_team_page_shows_the_countdown_and_the_live_package_part(
    client: TestClient, team_stage: TeamStage
) -> None:
    sign_in(client, CAPTAIN)
    response = client.get(team_stage.team_path())
    assert response.status_code == 200
    html = response.text
    assert 'id="countdown"' in html
    assert 'role="timer"' in html
    # The end time is there without any script, as a <time> with its UTC moment.
    assert f'datetime="{team_stage.sprint.ends_at.isoformat()}"' in html
    assert "js/sprint-countdown.js" in html
    # The package part refreshes itself on package and review events.
    part = re.search(r'<section id="team-package" hx-get="([^"]+)" hx-trigger="([^"]+)"', html)
    assert part is not None
    assert part.group(1) == team_stage.team_path() + "/pakket"
    assert "sse:package" in part.group(2)
    assert "sse:review" in part.group(2)
    assert 'id="package-empty"' in html


def test_the_package_part_comes_alone_for_the_live_refresh(
    client: TestClient, team_stage: TeamStage
) -> None:
    sign_in(client, CAPTAIN)
    response = client.get(team_stage.team_path() + "/pakket")
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<section id="team-package"')
    assert "<html" not in response.text
    clock = client.get(team_stage.team_path() + "/klok")
    assert clock.text.lstrip().startswith('<section id="team-clock"')


def test_who_may_see_a_team_page(client: TestClient, team_stage: TeamStage) -> None:
    path = team_stage.team_path()
    anonymous = client.get(path, follow_redirects=False)
    assert anonymous.status_code == 303
    assert anonymous.headers["location"].startswith("/aanmelden")
    for email, status in (
        (CITIZEN, 403),
        (RIVAL, 403),  # a competing team's captain
        (EXPERT, 200),
        (STEERING, 200),
        (LAWYER, 200),
    ):
        sign_in(client, email)
        assert client.get(path).status_code == status, email
        assert client.get(path + "/pakket").status_code == status, email
        client.post("/afmelden", data={"csrf_token": ""})
        client.cookies.clear()


def test_an_unknown_team_is_not_found(client: TestClient, team_stage: TeamStage) -> None:
    sign_in(client, CAPTAIN)
    assert client.get(f"{team_stage.path}/teams/999999").status_code == 404


# --- adopting, adapting, writing ---------------------------------------------------------------


def test_a_member_adopts_an_option_as_is(
    client: TestClient, db: Session, team_stage: TeamStage
) -> None:
    sign_in(client, EXPERT)
    assert _adopt(client, team_stage, 1) == 303
    [measure] = _measures(db, team_stage)
    assert measure.state == "submitted"
    assert measure.title == "Minder inhuur"
    assert measure.submitted_at is not None
    assert measure.version == 1
    # The current (first) year saves the option's current-year amount; later years the
    # structural one.
    assert _amounts(db, measure) == {
        2019: (200_000, 0), 2020: (400_000, 0), 2021: (400_000, 0), 2022: (400_000, 0)
    }  # fmt: skip
    origin = _origin(db, measure)
    assert (origin.origin, origin.option_id) == ("as_is", team_stage.options[0].id)
    with organization_scope(db, team_stage.organization.id):
        assert db.scalar(
            select(AuditEntry.id).where(
                AuditEntry.action == "sprint.measure_as_is", AuditEntry.object_id == str(measure.id)
            )
        )
        events = list(db.scalars(select(SprintEvent).where(SprintEvent.kind == "package")))
    assert [e.group_id for e in events] == [team_stage.teams[0].id]

    html = client.get(team_stage.team_path()).text
    assert f'id="measure-{measure.id}"' in html
    assert _amount_of(html, "claimed-structural") == 400_000
    assert _amount_of(html, "claimed-current-year") == 200_000
    assert _amount_of(html, "validated-structural") == 0


def test_an_option_goes_into_a_package_once(client: TestClient, team_stage: TeamStage) -> None:
    sign_in(client, CAPTAIN)
    assert _adopt(client, team_stage, 1) == 303
    assert _adopt(client, team_stage, 1) == 409
    assert _adopt(client, team_stage, 99) == 404


def test_a_member_adapts_an_option_from_a_prefilled_form(
    client: TestClient, db: Session, team_stage: TeamStage
) -> None:
    sign_in(client, CAPTAIN)
    path = f"{team_stage.team_path()}/maatregelen/nieuw?optie=2"
    form = client.get(path)
    assert form.status_code == 200
    assert 'value="Samen inkopen"' in form.text
    assert 'name="structural-2020" type="text" inputmode="numeric" size="12" value="1.000.000"' in (
        form.text
    )
    data = _amount_form(
        "Samen inkopen met drie gemeenten",
        {2019: ("300.000", ""), 2020: ("1.200.000", ""), 2021: ("1.200.000", ""),
         2022: ("1.200.000", "-50.000")},
    )  # fmt: skip
    response = post_form(client, path, data, form_page=path)
    assert response.status_code == 303
    [measure] = _measures(db, team_stage)
    assert measure.title == "Samen inkopen met drie gemeenten"
    assert _amounts(db, measure)[2022] == (1_200_000, -50_000)
    origin = _origin(db, measure)
    assert (origin.origin, origin.option_id) == ("adapted", team_stage.options[1].id)


def test_a_member_writes_an_own_measure(
    client: TestClient, db: Session, team_stage: TeamStage
) -> None:
    sign_in(client, CAPTAIN)
    path = f"{team_stage.team_path()}/maatregelen/nieuw"
    data = _amount_form("Eigen maatregel", {2019: ("10.000", ""), 2022: ("50.000", "")})
    assert post_form(client, path, data, form_page=path).status_code == 303
    [measure] = _measures(db, team_stage)
    assert _origin(db, measure).origin == "own"
    assert _origin(db, measure).option_id is None
    html = client.get(team_stage.team_path()).text
    assert _amount_of(html, "claimed-structural") == 50_000
    assert _amount_of(html, "claimed-current-year") == 10_000


def test_form_errors_keep_what_was_typed(
    client: TestClient, db: Session, team_stage: TeamStage
) -> None:
    sign_in(client, CAPTAIN)
    path = f"{team_stage.team_path()}/maatregelen/nieuw"
    data = _amount_form("Eigen maatregel", {2019: ("tien euro", ""), 2020: ("12.345", "")})
    response = post_form(client, path, data, form_page=path)
    assert response.status_code == 400
    assert 'id="structural-2019-error"' in response.text
    assert 'value="tien euro"' in response.text
    assert 'value="12.345"' in response.text
    assert 'value="Eigen maatregel"' in response.text
    # Nothing typed at all: each required field says so, and nothing is saved.
    empty = post_form(client, path, {"title": "", "measure": ""}, form_page=path)
    assert empty.status_code == 400
    assert 'id="title-error"' in empty.text
    assert 'id="measure-error"' in empty.text
    nothing = post_form(client, path, _amount_form("Zonder bedrag", {}), form_page=path)
    assert nothing.status_code == 400
    assert 'id="amounts-error"' in nothing.text
    assert _measures(db, team_stage) == []


# --- changing and taking out -------------------------------------------------------------------


def _review(
    db: Session, stage: TeamStage, proposal: Proposal, kind: ReviewKind, **kw: object
) -> None:
    email = LAWYER if kind == ReviewKind.LEGAL else FINANCE
    with organization_scope(db, stage.organization.id):
        give_review(
            db, stage.actor(email), stage.process, list(stage.process.phases), proposal, kind,
            ReviewInput(verdict=Verdict.FEASIBLE, notes="", **kw),  # type: ignore[arg-type]
        )  # fmt: skip
        db.flush()


def test_a_change_bumps_the_version_and_the_reviews_take_another_look(
    client: TestClient, db: Session, team_stage: TeamStage
) -> None:
    sign_in(client, CAPTAIN)
    assert _adopt(client, team_stage, 1) == 303
    [measure] = _measures(db, team_stage)
    _review(db, team_stage, measure, ReviewKind.LEGAL)
    _review(
        db, team_stage, measure, ReviewKind.FINANCIAL,
        amounts={2019: (150_000, 0), 2020: (300_000, 0), 2021: (300_000, 0), 2022: (300_000, 0)},
    )  # fmt: skip
    html = client.get(team_stage.team_path()).text
    assert _amount_of(html, "validated-structural") == 300_000
    assert _amount_of(html, "validated-current-year") == 150_000
    assert 'data-verdict="feasible" data-stale="no"' in html

    path = f"{team_stage.team_path()}/maatregelen/{measure.id}/bewerken"
    form = client.get(path)
    assert form.status_code == 200
    assert 'value="400.000"' in form.text
    data = _amount_form(
        "Minder inhuur",
        {2019: ("200.000", ""), 2020: ("500.000", ""), 2021: ("500.000", ""),
         2022: ("500.000", "")},
    )  # fmt: skip
    assert post_form(client, path, data, form_page=path).status_code == 303
    db.refresh(measure)
    assert measure.version == 2
    with organization_scope(db, team_stage.organization.id):
        reviews = list(db.scalars(select(Review).where(Review.proposal_id == measure.id)))
    assert len(reviews) == 2
    assert all(r.needs_another_look for r in reviews)
    assert _origin(db, measure).origin == "adapted"  # no longer the option as it was
    html = client.get(team_stage.team_path()).text
    assert _amount_of(html, "claimed-structural") == 500_000
    assert _amount_of(html, "validated-structural") == 0  # not feasible on this version yet
    assert 'data-stale="yes"' in html
    # Saving the same again changes nothing.
    assert post_form(client, path, data, form_page=path).status_code == 303
    db.refresh(measure)
    assert measure.version == 2


def test_a_member_takes_a_measure_out(
    client: TestClient, db: Session, team_stage: TeamStage
) -> None:
    sign_in(client, EXPERT)
    assert _adopt(client, team_stage, 1) == 303
    [measure] = _measures(db, team_stage)
    path = f"{team_stage.team_path()}/maatregelen/{measure.id}/verwijderen"
    assert post_form(client, path, {}, form_page=team_stage.team_path()).status_code == 303
    db.refresh(measure)
    assert measure.state == "withdrawn"
    html = client.get(team_stage.team_path()).text
    assert f'id="measure-{measure.id}"' not in html
    assert _amount_of(html, "claimed-structural") == 0
    # Gone is gone: a second time is refused, and the option may be adopted anew.
    assert post_form(client, path, {}, form_page=team_stage.team_path()).status_code == 409
    assert _adopt(client, team_stage, 1) == 303


def test_others_may_not_touch_a_team_package(
    client: TestClient, db: Session, team_stage: TeamStage
) -> None:
    sign_in(client, CAPTAIN)
    assert _adopt(client, team_stage, 1) == 303
    [measure] = _measures(db, team_stage)
    client.cookies.clear()
    base = team_stage.team_path()
    posts = [
        (f"{base}/maatregelen/overnemen", {"optie": "2"}),
        (f"{base}/maatregelen/nieuw", _amount_form("Van een ander", {2019: ("1", "")})),
        (f"{base}/maatregelen/{measure.id}/bewerken", _amount_form("Kaping", {2019: ("1", "")})),
        (f"{base}/maatregelen/{measure.id}/verwijderen", {}),
    ]
    for path, data in posts:
        response = post_form(client, path, data)
        assert response.status_code == 303
        assert "/aanmelden" in response.headers["location"]
    for email in (RIVAL, CITIZEN, STEERING, LAWYER):
        sign_in(client, email)
        for path, data in posts:
            assert post_form(client, path, data).status_code == 403, (email, path)
        assert client.get(f"{base}/maatregelen/nieuw").status_code == 403
        client.cookies.clear()
    db.refresh(measure)
    assert (measure.title, measure.state, measure.version) == ("Minder inhuur", "submitted", 1)
    # Another team's measure is not found through this team's address.
    sign_in(client, RIVAL)
    other = f"{team_stage.team_path(1)}/maatregelen/{measure.id}/bewerken"
    assert client.get(other).status_code == 404


# --- the locks ---------------------------------------------------------------------------------


def test_when_the_time_is_up_the_package_locks(
    client: TestClient, db: Session, team_stage: TeamStage
) -> None:
    sign_in(client, CAPTAIN)
    assert _adopt(client, team_stage, 1) == 303
    [measure] = _measures(db, team_stage)
    team_stage.clock(db, started_hours_ago=24, ends_in_hours=-0.5)
    end = local_datetime(team_stage.sprint.ends_at, "Europe/Amsterdam")

    html = client.get(team_stage.team_path()).text
    assert 'id="package-locked"' in html
    assert 'id="clock-ended"' in html
    assert "/verwijderen" not in html
    assert 'id="countdown"' not in html

    assert _adopt(client, team_stage, 2) == 409
    refused = [
        post_form(
            client,
            f"{team_stage.team_path()}/maatregelen/{measure.id}/bewerken",
            _amount_form("Laat", {2019: ("1", "")}),
        ),
        post_form(
            client,
            f"{team_stage.team_path()}/maatregelen/nieuw",
            _amount_form("Te laat", {2019: ("1", "")}),
        ),
        post_form(client, f"{team_stage.team_path()}/maatregelen/{measure.id}/verwijderen", {}),
    ]
    for response in refused:
        assert response.status_code == 409
        assert end in response.text
    # The form for a new measure says so, and offers no form.
    page = client.get(f"{team_stage.team_path()}/maatregelen/nieuw")
    assert 'id="package-locked"' in page.text
    assert 'name="title"' not in page.text
    db.refresh(measure)
    assert (measure.state, measure.version) == ("submitted", 1)
    assert len(_measures(db, team_stage)) == 1


def test_before_the_start_nothing_can_be_built(
    client: TestClient, db: Session, team_stage: TeamStage
) -> None:
    team_stage.clock(db, started_hours_ago=-2, ends_in_hours=26)
    sign_in(client, CAPTAIN)
    html = client.get(team_stage.team_path()).text
    assert 'id="clock-waiting"' in html
    assert _adopt(client, team_stage, 1) == 409
    assert _measures(db, team_stage) == []


def test_outside_the_sprint_phase_nothing_can_be_built(
    client: TestClient, db: Session, team_stage: TeamStage
) -> None:
    team_stage.to_phase(db, PhaseKind.REVIEW)
    sign_in(client, CAPTAIN)
    assert _adopt(client, team_stage, 1) == 409
    assert _measures(db, team_stage) == []


# --- the query budget --------------------------------------------------------------------------


def _page_statements(client: TestClient, queries: QueryCounter, path: str) -> int:
    client.get(path)  # warm: the first request loads what every later one has cached
    before = queries.count
    assert client.get(path).status_code == 200
    return queries.count - before


def test_the_team_page_costs_the_same_with_2_and_6_measures(
    client: TestClient, db: Session, team_stage: TeamStage, queries: QueryCounter
) -> None:
    sign_in(client, CAPTAIN)
    path = f"{team_stage.team_path()}/maatregelen/nieuw"

    def add(n: int) -> None:
        for i in range(n):
            data = _amount_form(f"Maatregel {i}", {2019: ("1.000", ""), 2022: ("2.000", "")})
            assert post_form(client, path, data, form_page=path).status_code == 303

    add(2)
    for measure in _measures(db, team_stage):
        _review(db, team_stage, measure, ReviewKind.LEGAL)
        _review(db, team_stage, measure, ReviewKind.FINANCIAL, amounts={2022: (1_000, 0)})
    with_two = _page_statements(client, queries, team_stage.team_path())
    add(4)
    for measure in _measures(db, team_stage)[2:]:
        _review(db, team_stage, measure, ReviewKind.LEGAL)
        _review(db, team_stage, measure, ReviewKind.FINANCIAL, amounts={2022: (1_000, 0)})
    with_six = _page_statements(client, queries, team_stage.team_path())
    assert with_six == with_two
    assert _page_statements(client, queries, team_stage.team_path() + "/pakket") <= with_two
