"""Writing and changing a proposal: amounts read as people type them, clear messages
that keep what was typed, and after submission every change a revision with a diff."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import organization_scope
from app.models import Proposal, ProposalAmount, ProposalRevision
from app.proposals import service
from tests.proposals.conftest import GROUP, Dialogue, path
from tests.web.helpers import post_form, sign_in

NEW = f"{GROUP}/nieuw"


def _base(**extra: str) -> dict[str, str]:
    return {"title": "Bibliotheek in de school", "summary": "Samen onder één dak.", **extra}


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("veel", "vul een bedrag in euro"),
        ("12.500,50", "zonder centen"),
        ("1.000.000.000", "meer dan een miljard"),
    ],
)
def test_a_wrong_amount_is_named_and_everything_typed_is_kept(
    client: TestClient, db: Session, dialogue: Dialogue, typed: str, message: str
) -> None:
    sign_in(client, "annelies@example.org")
    response = post_form(
        client,
        NEW,
        _base(
            **{
                "structural-2013": typed,
                "one_off-2012": "-50.000",
                "measure": "Mijn lange tekst over de **bieb**.",
                "line": str(dialogue.lines[0].id),
                "coauthor": str(dialogue.second.id),
            }
        ),
        form_page=NEW,
    )
    assert response.status_code == 400
    page = response.text
    assert message in page.lower()
    assert "Structureel 2013" in page.split('id="structural-2013-error"', 1)[1][:300]
    assert f'value="{typed}"' in page  # the wrong amount stays, to be corrected
    assert 'value="-50.000"' in page  # a cost is accepted and kept
    assert "Mijn lange tekst over de **bieb**." in page
    assert f'value="{dialogue.lines[0].id}" checked' in page
    assert f'value="{dialogue.second.id}" checked' in page
    with organization_scope(db, dialogue.organization.id):
        assert db.scalars(select(Proposal)).first() is None


def test_required_fields_and_framework_explanations(
    client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    sign_in(client, "annelies@example.org")
    framework = dialogue.frameworks[0]
    response = post_form(
        client, NEW, {"title": "", "summary": "", "framework": str(framework.id)}, form_page=NEW
    )
    assert response.status_code == 400
    assert "Vul dit veld in: Titel." in response.text
    assert 'id="explanation-' + str(framework.id) + '-error"' in response.text


def test_a_cost_is_a_negative_saving_and_the_total_counts_it(
    client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    sign_in(client, "annelies@example.org")
    response = post_form(
        client,
        NEW,
        _base(
            **{"structural-2012": "−10.000", "structural-2013": "40.000", "one_off-2012": "-5000"}
        ),
        form_page=NEW,
    )
    assert response.status_code == 303
    with organization_scope(db, dialogue.organization.id):
        proposal = db.scalars(select(Proposal)).one()
        amounts = {a.year: (a.structural, a.one_off) for a in db.scalars(select(ProposalAmount))}
    assert amounts[2012] == (-10_000, -5_000)
    assert proposal.claimed_total == 25_000
    assert 'value="-10.000"' in client.get(path(proposal, "/bewerken")).text


def test_a_draft_changes_freely_without_revisions(
    client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    proposal = dialogue.draft(db)
    sign_in(client, "annelies@example.org")
    response = post_form(
        client, path(proposal, "/bewerken"), _base(), form_page=path(proposal, "/bewerken")
    )
    assert response.status_code == 303
    db.refresh(proposal)
    assert (proposal.title, proposal.version, proposal.claimed_total) == (
        "Bibliotheek in de school", 1, 0,
    )  # fmt: skip
    with organization_scope(db, dialogue.organization.id):
        assert db.scalars(select(ProposalRevision)).first() is None


def test_a_change_after_submission_is_revision_two_with_a_diff_and_reviews_look_again(
    client: TestClient, db: Session, dialogue: Dialogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale: list[int] = []

    def mark_stale(db: Session, proposal: Proposal) -> int:
        stale.append(proposal.version)
        return 0

    monkeypatch.setattr(service, "mark_stale", mark_stale)
    proposal = dialogue.submitted(db)
    sign_in(client, "annelies@example.org")
    edit = path(proposal, "/bewerken")
    form = client.get(edit).text
    assert 'value="100.000"' in form
    assert "Raakt de zorgplicht." in form
    data = {
        "title": "Minder leerlingenvervoer",
        "summary": "Kinderen fietsen veel vaker naar school.",
        "measure": "We stoppen de **busjes** voor wie dichtbij woont.",
        "consequences": "Ouders brengen vaker zelf.",
        "structural-2012": "100.000",
        "structural-2013": "150.000",
        "structural-2014": "100.000",
        "structural-2015": "100.000",
        "line": str(dialogue.lines[1].id),
        "framework": str(dialogue.frameworks[0].id),
        f"explanation-{dialogue.frameworks[0].id}": "Raakt de zorgplicht.",
    }
    assert post_form(client, edit, data, form_page=edit).status_code == 303
    db.refresh(proposal)
    assert (proposal.version, proposal.claimed_total) == (2, 450_000)
    assert stale == [2]
    with organization_scope(db, dialogue.organization.id):
        second = db.scalars(select(ProposalRevision).where(ProposalRevision.number == 2)).one()
    assert second.snapshot["summary"] == "Kinderen fietsen veel vaker naar school."
    assert {"year": 2013, "structural": 150_000, "one_off": 0} in second.snapshot["amounts"]

    # The same form again changes nothing: no version 3.
    assert post_form(client, edit, data, form_page=edit).status_code == 303
    db.refresh(proposal)
    assert proposal.version == 2

    history = client.get(path(proposal, "/versies")).text
    assert "versie 1 naar versie 2" in history
    assert "veel<" in history.split("<ins>", 1)[1]
    changed = history.split("Bedragen die veranderden", 1)[1]
    assert "2013" in changed
    assert "150.000" in changed
    assert client.get(path(proposal, "/versies?van=1&tot=1")).status_code == 200


def test_only_authors_and_the_chef_edit_and_only_the_offered_choices_count(
    client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    proposal = dialogue.draft(db)
    edit = path(proposal, "/bewerken")
    sign_in(client, "bram@example.org")  # a member, but not an author
    assert client.get(edit).status_code == 403
    sign_in(client, "carla@example.org")
    assert client.get(NEW).status_code == 403
    sign_in(client, "annelies@example.org")
    # A Sport line is not offered to Onderwijs: it is ignored, not saved.
    response = post_form(client, edit, _base(line=str(dialogue.other_line.id)), form_page=edit)
    assert response.status_code == 303
    with organization_scope(db, dialogue.organization.id):
        assert service.current_input(db, proposal).line_ids == []
