"""A proposal's life: drafted, submitted by its authors, moved on by the chef, with every
move on its timeline and in the audit trail."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import organization_scope
from app.errors import Conflict, PhaseClosed
from app.models import AuditEntry, Notification, Proposal, ProposalRevision, ProposalTransition
from app.phases.kinds import PhaseKind
from app.proposals.states import Step
from tests.proposals.conftest import GROUP, Dialogue, path
from tests.web.helpers import post_form, sign_in


def _step(client: TestClient, proposal: Proposal, step: str, **data: str) -> Response:
    return post_form(client, path(proposal, "/stap"), {"stap": step, **data})


def test_an_expert_drafts_and_submits_and_the_chef_opens_the_discussion(
    client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    sign_in(client, "annelies@example.org")
    form = client.get(f"{GROUP}/nieuw")
    assert form.status_code == 200
    assert "Structureel 2012" in form.text
    assert "Eenmalig 2015" in form.text
    response = post_form(
        client,
        f"{GROUP}/nieuw",
        {
            "title": "Schoolbusjes anders",
            "summary": "Minder busjes.",
            "structural-2012": "50.000",
            "structural-2013": "€ 100.000",
            "one_off-2012": "-20.000",
            "line": str(dialogue.lines[0].id),
            "framework": str(dialogue.frameworks[1].id),
            f"explanation-{dialogue.frameworks[1].id}": "Geen heffing.",
            "coauthor": str(dialogue.second.id),
        },
        form_page=f"{GROUP}/nieuw",
    )
    assert response.status_code == 303, response.text[:2000]
    with organization_scope(db, dialogue.organization.id):
        proposal = db.scalars(select(Proposal)).one()
    assert (proposal.state, proposal.claimed_total) == ("draft", 130_000)
    page = client.get(path(proposal)).text
    assert "Schoolbusjes anders" in page
    assert "Geen heffing." in page
    assert "Bram" in page
    assert "Indienen" in page

    # The chef may read the draft but not submit it; an outsider may not even read it.
    sign_in(client, "ruud@example.org")
    assert client.get(path(proposal)).status_code == 200
    assert _step(client, proposal, "submit").status_code == 403
    sign_in(client, "carla@example.org")
    assert client.get(path(proposal)).status_code == 403
    assert _step(client, proposal, "submit").status_code == 403

    # A co-author submits: revision 1, submitted_at set, on the timeline.
    sign_in(client, "bram@example.org")
    assert _step(client, proposal, "submit").status_code == 303
    db.refresh(proposal)
    assert proposal.state == "submitted"
    assert proposal.submitted_at is not None
    with organization_scope(db, dialogue.organization.id):
        revisions = db.scalars(select(ProposalRevision)).all()
    assert [r.number for r in revisions] == [1]
    assert revisions[0].snapshot["amounts"][0] == {
        "year": 2012, "structural": 50_000, "one_off": -20_000,
    }  # fmt: skip

    sign_in(client, "ruud@example.org")
    assert _step(client, proposal, "open_discussion").status_code == 303
    db.refresh(proposal)
    assert proposal.state == "in_discussion"
    with organization_scope(db, dialogue.organization.id):
        moves = db.scalars(select(ProposalTransition.to_state).order_by(ProposalTransition.id))
        audit = db.scalars(select(AuditEntry.action).where(AuditEntry.object_type == "Proposal"))
        told = db.scalars(select(Notification.user_id).where(Notification.kind == "proposal_moved"))
        assert list(moves) == ["draft", "submitted", "in_discussion"]
        assert set(audit) >= {"proposal.drafted", "proposal.submit", "proposal.open_discussion"}
        assert set(told) == {dialogue.expert.id, dialogue.second.id}
    page = client.get(path(proposal)).text
    timeline = page.split("Tijdlijn", 1)[1]
    assert timeline.index("Ingediend") < timeline.index("In bespreking")


def test_the_chef_includes_or_rejects_with_a_reason(
    client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    first, second = dialogue.submitted(db, "Eerste"), dialogue.submitted(db, "Tweede")
    sign_in(client, "annelies@example.org")
    assert _step(client, first, "open_discussion").status_code == 403
    sign_in(client, "ruud@example.org")
    _step(client, first, "open_discussion")
    assert _step(client, first, "include").status_code == 303

    refused = _step(client, second, "reject", **{"reason-reject": "  "})
    assert refused.status_code == 409
    assert "Geef de reden" in refused.text
    db.refresh(second)
    assert second.state == "submitted"
    assert _step(client, second, "reject", **{"reason-reject": "Te duur."}).status_code == 303
    db.refresh(first)
    db.refresh(second)
    assert (first.state, second.state, second.state_reason) == ("included", "rejected", "Te duur.")
    assert "Te duur." in client.get(path(second)).text
    # Rejected is the end: no step leads out of it.
    assert _step(client, second, "open_discussion").status_code == 409


def test_a_merge_needs_a_living_proposal_of_the_same_process(
    client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    target = dialogue.submitted(db, "Het doel")
    draft = dialogue.draft(db, "Nog een schets")
    moving = dialogue.submitted(db, "Gaat op in het doel")
    sign_in(client, "ruud@example.org")
    page = client.get(path(moving)).text
    assert "Het doel" in page.split('name="merge_into"', 1)[1]
    assert "Nog een schets" not in page.split('name="merge_into"', 1)[1]
    for bad in ("", str(draft.id), str(moving.id), "99999"):
        response = _step(client, moving, "merge", merge_into=bad)
        assert response.status_code == 409, bad
        assert 'id="merge_into-error"' in response.text
    response = _step(
        client, moving, "merge", merge_into=str(target.id), **{"reason-merge": "Dubbel"}
    )
    assert response.status_code == 303
    db.refresh(moving)
    assert (moving.state, moving.merged_into_id) == ("merged", target.id)
    assert "Het doel" in client.get(path(moving)).text


def test_steps_outside_their_phase_say_when_they_are_possible(
    client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    proposal = dialogue.draft(db)
    dialogue.to_phase(db, PhaseKind.COMPILATION)
    sign_in(client, "annelies@example.org")
    response = _step(client, proposal, "submit")
    assert response.status_code == 409
    assert "Witboek" in response.text
    form = client.get(f"{GROUP}/nieuw")
    assert "Witboek" in form.text  # the form says when drafting is possible
    response = post_form(
        client,
        f"{GROUP}/nieuw",
        {"title": "Laat", "summary": "Te laat."},
        form_page=f"{GROUP}/nieuw",
    )
    assert response.status_code == 409
    assert "Witboek" in response.text
    assert 'value="Laat"' in response.text
    with pytest.raises(PhaseClosed):
        dialogue.step(db, proposal, Step.SUBMIT, dialogue.expert)


def test_the_table_refuses_a_step_it_does_not_have(db: Session, dialogue: Dialogue) -> None:
    proposal = dialogue.draft(db)
    with pytest.raises(Conflict):
        dialogue.step(db, proposal, Step.INCLUDE, dialogue.chef)
