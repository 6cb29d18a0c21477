"""The shared review queue: oldest first, never two reviewers on one measure (also when
two take at the same moment, and on PostgreSQL with two real transactions), one claim per
reviewer and kind, claims left 30 minutes taken over, verdicts through the reviews' use
case, giving back, refusals, the phase lock, and a page cost that does not grow."""

from __future__ import annotations

import threading
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import make_engine, make_session_factory, organization_scope, utcnow
from app.errors import Conflict, Forbidden, PhaseClosed
from app.models import AuditEntry, Review, ReviewClaim, SprintEvent, ValidatedAmount
from app.phases.kinds import PhaseKind
from app.reviews.kinds import ReviewKind, Verdict
from app.reviews.service import ReviewInput, mark_stale
from app.sprint import queue_queries, review_service
from app.sprint.loading import sprint_place
from app.sprint.queue_queries import QueueItem
from tests.conftest import QueryCounter
from tests.databases import fresh_database, migrate
from tests.sprint.fixtures_queue import (
    FIRST_YEAR,
    LAST_YEAR,
    SLUG,
    SprintStage,
    add_measure,
    make_sprint_stage,
    review,
    sprint_stage,
)
from tests.web.helpers import post_form, sign_in

__all__ = ["sprint_stage"]

LEGAL, FINANCIAL = ReviewKind.LEGAL, ReviewKind.FINANCIAL
JULIA, JEROEN, FRANK = "jurist@example.org", "jurist2@example.org", "financien@example.org"


def _three(db: Session, stage: SprintStage) -> list[Any]:
    """Three measures of three teams, handed in an hour apart, the oldest last made."""
    now = utcnow()
    return [
        add_measure(db, stage, stage.teams[2], "Nieuwste", submitted_at=now - timedelta(hours=1)),
        add_measure(db, stage, stage.teams[1], "Middelste", submitted_at=now - timedelta(hours=2)),
        add_measure(db, stage, stage.teams[0], "Oudste", submitted_at=now - timedelta(hours=3)),
    ]


def _claim(db: Session, stage: SprintStage, email: str, kind: ReviewKind = LEGAL) -> Any:
    with organization_scope(db, stage.organization.id):
        return review_service.claim_next(db, stage.actor(db, email), stage.place(db), kind)


def test_reviewers_take_the_oldest_first_and_never_the_same(
    db: Session, sprint_stage: SprintStage
) -> None:
    newest, middle, oldest = _three(db, sprint_stage)
    first = _claim(db, sprint_stage, JULIA)
    second = _claim(db, sprint_stage, JEROEN)
    assert (first.proposal_id, second.proposal_id) == (oldest.id, middle.id)
    # Taking the next while holding one returns the one held.
    assert _claim(db, sprint_stage, JULIA).id == first.id
    # The financial adviser's queue is another: the oldest is free for that kind.
    assert _claim(db, sprint_stage, FRANK, FINANCIAL).proposal_id == oldest.id
    queue = queue_queries.queue(db, sprint_stage.place(db), LEGAL)
    assert [item.proposal_id for item in queue] == [oldest.id, middle.id, newest.id]
    assert [item.reviewer_name for item in queue] == ["Julia", "Jeroen", None]
    actions = set(
        db.scalars(select(AuditEntry.action).where(AuditEntry.object_type == "ReviewClaim"))
    )
    assert actions == {"sprint.claim_taken"}
    events = db.scalars(select(SprintEvent).where(SprintEvent.kind == "review")).all()
    assert {event.group_id for event in events} == {
        sprint_stage.teams[0].id,
        sprint_stage.teams[1].id,
    }


def test_two_reviewers_pressing_at_once_get_two_measures(
    db: Session, sprint_stage: SprintStage, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Jeroen's queue was read before Julia's claim landed: his insert on the same measure
    meets the unique constraint, and he gets the next one instead."""
    _newest, middle, oldest = _three(db, sprint_stage)
    place = sprint_stage.place(db)
    seen_before = queue_queries.queue(db, place, LEGAL)
    assert _claim(db, sprint_stage, JULIA).proposal_id == oldest.id
    monkeypatch.setattr(queue_queries, "queue", lambda *_args: list(seen_before))
    claim = _claim(db, sprint_stage, JEROEN)
    assert claim.proposal_id == middle.id
    claims = db.scalars(select(ReviewClaim).where(ReviewClaim.kind == "legal")).all()
    assert sorted((c.proposal_id, c.reviewer_id) for c in claims) == sorted(
        [
            (oldest.id, sprint_stage.people[JULIA].id),
            (middle.id, sprint_stage.people[JEROEN].id),
        ]
    )


def test_a_claim_left_half_an_hour_may_be_taken_over(
    db: Session, sprint_stage: SprintStage
) -> None:
    _newest, middle, oldest = _three(db, sprint_stage)
    julia = _claim(db, sprint_stage, JULIA)
    assert julia.proposal_id == oldest.id
    julia.claimed_at = utcnow() - timedelta(minutes=29)
    db.flush()
    assert _claim(db, sprint_stage, JEROEN).proposal_id == middle.id  # not yet
    # Jeroen gives his back; half an hour on, Julia's is up for grabs.
    with organization_scope(db, sprint_stage.organization.id):
        review_service.release(
            db, sprint_stage.actor(db, JEROEN), sprint_stage.place(db), middle, LEGAL
        )
    julia.claimed_at = utcnow() - timedelta(minutes=31)
    db.flush()
    taken = _claim(db, sprint_stage, JEROEN)
    assert (taken.id, taken.proposal_id) == (julia.id, oldest.id)
    assert taken.reviewer_id == sprint_stage.people[JEROEN].id
    # Julia's verdict on it now is refused, with who holds it.
    with organization_scope(db, sprint_stage.organization.id), pytest.raises(Conflict) as refused:
        review_service.give_verdict(
            db,
            sprint_stage.actor(db, JULIA),
            sprint_stage.place(db),
            oldest,
            LEGAL,
            ReviewInput(verdict=Verdict.FEASIBLE, notes=""),
        )
    assert "Jeroen" in refused.value.message
    assert db.scalar(select(AuditEntry).where(AuditEntry.action == "sprint.claim_taken_over"))


def test_stale_item_knows_it() -> None:
    now = utcnow()
    item = QueueItem(1, "x", 1, "t", now, claim_id=1, claimed_at=now - timedelta(minutes=31))
    assert item.is_stale(now)
    assert item.is_free(now)
    assert not QueueItem(1, "x", 1, "t", now, claim_id=1, claimed_at=now).is_free(now)


def test_a_held_claim_on_a_measure_that_left_the_queue_is_dropped(
    db: Session, sprint_stage: SprintStage
) -> None:
    _newest, middle, oldest = _three(db, sprint_stage)
    assert _claim(db, sprint_stage, JULIA).proposal_id == oldest.id
    oldest.state = "withdrawn"
    db.flush()
    assert _claim(db, sprint_stage, JULIA).proposal_id == middle.id
    assert db.scalar(select(AuditEntry).where(AuditEntry.action == "sprint.claim_dropped"))


def test_nothing_waiting_and_a_changed_measure_comes_back(
    db: Session, sprint_stage: SprintStage
) -> None:
    measure = add_measure(db, sprint_stage, sprint_stage.teams[0], "Eén")
    review(db, sprint_stage, measure, LEGAL)
    assert _claim(db, sprint_stage, JULIA) is None
    measure.version += 1
    with organization_scope(db, sprint_stage.organization.id):
        mark_stale(db, measure, base_url="http://testdorp.test")
    [item] = queue_queries.queue(db, sprint_stage.place(db), LEGAL)
    assert (item.proposal_id, item.again) == (measure.id, True)
    assert _claim(db, sprint_stage, JULIA).proposal_id == measure.id


def test_the_phase_locks_the_queue(db: Session, sprint_stage: SprintStage) -> None:
    _three(db, sprint_stage)
    for phase in (PhaseKind.PREPARATION, PhaseKind.RESULTS, PhaseKind.DECISION):
        sprint_stage.to_phase(db, phase)
        with pytest.raises(PhaseClosed):
            _claim(db, sprint_stage, JULIA)
    sprint_stage.to_phase(db, PhaseKind.REVIEW)
    assert _claim(db, sprint_stage, JULIA) is not None


def test_only_reviewers_of_the_kind_may_take(db: Session, sprint_stage: SprintStage) -> None:
    _three(db, sprint_stage)
    for email in ("regie@example.org", "kapitein@example.org", "bestuur@example.org"):
        with pytest.raises(Forbidden):
            _claim(db, sprint_stage, email)
    with pytest.raises(Forbidden):
        _claim(db, sprint_stage, FRANK, LEGAL)  # a financial adviser, not a lawyer


# --- through the pages --------------------------------------------------------------------------


def test_a_lawyer_takes_judges_and_the_team_hears_it(
    client: TestClient, db: Session, sprint_stage: SprintStage
) -> None:
    _newest, _middle, oldest = _three(db, sprint_stage)
    queue = f"{sprint_stage.path}/toetsing"
    sign_in(client, JULIA)
    page = client.get(queue)
    assert page.status_code == 200
    assert 'id="take-legal"' in page.text
    assert 'id="take-financial"' not in page.text
    taken = post_form(client, f"{queue}/juridisch/volgende", {}, form_page=queue)
    assert taken.status_code == 303
    assert taken.headers["location"] == f"{queue}/juridisch/{oldest.id}"
    measure_page = client.get(taken.headers["location"])
    assert measure_page.status_code == 200
    assert 'id="claimed-amounts"' in measure_page.text
    # A verdict that needs notes, without them: 400, the choice kept.
    refused = post_form(
        client, f"{queue}/juridisch/{oldest.id}", {"verdict": "not_feasible"}, form_page=queue
    )
    assert refused.status_code == 400
    assert 'value="not_feasible" checked' in refused.text
    given = post_form(
        client, f"{queue}/juridisch/{oldest.id}", {"verdict": "feasible"}, form_page=queue
    )
    assert given.status_code == 303
    assert given.headers["location"] == queue
    verdict = db.scalar(select(Review).where(Review.proposal_id == oldest.id))
    assert verdict is not None
    assert (verdict.kind, verdict.verdict) == ("legal", "feasible")
    assert db.scalar(select(ReviewClaim).where(ReviewClaim.proposal_id == oldest.id)) is None
    team_events = db.scalars(
        select(SprintEvent.kind).where(SprintEvent.group_id == oldest.group_id)
    ).all()
    assert team_events.count("review") == 2  # the claim and the verdict
    assert db.scalar(select(AuditEntry).where(AuditEntry.action == "sprint.claim_done"))


def test_a_financial_adviser_validates_amounts_per_year(
    client: TestClient, db: Session, sprint_stage: SprintStage
) -> None:
    measure = add_measure(
        db, sprint_stage, sprint_stage.teams[1], "Inhuur",
        amounts={2012: (100_000, 50_000), 2015: (400_000, 0)}, option=sprint_stage.option,
    )  # fmt: skip
    queue = f"{sprint_stage.path}/toetsing"
    sign_in(client, FRANK)
    taken = post_form(client, f"{queue}/financieel/volgende", {}, form_page=queue)
    page = client.get(taken.headers["location"])
    assert 'id="legal-snags"' in page.text
    assert 'name="structural-2015" type="text" inputmode="numeric" size="12" value="400000"' in (
        page.text
    )
    data = {"verdict": "on_conditions", "notes": "Pas vanaf 2013."}
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        data[f"structural-{year}"] = "300000" if year == LAST_YEAR else "0"
        data[f"one_off-{year}"] = "0"
    data["structural-2013"] = "twee ton"
    bad = post_form(client, f"{queue}/financieel/{measure.id}", data, form_page=queue)
    assert bad.status_code == 400
    assert 'value="twee ton"' in bad.text
    data["structural-2013"] = "200.000"
    assert (
        post_form(client, f"{queue}/financieel/{measure.id}", data, form_page=queue).status_code
        == 303
    )
    amounts = dict(
        db.execute(
            select(ValidatedAmount.year, ValidatedAmount.structural)
            .join(Review, Review.id == ValidatedAmount.review_id)
            .where(Review.proposal_id == measure.id)
        ).all()
    )
    assert amounts == {2012: 0, 2013: 200_000, 2014: 0, 2015: 300_000}


def test_giving_back_and_verdicts_without_the_claim(
    client: TestClient, db: Session, sprint_stage: SprintStage
) -> None:
    _newest, _middle, oldest = _three(db, sprint_stage)
    queue = f"{sprint_stage.path}/toetsing"
    sign_in(client, JULIA)
    post_form(client, f"{queue}/juridisch/volgende", {}, form_page=queue)
    back = post_form(client, f"{queue}/juridisch/{oldest.id}/teruggeven", {}, form_page=queue)
    assert back.status_code == 303
    assert db.scalar(select(ReviewClaim)) is None
    # Without the claim: the verdict is refused (409) and nothing is saved.
    refused = post_form(client, f"{queue}/juridisch/{oldest.id}", {"verdict": "feasible"},
                        form_page=queue)  # fmt: skip
    assert refused.status_code == 409
    assert db.scalar(select(Review)) is None
    assert (
        post_form(
            client, f"{queue}/juridisch/{oldest.id}/teruggeven", {}, form_page=queue
        ).status_code
        == 409
    )


def test_who_may_see_the_queue(client: TestClient, db: Session, sprint_stage: SprintStage) -> None:
    _newest, _middle, oldest = _three(db, sprint_stage)
    queue = f"{sprint_stage.path}/toetsing"
    assert client.get(queue, follow_redirects=False).status_code == 303  # to sign in
    for email in ("regie@example.org", "kapitein@example.org", "burger@example.org",
                  "bestuur@example.org"):  # fmt: skip
        sign_in(client, email)
        assert client.get(queue).status_code == 403, email
        assert client.get(f"{queue}/lijst").status_code == 403, email
        assert client.get(f"{queue}/juridisch/{oldest.id}").status_code == 403, email
        assert post_form(client, f"{queue}/juridisch/volgende", {}).status_code == 403, email
        client.cookies.clear()
    sign_in(client, FRANK)
    assert client.get(f"{queue}/juridisch/{oldest.id}").status_code == 403
    assert post_form(client, f"{queue}/juridisch/volgende", {}).status_code == 403
    assert client.get(f"{queue}/onbekend/{oldest.id}").status_code == 404
    assert db.scalar(select(ReviewClaim)) is None


def test_the_phase_lock_through_the_page(
    client: TestClient, db: Session, sprint_stage: SprintStage
) -> None:
    _three(db, sprint_stage)
    sprint_stage.to_phase(db, PhaseKind.RESULTS)
    queue = f"{sprint_stage.path}/toetsing"
    sign_in(client, JULIA)
    page = client.get(queue)
    assert page.status_code == 200
    assert 'id="take-legal"' not in page.text
    assert post_form(client, f"{queue}/juridisch/volgende", {}, form_page=queue).status_code == 409
    assert db.scalar(select(ReviewClaim)) is None


def test_the_queue_costs_the_same_with_more_measures(
    client: TestClient, db: Session, sprint_stage: SprintStage, queries: QueryCounter
) -> None:
    queue = f"{sprint_stage.path}/toetsing"

    def cost() -> list[int]:
        counts = []
        for path in (queue, f"{queue}/lijst"):
            client.get(path)
            before = queries.count
            assert client.get(path).status_code == 200
            counts.append(queries.count - before)
        return counts

    def make(n: int) -> None:
        for i in range(n):
            team = sprint_stage.teams[i % 3]
            measure = add_measure(db, sprint_stage, team, f"Maatregel {len(sprint_stage.measures)}",
                                  amounts={2012: (1, 1)})  # fmt: skip
            if i % 2:
                review(db, sprint_stage, measure, FINANCIAL, amounts={2012: (1, 0)})

    make(2)
    sign_in(client, JULIA)
    post_form(client, f"{queue}/juridisch/volgende", {}, form_page=queue)
    few = cost()
    make(4)
    assert cost() == few


# --- two real transactions ---------------------------------------------------------------------


def test_two_transactions_never_claim_the_same_measure(
    sqlite_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Julia's claim is inserted but not committed when Jeroen's transaction tries the same
    measure: PostgreSQL holds Jeroen's insert on the unique index until Julia commits, then
    refuses it; Jeroen's savepoint rolls back and he gets the next measure. (On SQLite
    Jeroen waits at his BEGIN IMMEDIATE instead, then meets Julia's row: the same end.)"""
    from tests.factories import make_organization

    url = fresh_database("claims", sqlite_dir)
    migrate(url)
    engine = make_engine(url)
    factory = make_session_factory(engine)
    try:
        with factory.begin() as setup:
            organization = make_organization(setup, slug="testdorp", hosts=("testdorp.test",))
            stage = make_sprint_stage(setup, organization)
            _newest, middle, oldest = _three(setup, stage)
            ids = {"oldest": oldest.id, "middle": middle.id, "org": organization.id}
            actors = {email: stage.actor(setup, email) for email in (JULIA, JEROEN)}
        julia_session, jeroen_session = factory(), factory()
        results: dict[str, Any] = {}

        def jeroen() -> None:
            with organization_scope(jeroen_session, ids["org"]):
                place = sprint_place(jeroen_session, SLUG)
                claim = review_service.claim_next(jeroen_session, actors[JEROEN], place, LEGAL)
                results["jeroen"] = claim.proposal_id if claim else None
                jeroen_session.commit()

        with organization_scope(julia_session, ids["org"]):
            place = sprint_place(julia_session, SLUG)
            # Jeroen's queue is read now, before Julia's claim exists.
            seen = queue_queries.queue(julia_session, place, LEGAL)
            claim = review_service.claim_next(julia_session, actors[JULIA], place, LEGAL)
            assert claim is not None
            assert claim.proposal_id == ids["oldest"]
            monkeypatch.setattr(queue_queries, "queue", lambda *_args: list(seen))
            thread = threading.Thread(target=jeroen)
            thread.start()
            time.sleep(1.0)
            assert thread.is_alive()  # waiting on Julia's uncommitted row
            julia_session.commit()
            thread.join(timeout=10)
        assert results["jeroen"] == ids["middle"]
        with factory() as check, organization_scope(check, ids["org"]):
            rows = check.execute(select(ReviewClaim.proposal_id, ReviewClaim.reviewer_id)).all()
            assert len(rows) == 2
            assert len({proposal_id for proposal_id, _reviewer in rows}) == 2
        julia_session.close()
        jeroen_session.close()
    finally:
        engine.dispose()
