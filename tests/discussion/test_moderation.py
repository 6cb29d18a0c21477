"""The chef's moderation queue: only the group's chef, reported comments oldest first with
the reasons, hide with a reason its author reads (and is told of), or keep."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.permissions import can
from app.access.roles import Role, ScopeType
from app.config import get_settings
from app.db import organization_scope
from app.discussion.queries import discussion_for
from app.models import AuditEntry, Mail, Notification, Organization, ProposalComment
from app.web.forms import FormResult
from tests.conftest import QueryCounter
from tests.discussion.conftest import Stage
from tests.web.helpers import post_form, sign_in

QUEUE = "/processen/dialoog/groepen/onderwijs/moderatie"


def _reported(client: TestClient, db: Session, stage: Stage, body: str) -> ProposalComment:
    """Annelies writes ``body`` on the discussed proposal; Bram reports it."""
    sign_in(client, "annelies@example.org")
    post_form(client, f"{stage.path(stage.discussed)}/reacties", {"comment-0": body})
    with organization_scope(db, stage.organization.id):
        comment = db.scalars(select(ProposalComment).where(ProposalComment.body == body)).one()
    sign_in(client, "bram@example.org")
    post_form(
        client,
        f"{stage.path(stage.discussed)}/reacties/{comment.id}/melden",
        {f"flag-{comment.id}": f"Kwetsend: {body}"},
    )
    return comment


def test_only_the_groups_chef_sees_the_queue(client: TestClient, stage: Stage) -> None:
    sign_in(client, "annelies@example.org")  # an expert of the group
    assert client.get(QUEUE).status_code == 403
    sign_in(client, "sanne@example.org")  # another group's chef
    assert client.get(QUEUE).status_code == 403
    sign_in(client, "ruud@example.org")
    page = client.get(QUEUE)
    assert page.status_code == 200
    assert "Er wachten geen gemelde reacties." in page.text


def test_the_queue_lists_reported_comments_oldest_first_with_reasons(
    client: TestClient, db: Session, stage: Stage
) -> None:
    first = _reported(client, db, stage, "Wat een dom plan.")
    _reported(client, db, stage, "Jullie snappen er niets van.")
    sign_in(client, "ruud@example.org")
    page = client.get(QUEUE).text
    assert "Scholen delen gebouwen" in page  # the proposal's title
    assert page.index("Wat een dom plan.") < page.index("Jullie snappen er niets van.")
    assert "Kwetsend: Wat een dom plan." in page

    sign_in(client, "sanne@example.org")
    assert post_form(client, f"{QUEUE}/{first.id}/houden", {}).status_code == 403
    assert (
        post_form(client, f"{QUEUE}/{first.id}/verbergen", {f"reason-{first.id}": "x"}).status_code
        == 403
    )


def test_hiding_needs_a_reason_and_the_author_reads_it(
    client: TestClient, db: Session, organization: Organization, stage: Stage
) -> None:
    comment = _reported(client, db, stage, "Wat een dom plan.")
    sign_in(client, "ruud@example.org")
    empty = post_form(client, f"{QUEUE}/{comment.id}/verbergen", {f"reason-{comment.id}": " "})
    assert empty.status_code == 400
    assert "Vul dit veld in" in empty.text

    hidden = post_form(
        client, f"{QUEUE}/{comment.id}/verbergen",
        {f"reason-{comment.id}": "Spreek over het voorstel, niet over mensen."},
    )  # fmt: skip
    assert hidden.status_code == 303
    assert "Wat een dom plan." not in client.get(QUEUE).text  # handled: out of the queue

    db.expire_all()  # the app changed the rows in its own session
    with organization_scope(db, organization.id):
        author = Actor.of(stage.people["annelies"], frozenset())
        other = Actor.of(stage.people["carla"], frozenset())
        own = discussion_for(db, stage.discussed, author).threads[0].comment
        seen = discussion_for(db, stage.discussed, other).threads[0].comment
        anonymous = discussion_for(db, stage.discussed, None).threads[0].comment
        bell = db.scalars(
            select(Notification).where(Notification.user_id == stage.people["annelies"].id)
        ).all()
        mails = db.scalars(select(Mail).where(Mail.kind == "proposal_comment_hidden")).all()
        audit = db.scalars(
            select(AuditEntry).where(AuditEntry.action == "proposal.comment_hidden")
        ).all()
    assert (own.body, own.hidden_reason) == (
        "Wat een dom plan.", "Spreek over het voorstel, niet over mensen.",
    )  # fmt: skip
    assert seen.hidden
    assert seen.body is None
    assert seen.hidden_reason is None
    assert anonymous.body is None
    assert [n.kind for n in bell] == ["proposal_comment_hidden"]
    assert bell[0].link.endswith(f"#reactie-{comment.id}")
    assert len(mails) == 1
    assert "Spreek over het voorstel" in mails[0].body
    assert [a.reason for a in audit] == ["Spreek over het voorstel, niet over mensen."]

    sign_in(client, "annelies@example.org")
    assert "verborgen" in client.get("/meldingen").text


def test_keeping_a_comment_handles_its_reports(
    client: TestClient, db: Session, organization: Organization, stage: Stage
) -> None:
    comment = _reported(client, db, stage, "Scherp, maar terecht.")
    sign_in(client, "ruud@example.org")
    assert post_form(client, f"{QUEUE}/{comment.id}/houden", {}).status_code == 303
    db.refresh(comment)
    assert comment.flags_handled
    assert comment.hidden_at is None
    assert "Scherp, maar terecht." not in client.get(QUEUE).text
    with organization_scope(db, organization.id):
        kept = db.scalars(select(AuditEntry.id).where(AuditEntry.action == "proposal.comment_kept"))
        assert len(kept.all()) == 1
    # Someone else reports it later: it is back for the chef.
    sign_in(client, "carla@example.org")
    post_form(client, f"{stage.path(stage.discussed)}/reacties/{comment.id}/melden", {})
    sign_in(client, "ruud@example.org")
    assert "Scherp, maar terecht." in client.get(QUEUE).text


def test_the_queue_costs_the_same_statements_with_more_reports(
    client: TestClient, db: Session, stage: Stage, queries: QueryCounter
) -> None:
    def count() -> int:
        sign_in(client, "ruud@example.org")
        client.get(QUEUE)
        before = queries.count
        client.get(QUEUE)
        return queries.count - before

    _reported(client, db, stage, "Een")
    few = count()
    for n in range(4):
        _reported(client, db, stage, f"Meer {n}")
    many = count()
    assert many == few


def test_the_partial_shows_a_hidden_comment_to_its_author_only(
    app: FastAPI, client: TestClient, db: Session, organization: Organization, stage: Stage
) -> None:
    """The proposal page includes discussion/_on_proposal.html; rendered here directly."""
    comment = _reported(client, db, stage, "Dit is onbeschoft.")
    sign_in(client, "ruud@example.org")
    post_form(client, f"{QUEUE}/{comment.id}/verbergen", {f"reason-{comment.id}": "Te grof."})
    template = app.state.jinja.get_template("discussion/_on_proposal.html")
    db.expire_all()

    def render(actor: Actor | None) -> str:
        with organization_scope(db, organization.id):
            discussion = discussion_for(db, stage.discussed, actor)
        html = template.render(
            request=None, actor=actor, proposal=stage.discussed, process=stage.process,
            discussion=discussion, form=FormResult(), csrf_token=lambda: "t",
            csrf_field_name="csrf_token", timezone=get_settings().timezone,
            can=lambda action, obj=None: can(actor, action, obj),
        )  # fmt: skip
        return str(html)

    annelies = Actor.of(
        stage.people["annelies"],
        frozenset({(Role.EXPERT, ScopeType.GROUP, stage.onderwijs.id)}),
    )
    own = render(annelies)
    assert "Dit is onbeschoft." in own
    assert "Te grof." in own
    assert "Dit voorstel steunen" in own  # she may take part
    other = render(Actor.of(stage.people["carla"], frozenset()))
    assert "Dit is onbeschoft." not in other
    assert "Te grof." not in other
    assert "De chef heeft deze reactie verborgen." in other
    public = render(None)
    assert "Meld u aan om mee te praten." in public
    assert "Dit is onbeschoft." not in public
