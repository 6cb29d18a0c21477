"""The options catalogue: officials describe options in the preparation phase (numbered
per process, audited), and change them; participants read the catalogue; team members
see what they can do with an option. Refusals: the wrong role (403), the wrong phase
(409), a bad form (400, with what was typed kept)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEntry, SprintOption
from app.phases.kinds import PhaseKind, ProcessKind
from tests.factories import make_process
from tests.sprint.fixtures_team import (
    ADMIN,
    CAPTAIN,
    CITIZEN,
    LAWYER,
    OFFICIAL,
    RIVAL,
    TeamStage,
    team_stage,
)
from tests.web.helpers import post_form, sign_in

__all__ = ["team_stage"]

OPTION = {
    "title": "Gebundelde inkoop",
    "measure": "Jeugdhulp samen met de buurgemeenten inkopen.",
    "budget_lines": "SD-2 Jeugd",
    "structural": "750.000",
    "current_year": "€ 125.000",
    "legal_snags": "Aanbesteding nodig.",
}


def _options(db: Session, stage: TeamStage) -> list[SprintOption]:
    return list(
        db.scalars(
            select(SprintOption)
            .where(SprintOption.process_id == stage.process.id)
            .order_by(SprintOption.number)
        )
    )


def test_an_official_adds_options_numbered_on(
    client: TestClient, db: Session, team_stage: TeamStage
) -> None:
    team_stage.to_phase(db, PhaseKind.PREPARATION)
    sign_in(client, OFFICIAL)
    path = f"{team_stage.path}/opties/nieuw"
    assert client.get(path).status_code == 200
    response = post_form(client, path, OPTION, form_page=path)
    assert response.status_code == 303
    assert response.headers["location"] == f"{team_stage.path}/opties/3"
    option = _options(db, team_stage)[-1]
    assert (option.number, option.title) == (3, "Gebundelde inkoop")
    assert (option.structural, option.current_year) == (750_000, 125_000)
    assert option.legal_snags == "Aanbesteding nodig."
    assert option.author_id == team_stage.people[OFFICIAL].id
    assert db.scalar(
        select(AuditEntry.id).where(
            AuditEntry.action == "sprint.option_added", AuditEntry.object_id == str(option.id)
        )
    )
    page = client.get(f"{team_stage.path}/opties/3")
    assert page.status_code == 200
    assert "Aanbesteding nodig." in page.text
    assert f'href="{team_stage.path}/opties/3/bewerken"' in page.text


def test_an_official_changes_an_option(
    client: TestClient, db: Session, team_stage: TeamStage
) -> None:
    team_stage.to_phase(db, PhaseKind.PREPARATION)
    sign_in(client, OFFICIAL)
    path = f"{team_stage.path}/opties/1/bewerken"
    form = client.get(path)
    assert form.status_code == 200
    assert 'value="Minder inhuur"' in form.text
    assert 'value="400.000"' in form.text
    changed = {**OPTION, "title": "Minder inhuur, meer vast personeel"}
    assert post_form(client, path, changed, form_page=path).status_code == 303
    option = _options(db, team_stage)[0]
    db.refresh(option)
    assert option.title == "Minder inhuur, meer vast personeel"
    assert option.number == 1
    entry = db.scalar(select(AuditEntry).where(AuditEntry.action == "sprint.option_updated"))
    assert entry is not None
    assert entry.before is not None
    assert entry.before["title"] == "Minder inhuur"


def test_a_bad_option_form_keeps_what_was_typed(
    client: TestClient, db: Session, team_stage: TeamStage
) -> None:
    team_stage.to_phase(db, PhaseKind.PREPARATION)
    sign_in(client, OFFICIAL)
    path = f"{team_stage.path}/opties/nieuw"
    bad = {**OPTION, "title": "", "structural": "veel"}
    response = post_form(client, path, bad, form_page=path)
    assert response.status_code == 400
    assert 'id="title-error"' in response.text
    assert 'id="structural-error"' in response.text
    assert 'value="veel"' in response.text
    assert "Jeugdhulp samen met de buurgemeenten inkopen." in response.text
    assert len(_options(db, team_stage)) == 2


def test_options_are_written_in_the_preparation_phase_only(
    client: TestClient, db: Session, team_stage: TeamStage
) -> None:
    sign_in(client, OFFICIAL)  # the stage is in its sprint phase
    path = f"{team_stage.path}/opties/nieuw"
    page = client.get(path)
    assert page.status_code == 200
    assert 'name="title"' not in page.text  # the page says why, and offers no form
    assert post_form(client, path, OPTION, form_page=path).status_code == 409
    edit = f"{team_stage.path}/opties/1/bewerken"
    assert post_form(client, edit, OPTION, form_page=path).status_code == 409
    assert len(_options(db, team_stage)) == 2
    assert _options(db, team_stage)[0].title == "Minder inhuur"


def test_only_officials_prepare_options(
    client: TestClient, db: Session, team_stage: TeamStage
) -> None:
    team_stage.to_phase(db, PhaseKind.PREPARATION)
    path = f"{team_stage.path}/opties/nieuw"
    for email in (CAPTAIN, LAWYER, CITIZEN):
        sign_in(client, email)
        assert client.get(path).status_code == 403
        assert post_form(client, path, OPTION).status_code == 403
        assert client.get(f"{team_stage.path}/opties/1/bewerken").status_code == 403
        client.cookies.clear()
    sign_in(client, ADMIN)  # the admin may stand in
    assert post_form(client, path, OPTION, form_page=path).status_code == 303


def test_participants_read_the_catalogue(client: TestClient, team_stage: TeamStage) -> None:
    path = f"{team_stage.path}/opties"
    anonymous = client.get(path, follow_redirects=False)
    assert anonymous.status_code == 303
    sign_in(client, CITIZEN)
    assert client.get(path).status_code == 403
    assert client.get(path + "/1").status_code == 403
    client.cookies.clear()
    sign_in(client, LAWYER)
    page = client.get(path)
    assert page.status_code == 200
    assert 'id="option-1"' in page.text
    assert 'id="option-2"' in page.text
    assert "/maatregelen/overnemen" not in page.text  # not on a team
    assert client.get(path + "/99").status_code == 404


def test_a_team_member_sees_what_to_do_with_an_option(
    client: TestClient, team_stage: TeamStage
) -> None:
    sign_in(client, RIVAL)
    path = f"{team_stage.path}/opties"
    html = client.get(path).text
    team = team_stage.team_path(1)
    assert f'action="{team}/maatregelen/overnemen"' in html
    assert f'href="{team}/maatregelen/nieuw?optie=2"' in html
    response = post_form(client, f"{team}/maatregelen/overnemen", {"optie": "1"}, form_page=path)
    assert response.status_code == 303
    # Taken: the catalogue says it is in the package, and offers it no more.
    option_one = re.search(r'id="option-1">(.*?)</li>', client.get(path).text, re.S)
    assert option_one is not None
    assert "/maatregelen/overnemen" not in option_one.group(1)
    single = client.get(path + "/2").text
    assert f'href="{team}/maatregelen/nieuw?optie=2"' in single


def test_the_catalogue_opens_before_the_clock_is_set(
    client: TestClient, db: Session, team_stage: TeamStage
) -> None:
    make_process(db, team_stage.organization, kind=ProcessKind.SPRINT, slug="later", title="Later")
    sign_in(client, OFFICIAL)
    assert client.get("/processen/later/sprint/opties").status_code == 200
    path = "/processen/later/sprint/opties/nieuw"
    assert post_form(client, path, OPTION, form_page=path).status_code == 303
    assert client.get("/processen/later/sprint/opties/1").status_code == 200
    # A dialogue has no catalogue.
    make_process(db, team_stage.organization, slug="dialoog")
    assert client.get("/processen/dialoog/sprint/opties").status_code == 404
