"""Lawyers and financial advisers review proposals: each only their own kind, a verdict
with notes where it needs them, validated amounts per year that keep what was typed, a
later review replacing the earlier, reviews that need another look after a change, and
the reviewer's inbox."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.access.roles import Role
from app.db import organization_scope
from app.models import AuditEntry, Notification, Organization, Review
from app.phases.kinds import PhaseKind
from app.processes import service as process_service
from app.reviews import service
from app.reviews.kinds import ReviewKind, Verdict
from app.reviews.queries import reviews_for
from tests.conftest import QueryCounter
from tests.reviews.conftest import PROCESS, Dialogue
from tests.web.helpers import post_form, sign_in


def _url(proposal_id: int, kind: str) -> str:
    return f"{PROCESS}/voorstellen/{proposal_id}/toetsing/{kind}"


def _post(client: TestClient, proposal_id: int, kind: str, data: dict[str, str]):  # type: ignore[no-untyped-def]
    return post_form(client, _url(proposal_id, kind), data, form_page="/toetsing")


def _review(db: Session, organization: Organization, kind: str) -> Review | None:
    db.expire_all()
    with organization_scope(db, organization.id):
        return db.scalar(
            select(Review).where(Review.kind == kind).options(selectinload(Review.amounts))
        )


def test_each_reviewer_gives_only_their_own_kind(
    client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    proposal = dialogue.proposal(db, dialogue.onderwijs, "Schoolbussen delen")
    sign_in(client, "olaf@example.org")
    assert client.get("/toetsing").status_code == 403
    assert client.get(_url(proposal.id, "juridisch")).status_code == 403
    sign_in(client, "fatma@example.org")
    assert client.get(_url(proposal.id, "juridisch")).status_code == 403
    assert _post(client, proposal.id, "juridisch", {"verdict": "feasible"}).status_code == 403
    assert client.get(_url(proposal.id, "financieel")).status_code == 200
    sign_in(client, "lotte@example.org")
    assert client.get(_url(proposal.id, "financieel")).status_code == 403
    page = client.get(_url(proposal.id, "juridisch"))
    assert page.status_code == 200
    assert "Juridische toets" in page.text
    assert client.get(_url(proposal.id, "anders")).status_code == 404


def test_a_verdict_that_is_not_a_plain_yes_needs_notes(
    client: TestClient, db: Session, organization: Organization, dialogue: Dialogue
) -> None:
    proposal = dialogue.proposal(db, dialogue.onderwijs, "Schoolbussen delen")
    sign_in(client, "lotte@example.org")
    response = _post(client, proposal.id, "juridisch", {"verdict": "on_conditions", "notes": " "})
    assert response.status_code == 400
    assert "Licht het oordeel toe" in response.text
    assert 'value="on_conditions" checked' in response.text
    assert _post(client, proposal.id, "juridisch", {"notes": "Prima"}).status_code == 400
    response = _post(
        client, proposal.id, "juridisch", {"verdict": "on_conditions", "notes": "Na inspraak."}
    )
    assert response.status_code == 303
    review = _review(db, organization, "legal")
    assert review is not None
    assert (review.verdict, review.notes, review.reviewed_version) == (
        "on_conditions",
        "Na inspraak.",
        1,
    )
    assert review.reviewer_label.startswith("Lotte")


def test_validated_amounts_are_checked_and_keep_what_was_typed(
    client: TestClient, db: Session, organization: Organization, dialogue: Dialogue
) -> None:
    proposal = dialogue.proposal(db, dialogue.onderwijs, "Schoolbussen delen")
    sign_in(client, "fatma@example.org")
    form = client.get(_url(proposal.id, "financieel")).text
    assert "€ 100.000" in form  # the claim beside the field
    response = _post(
        client,
        proposal.id,
        "financieel",
        {
            "verdict": "feasible",
            "structural-2012": "12,50",
            "one_off-2013": "veel",
            "structural-2014": "80.000",
        },
    )
    assert response.status_code == 400
    assert "Structureel 2012" in response.text
    assert "zonder centen" in response.text
    assert 'value="veel"' in response.text
    assert 'value="80.000"' in response.text
    assert _review(db, organization, "financial") is None


def test_a_second_review_replaces_the_first_and_the_audit_keeps_both(
    client: TestClient, db: Session, organization: Organization, dialogue: Dialogue
) -> None:
    proposal = dialogue.proposal(db, dialogue.onderwijs, "Schoolbussen delen")
    sign_in(client, "fatma@example.org")
    first = {"verdict": "feasible", "structural-2012": "80.000", "one_off-2013": "-5.000"}
    assert _post(client, proposal.id, "financieel", first).status_code == 303
    second = {"verdict": "not_feasible", "notes": "Te optimistisch.", "structural-2012": "0"}
    assert _post(client, proposal.id, "financieel", second).status_code == 303
    review = _review(db, organization, "financial")
    assert review is not None
    assert review.verdict == "not_feasible"
    assert [(a.year, a.structural, a.one_off) for a in review.amounts] == [
        (2012, 0, 0),
        (2013, 0, 0),
        (2014, 0, 0),
        (2015, 0, 0),
    ]
    with organization_scope(db, organization.id):
        assert len(db.scalars(select(Review.id)).all()) == 1
        entries = db.scalars(
            select(AuditEntry).where(AuditEntry.action.like("review.%")).order_by(AuditEntry.id)
        ).all()
    assert [e.action for e in entries] == ["review.given", "review.replaced"]
    assert entries[1].before is not None
    assert entries[1].before["verdict"] == "feasible"
    assert entries[1].before["amounts"]["2012"] == [80_000, 0]
    assert entries[1].before["amounts"]["2013"] == [0, -5_000]


def test_only_counted_proposals_in_the_review_phase_can_be_reviewed(
    client: TestClient, db: Session, organization: Organization, dialogue: Dialogue
) -> None:
    draft = dialogue.proposal(db, dialogue.onderwijs, "Nog een concept", state="draft")
    rejected = dialogue.proposal(db, dialogue.onderwijs, "Afgewezen", state="rejected")
    sign_in(client, "lotte@example.org")
    for proposal in (draft, rejected):
        response = _post(client, proposal.id, "juridisch", {"verdict": "feasible"})
        assert response.status_code == 409
        assert "Alleen ingediende voorstellen" in response.text
    proposal = dialogue.proposal(db, dialogue.onderwijs, "Schoolbussen delen")
    with organization_scope(db, organization.id):
        process_service.set_current_phase(db, "test", dialogue.process, PhaseKind.PRODUCT_SHEETS)
    response = _post(client, proposal.id, "juridisch", {"verdict": "feasible", "notes": "Goed"})
    assert response.status_code == 409
    assert "Goed" in response.text  # what was typed stays
    assert _review(db, organization, "legal") is None


def test_a_changed_proposal_makes_its_reviews_need_another_look(
    db: Session, app: FastAPI, organization: Organization, dialogue: Dialogue
) -> None:
    proposal = dialogue.proposal(db, dialogue.onderwijs, "Schoolbussen delen")
    with organization_scope(db, organization.id):
        for user, role, kind in (
            (dialogue.lawyer, Role.LEGAL, ReviewKind.LEGAL),
            (dialogue.adviser, Role.FINANCE, ReviewKind.FINANCIAL),
        ):
            service.give_review(
                db, dialogue.actor(user, role), dialogue.process, dialogue.process.phases,
                proposal, kind, service.ReviewInput(Verdict.FEASIBLE, "", {2012: (90_000, 0)}),
            )  # fmt: skip
        assert service.mark_stale(db, proposal) == 0  # nothing changed yet
        proposal.version = 2
        assert service.mark_stale(db, proposal, jinja=app.state.jinja, base_url="http://t") == 2
        assert service.mark_stale(db, proposal) == 0  # told once, not at every change
        told = db.scalars(
            select(Notification.user_id).where(Notification.kind == "review_needs_look")
        ).all()
        assert sorted(told) == sorted([dialogue.lawyer.id, dialogue.adviser.id])
        shown = reviews_for(db, proposal)
        assert shown.legal is not None
        assert shown.legal.needs_another_look
        # Looking again clears it.
        service.give_review(
            db, dialogue.actor(dialogue.lawyer, Role.LEGAL), dialogue.process,
            dialogue.process.phases, proposal, ReviewKind.LEGAL,
            service.ReviewInput(Verdict.FEASIBLE, ""),
        )  # fmt: skip
        shown = reviews_for(db, proposal)
    assert shown.legal is not None
    assert not shown.legal.needs_another_look
    assert shown.legal.reviewed_version == 2
    assert shown.financial is not None
    assert shown.financial.needs_another_look
    assert [(y.year, y.claimed_structural, y.validated_structural) for y in shown.years][:2] == [
        (2012, 100_000, 90_000),
        (2013, 0, 0),
    ]


def test_the_partial_on_the_proposal_page_shows_both_reviews(
    db: Session, app: FastAPI, organization: Organization, dialogue: Dialogue
) -> None:
    proposal = dialogue.proposal(db, dialogue.onderwijs, "Schoolbussen delen")
    with organization_scope(db, organization.id):
        service.give_review(
            db, dialogue.actor(dialogue.adviser, Role.FINANCE), dialogue.process,
            dialogue.process.phases, proposal, ReviewKind.FINANCIAL,
            service.ReviewInput(
                Verdict.ON_CONDITIONS, "Als de **raad** instemt.", {2012: (75_000, 0)}
            ),
        )  # fmt: skip
        proposal.version = 2
        service.mark_stale(db, proposal, jinja=app.state.jinja, base_url="")
        shown = reviews_for(db, proposal)
    html = app.state.jinja.get_template("reviews/_on_proposal.html").render(
        proposal=proposal,
        process=dialogue.process,
        actor=None,
        reviews=shown,
        can=lambda *args: False,
        timezone="Europe/Amsterdam",
    )
    assert "Haalbaar onder voorwaarden" in html
    assert "<strong>raad</strong>" in html
    assert "moet opnieuw bekeken worden" in html
    assert "Nog niet getoetst." in html  # the legal review
    assert "€ 75.000" in html
    assert "€ 100.000" in html
    assert "Fatma" in html
    assert "#" not in html.split("Fatma", 1)[1][:5]


def test_the_inbox_shows_what_waits_needs_another_look_first_then_oldest(
    client: TestClient, db: Session, organization: Organization, dialogue: Dialogue
) -> None:
    newer = dialogue.proposal(db, dialogue.onderwijs, "Nieuwer voorstel", age_days=1)
    older = dialogue.proposal(db, dialogue.sport, "Ouder voorstel", age_days=5)
    changed = dialogue.proposal(db, dialogue.onderwijs, "Gewijzigd voorstel", age_days=2)
    done = dialogue.proposal(db, dialogue.sport, "Al getoetst", age_days=9)
    dialogue.proposal(db, dialogue.sport, "Concept", state="draft")
    dialogue.proposal(db, dialogue.sport, "Ingetrokken", state="withdrawn", age_days=20)
    actor = dialogue.actor(dialogue.lawyer, Role.LEGAL)
    with organization_scope(db, organization.id):
        for proposal in (changed, done):
            service.give_review(
                db, actor, dialogue.process, dialogue.process.phases, proposal,
                ReviewKind.LEGAL, service.ReviewInput(Verdict.FEASIBLE, ""),
            )  # fmt: skip
        changed.version = 2
        service.mark_stale(db, changed, base_url="")
    sign_in(client, "lotte@example.org")
    page = client.get("/toetsing").text
    titles = ["Gewijzigd voorstel", "Ouder voorstel", "Nieuwer voorstel"]
    positions = [page.index(title) for title in titles]
    assert positions == sorted(positions)
    assert "Moet opnieuw bekeken worden" in page.split("Gewijzigd voorstel")[0]
    for absent in ("Al getoetst", "Concept", "Ingetrokken"):
        assert absent not in page
    assert _url(older.id, "juridisch") in page
    assert "Financiële toets" not in page  # Lotte reviews only the legal side
    assert newer.id != older.id


def test_the_inbox_costs_the_same_statements_with_more_proposals(
    client: TestClient, db: Session, dialogue: Dialogue, queries: QueryCounter
) -> None:
    sign_in(client, "fatma@example.org")

    def count() -> int:
        before = queries.count
        assert client.get("/toetsing").status_code == 200
        return queries.count - before

    dialogue.proposal(db, dialogue.onderwijs, "Eerste")
    few = count()
    for n in range(6):
        dialogue.proposal(db, dialogue.sport if n % 2 else dialogue.onderwijs, f"Voorstel {n}")
    assert count() == few
