"""Reviews come with their (public) proposals; product sheets once their proposal is in a
published edition."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.permissions import can
from app.db import organization_scope
from app.models import Group, ProductSheet
from app.product_sheets.queries import sheet_page
from tests.api.conftest import PROCESS, OpenData


def test_reviews_of_public_proposals_only(client: TestClient, open_data: OpenData) -> None:
    body = client.get(f"{PROCESS}/reviews").json()
    public = [r for r in open_data.reviews if r.proposal_id != open_data.draft.id]
    assert body["total"] == len(public) == 4
    assert [(r["proposal_id"], r["kind"]) for r in body["items"]] == sorted(
        (r.proposal_id, r.kind) for r in public
    )
    stale = next(r for r in body["items"] if r["needs_another_look"])
    assert stale["kind"] == "financial"
    assert [a["year"] for a in stale["validated"]] == [2012, 2013, 2014, 2015]
    legal = next(r for r in body["items"] if r["verdict"] == "not_feasible")
    assert legal["validated"] is None
    assert legal["notes"] == "Oordeel legal."
    assert legal["proposal_url"].endswith(f"/voorstellen/{legal['proposal_id']}")
    page = client.get(f"{PROCESS}/reviews?per_page=3&page=2").json()
    assert [r["proposal_id"] for r in page["items"]] == [body["items"][3]["proposal_id"]]


def test_product_sheets_are_those_a_visitor_may_read(
    client: TestClient, db: Session, open_data: OpenData
) -> None:
    process = open_data.council.process
    with organization_scope(db, process.organization_id):
        group = db.scalars(select(Group).order_by(Group.id)).first()
        assert group is not None
        # A sheet for a proposal outside the edition: not published.
        db.add(
            ProductSheet(
                process_id=process.id, group_id=group.id,
                proposal_id=open_data.in_discussion.id, updated_by="Olaf (#2)",
            )
        )  # fmt: skip
        db.flush()
        sheets = db.scalars(select(ProductSheet)).all()
        readable = []
        for sheet in sheets:
            page = sheet_page(db, process, sheet.proposal_id)
            if page is not None and can(None, "product_sheet.read", page):
                readable.append(sheet.proposal_id)
    body = client.get(f"{PROCESS}/product-sheets").json()
    assert [s["proposal_id"] for s in body["items"]] == sorted(readable)
    assert body["total"] == 6
    assert open_data.in_discussion.id not in readable
    sheet = body["items"][0]
    assert sheet["step"] == "signed_off"
    assert sheet["staff_effect"] == "Twee fte minder."
    assert [a["year"] for a in sheet["financial_effect"]] == [2012, 2013, 2014, 2015]
    assert sheet["url"].endswith(f"/processen/dialoog/productbladen/{sheet['proposal_id']}")
    assert "Andersdorp" not in client.get(f"{PROCESS}/product-sheets").text


def test_no_product_sheets_before_an_edition_is_published(
    client: TestClient, db: Session, open_data: OpenData
) -> None:
    edition = open_data.council.book.edition
    with organization_scope(db, edition.organization_id):
        edition.published_at = None
        db.flush()
    body = client.get(f"{PROCESS}/product-sheets").json()
    assert (body["total"], body["items"]) == (0, [])
    csv_lines = client.get(f"{PROCESS}/product-sheets.csv").text.splitlines()
    assert len(csv_lines) == 1  # the header only
