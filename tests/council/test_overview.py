"""The council's overview is public once an edition is submitted; the admin submits it
from the editions page, and a submission that is not possible says why, keeping what
was typed."""

from __future__ import annotations

from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.council import queries
from app.db import organization_scope
from app.models import AuditEntry, CouncilDecision, Notification, ProductSheet
from app.phases.kinds import PhaseKind
from app.product_sheets.states import SheetStep
from tests.council.conftest import Council
from tests.web.helpers import post_form, sign_in


def _english(client: TestClient) -> None:
    client.cookies.set("dialoog_lang", "en")


def _submit(client: TestClient, council: Council, **data: str) -> Response:
    return post_form(
        client,
        f"/beheer/processen/{council.slug}/edities/1/aanbieden",
        {"meeting_on": "", "council_note": "", **data},
        form_page=f"/beheer/processen/{council.slug}/edities",
    )


def test_no_overview_before_submission(client: TestClient, council: Council) -> None:
    assert client.get(f"/processen/{council.slug}/raad").status_code == 404


def test_the_admin_submits_and_the_process_moves_on(
    client: TestClient, db: Session, council: Council
) -> None:
    _english(client)
    sign_in(client, "admin@example.org")
    page = client.get(f"/beheer/processen/{council.slug}/edities")
    assert "Submit edition 1 to the council" in page.text
    response = _submit(client, council, meeting_on="2011-11-08", council_note="Voor de raad.")
    assert response.status_code == 303
    assert response.headers["location"] == f"/processen/{council.slug}/raad"
    with organization_scope(db, council.book.organization.id):
        decision = db.scalar(select(CouncilDecision))
        assert decision is not None
        assert decision.meeting_on is not None
        assert decision.meeting_on.isoformat() == "2011-11-08"
        db.refresh(council.process)
        assert council.process.current_phase == PhaseKind.COUNCIL_DECISION
        actions = set(db.scalars(select(AuditEntry.action)))
        assert {"council.submitted", "process.phase_changed"} <= actions
        told = set(db.scalars(select(Notification.user_id)))
        assert {council.joost.id, council.marieke.id, council.henk.id} <= told
    # The public reads the overview.
    client.cookies.clear()
    _english(client)
    page = client.get(f"/processen/{council.slug}/raad")
    assert page.status_code == 200
    assert "No amendment has been filed yet." in page.text


def test_a_refused_submission_says_why_and_keeps_the_note(
    client: TestClient, db: Session, council: Council
) -> None:
    with organization_scope(db, council.book.organization.id):
        sheet = db.scalars(select(ProductSheet)).first()
        assert sheet is not None
        sheet.step = SheetStep.FINANCE.value
        db.flush()
    _english(client)
    sign_in(client, "admin@example.org")
    response = _submit(client, council, council_note="Mijn toelichting")
    assert response.status_code == 409
    assert "1 product sheet of this edition is not signed off yet" in response.text
    assert "Mijn toelichting" in response.text
    bad_date = _submit(client, council, meeting_on="8 november", council_note="Blijft staan")
    assert bad_date.status_code == 400
    assert "Council meeting: choose a date." in bad_date.text
    assert "Blijft staan" in bad_date.text
    with organization_scope(db, council.book.organization.id):
        assert db.scalar(select(CouncilDecision)) is None


def test_only_the_admin_submits(client: TestClient, council: Council) -> None:
    sign_in(client, "joost@example.org")
    assert _submit(client, council).status_code == 403


def test_submitting_twice_is_refused(client: TestClient, db: Session, submitted: Council) -> None:
    sign_in(client, "admin@example.org")
    response = _submit(client, submitted)
    assert response.status_code == 409
    with organization_scope(db, submitted.book.organization.id):
        assert len(list(db.scalars(select(CouncilDecision)))) == 1
        assert queries.decision_of(db, submitted.process) is not None
