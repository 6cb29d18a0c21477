"""The council's amendments (public once the edition is with the council) with their votes
and effect per year, and the decision (only once published)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.access.permissions import can
from app.council.queries import council_book
from app.db import organization_scope
from tests.api.conftest import PROCESS, OpenData
from tests.council.conftest import Council
from tests.council.decision_setup import CHANGED_AMOUNTS, CONDITION, CORRECTION, decide

AMENDMENTS = f"{PROCESS}/amendments"
DECISION = f"{PROCESS}/decision"


def test_before_the_council_has_the_edition_there_is_nothing(
    client: TestClient, council: Council
) -> None:
    body = client.get(AMENDMENTS).json()
    assert (body["total"], body["items"]) == (0, [])
    assert client.get(DECISION).status_code == 404
    assert len(client.get(f"{AMENDMENTS}.csv").text.splitlines()) == 1


def test_amendments_are_public_while_the_decision_is_not(
    client: TestClient, db: Session, submitted: Council
) -> None:
    decide(db, submitted, publish=False)
    assert not can(None, "council.read_decision", submitted.decision)
    response = client.get(DECISION)
    assert response.status_code == 404
    assert response.json()["detail"] == "The council's decision is not published (yet)."
    assert client.get(AMENDMENTS).json()["total"] == 5


def test_each_amendment_with_its_votes_and_effect(client: TestClient, open_data: OpenData) -> None:
    items = {a["label"]: a for a in client.get(AMENDMENTS).json()["items"]}
    assert list(items) == ["A1", "A2", "A3", "A4", "A5"]
    a1, a2, a3 = items["A1"], items["A2"], items["A3"]
    assert (a1["kind"], a1["state"]) == ("strike", "carried")
    assert (a1["filed_by"], a1["party"]) == ("Joost", "Groen Links Zeist")
    assert a1["cosigners"] == [
        {"name": "Marieke", "party": "Lokaal Belang"},
        {"name": "Henk", "party": ""},
    ]
    claimed = {a["year"]: a["structural"] for a in _sheet(client, a1["proposal_id"])}
    assert {e["year"]: e["change"] for e in a1["effect"]} == {y: -v for y, v in claimed.items()}
    # A2 was recorded defeated per party, then corrected to carried.
    assert [(v["mode"], v["carried"], v["correction"]) for v in a2["votes"]] == [
        ("parties", False, False),
        ("counts", True, True),
    ]
    assert a2["votes"][1]["reason"] == CORRECTION
    assert a2["votes"][0]["parties"][0] == {"party": "Lokaal Belang", "seats": 7, "vote": "for"}
    assert a2["state"] == "carried"
    assert a2["amounts"][1] == {"year": 2013, "structural": 2_500, "one_off": 500}
    assert a3["condition"] == CONDITION
    assert a3["amounts"] is None
    assert items["A5"]["state"] == "withdrawn"
    assert items["A5"]["withdrawn_at"] is not None
    assert a1["url"].endswith("/processen/dialoog/raad/amendementen/1")
    page = client.get(f"{AMENDMENTS}?per_page=2&page=3").json()
    assert [a["label"] for a in page["items"]] == ["A5"]
    assert page["total"] == 5


def _sheet(client: TestClient, proposal_id: int) -> list[dict[str, int]]:
    sheets = client.get(f"{PROCESS}/product-sheets").json()["items"]
    effect: list[dict[str, int]] = next(
        s["financial_effect"] for s in sheets if s["proposal_id"] == proposal_id
    )
    return effect


def test_the_published_decision_is_the_adopted_package(
    client: TestClient, db: Session, open_data: OpenData
) -> None:
    decision = open_data.council.decision
    assert decision is not None
    with organization_scope(db, decision.organization_id):
        book = council_book(db, decision)
    body = client.get(DECISION).json()
    assert (body["state"], body["adopted"], body["edition"]) == ("published", True, 1)
    assert [v["correction"] for v in body["final_votes"]] == [False, True]
    assert body["years"] == [2012, 2013, 2014, 2015]
    assert [t["theme"] for t in body["themes"]] == ["onderwijs", "sport"]
    for theme, row in zip(body["themes"], book.package.themes, strict=True):
        assert {y["year"]: y["adopted"] for y in theme["years"]} == row.adopted
        assert {y["year"]: y["submitted"] for y in theme["years"]} == row.submitted
        assert theme["target"] == row.target
    total = body["total"]
    assert total["theme"] is None
    assert total["target"] == 6_200_000
    assert {y["year"]: y["adopted"] for y in total["years"]} == book.package.total.adopted
    assert total["struck"] == 1
    statuses = {m["number"]: (m["status"], m["amendments"]) for m in body["measures"]}
    assert statuses["1.1"] == ("struck", ["A1"])
    assert statuses["1.2"] == ("changed", ["A2"])
    assert statuses["2.1"] == ("condition", ["A3"])
    assert statuses["2.2"] == ("adopted", [])  # A4 was defeated
    struck = next(m for m in body["measures"] if m["number"] == "1.1")
    assert all(a["structural"] == a["one_off"] == 0 for a in struck["adopted"])
    changed = next(m for m in body["measures"] if m["number"] == "1.2")
    assert {a["year"]: [a["structural"], a["one_off"]] for a in changed["adopted"]} == {
        int(y): v for y, v in CHANGED_AMOUNTS.items()
    }
    condition = next(m for m in body["measures"] if m["number"] == "2.1")
    assert condition["conditions"] == [CONDITION]
    assert body["url"] == "http://testdorp.test/processen/dialoog/raad/besluit"
