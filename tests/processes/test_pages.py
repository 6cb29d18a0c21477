"""The public process and theme pages, and the admin's setup pages."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.roles import Role
from app.db import organization_scope
from app.models import Organization, Process
from app.phases.kinds import PhaseKind
from app.processes import service
from app.processes.budget_import import import_budget_lines
from tests.conftest import QueryCounter
from tests.factories import SMALL_BUDGET, make_process, make_user
from tests.web.helpers import csrf_token, post_form, sign_in


@pytest.fixture
def process(db: Session, organization: Organization) -> Process:
    process = make_process(db, organization, slug="dialoog")
    with organization_scope(db, organization.id):
        import_budget_lines(db, "x", process, SMALL_BUDGET.encode())
    return process


def test_the_process_page_shows_timeline_targets_and_themes(
    client: TestClient, process: Process
) -> None:
    html = client.get("/processen/dialoog").text
    assert "€ 6.200.000" in html
    assert 'aria-current="step"' in html
    assert "Werving" in html
    # Onderwijs: 10% of 1.500.000 + 500.000 controllable
    assert "€ 200.000" in html
    assert 'href="/processen/dialoog/themas/onderwijs"' in html
    assert "<progress" in html


def test_the_theme_page_groups_lines_by_task_field(client: TestClient, process: Process) -> None:
    html = client.get("/processen/dialoog/themas/onderwijs").text
    assert "4.2 Onderwijshuisvesting" in html
    assert "4.3 Onderwijsbeleid en leerlingzaken" in html
    assert "Leerlingenvervoer" in html
    assert client.get("/processen/dialoog/themas/bestaat-niet").status_code == 404


def test_the_process_page_takes_the_same_queries_however_big_the_budget(
    client: TestClient,
    db: Session,
    organization: Organization,
    process: Process,
    queries: QueryCounter,
) -> None:
    before = queries.count
    client.get("/processen/dialoog")
    small = queries.count - before
    many = "code,naam,begroting,beinvloedbaar,thema\n" + "".join(
        f"X-{n},Post {n},1000,500,Thema {n % 6}\n" for n in range(200)
    )
    with organization_scope(db, organization.id):
        import_budget_lines(db, "x", process, many.encode())
        db.flush()
    before = queries.count
    client.get("/processen/dialoog")
    assert queries.count - before == small


def test_an_admin_sets_up_a_process_from_a_csv(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_user(db, organization, email="beheer@zeist.example", roles=[Role.ADMIN])
    sign_in(client, "beheer@zeist.example")
    created = post_form(
        client,
        "/beheer/processen",
        {
            "title": "Dialoog 2027",
            "kind": "dialogue",
            "target_total": "€ 1.000.000",
            "first_year": "2027",
            "last_year": "2030",
            "starts_on": "2026-12-01",
            "target_percentage": "10",
        },
        form_page="/beheer/processen",
    )
    assert created.status_code == 303
    assert created.headers["location"] == "/beheer/processen/dialoog-2027"
    token = csrf_token(client, "/beheer/processen/dialoog-2027")
    imported = client.post(
        "/beheer/processen/dialoog-2027/begroting",
        data={"csrf_token": token},
        files={"file": ("begroting.csv", SMALL_BUDGET.encode(), "text/csv")},
        follow_redirects=False,
    )
    assert imported.status_code == 303
    page = client.get("/beheer/processen/dialoog-2027").text
    assert "Onderwijs" in page
    assert "€ 300.000" in page  # sum of the theme targets
    assert "€ -700.000" in page or "-€ 700.000" in page or "€ −700.000" in page  # falls short


def test_a_bad_csv_lists_every_bad_line_and_imports_nothing(
    client: TestClient, db: Session, organization: Organization, process: Process
) -> None:
    make_user(db, organization, email="beheer@zeist.example", roles=[Role.ADMIN])
    sign_in(client, "beheer@zeist.example")
    token = csrf_token(client, "/beheer/processen/dialoog")
    response = client.post(
        "/beheer/processen/dialoog/begroting",
        data={"csrf_token": token},
        files={
            "file": ("b.csv", b"code,naam,begroting,beinvloedbaar\nA,,1,1\nB,X,1,5\n", "text/csv")
        },
    )
    assert response.status_code == 400
    assert "Regel 2" in response.text
    assert "Regel 3" in response.text


def test_a_target_by_hand_needs_a_reason(
    client: TestClient, db: Session, organization: Organization, process: Process
) -> None:
    make_user(db, organization, email="beheer@zeist.example", roles=[Role.ADMIN])
    sign_in(client, "beheer@zeist.example")
    with organization_scope(db, organization.id):
        from app.models import Theme

        theme = db.scalar(select(Theme).where(Theme.slug == "onderwijs"))
        assert theme is not None
    no_reason = post_form(
        client,
        f"/beheer/processen/dialoog/themas/{theme.id}/doel",
        {f"target-{theme.id}": "150.000"},
        form_page="/beheer/processen/dialoog",
    )
    assert no_reason.status_code == 400
    assert 'value="150.000"' in no_reason.text
    ok = post_form(
        client,
        f"/beheer/processen/dialoog/themas/{theme.id}/doel",
        {f"target-{theme.id}": "150.000", f"reason-{theme.id}": "Leerplicht"},
        form_page="/beheer/processen/dialoog",
    )
    assert ok.status_code == 303


def test_adding_a_framework_after_the_kickoff_says_when_it_was_possible(
    client: TestClient, db: Session, organization: Organization, process: Process
) -> None:
    make_user(db, organization, email="beheer@zeist.example", roles=[Role.ADMIN])
    with organization_scope(db, organization.id):
        service.set_current_phase(db, "x", process, PhaseKind.GREEN_PAPER)
        db.flush()
    sign_in(client, "beheer@zeist.example")
    page = client.get("/beheer/processen/dialoog").text
    assert "kick-off" in page.lower()
    response = post_form(
        client,
        "/beheer/processen/dialoog/kaders",
        {"framework_title": "Nieuw", "framework_text": "Te laat"},
        form_page="/beheer/processen/dialoog",
    )
    assert response.status_code == 409
    assert "Werving" in response.text


ADMIN_PAGES = [
    ("GET", "/beheer/processen"),
    ("POST", "/beheer/processen"),
    ("GET", "/beheer/processen/dialoog"),
    ("POST", "/beheer/processen/dialoog/fasedata"),
    ("POST", "/beheer/processen/dialoog/begroting"),
    ("POST", "/beheer/processen/dialoog/kaders"),
]


@pytest.mark.parametrize("role", [Role.EXPERT, Role.CHEF, Role.FINANCE, Role.COUNCIL, Role.BOARD])
@pytest.mark.parametrize(("method", "path"), ADMIN_PAGES)
def test_only_admins_set_up_processes(
    client: TestClient,
    db: Session,
    organization: Organization,
    process: Process,
    caplog: pytest.LogCaptureFixture,
    role: Role,
    method: str,
    path: str,
) -> None:
    make_user(db, organization, email="iemand@zeist.example", roles=[role])
    sign_in(client, "iemand@zeist.example")
    token = csrf_token(client)
    response = client.request(
        method, path, data={"csrf_token": token} if method == "POST" else None
    )
    assert response.status_code == 403
    assert "access.refused" in caplog.text


def test_the_board_closes_its_own_review_but_no_other_phase(
    client: TestClient, db: Session, organization: Organization, process: Process
) -> None:
    make_user(db, organization, email="wethouder@zeist.example", roles=[Role.BOARD])
    sign_in(client, "wethouder@zeist.example")
    refused = post_form(
        client, "/beheer/processen/dialoog/fase", {"phase": "kickoff"}, form_page="/"
    )
    assert refused.status_code == 403
    with organization_scope(db, organization.id):
        service.set_current_phase(db, "x", process, PhaseKind.BOARD_REVIEW)
        db.flush()
    moved = post_form(
        client, "/beheer/processen/dialoog/fase", {"phase": "council_workshop"}, form_page="/"
    )
    assert moved.status_code == 303


def test_a_budget_line_and_a_theme_by_hand(
    client: TestClient, db: Session, organization: Organization, process: Process
) -> None:
    make_user(db, organization, email="beheer@zeist.example", roles=[Role.ADMIN])
    sign_in(client, "beheer@zeist.example")
    added = post_form(
        client,
        "/beheer/processen/dialoog/themas",
        {"theme_name": "Veiligheid"},
        form_page="/beheer/processen/dialoog",
    )
    assert added.status_code == 303
    page = client.get("/beheer/processen/dialoog").text
    assert "Veiligheid" in page
    with organization_scope(db, organization.id):
        from app.models import Group, Theme

        theme = db.scalar(select(Theme).where(Theme.slug == "veiligheid"))
        assert theme is not None
        assert db.scalar(select(Group.name).where(Group.theme_id == theme.id)) == "Veiligheid"
    line = {
        "line_code": "VE-1",
        "line_name": "Brandweer",
        "line_budget": "2.000.000",
        "line_controllable": "700.000",
        "line_taakveld": "1.1",
        "line_theme": str(theme.id),
    }
    ok = post_form(
        client,
        "/beheer/processen/dialoog/begrotingsposten",
        line,
        form_page="/beheer/processen/dialoog",
    )
    assert ok.status_code == 303
    again = post_form(
        client,
        "/beheer/processen/dialoog/begrotingsposten",
        line,
        form_page="/beheer/processen/dialoog",
    )
    assert again.status_code == 400
    assert "Er is al een begrotingspost met deze code." in again.text
    assert 'value="Brandweer"' in again.text
    assert "€ 70.000" in client.get("/processen/dialoog").text


def test_a_sprint_gets_numbered_teams(
    client: TestClient, db: Session, organization: Organization
) -> None:
    from app.phases.kinds import ProcessKind

    make_user(db, organization, email="beheer@zeist.example", roles=[Role.ADMIN])
    sprint = make_process(db, organization, kind=ProcessKind.SPRINT, slug="sprint")
    with organization_scope(db, organization.id):
        import_budget_lines(
            db,
            "x",
            sprint,
            b"code,naam,begroting,beinvloedbaar,thema\nS-1,Bijstand,100,80,Sociaal domein\n",
        )
        db.flush()
    sign_in(client, "beheer@zeist.example")
    response = post_form(
        client,
        "/beheer/processen/sprint/teams",
        {"team_count": "10"},
        form_page="/beheer/processen/sprint",
    )
    assert response.status_code == 303
    page = client.get("/beheer/processen/sprint").text
    assert "Team 1" in page
    assert "Team 10" in page
    bad = post_form(
        client,
        "/beheer/processen/sprint/teams",
        {"team_count": "veel"},
        form_page="/beheer/processen/sprint",
    )
    assert bad.status_code == 400


def test_earlier_wordings_of_a_framework_stay_readable(
    client: TestClient, db: Session, organization: Organization, process: Process
) -> None:
    phases = list(process.phases)
    with organization_scope(db, organization.id):
        framework = service.add_framework(db, "raad", process, phases, "Structureel", "Vanaf 2012.")
        service.update_framework(
            db, "raad", process, phases, framework, "Structureel", "Vanaf 2013."
        )
        db.flush()
    html = client.get("/processen/dialoog").text
    assert "Vanaf 2013." in html
    assert "1 eerdere versie" in html
    assert "Vanaf 2012." in html
