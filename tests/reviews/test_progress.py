"""Progress against the target (claimed, validated, per year) and double counting between
themes: flagged to both chefs, and reported apart so the process counts a euro once."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.roles import Role
from app.db import organization_scope
from app.models import Notification, Organization, Proposal
from app.reviews import service
from app.reviews.kinds import ReviewKind, Verdict
from app.reviews.overlaps import overlaps_for_group
from app.reviews.progress import changed_trigger_header, process_progress, theme_progress
from tests.conftest import QueryCounter
from tests.reviews.conftest import PROCESS, Dialogue

FRAGMENT = f"{PROCESS}/themas/onderwijs/voortgang"


def _financial(
    db: Session,
    dialogue: Dialogue,
    proposal: Proposal,
    verdict: Verdict,
    amounts: dict[int, tuple[int, int]],
) -> None:
    service.give_review(
        db, dialogue.actor(dialogue.adviser, Role.FINANCE), dialogue.process,
        dialogue.process.phases, proposal, ReviewKind.FINANCIAL,
        service.ReviewInput(verdict, "" if verdict == Verdict.FEASIBLE else "Zie hier.", amounts),
    )  # fmt: skip


def test_claimed_counts_live_proposals_and_validated_only_sound_reviews(
    db: Session, organization: Organization, dialogue: Dialogue
) -> None:
    o = dialogue.onderwijs
    a = dialogue.proposal(db, o, "A", amounts={2012: (100_000, 10_000), 2013: (100_000, 0)})
    b = dialogue.proposal(db, o, "B", state="in_discussion", amounts={2012: (50_000, 0)})
    c = dialogue.proposal(db, o, "C", state="included", amounts={2012: (20_000, 0)})
    for state in ("draft", "withdrawn", "rejected", "merged"):
        dialogue.proposal(db, o, state, state=state, amounts={2012: (999_000, 0)})
    dialogue.proposal(db, dialogue.sport, "Sport", amounts={2012: (7_000, 0)})
    with organization_scope(db, organization.id):
        _financial(db, dialogue, a, Verdict.FEASIBLE, {2012: (80_000, 5_000)})
        _financial(db, dialogue, b, Verdict.NOT_FEASIBLE, {2012: (50_000, 0)})
        _financial(db, dialogue, c, Verdict.ON_CONDITIONS, {2012: (20_000, 0)})
        service.give_review(
            db, dialogue.actor(dialogue.lawyer, Role.LEGAL), dialogue.process,
            dialogue.process.phases, b, ReviewKind.LEGAL, service.ReviewInput(Verdict.FEASIBLE, ""),
        )  # fmt: skip
        c.version = 2
        service.mark_stale(db, c, base_url="")  # C's validated amount no longer counts
        progress = theme_progress(db, dialogue.process, [o.theme_id, dialogue.sport.theme_id])
        whole = process_progress(db, dialogue.process)
    onderwijs = progress[o.theme_id]
    assert onderwijs.target == 200_000  # 10% of 2,000,000 controllable
    assert [y.year for y in onderwijs.years] == [2012, 2013, 2014, 2015]
    first = onderwijs.years[0]
    assert (first.claimed_structural, first.claimed_one_off, first.claimed) == (
        170_000,
        10_000,
        180_000,
    )
    assert (first.validated_structural, first.validated_one_off) == (80_000, 5_000)
    assert onderwijs.years[1].claimed == 100_000
    assert onderwijs.years[1].validated == 0
    assert progress[dialogue.sport.theme_id].years[0].claimed == 7_000
    assert progress[dialogue.sport.theme_id].target == 100_000
    assert whole.years[0].claimed == 187_000
    assert whole.years[0].target == 6_200_000
    assert whole.net_claimed(whole.years[0]) == 187_000  # nothing overlaps here


def test_proposals_of_different_themes_on_one_budget_line_overlap(
    db: Session, app: FastAPI, organization: Organization, dialogue: Dialogue
) -> None:
    o, s = dialogue.onderwijs, dialogue.sport
    p1 = dialogue.proposal(db, o, "Gymzalen verhuren", lines=["ON-1"], amounts={2012: (100_000, 0)})
    p2 = dialogue.proposal(
        db, o, "Scholen samenvoegen", lines=["ON-1", "ON-2"], amounts={2012: (30_000, 0)}
    )
    s1 = dialogue.proposal(
        db, s, "Sporthallen in scholen", lines=["ON-1", "SP-1"], amounts={2012: (60_000, 0)}
    )
    dialogue.proposal(db, s, "Concept", state="draft", lines=["ON-1"], amounts={2012: (5_000, 0)})
    dialogue.proposal(db, s, "Velden", lines=["SP-1"], amounts={2012: (10_000, 0)})
    with organization_scope(db, organization.id):
        mine = overlaps_for_group(db, o)
        theirs = overlaps_for_group(db, s)
        progress = theme_progress(db, dialogue.process, [o.theme_id, s.theme_id])
        whole = process_progress(db, dialogue.process)
        told = service.notify_overlaps(db, app.state.jinja, s1, "http://testdorp.test")
        notified = db.scalars(
            select(Notification.user_id).where(Notification.kind == "proposal_overlap")
        ).all()
    # Within one theme (P1 and P2) is no overlap; a draft does not count.
    assert [(x.proposal.id, x.other.id) for x in mine] == [(p1.id, s1.id), (p2.id, s1.id)]
    assert [line.code for line in mine[1].lines] == ["ON-1"]
    assert mine[0].other_group.id == s.id
    assert mine[0].other_chefs == ["Sanne"]
    assert {x.other.id for x in theirs} == {p1.id, p2.id}
    assert all(x.proposal.id == s1.id for x in theirs)
    # The smaller claim of each pair: 60,000 (P1, S1) and 30,000 (P2, S1).
    assert progress[o.theme_id].years[0].possibly_double == 90_000
    assert progress[s.theme_id].years[0].possibly_double == 90_000
    assert whole.years[0].claimed == 200_000
    assert whole.years[0].possibly_double == 90_000
    assert whole.net_claimed(whole.years[0]) == 110_000
    assert told == 2
    assert sorted(notified) == sorted([dialogue.chef.id] * 2 + [dialogue.sport_chef.id] * 2)


def test_the_progress_fragment_is_public_and_refreshes_itself(
    client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    dialogue.proposal(db, dialogue.onderwijs, "Schoolbussen delen", amounts={2015: (40_000, 0)})
    response = client.get(FRAGMENT)
    assert response.status_code == 200
    html = response.text
    assert "<html" not in html
    assert 'data-hx-get="/processen/dialoog/themas/onderwijs/voortgang"' in html
    assert 'data-hx-trigger="every 30s, proposal-changed from:body"' in html
    assert "In 2015 claimen de voorstellen € 40.000" in html
    assert "€ 200.000" in html
    assert client.get(f"{PROCESS}/themas/bestaat-niet/voortgang").status_code == 404
    assert changed_trigger_header() == {"HX-Trigger": "proposal-changed"}


def test_progress_costs_the_same_statements_with_more_proposals(
    client: TestClient,
    db: Session,
    organization: Organization,
    dialogue: Dialogue,
    queries: QueryCounter,
) -> None:
    def add(n: int) -> None:
        for i in range(n):
            mine = dialogue.proposal(db, dialogue.onderwijs, f"O{i}", lines=["ON-1"])
            dialogue.proposal(db, dialogue.sport, f"S{i}", lines=["ON-1"])
            with organization_scope(db, organization.id):
                _financial(db, dialogue, mine, Verdict.FEASIBLE, {2012: (50_000, 0)})

    def count() -> int:
        before = queries.count
        assert client.get(FRAGMENT).status_code == 200
        with organization_scope(db, organization.id):
            theme_progress(
                db, dialogue.process, [dialogue.onderwijs.theme_id, dialogue.sport.theme_id]
            )
            process_progress(db, dialogue.process)
            overlaps_for_group(db, dialogue.onderwijs)
        return queries.count - before

    add(1)
    few = count()
    add(5)
    assert count() == few
