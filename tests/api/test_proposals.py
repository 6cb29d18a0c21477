"""Proposals once submitted, with their amounts claimed and validated, filters, pages and
the detail with reviews; drafts and another municipality's never."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.permissions import can
from app.api.schemas import PublicState
from app.db import organization_scope
from app.models import BudgetLine, Proposal, ProposalBudgetLine
from app.proposals.states import ProposalState
from tests.api.conftest import PROCESS, SECRET_WORDS, OpenData

LIST = f"{PROCESS}/proposals"


def _all_pages(client: TestClient, url: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    next_url: str | None = url
    while next_url:
        body = client.get(next_url).json()
        items += body["items"]
        next_url = body["links"]["next"]
    return items


def test_the_list_is_what_a_visitor_may_read(
    client: TestClient, db: Session, open_data: OpenData
) -> None:
    """The SQL filter agrees with the ``proposal.read`` predicate for an anonymous visitor."""
    with organization_scope(db, open_data.council.book.organization.id):
        readable = sorted(
            p.id for p in db.scalars(select(Proposal)) if can(None, "proposal.read", p)
        )
    body = client.get(LIST).json()
    assert body["total"] == len(readable) == 7
    assert [p["id"] for p in body["items"]] == readable
    assert open_data.draft.id not in readable
    assert open_data.withdrawn_draft.id not in readable


def test_each_proposal_has_its_amounts_per_year(client: TestClient, open_data: OpenData) -> None:
    items = {p["id"]: p for p in client.get(LIST).json()["items"]}
    first, second, third = (items[p.id] for p in open_data.proposals[:3])
    # make_edition's amounts: 10,000 + 1,234 a year on, and a one-off cost in 2012.
    assert first["claimed"][0] == {"year": 2012, "structural": 11_234, "one_off": -5_000}
    assert [a["year"] for a in first["claimed"]] == [2012, 2013, 2014, 2015]
    assert first["claimed_total"] == sum(a["structural"] + a["one_off"] for a in first["claimed"])
    assert first["validated"][0] == {"year": 2012, "structural": 4_012, "one_off": -100}
    assert first["validated_counts"] is True
    assert second["validated"] is None  # only a legal review
    assert second["validated_counts"] is False
    assert third["validated"] is not None
    assert third["validated_counts"] is False  # the review needs another look
    assert first["state"] == "included"
    assert (first["theme"], first["theme_name"]) == ("onderwijs", "Onderwijs")
    assert first["url"] == f"http://testdorp.test/processen/dialoog/voorstellen/{first['id']}"
    assert first["api_url"] == f"http://testdorp.test{LIST}/{first['id']}"


def test_filters_by_theme_and_state(client: TestClient, open_data: OpenData) -> None:
    def ids(query: str) -> list[int]:
        body = client.get(f"{LIST}?{query}").json()
        assert body["total"] == len(body["items"])
        return [p["id"] for p in body["items"]]

    onderwijs = ids("theme=onderwijs")
    assert len(onderwijs) == 4  # three in the edition, one in discussion
    assert len(ids("theme=sport")) == 3
    assert ids("state=in_discussion") == [open_data.in_discussion.id]
    assert ids("theme=sport&state=in_discussion") == []
    assert ids("theme=nergens") == []
    assert client.get(f"{LIST}?state=draft").status_code == 422
    assert (
        "theme=onderwijs"
        in client.get(f"{LIST}?theme=onderwijs&per_page=1").json()["links"]["next"]
    )


def test_pages_walk_the_whole_list(client: TestClient, open_data: OpenData) -> None:
    everything = [p["id"] for p in client.get(LIST).json()["items"]]
    assert [p["id"] for p in _all_pages(client, f"{LIST}?per_page=2")] == everything
    first = client.get(f"{LIST}?per_page=2").json()
    assert (first["total"], first["page"], first["per_page"]) == (7, 1, 2)
    assert first["links"]["prev"] is None
    assert first["links"]["next"].endswith("per_page=2&page=2")
    last = client.get(f"{LIST}?per_page=2&page=4").json()
    assert len(last["items"]) == 1
    assert last["links"]["next"] is None
    beyond = client.get(f"{LIST}?per_page=2&page=9").json()
    assert beyond["items"] == []
    assert beyond["links"]["prev"].endswith("page=4")  # the last page that has items
    for wrong in ("per_page=0", "per_page=101", "page=0", "page=x", "page=100001"):
        assert client.get(f"{LIST}?{wrong}").status_code == 422, wrong


def test_the_detail_has_texts_budget_lines_and_reviews(
    client: TestClient, db: Session, open_data: OpenData
) -> None:
    first = open_data.proposals[0]
    with organization_scope(db, first.organization_id):
        line = db.scalars(select(BudgetLine).where(BudgetLine.code == "ON-1")).one()
        db.add(ProposalBudgetLine(proposal_id=first.id, budget_line_id=line.id))
        db.flush()
    body = client.get(f"{LIST}/{first.id}").json()
    assert body["id"] == first.id
    assert body["budget_lines"] == [{"code": "ON-1", "name": "Schoolgebouwen"}]
    assert [(r["kind"], r["verdict"]) for r in body["reviews"]] == [
        ("financial", "feasible"),
        ("legal", "on_conditions"),
    ]
    financial, legal = body["reviews"]
    assert financial["validated"] == body["validated"]
    assert legal["validated"] is None
    assert "Fleur" not in client.get(f"{LIST}/{first.id}").text  # no reviewer's name


def test_a_rejected_proposal_says_why(client: TestClient, db: Session, open_data: OpenData) -> None:
    proposal = open_data.in_discussion
    with organization_scope(db, proposal.organization_id):
        proposal.state, proposal.state_reason = "rejected", "Dit kan de wet niet aan."
        db.flush()
    body = client.get(f"{LIST}/{proposal.id}").json()
    assert (body["state"], body["state_reason"]) == ("rejected", "Dit kan de wet niet aan.")
    assert body["validated_counts"] is False


def test_drafts_and_other_municipalities_are_not_found(
    client: TestClient, open_data: OpenData
) -> None:
    other_id = open_data.other.entries[0].proposal_id
    for proposal_id in (open_data.draft.id, open_data.withdrawn_draft.id, other_id, 999_999):
        response = client.get(f"{LIST}/{proposal_id}")
        assert response.status_code == 404, proposal_id
        assert response.headers["content-type"] == "application/problem+json"
    listed = client.get(f"{LIST}?per_page=100").text
    for word in SECRET_WORDS:
        assert word not in listed


def test_the_public_states_are_every_state_but_draft() -> None:
    assert {s.value for s in PublicState} == {s.value for s in ProposalState} - {"draft"}
