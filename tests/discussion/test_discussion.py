"""The discussion on a proposal: comments and replies one level deep, who may comment,
support once (a second press takes it back), and reporting a comment once per person."""

from __future__ import annotations

from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.db import organization_scope
from app.discussion.queries import discussion_for
from app.models import AuditEntry, CommentFlag, Organization, Proposal, ProposalComment
from app.phases.kinds import PhaseKind
from tests.conftest import QueryCounter
from tests.discussion.conftest import Stage
from tests.web.helpers import post_form, sign_in


def _comment(
    client: TestClient, stage: Stage, proposal: Proposal, body: str, parent: int = 0
) -> Response:
    data = {f"comment-{parent}": body}
    if parent:
        data["parent"] = str(parent)
    return post_form(client, f"{stage.path(proposal)}/reacties", data)


def _comments(db: Session, organization: Organization) -> list[ProposalComment]:
    with organization_scope(db, organization.id):
        return list(db.scalars(select(ProposalComment).order_by(ProposalComment.id)))


def _audit(db: Session, organization: Organization, action: str) -> int:
    with organization_scope(db, organization.id):
        return len(db.scalars(select(AuditEntry.id).where(AuditEntry.action == action)).all())


def test_a_comment_and_a_reply_but_no_reply_to_a_reply(
    client: TestClient, db: Session, organization: Organization, stage: Stage
) -> None:
    sign_in(client, "carla@example.org")  # anyone signed in and confirmed may comment
    response = _comment(client, stage, stage.discussed, "Wat kost dit?\nEn wie betaalt?")
    assert response.status_code == 303
    first = _comments(db, organization)[0]
    assert response.headers["location"].endswith(
        f"/voorstellen/{stage.discussed.id}#reactie-{first.id}"
    )
    assert first.body == "Wat kost dit?\nEn wie betaalt?"  # line breaks kept

    sign_in(client, "annelies@example.org")
    assert (
        _comment(client, stage, stage.discussed, "Ongeveer een ton.", first.id).status_code == 303
    )
    reply = _comments(db, organization)[1]
    assert reply.parent_id == first.id

    refused = _comment(client, stage, stage.discussed, "En nog een laag dieper.", reply.id)
    assert refused.status_code == 409
    assert "niet op een reactie" in refused.text
    assert "En nog een laag dieper." in refused.text  # nothing typed is lost
    assert len(_comments(db, organization)) == 2
    assert _audit(db, organization, "proposal.comment_added") == 2

    with organization_scope(db, organization.id):
        d = discussion_for(db, stage.discussed, None)
    assert d.comment_count == 2
    assert [t.comment.id for t in d.threads] == [first.id]
    assert [r.id for r in d.threads[0].replies] == [reply.id]


def test_an_empty_comment_is_refused_with_a_message(
    client: TestClient, db: Session, organization: Organization, stage: Stage
) -> None:
    sign_in(client, "bram@example.org")
    response = _comment(client, stage, stage.submitted, "   ")
    assert response.status_code == 400
    assert "Vul dit veld in" in response.text
    assert 'id="field-comment-0"' in response.text
    assert _comments(db, organization) == []


def test_only_confirmed_signed_in_people_comment_and_not_on_a_draft(
    client: TestClient, db: Session, organization: Organization, stage: Stage
) -> None:
    anonymous = client.post(
        f"{stage.path(stage.discussed)}/reacties", data={"comment-0": "Hallo"},
        follow_redirects=False,
    )  # fmt: skip
    assert anonymous.status_code in (303, 401, 403)
    sign_in(client, "uwe@example.org")
    assert _comment(client, stage, stage.discussed, "Hallo").status_code == 403
    sign_in(client, "annelies@example.org")  # the draft's own author
    assert _comment(client, stage, stage.draft, "Hallo").status_code == 403
    assert _comments(db, organization) == []


def test_outside_the_phase_the_comment_is_refused_but_kept(
    client: TestClient, db: Session, organization: Organization, stage: Stage
) -> None:
    stage.to_phase(db, PhaseKind.COMPILATION)
    sign_in(client, "bram@example.org")
    response = _comment(client, stage, stage.discussed, "Te laat?")
    assert response.status_code == 409
    assert "Te laat?" in response.text
    assert "voorstellen bespreken" in response.text.lower()


def test_support_once_and_a_second_press_takes_it_back(
    client: TestClient, db: Session, organization: Organization, stage: Stage
) -> None:
    url = f"{stage.path(stage.discussed)}/steun"
    sign_in(client, "bram@example.org")
    assert post_form(client, url, {}).status_code == 303
    db.refresh(stage.discussed)
    assert stage.discussed.support_count == 1
    sign_in(client, "carla@example.org")
    assert post_form(client, url, {}).status_code == 303
    db.refresh(stage.discussed)
    assert stage.discussed.support_count == 2

    sign_in(client, "bram@example.org")
    assert post_form(client, url, {}).status_code == 303  # again: taken back
    db.refresh(stage.discussed)
    assert stage.discussed.support_count == 1
    assert _audit(db, organization, "proposal.support_withdrawn") == 1


def test_htmx_swaps_only_the_support_button(
    client: TestClient, db: Session, organization: Organization, stage: Stage
) -> None:
    sign_in(client, "bram@example.org")
    token_page = client.get("/").text
    token = token_page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    response = client.post(
        f"{stage.path(stage.discussed)}/steun",
        data={"csrf_token": token},
        headers={"HX-Request": "true"},
        follow_redirects=False,
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<div class="support" id="steun">')
    assert "1 persoon steunt dit voorstel." in response.text
    assert 'aria-pressed="true"' in response.text
    assert "<html" not in response.text


def test_support_is_refused_on_a_draft_and_for_the_unconfirmed(
    client: TestClient, db: Session, organization: Organization, stage: Stage
) -> None:
    sign_in(client, "uwe@example.org")
    assert post_form(client, f"{stage.path(stage.discussed)}/steun", {}).status_code == 403
    sign_in(client, "annelies@example.org")
    assert post_form(client, f"{stage.path(stage.draft)}/steun", {}).status_code == 403
    db.refresh(stage.draft)
    assert stage.draft.support_count == 0


def test_a_comment_is_reported_once_per_person(
    client: TestClient, db: Session, organization: Organization, stage: Stage
) -> None:
    sign_in(client, "annelies@example.org")
    _comment(client, stage, stage.discussed, "Onzin, allemaal.")
    comment = _comments(db, organization)[0]
    url = f"{stage.path(stage.discussed)}/reacties/{comment.id}/melden"

    # Reporting one's own comment is not offered, and refused.
    assert post_form(client, url, {f"flag-{comment.id}": ""}).status_code == 403

    sign_in(client, "bram@example.org")
    assert post_form(client, url, {f"flag-{comment.id}": "Niet vriendelijk"}).status_code == 303
    again = post_form(client, url, {f"flag-{comment.id}": "Nog steeds"})
    assert again.status_code == 303
    assert "al gemeld" in client.get("/").text  # the flash, on whatever page comes next
    sign_in(client, "carla@example.org")
    assert post_form(client, url, {}).status_code == 303  # a reason is optional
    db.refresh(comment)
    assert comment.flag_count == 2
    with organization_scope(db, organization.id):
        reasons = db.scalars(select(CommentFlag.reason).order_by(CommentFlag.id)).all()
    assert reasons == ["Niet vriendelijk", ""]
    assert _audit(db, organization, "proposal.comment_flagged") == 2

    with organization_scope(db, organization.id):
        bram = Actor.of(stage.people["bram"], frozenset())
        assert discussion_for(db, stage.discussed, bram).threads[0].comment.flagged_by_me


def test_the_discussion_costs_the_same_statements_with_more_comments(
    client: TestClient,
    db: Session,
    organization: Organization,
    stage: Stage,
    queries: QueryCounter,
) -> None:
    def count() -> int:
        bram = Actor.of(stage.people["bram"], frozenset())
        with organization_scope(db, organization.id):
            db.expire_all()
            db.get(type(stage.process), stage.process.id)  # the page has its process
            before = queries.count
            discussion_for(db, stage.discussed, bram)
            return queries.count - before

    sign_in(client, "annelies@example.org")
    _comment(client, stage, stage.discussed, "Eerste")
    few = count()
    first = _comments(db, organization)[0]
    for n in range(5):
        _comment(client, stage, stage.discussed, f"Reactie {n}")
        _comment(client, stage, stage.discussed, f"Antwoord {n}", first.id)
    sign_in(client, "bram@example.org")
    post_form(client, f"{stage.path(stage.discussed)}/reacties/{first.id}/melden", {})
    many = count()
    assert many == few <= 4
