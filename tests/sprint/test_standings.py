"""The figures the steering group sees and publishes, exactly: only a measure with a sound
legal and a sound financial verdict on its present version counts, with the financial
adviser's amounts (structural: the last year; current year: structural plus one-off in
the first); a changed measure stops counting until it is reviewed again. A published
snapshot stays as it was; every participant sees the latest, numbered on."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import organization_scope, utcnow
from app.errors import Forbidden, PhaseClosed
from app.models import AuditEntry, SprintEvent, StandingsSnapshot
from app.phases.kinds import PhaseKind
from app.reviews.kinds import ReviewKind, Verdict
from app.reviews.service import mark_stale
from app.sprint import steering_service
from app.web.templating import euro
from tests.sprint.fixtures_queue import SprintStage, add_measure, review, sprint_stage
from tests.web.helpers import post_form, sign_in

__all__ = ["sprint_stage"]

LEGAL, FINANCIAL = ReviewKind.LEGAL, ReviewKind.FINANCIAL
STEERING = "regie@example.org"


def _figures(db: Session, stage: SprintStage) -> dict[str, object]:
    """Team 1: one measure both sound (counts), one the lawyer rejects, one with only the
    financial verdict. Team 2: one measure sound on conditions, worth more. Team 3: none."""
    first, second = stage.teams[0], stage.teams[1]
    now = utcnow()
    counted = add_measure(db, stage, first, "Telt", submitted_at=now - timedelta(hours=3),
                          amounts={2012: (100_000, 50_000), 2015: (400_000, 0)})  # fmt: skip
    review(db, stage, counted, LEGAL)
    review(db, stage, counted, FINANCIAL, amounts={2012: (80_000, 20_000), 2015: (300_000, 0)})
    rejected = add_measure(db, stage, first, "Mag niet", amounts={2015: (1_000_000, 0)})
    review(db, stage, rejected, LEGAL, Verdict.NOT_FEASIBLE)
    review(db, stage, rejected, FINANCIAL, amounts={2015: (1_000_000, 0)})
    half = add_measure(db, stage, first, "Half", amounts={2015: (50_000, 0)})
    review(db, stage, half, FINANCIAL, amounts={2015: (50_000, 0)})
    larger = add_measure(db, stage, second, "Groter", amounts={2015: (600_000, 0)})
    review(db, stage, larger, LEGAL, Verdict.ON_CONDITIONS)
    review(db, stage, larger, FINANCIAL, amounts={2012: (0, 10_000), 2015: (500_000, 0)})
    return {"larger": larger}


def _publish(db: Session, stage: SprintStage, note: str = "") -> StandingsSnapshot:
    with organization_scope(db, stage.organization.id):
        return steering_service.publish_standings(
            db, stage.actor(db, STEERING), stage.place(db), note
        )


def test_only_measures_sound_on_both_sides_count(db: Session, sprint_stage: SprintStage) -> None:
    made = _figures(db, sprint_stage)
    snapshot = _publish(db, sprint_stage, "Halverwege")
    first, second, third = sprint_stage.teams
    assert snapshot.number == 1
    assert snapshot.rows == [
        {"group_id": second.id, "name": second.name, "measures": 1,
         "claimed_structural": 600_000, "claimed_current_year": 0, "feasible": 1,
         "validated_structural": 500_000, "validated_current_year": 10_000, "waiting": 0,
         "rank": 1},
        {"group_id": first.id, "name": first.name, "measures": 3,
         "claimed_structural": 1_450_000, "claimed_current_year": 150_000, "feasible": 1,
         "validated_structural": 300_000, "validated_current_year": 100_000, "waiting": 1,
         "rank": 2},
        {"group_id": third.id, "name": third.name, "measures": 0,
         "claimed_structural": 0, "claimed_current_year": 0, "feasible": 0,
         "validated_structural": 0, "validated_current_year": 0, "waiting": 0, "rank": 3},
    ]  # fmt: skip

    # Team 2 changes its measure: it stops counting until reviewed again; the published
    # snapshot stays as it was.
    larger = made["larger"]
    larger.version += 1  # type: ignore[attr-defined]
    with organization_scope(db, sprint_stage.organization.id):
        mark_stale(db, larger, base_url="http://testdorp.test")  # type: ignore[arg-type]
    second_snapshot = _publish(db, sprint_stage)
    rows = {row["group_id"]: row for row in second_snapshot.rows}
    assert second_snapshot.number == 2
    assert (rows[second.id]["feasible"], rows[second.id]["validated_structural"]) == (0, 0)
    assert rows[second.id]["waiting"] == 1
    assert (rows[first.id]["rank"], rows[second.id]["rank"]) == (1, 2)
    db.refresh(snapshot)
    assert snapshot.rows[0]["validated_structural"] == 500_000

    # Reviewed again, it counts again.
    review(db, sprint_stage, larger, LEGAL)  # type: ignore[arg-type]
    review(db, sprint_stage, larger, FINANCIAL, amounts={2015: (450_000, 0)})  # type: ignore[arg-type]
    third_snapshot = _publish(db, sprint_stage)
    rows = {row["group_id"]: row for row in third_snapshot.rows}
    assert (rows[second.id]["validated_structural"], rows[second.id]["rank"]) == (450_000, 1)


def test_publishing_is_audited_and_told_to_every_screen(
    db: Session, sprint_stage: SprintStage
) -> None:
    snapshot = _publish(db, sprint_stage, "  Goed bezig!  ")
    assert snapshot.note == "Goed bezig!"
    entry = db.scalar(select(AuditEntry).where(AuditEntry.action == "sprint.standings_published"))
    assert entry is not None
    assert entry.object_id == str(snapshot.id)
    event = db.scalar(select(SprintEvent).where(SprintEvent.kind == "standings"))
    assert event is not None
    assert event.group_id is None


def test_only_the_steering_group_publishes_and_only_in_its_phases(
    db: Session, sprint_stage: SprintStage
) -> None:
    for email in ("jurist@example.org", "kapitein@example.org", "bestuur@example.org"):
        with organization_scope(db, sprint_stage.organization.id), pytest.raises(Forbidden):
            steering_service.publish_standings(
                db, sprint_stage.actor(db, email), sprint_stage.place(db), ""
            )
    sprint_stage.to_phase(db, PhaseKind.PREPARATION)
    with pytest.raises(PhaseClosed):
        _publish(db, sprint_stage)
    for phase in (PhaseKind.REVIEW, PhaseKind.RESULTS):
        sprint_stage.to_phase(db, phase)
        _publish(db, sprint_stage)
    assert db.scalar(select(StandingsSnapshot.number).order_by(StandingsSnapshot.number.desc()))


def test_the_steering_screen_shows_the_figures(
    client: TestClient, db: Session, sprint_stage: SprintStage
) -> None:
    _figures(db, sprint_stage)
    second = sprint_stage.teams[1]
    sign_in(client, STEERING)
    for path in (f"{sprint_stage.path}/regie", f"{sprint_stage.path}/regie/stand"):
        page = client.get(path)
        assert page.status_code == 200
        row = page.text.split(f'data-team="{second.id}"')[1].split("</tr>")[0]
        assert f'data-field="validated_structural">{euro(500_000)}<' in row
        assert f'data-field="claimed_structural">{euro(600_000)}<' in row
        assert f'data-field="validated_current_year">{euro(10_000)}<' in row
        assert 'data-field="feasible">1 / 1<' in row


def test_participants_see_the_latest_and_the_earlier_standings(
    client: TestClient, db: Session, sprint_stage: SprintStage
) -> None:
    stand = f"{sprint_stage.path}/stand"
    sign_in(client, "expert@example.org")
    empty = client.get(stand)
    assert empty.status_code == 200
    assert 'id="no-standings"' in empty.text
    _figures(db, sprint_stage)
    client.cookies.clear()
    sign_in(client, STEERING)
    screen = f"{sprint_stage.path}/regie"
    published = post_form(
        client, f"{screen}/tussenstand", {"note": "Eerste stand"}, form_page=screen
    )
    assert published.status_code == 303
    assert post_form(client, f"{sprint_stage.path}/regie/tussenstand", {"note": "x" * 501},
                     form_page=f"{sprint_stage.path}/regie").status_code == 400  # fmt: skip
    post_form(client, f"{sprint_stage.path}/regie/tussenstand", {"note": "Tweede stand"},
              form_page=f"{sprint_stage.path}/regie")  # fmt: skip
    client.cookies.clear()
    for email in ("expert@example.org", "jurist@example.org", "bestuur@example.org", STEERING):
        sign_in(client, email)
        page = client.get(stand)
        assert page.status_code == 200, email
        assert 'id="snapshot-2"' in page.text
        assert "Tweede stand" in page.text
        assert f'href="{stand}/1"' in page.text
        part = client.get(f"{stand}/laatste")
        assert part.text.lstrip().startswith('<section id="latest-standings"')
        assert 'id="snapshot-2"' in part.text
        earlier = client.get(f"{stand}/1")
        assert earlier.status_code == 200
        assert "Eerste stand" in earlier.text
        client.cookies.clear()
    sign_in(client, "burger@example.org")  # signed in, but in no team and no sprint role
    assert client.get(stand).status_code == 403
    assert client.get(f"{stand}/laatste").status_code == 403
    assert client.get(f"{stand}/1").status_code == 403
    client.cookies.clear()
    sign_in(client, "expert@example.org")
    assert client.get(f"{stand}/9").status_code == 404
