"""Attachments of a product sheet: whoever acts at the sheet's step adds and removes them;
they are read as the sheet is (the staff and the chef, everyone once published)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import Settings
from app.db import organization_scope
from app.models import Attachment
from tests.attachments.conftest import PDF, Sheets, docx_bytes, stored_files, upload
from tests.product_sheets.conftest import BASE
from tests.web.helpers import csrf_token, sign_in


def _only(db: Session, sheets: Sheets) -> Attachment:
    with organization_scope(db, sheets.organization.id):
        return db.scalars(select(Attachment)).one()


def test_the_official_attaches_while_writing_the_sheet(
    client: TestClient, db: Session, sheets: Sheets, settings: Settings
) -> None:
    sheet = sheets.sheet(db, sheets.onderwijs, "Minder schoolgebouwen")
    page = f"{BASE}/{sheet.proposal_id}"
    sign_in(client, sheets.official.email)
    assert 'id="attachment-form"' in client.get(page).text
    response = upload(client, page, "Berekening.docx", docx_bytes())
    assert response.status_code == 303, response.text[:1000]
    attachment = _only(db, sheets)
    assert attachment.product_sheet_id == sheet.id
    assert attachment.proposal_id is None
    assert len(stored_files(settings)) == 1
    shown = client.get(page).text
    assert f'href="/bijlagen/{attachment.id}"' in shown
    assert client.get(f"/bijlagen/{attachment.id}").content == (
        stored_files(settings)[0].read_bytes()
    )


def test_each_at_their_own_step(client: TestClient, db: Session, sheets: Sheets) -> None:
    at_finance = sheets.sheet(db, sheets.onderwijs, "Bij de adviseur", step="finance")
    page = f"{BASE}/{at_finance.proposal_id}"
    sign_in(client, sheets.official.email)  # the sheet is no longer with the officials
    assert upload(client, page, "laat.pdf", PDF).status_code == 403
    client.cookies.clear()
    sign_in(client, sheets.chef.email)  # not the chef's step yet
    assert upload(client, page, "vroeg.pdf", PDF).status_code == 403
    client.cookies.clear()
    sign_in(client, sheets.adviser.email)
    assert upload(client, page, "toets.pdf", PDF).status_code == 303
    attachment = _only(db, sheets)
    removal = client.post(
        f"/bijlagen/{attachment.id}/verwijderen",
        data={"csrf_token": csrf_token(client, page)},
        follow_redirects=False,
    )
    assert removal.status_code == 303


def test_read_as_the_sheet_is(client: TestClient, db: Session, sheets: Sheets) -> None:
    sheet = sheets.sheet(db, sheets.onderwijs, "Minder schoolgebouwen")
    page = f"{BASE}/{sheet.proposal_id}"
    sign_in(client, sheets.official.email)
    assert upload(client, page, "Berekening.pdf", PDF).status_code == 303
    url = f"/bijlagen/{_only(db, sheets).id}"
    client.cookies.clear()
    sign_in(client, "carla@example.org")  # a citizen, before publication
    assert client.get(url).status_code == 403
    client.cookies.clear()
    sign_in(client, sheets.sport_chef.email)  # the chef of another group
    assert client.get(url).status_code == 403
    client.cookies.clear()
    sign_in(client, "lotte@example.org")  # a lawyer: staff
    assert client.get(url).status_code == 200
    client.cookies.clear()
    before = client.get(url, follow_redirects=False)
    assert before.headers["location"].startswith("/aanmelden")
    sheets.publish(db, [sheet])
    published = client.get(url)
    assert published.status_code == 200
    assert published.headers["cache-control"] == "public, no-cache"


def test_a_refused_file_is_named_on_the_sheet_page(
    client: TestClient, db: Session, sheets: Sheets, settings: Settings
) -> None:
    sheet = sheets.sheet(db, sheets.onderwijs, "Minder schoolgebouwen")
    page = f"{BASE}/{sheet.proposal_id}"
    sign_in(client, sheets.official.email)
    client.cookies.set("dialoog_lang", "en")
    response = upload(client, page, "begroting.xlsx", docx_bytes())  # a Word file
    assert response.status_code == 422
    assert "does not match its name (Excel spreadsheet)" in response.text
    assert 'id="bestand-error"' in response.text
    assert 'id="error-summary"' in response.text
    assert stored_files(settings) == []
