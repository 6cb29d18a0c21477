"""Questions to the officials: members of the group ask on the proposal, every official
is told, officials answer in their inbox, the answer shows on the proposal and the asker
is told."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.permissions import can
from app.access.roles import Role, ScopeType
from app.config import get_settings
from app.db import organization_scope
from app.models import AuditEntry, Mail, Notification, OfficialQuestion, Organization, Proposal
from app.questions.queries import open_question_count, questions_for
from app.web.forms import FormResult
from tests.conftest import QueryCounter
from tests.factories import make_user
from tests.questions.conftest import Stage
from tests.web.helpers import csrf_token, post_form, sign_in


def _ask(client: TestClient, stage: Stage, proposal: Proposal, text: str) -> Response:
    return post_form(client, f"{stage.path(proposal)}/vragen", {"question": text})


def _questions(db: Session, organization: Organization) -> list[OfficialQuestion]:
    with organization_scope(db, organization.id):
        return list(db.scalars(select(OfficialQuestion).order_by(OfficialQuestion.id)))


def test_only_members_of_the_group_ask(
    client: TestClient, db: Session, organization: Organization, stage: Stage
) -> None:
    sign_in(client, "carla@example.org")  # in no group
    assert _ask(client, stage, stage.discussed, "Wat kost dit?").status_code == 403
    sign_in(client, "sem@example.org")  # another group
    assert _ask(client, stage, stage.discussed, "Wat kost dit?").status_code == 403
    sign_in(client, "annelies@example.org")
    empty = _ask(client, stage, stage.discussed, "")
    assert empty.status_code == 400
    assert "Vul dit veld in" in empty.text
    response = _ask(client, stage, stage.discussed, "Wat kosten de schoolbussen per jaar?")
    assert response.status_code == 303
    (question,) = _questions(db, organization)
    assert response.headers["location"].endswith(f"#vraag-{question.id}")
    assert question.asked_by_id == stage.people["annelies"].id


def test_every_official_is_told_in_their_own_language(
    client: TestClient, db: Session, organization: Organization, stage: Stage
) -> None:
    english = make_user(
        db, organization, email="oscar@example.org", display_name="Oscar", roles=[Role.OFFICIAL]
    )
    with organization_scope(db, organization.id):
        english.locale = "en"
        db.flush()
    sign_in(client, "annelies@example.org")
    _ask(client, stage, stage.discussed, "Wat kosten de schoolbussen?")
    with organization_scope(db, organization.id):
        mails = {
            m.recipient: m for m in db.scalars(select(Mail).where(Mail.kind == "question_asked"))
        }
        bells = db.scalars(
            select(Notification.user_id).where(Notification.kind == "question_asked")
        ).all()
    assert set(mails) == {"olga@example.org", "oscar@example.org"}
    assert (
        mails["olga@example.org"].subject
        == "Een vraag aan de ambtenaren over Scholen delen gebouwen"
    )
    assert (
        mails["oscar@example.org"].subject
        == "A question to the officials about Scholen delen gebouwen"
    )
    assert "Wat kosten de schoolbussen?" in mails["olga@example.org"].body
    assert sorted(bells) == sorted([stage.people["olga"].id, english.id])
    with organization_scope(db, organization.id):
        assert open_question_count(db) == 1


def test_the_inbox_is_for_officials_only(client: TestClient, stage: Stage) -> None:
    sign_in(client, "ruud@example.org")
    assert client.get("/vragen").status_code == 403
    sign_in(client, "annelies@example.org")
    assert client.get("/vragen").status_code == 403
    sign_in(client, "olga@example.org")
    page = client.get("/vragen")
    assert page.status_code == 200
    assert "Alle vragen zijn beantwoord." in page.text


def test_answering_shows_on_the_proposal_and_tells_the_asker(
    app: FastAPI, client: TestClient, db: Session, organization: Organization, stage: Stage
) -> None:
    sign_in(client, "annelies@example.org")
    _ask(client, stage, stage.discussed, "Wat kosten de schoolbussen?")
    sign_in(client, "bram@example.org")
    _ask(client, stage, stage.submitted, "Hoeveel leerlingen reizen er?")
    first, _second = _questions(db, organization)

    sign_in(client, "olga@example.org")
    inbox = client.get("/vragen").text
    assert inbox.index("Wat kosten de schoolbussen?") < inbox.index("Hoeveel leerlingen")
    assert "Scholen delen gebouwen" in inbox
    assert "Onderwijs" in inbox

    url = f"/vragen/{first.id}/antwoord"
    refused = post_form(client, url, {f"answer-{first.id}": ""}, form_page="/vragen")
    assert refused.status_code == 400
    assert "Vul dit veld in" in refused.text
    answered = post_form(
        client, url, {f"answer-{first.id}": "Ongeveer 400.000 euro per jaar."}, form_page="/vragen"
    )
    assert answered.status_code == 303
    again = post_form(client, url, {f"answer-{first.id}": "Iets anders"}, form_page="/vragen")
    assert again.status_code == 409
    assert "al beantwoord" in again.text

    page = client.get("/vragen").text
    assert page.index("Hoeveel leerlingen") < page.index("Pas beantwoord")
    assert page.index("Pas beantwoord") < page.index("Ongeveer 400.000 euro per jaar.")

    db.expire_all()
    with organization_scope(db, organization.id):
        shown = questions_for(db, stage.discussed).items
        bell = db.scalars(
            select(Notification).where(
                Notification.user_id == stage.people["annelies"].id,
                Notification.kind == "question_answered",
            )
        ).all()
        mail = db.scalars(select(Mail).where(Mail.kind == "question_answered")).one()
        audit = db.scalars(
            select(AuditEntry.action).where(AuditEntry.action.like("proposal.question_%"))
        ).all()
        assert open_question_count(db) == 1
    assert [(q.answer, q.answered_by) for q in shown] == [
        ("Ongeveer 400.000 euro per jaar.", "Olga")
    ]
    assert len(bell) == 1
    assert bell[0].link.endswith(f"/voorstellen/{stage.discussed.id}#vraag-{first.id}")
    assert mail.recipient == "annelies@example.org"
    assert "400.000" in mail.body
    assert sorted(audit) == [
        "proposal.question_answered",
        "proposal.question_asked",
        "proposal.question_asked",
    ]

    # The partial on the proposal page shows the answer, who gave it, and the ask form to members.
    annelies = Actor.of(
        stage.people["annelies"], frozenset({(Role.EXPERT, ScopeType.GROUP, stage.onderwijs.id)})
    )
    with organization_scope(db, organization.id):
        questions = questions_for(db, stage.discussed)
    html = app.state.jinja.get_template("questions/_on_proposal.html").render(
        request=None, actor=annelies, proposal=stage.discussed, process=stage.process,
        questions=questions, form=FormResult(), csrf_token=lambda: "t",
        csrf_field_name="csrf_token", timezone=get_settings().timezone,
        can=lambda action, obj=None: can(annelies, action, obj),
    )  # fmt: skip
    assert "Ongeveer 400.000 euro per jaar." in html
    assert "Antwoord van Olga" in html
    assert 'action="/processen/dialoog/voorstellen/' in html
    assert "/vragen" in html


def test_htmx_answers_in_place(
    client: TestClient, db: Session, organization: Organization, stage: Stage
) -> None:
    sign_in(client, "annelies@example.org")
    _ask(client, stage, stage.discussed, "Wat kosten de schoolbussen?")
    (question,) = _questions(db, organization)
    sign_in(client, "olga@example.org")
    response = client.post(
        f"/vragen/{question.id}/antwoord",
        data={f"answer-{question.id}": "Een ton.", "csrf_token": csrf_token(client, "/vragen")},
        headers={"HX-Request": "true"},
        follow_redirects=False,
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith(f'<article class="card" id="vraag-{question.id}"')
    assert "Een ton." in response.text
    assert "<form" not in response.text


def test_the_inbox_costs_the_same_statements_with_more_questions(
    client: TestClient, db: Session, stage: Stage, queries: QueryCounter
) -> None:
    def count() -> int:
        sign_in(client, "olga@example.org")
        client.get("/vragen")
        before = queries.count
        client.get("/vragen")
        return queries.count - before

    def ask(n: int) -> None:
        sign_in(client, "annelies@example.org")
        for i in range(n):
            _ask(client, stage, stage.discussed, f"Vraag {i}?")
        sign_in(client, "sem@example.org")
        _ask(client, stage, stage.sport_proposal, "Vraag over sport?")

    ask(1)
    few = count()
    ask(4)
    with organization_scope(db, stage.organization.id):
        some = db.scalars(select(OfficialQuestion.id)).all()[:3]
    sign_in(client, "olga@example.org")
    for question_id in some:
        post_form(
            client,
            f"/vragen/{question_id}/antwoord",
            {f"answer-{question_id}": "Ja."},
            form_page="/vragen",
        )
    many = count()
    assert many == few
