"""The sprint's clock: the admin sets start and end (typed in Amsterdam time, stored in
UTC), moves them later, and nobody else may; a dialogue has no clock."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.roles import Role
from app.models import AuditEntry, Organization, Process, Sprint, SprintEvent
from app.phases.kinds import ProcessKind
from tests.factories import make_process, make_user
from tests.sprint.fixtures_team import ADMIN, CAPTAIN, OFFICIAL, STEERING, TeamStage, team_stage
from tests.web.helpers import post_form, sign_in

__all__ = ["team_stage"]


def _new_sprint(db: Session, organization: Organization) -> str:
    """A sprint process without a clock yet."""
    make_process(db, organization, kind=ProcessKind.SPRINT, slug="nieuwe-sprint", title="Sprint")
    return "/beheer/processen/nieuwe-sprint/sprint"


def _clock(db: Session, slug: str) -> Sprint | None:
    return db.scalar(
        select(Sprint).join(Process, Process.id == Sprint.process_id).where(Process.slug == slug)
    )


def test_the_admin_sets_the_clock_in_local_time(
    client: TestClient, db: Session, team_stage: TeamStage
) -> None:
    path = _new_sprint(db, team_stage.organization)
    sign_in(client, ADMIN)
    page = client.get(path)
    assert page.status_code == 200
    assert 'type="datetime-local"' in page.text
    response = post_form(
        client, path, {"starts_at": "2019-05-14T09:00", "ends_at": "2019-05-15T09:00"},
        form_page=path,
    )  # fmt: skip
    assert response.status_code == 303
    sprint = _clock(db, "nieuwe-sprint")
    assert sprint is not None
    # May in Amsterdam is summer time: two hours ahead of UTC.
    assert sprint.starts_at == datetime(2019, 5, 14, 7, 0, tzinfo=UTC)
    assert sprint.ends_at == datetime(2019, 5, 15, 7, 0, tzinfo=UTC)
    events = list(
        db.scalars(select(SprintEvent).where(SprintEvent.process_id == sprint.process_id))
    )
    assert [e.kind for e in events] == ["clock"]
    assert db.scalar(
        select(AuditEntry.id).where(
            AuditEntry.action == "sprint.clock_set", AuditEntry.object_id == str(sprint.id)
        )
    )
    # The form shows the clock back as it was typed.
    again = client.get(path).text
    assert 'value="2019-05-14T09:00"' in again
    assert 'value="2019-05-15T09:00"' in again


def test_the_admin_moves_the_clock(client: TestClient, db: Session, team_stage: TeamStage) -> None:
    path = f"/beheer/processen/{team_stage.process.slug}/sprint"
    sign_in(client, ADMIN)
    response = post_form(
        client, path, {"starts_at": "2019-01-15T10:30", "ends_at": "2019-01-16T10:30"},
        form_page=path,
    )  # fmt: skip
    assert response.status_code == 303
    db.refresh(team_stage.sprint)
    # January: winter time, one hour ahead of UTC.
    assert team_stage.sprint.starts_at == datetime(2019, 1, 15, 9, 30, tzinfo=UTC)
    assert (
        len(list(db.scalars(select(Sprint).where(Sprint.process_id == team_stage.process.id)))) == 1
    )
    entry = db.scalar(select(AuditEntry).where(AuditEntry.action == "sprint.clock_set"))
    assert entry is not None
    assert entry.before is not None


def test_the_end_must_come_after_the_start(
    client: TestClient, db: Session, team_stage: TeamStage
) -> None:
    path = _new_sprint(db, team_stage.organization)
    sign_in(client, ADMIN)
    response = post_form(
        client, path, {"starts_at": "2019-05-15T09:00", "ends_at": "2019-05-14T09:00"},
        form_page=path,
    )  # fmt: skip
    assert response.status_code == 400
    assert 'id="ends_at-error"' in response.text
    assert 'value="2019-05-15T09:00"' in response.text
    garbled = post_form(client, path, {"starts_at": "morgen", "ends_at": ""}, form_page=path)
    assert garbled.status_code == 400
    assert 'id="starts_at-error"' in garbled.text
    assert 'id="ends_at-error"' in garbled.text
    assert 'value="morgen"' in garbled.text
    assert _clock(db, "nieuwe-sprint") is None
    assert db.scalar(select(AuditEntry.id).where(AuditEntry.action == "sprint.clock_set")) is None


def test_only_the_admin_sets_the_clock(client: TestClient, team_stage: TeamStage) -> None:
    path = f"/beheer/processen/{team_stage.process.slug}/sprint"
    data = {"starts_at": "2019-05-14T09:00", "ends_at": "2019-05-15T09:00"}
    anonymous = post_form(client, path, data)
    assert anonymous.status_code == 303
    assert "/aanmelden" in anonymous.headers["location"]
    for email in (OFFICIAL, STEERING, CAPTAIN):
        sign_in(client, email)
        assert client.get(path).status_code == 403
        assert post_form(client, path, data).status_code == 403
        client.cookies.clear()


def test_a_dialogue_has_no_clock(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_process(db, organization, slug="dialoog")
    make_user(db, organization, email="ada@example.org", display_name="Ada", roles=[Role.ADMIN])
    sign_in(client, "ada@example.org")
    assert client.get("/beheer/processen/dialoog/sprint").status_code == 404
    data = {"starts_at": "2019-05-14T09:00", "ends_at": "2019-05-15T09:00"}
    assert post_form(client, "/beheer/processen/dialoog/sprint", data).status_code == 404


def test_a_moment_out_of_range_or_in_the_clock_change_is_answered_at_its_field(
    client: TestClient, db: Session, team_stage: TeamStage
) -> None:
    """Year 1 in Amsterdam lies before UTC's year 1: converting it was a 500. A time the
    clocks skip (31 March 2019, 02:30) does not exist: it is not silently moved."""
    path = _new_sprint(db, team_stage.organization)
    sign_in(client, ADMIN)
    for starts_at in ("0001-01-01T00:00", "9999-12-31T23:59", "2019-03-31T02:30"):
        response = post_form(
            client, path, {"starts_at": starts_at, "ends_at": "2019-05-15T09:00"}, form_page=path
        )
        assert response.status_code == 400, starts_at
        assert 'id="starts_at-error"' in response.text
        assert f'value="{starts_at}"' in response.text
    assert _clock(db, "nieuwe-sprint") is None
