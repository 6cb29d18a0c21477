"""The product-sheet pages: the edit form's amounts, who reads a sheet before and after
its edition is published, the overview's counts and its statement count, and the PDF."""

from __future__ import annotations

import io

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.permissions import can
from app.access.roles import Role, ScopeType
from app.db import organization_scope
from app.models import ProductSheet
from app.product_sheets.queries import sheets_by_proposal
from tests.conftest import QueryCounter
from tests.product_sheets.conftest import BASE, Sheets
from tests.product_sheets.test_sign_off import edit_data
from tests.web.helpers import post_form, sign_in


def test_amounts_are_checked_and_what_was_typed_stays(
    client: TestClient, db: Session, sheets: Sheets
) -> None:
    sheet = sheets.sheet(db, sheets.onderwijs, "Minder leerlingenvervoer")
    path = f"{BASE}/{sheet.proposal_id}/bewerken"
    sign_in(client, "olaf@example.org")
    data = edit_data(**{"structural-2013": "veel", "one_off-2014": "12,50"})
    data["advice"] = "Mijn advies, nog niet bewaard."
    response = post_form(client, path, data, form_page=path)
    assert response.status_code == 400
    assert 'id="structural-2013-error"' in response.text
    assert 'id="one_off-2014-error"' in response.text
    assert 'value="veel"' in response.text
    assert 'value="12,50"' in response.text
    assert "Mijn advies, nog niet bewaard." in response.text
    assert 'value="250.000"' in response.text  # the right ones stay too
    with organization_scope(db, sheets.organization.id):
        db.expire_all()
        assert db.get_one(ProductSheet, sheet.id).version == 1


def test_a_save_over_a_newer_save_is_refused(
    client: TestClient, db: Session, sheets: Sheets
) -> None:
    sheet = sheets.sheet(db, sheets.onderwijs, "A")
    path = f"{BASE}/{sheet.proposal_id}/bewerken"
    sign_in(client, "olaf@example.org")
    assert post_form(client, path, edit_data(), form_page=path).status_code == 303
    stale = edit_data(version="1", advice="Ander advies")
    response = post_form(client, path, stale, form_page=path)
    assert response.status_code == 409
    assert "Ander advies" in response.text
    again = post_form(client, path, edit_data(version="2"), form_page=path)
    assert again.status_code == 303  # the same texts: nothing changed, no new version
    with organization_scope(db, sheets.organization.id):
        db.expire_all()
        assert db.get_one(ProductSheet, sheet.id).version == 2


def test_who_reads_a_sheet_before_and_after_publication(
    client: TestClient, db: Session, sheets: Sheets
) -> None:
    sheet = sheets.sheet(db, sheets.onderwijs, "Minder leerlingenvervoer")
    path = f"{BASE}/{sheet.proposal_id}"
    assert client.get(path, follow_redirects=False).status_code == 303  # sign in first
    assert client.get(f"{path}.pdf", follow_redirects=False).status_code == 303
    for email, status in (
        ("carla@example.org", 403),
        ("sanne@example.org", 403),  # the chef of another theme
        ("ruud@example.org", 200),
        ("lotte@example.org", 200),
        ("fatma@example.org", 200),
        ("olaf@example.org", 200),
        ("beheer@example.org", 200),
    ):
        sign_in(client, email)
        assert client.get(path).status_code == status, email
    sign_in(client, "carla@example.org")
    assert client.get(BASE).status_code == 403  # no overview before publication either

    sheets.publish(db, [sheet])
    assert client.get(path).status_code == 200
    anonymous = TestClient(client.app, base_url="http://testdorp.test")
    page = anonymous.get(path)
    assert page.status_code == 200
    assert "Minder leerlingenvervoer" in page.text
    assert f"/processen/dialoog/voorstellen/{sheet.proposal_id}" in page.text
    assert anonymous.get(BASE).status_code == 200


def test_the_overview_counts_per_theme_and_step(
    client: TestClient, db: Session, sheets: Sheets, queries: QueryCounter
) -> None:
    steps = ["official", "official", "finance", "chef", "signed_off"]
    for index, step in enumerate(steps):
        sheets.sheet(db, sheets.onderwijs, f"Onderwijs {index}", step=step)
    sheets.sheet(db, sheets.sport, "Sport 1", step="chef")
    sign_in(client, "ruud@example.org")
    queries.statements.clear()
    page = client.get(BASE)
    small = queries.count
    assert page.status_code == 200
    html = page.text
    onderwijs_row = html.split('<th scope="row">Onderwijs</th>')[1].split("</tr>")[0]
    assert [c.split(">")[1] for c in onderwijs_row.split("<td")[1:]] == [
        "2</td",
        "1</td",
        "1</td",
        "1</td",
        "5</td",
    ]
    total_row = html.split("<tfoot>")[1].split("</tfoot>")[0]
    assert [c.split(">")[1] for c in total_row.split("<td")[1:]] == [
        "2</td",
        "1</td",
        "2</td",
        "1</td",
        "6</td",
    ]
    waiting = html.split('id="waiting-heading"')[1].split("</section>")[0]
    assert "Onderwijs 3" in waiting
    assert "Sport 1" not in waiting

    for index in range(10):
        sheets.sheet(db, sheets.sport, f"Meer {index}", step="finance")
    queries.statements.clear()
    assert client.get(BASE).status_code == 200
    assert queries.count == small

    everything = client.get(BASE).text.split('id="list-caption"')[1]
    assert "Onderwijs 0" in everything
    assert "Sport 1" not in everything
    filtered = client.get(BASE, params={"stap": "chef", "thema": "onderwijs"}).text
    listed = filtered.split('id="list-caption"')[1]
    assert "Onderwijs 3" in listed
    assert "Onderwijs 2" not in listed
    assert client.get(BASE, params={"stap": "gisteren"}).status_code == 400

    sign_in(client, "fatma@example.org")
    waiting = client.get(BASE).text.split('id="waiting-heading"')[1].split("</section>")[0]
    assert "Onderwijs 2" in waiting
    assert "Meer 9" in waiting
    assert "Sport 1" not in waiting


def test_the_sheet_page_takes_a_fixed_number_of_statements(
    client: TestClient, db: Session, sheets: Sheets, queries: QueryCounter
) -> None:
    sheet = sheets.sheet(db, sheets.onderwijs, "A")
    path = f"{BASE}/{sheet.proposal_id}"
    sign_in(client, "olaf@example.org")
    queries.statements.clear()
    client.get(path)
    before = queries.count
    for _ in range(3):
        post_form(client, f"{path}/stap", {"stap": "pass_on", "vanaf": "official"}, form_page="/")
        with organization_scope(db, sheets.organization.id):
            db.expire_all()
            db.get_one(ProductSheet, sheet.id).step = "official"  # round again, for the log
            db.flush()
    queries.statements.clear()
    client.get(path)
    assert queries.count == before


def test_the_pdf_holds_the_title_and_the_advice(
    client: TestClient, db: Session, sheets: Sheets
) -> None:
    sheet = sheets.sheet(db, sheets.onderwijs, "Minder leerlingenvervoer")
    path = f"{BASE}/{sheet.proposal_id}"
    sign_in(client, "olaf@example.org")
    post_form(client, f"{path}/bewerken", edit_data(), form_page=f"{path}/bewerken")
    response = client.get(f"{path}.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert response.headers["cache-control"] == "no-store"  # signed in: app.web.middleware
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Minder leerlingenvervoer" in text
    assert "Het college adviseert om dit te doen." in " ".join(text.split())
    tag = response.headers["etag"]
    assert client.get(f"{path}.pdf", headers={"If-None-Match": tag}).status_code == 304

    post_form(client, f"{path}/stap", {"stap": "pass_on", "vanaf": "official"}, form_page="/")
    assert client.get(f"{path}.pdf", headers={"If-None-Match": tag}).status_code == 200

    sheets.publish(db, [sheet])
    anonymous = TestClient(client.app, base_url="http://testdorp.test")
    public = anonymous.get(f"{path}.pdf")
    assert public.status_code == 200
    assert public.headers["cache-control"] == "public, no-cache"


def test_sheets_by_proposal_is_one_statement(
    db: Session, sheets: Sheets, queries: QueryCounter
) -> None:
    made = [sheets.sheet(db, sheets.onderwijs, f"V{i}") for i in range(4)]
    with organization_scope(db, sheets.organization.id):
        queries.statements.clear()
        found = sheets_by_proposal(db, [s.proposal_id for s in made] + [999_999])
        assert queries.count == 1
        assert sorted(found) == sorted(s.proposal_id for s in made)
        assert sheets_by_proposal(db, []) == {}


GROUP, OTHER = 7, 8


def _actor(*roles: tuple[Role, ScopeType, int | None]) -> Actor:
    return Actor(
        roles=frozenset(roles),
        session_id=None,
        id=100,
        display_name="Iemand",
        email="iemand@example.org",
        is_confirmed=True,
    )


ORG = ScopeType.ORGANIZATION
ACTORS = {
    "anonymous": None,
    "citizen": _actor(),
    "expert": _actor((Role.EXPERT, ScopeType.GROUP, GROUP)),
    "chef": _actor((Role.CHEF, ScopeType.GROUP, GROUP)),
    "other chef": _actor((Role.CHEF, ScopeType.GROUP, OTHER)),
    "official": _actor((Role.OFFICIAL, ORG, None)),
    "finance": _actor((Role.FINANCE, ORG, None)),
    "legal": _actor((Role.LEGAL, ORG, None)),
    "admin": _actor((Role.ADMIN, ORG, None)),
}


class _Sheet:
    def __init__(self, step: str, published: bool = False) -> None:
        self.step, self.group_id, self.published = step, GROUP, published


@pytest.mark.parametrize(
    ("step", "acting"),
    [
        ("official", {"official"}),
        ("finance", {"finance"}),
        ("chef", {"chef"}),
        ("signed_off", set()),
    ],
)
def test_who_acts_at_each_step(step: str, acting: set[str]) -> None:
    for name, actor in ACTORS.items():
        assert can(actor, "product_sheet.step", _Sheet(step)) is (name in acting), name
        editing = name == "official" and step == "official"
        assert can(actor, "product_sheet.edit", _Sheet(step)) is editing, name


def test_who_reads_a_sheet() -> None:
    readers = {"chef", "official", "finance", "legal", "admin"}
    for name, actor in ACTORS.items():
        assert can(actor, "product_sheet.read", _Sheet("chef")) is (name in readers), name
        assert can(actor, "product_sheet.read", _Sheet("chef", published=True)), name
