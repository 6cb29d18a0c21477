"""Attaching files to a proposal through its page: accepted files are kept under a
generated name, refused ones answer in the page (422) and leave nothing on disk."""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import Settings
from app.db import organization_scope
from app.models import Attachment, AuditEntry
from app.phases.kinds import PhaseKind
from tests.attachments.conftest import (
    PDF,
    Dialogue,
    docx_bytes,
    png,
    stored_files,
    upload,
    with_member,
)
from tests.proposals.conftest import path
from tests.web.helpers import csrf_token, sign_in

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _attachments(db: Session, dialogue: Dialogue) -> list[Attachment]:
    with organization_scope(db, dialogue.organization.id):
        return list(db.scalars(select(Attachment).order_by(Attachment.id)))


@pytest.mark.parametrize(
    ("name", "content", "sent_as", "kept_as"),
    [
        ("Onderbouwing.pdf", PDF, "application/pdf", "application/pdf"),
        ("kaart.png", png(), "application/octet-stream", "image/png"),
        ("toelichting.docx", docx_bytes(), "text/html", DOCX),  # what the browser said is ignored
    ],
)
def test_an_author_attaches_a_good_file(
    client: TestClient, db: Session, dialogue: Dialogue, settings: Settings,
    name: str, content: bytes, sent_as: str, kept_as: str,
) -> None:  # fmt: skip
    proposal = dialogue.draft(db)
    sign_in(client, dialogue.expert.email)
    response = upload(client, path(proposal), name, content, sent_as)
    assert response.status_code == 303, response.text[:2000]
    assert response.headers["location"] == f"{path(proposal)}#bijlagen"
    [attachment] = _attachments(db, dialogue)
    assert attachment.proposal_id == proposal.id
    assert attachment.original_name == name
    assert attachment.content_type == kept_as
    assert attachment.size_bytes == len(content)
    assert re.fullmatch(r"[0-9a-f]{32}", attachment.stored_name)
    [stored] = stored_files(settings)
    assert stored == settings.uploads_dir / str(dialogue.organization.id) / attachment.stored_name
    assert stored.read_bytes() == content
    page = client.get(path(proposal)).text
    assert f'href="/bijlagen/{attachment.id}"' in page
    assert name in page
    with organization_scope(db, dialogue.organization.id):
        entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "attachment.added")).one()
    assert entry.object_id == str(attachment.id)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tekening.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "cannot be attached"),
        ("script.exe", b"MZ\x90\x00", "cannot be attached"),
        ("foto.png", PDF, "does not match its name (PNG image)"),
        ("brief.docx", with_member(docx_bytes(), "word/vbaProject.bin", b"x"), "macros"),
        ("leeg.pdf", b"", "empty"),
    ],
)
def test_a_refused_file_is_named_in_the_page_and_not_kept(
    client: TestClient, db: Session, dialogue: Dialogue, settings: Settings,
    name: str, content: bytes, message: str,
) -> None:  # fmt: skip
    proposal = dialogue.draft(db)
    sign_in(client, dialogue.expert.email)
    client.cookies.set("dialoog_lang", "en")
    response = upload(client, path(proposal), name, content)
    assert response.status_code == 422
    assert message in response.text
    assert 'id="bestand-error"' in response.text
    assert 'aria-invalid="true"' in response.text
    assert _attachments(db, dialogue) == []
    assert stored_files(settings) == []


def test_no_file_chosen(client: TestClient, db: Session, dialogue: Dialogue) -> None:
    proposal = dialogue.draft(db)
    sign_in(client, dialogue.expert.email)
    client.cookies.set("dialoog_lang", "en")
    response = client.post(
        f"{path(proposal)}/bijlagen",
        data={"csrf_token": csrf_token(client, path(proposal))},
        files={"bestand": ("", b"", "application/octet-stream")},
    )
    assert response.status_code == 422
    assert "Choose a file to attach." in response.text


@pytest.mark.parametrize("size", [5_000, 200_000])
def test_an_oversized_file_is_refused_while_it_streams(
    client: TestClient, app: FastAPI, db: Session, dialogue: Dialogue, settings: Settings,
    size: int,
) -> None:  # fmt: skip
    """Just over the limit: the copy stops there. Far over it (past the room the form's
    other fields get): the body is not even read to its end."""
    app.state.settings.uploads.max_bytes = 4_096
    proposal = dialogue.draft(db)
    sign_in(client, dialogue.expert.email)
    client.cookies.set("dialoog_lang", "en")
    response = upload(client, path(proposal), "groot.pdf", PDF + b"\x00" * size)
    assert response.status_code == 422
    assert "The file is larger than 4 kB" in response.text
    assert _attachments(db, dialogue) == []
    assert stored_files(settings) == []


def test_at_most_so_many_per_proposal(
    client: TestClient, app: FastAPI, db: Session, dialogue: Dialogue, settings: Settings
) -> None:
    app.state.settings.uploads.max_per_subject = 2
    proposal = dialogue.draft(db)
    sign_in(client, dialogue.expert.email)
    client.cookies.set("dialoog_lang", "en")
    for n in range(2):
        assert upload(client, path(proposal), f"{n}.pdf", PDF).status_code == 303
    page = client.get(path(proposal)).text
    assert 'id="attachments-full"' in page
    assert 'id="attachment-form"' not in page
    refused = upload(client, path(proposal), "derde.pdf", PDF)
    assert refused.status_code == 422
    assert "already has 2 attachments" in refused.text
    assert len(stored_files(settings)) == 2


def test_removing_an_attachment_deletes_its_file(
    client: TestClient, db: Session, dialogue: Dialogue, settings: Settings
) -> None:
    proposal = dialogue.draft(db)
    sign_in(client, dialogue.expert.email)
    assert upload(client, path(proposal), "weg.pdf", PDF).status_code == 303
    [attachment] = _attachments(db, dialogue)
    [stored] = stored_files(settings)
    response = client.post(
        f"/bijlagen/{attachment.id}/verwijderen",
        data={"csrf_token": csrf_token(client, path(proposal))},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"{path(proposal)}#bijlagen"
    db.expire_all()
    assert _attachments(db, dialogue) == []
    assert not stored.exists()
    with organization_scope(db, dialogue.organization.id):
        assert db.scalars(
            select(AuditEntry.id).where(AuditEntry.action == "attachment.removed")
        ).all()


def test_a_file_whose_transaction_rolls_back_is_removed(
    client: TestClient, app: FastAPI, db: Session, dialogue: Dialogue, settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The row and the file go together: a failure after the file was placed (here the
    audit entry) leaves neither."""
    from app.attachments import service

    def broken_record(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the database went away")

    monkeypatch.setattr(service, "record", broken_record)
    proposal = dialogue.draft(db)
    sign_in(client, dialogue.expert.email)
    with TestClient(app, base_url="http://testdorp.test", raise_server_exceptions=False) as other:
        other.cookies.update(client.cookies)
        response = upload(other, path(proposal), "half.pdf", PDF)
    assert response.status_code == 500
    assert stored_files(settings) == []
    assert _attachments(db, dialogue) == []


def test_no_upload_once_the_proposal_can_no_longer_change(
    client: TestClient, db: Session, dialogue: Dialogue, settings: Settings
) -> None:
    proposal = dialogue.draft(db)
    sign_in(client, dialogue.expert.email)
    client.cookies.set("dialoog_lang", "en")
    dialogue.to_phase(db, PhaseKind.PRODUCT_SHEETS)
    page = client.get(path(proposal)).text
    assert 'id="attachment-form"' not in page
    response = upload(client, path(proposal), "laat.pdf", PDF)
    assert response.status_code == 409
    assert stored_files(settings) == []
