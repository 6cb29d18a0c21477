"""Downloads: who may fetch an attachment (other people 403, other organizations 404,
anonymous visitors nothing of a draft), and the headers that keep a file a file."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.attachments.routes import content_disposition
from app.db import organization_scope
from app.models import Attachment, Proposal
from app.proposals.states import Step
from tests.attachments.conftest import PDF, Dialogue, png, upload
from tests.conftest import QueryCounter
from tests.factories import make_organization, make_process, make_user
from tests.proposals.conftest import path
from tests.web.helpers import csrf_token, sign_in


def _attach(client: TestClient, db: Session, dialogue: Dialogue, proposal: Proposal,
            name: str = "Onderbouwing.pdf", content: bytes = PDF) -> Attachment:  # fmt: skip
    sign_in(client, dialogue.expert.email)
    response = upload(client, path(proposal), name, content)
    assert response.status_code == 303, response.text[:1000]
    with organization_scope(db, dialogue.organization.id):
        return db.scalars(select(Attachment).order_by(Attachment.id.desc())).first()  # type: ignore[return-value]


def _sign_out(client: TestClient) -> None:
    client.cookies.clear()


@pytest.mark.parametrize(
    ("name", "fallback"),
    [
        ('Begroting "2012".pdf', "Begroting _2012_.pdf"),
        ("Café à la carte – overzicht.pdf", "Cafe a la carte _ overzicht.pdf"),
        ("..\\..\\geheim.pdf", "geheim.pdf"),  # the name was cleaned when it came in
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("ünïcödé.pdf", "unicode.pdf"),
        ("日本語.pdf", "_.pdf"),
    ],
)
def test_a_download_is_an_attachment_with_a_safe_name(
    client: TestClient, db: Session, dialogue: Dialogue, name: str, fallback: str
) -> None:
    proposal = dialogue.draft(db)
    attachment = _attach(client, db, dialogue, proposal, name)
    response = client.get(f"/bijlagen/{attachment.id}")
    assert response.status_code == 200
    assert response.content == PDF
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["x-content-type-options"] == "nosniff"
    disposition = response.headers["content-disposition"]
    kept = attachment.original_name
    assert "/" not in kept
    assert "\\" not in kept
    assert disposition == (
        f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(kept, safe='')}"
    )
    assert disposition.isascii()
    # Signed in (a draft, too): nobody keeps it.
    assert "no-store" in response.headers["cache-control"]


def test_content_disposition_never_ends_the_header_early() -> None:
    value = content_disposition('a"; filename="evil.html\r\nX-Injected: 1')
    assert "\r" not in value
    assert "\n" not in value
    assert value.count('"') == 2


def test_the_type_is_the_checked_one(client: TestClient, db: Session, dialogue: Dialogue) -> None:
    proposal = dialogue.draft(db)
    sign_in(client, dialogue.expert.email)
    response = client.post(
        f"{path(proposal)}/bijlagen",
        data={"csrf_token": csrf_token(client, path(proposal))},
        files={"bestand": ("kaart.png", png(), "text/html")},
        follow_redirects=False,
    )
    assert response.status_code == 303
    with organization_scope(db, dialogue.organization.id):
        attachment = db.scalars(select(Attachment)).one()
    assert client.get(f"/bijlagen/{attachment.id}").headers["content-type"] == "image/png"


def test_a_draft_s_attachment_is_for_its_authors_and_chef_only(
    client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    proposal = dialogue.draft(db)
    attachment = _attach(client, db, dialogue, proposal)
    url = f"/bijlagen/{attachment.id}"
    _sign_out(client)
    anonymous = client.get(url, follow_redirects=False)
    assert anonymous.status_code in (302, 303)
    assert anonymous.headers["location"].startswith("/aanmelden")
    sign_in(client, dialogue.outsider.email)
    assert client.get(url).status_code == 403
    _sign_out(client)
    sign_in(client, dialogue.second.email)  # in the group, not an author
    assert client.get(url).status_code == 403
    _sign_out(client)
    sign_in(client, dialogue.chef.email)
    assert client.get(url).status_code == 200


def test_a_submitted_proposal_s_attachment_is_public(
    client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    proposal = dialogue.draft(db)
    attachment = _attach(client, db, dialogue, proposal)
    dialogue.step(db, proposal, Step.SUBMIT, dialogue.expert)
    _sign_out(client)
    response = client.get(f"/bijlagen/{attachment.id}")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "public, no-cache"
    page = client.get(path(proposal)).text
    assert f'href="/bijlagen/{attachment.id}"' in page
    assert 'id="attachment-form"' not in page  # anonymous visitors add nothing


def test_only_authors_and_the_chef_add_or_remove(
    client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    proposal = dialogue.draft(db, coauthors=[dialogue.second.id])
    dialogue.step(db, proposal, Step.SUBMIT, dialogue.expert)
    attachment = _attach(client, db, dialogue, proposal)
    _sign_out(client)
    sign_in(client, dialogue.outsider.email)
    assert upload(client, path(proposal), "x.pdf", PDF).status_code == 403
    removal = client.post(
        f"/bijlagen/{attachment.id}/verwijderen",
        data={"csrf_token": csrf_token(client, path(proposal))},
    )
    assert removal.status_code == 403
    _sign_out(client)
    for who in (dialogue.second, dialogue.chef):  # a co-author, the group's chef
        sign_in(client, who.email)
        assert upload(client, path(proposal), f"{who.display_name}.pdf", PDF).status_code == 303
        _sign_out(client)


def test_another_organization_s_attachment_is_not_found(
    client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    proposal = dialogue.draft(db)
    ours = _attach(client, db, dialogue, proposal)
    elsewhere = make_organization(db, slug="elders", hosts=("elders.test",))
    process = make_process(db, elsewhere, slug="elders-dialoog")
    author = make_user(db, elsewhere, email="iemand@elders.test")
    with organization_scope(db, elsewhere.id):
        from app.processes.budget_import import import_budget_lines
        from tests.factories import SMALL_BUDGET

        import_budget_lines(db, "test", process, SMALL_BUDGET.encode())
        from app.models import Group

        group = db.scalars(select(Group)).first()
        assert group is not None
        theirs = Proposal(
            process_id=process.id, group_id=group.id, author_id=author.id, title="Elders",
            state="submitted",
        )  # fmt: skip
        db.add(theirs)
        db.flush()
        foreign = Attachment(
            proposal_id=theirs.id, stored_name="f" * 32, original_name="elders.pdf",
            content_type="application/pdf", size_bytes=len(PDF), sha256="0" * 64,
        )  # fmt: skip
        db.add(foreign)
        db.flush()
    assert foreign.id != ours.id
    assert client.get(f"/bijlagen/{foreign.id}").status_code == 404
    removal = client.post(
        f"/bijlagen/{foreign.id}/verwijderen",
        data={"csrf_token": csrf_token(client, path(proposal))},
    )
    assert removal.status_code == 404
    assert client.get("/bijlagen/999999").status_code == 404


def test_the_proposal_page_reads_its_attachments_in_one_statement(
    client: TestClient, db: Session, dialogue: Dialogue, queries: QueryCounter
) -> None:
    proposal = dialogue.draft(db)
    _attach(client, db, dialogue, proposal, "een.pdf")

    def count() -> int:
        before = queries.count
        assert client.get(path(proposal)).status_code == 200
        return queries.count - before

    one = count()
    for n in range(4):
        _attach(client, db, dialogue, proposal, f"meer-{n}.pdf")
    assert count() == one
