"""The CSV downloads: the same lists, whole, as Excel with Dutch settings opens them
(semicolons, a byte-order mark) and as any CSV reader reads them back."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.db import organization_scope
from tests.api.conftest import PROCESS, SECRET_WORDS, OpenData

LISTS = ("proposals", "themes", "reviews", "product-sheets", "amendments")


def _rows(client: TestClient, path: str) -> list[dict[str, str]]:
    response = client.get(path)
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


@pytest.mark.parametrize("name", LISTS)
def test_each_list_as_csv_has_a_row_per_item(
    client: TestClient, open_data: OpenData, name: str
) -> None:
    response = client.get(f"{PROCESS}/{name}.csv")
    assert response.content.startswith(b"\xef\xbb\xbf")  # the byte-order mark
    assert response.headers["content-type"] == "text/csv; charset=utf-8; header=present"
    assert response.headers["content-disposition"] == f'attachment; filename="dialoog-{name}.csv"'
    header = response.content.split(b"\r\n")[0]
    assert len(header.split(b";")) > 10  # semicolons, and the lines end as Excel ends them
    total = client.get(f"{PROCESS}/{name}").json()["total"]
    assert len(_rows(client, f"{PROCESS}/{name}.csv")) == total > 0
    for word in SECRET_WORDS:
        assert word not in response.text


def test_proposals_csv_carries_the_amounts_per_year(
    client: TestClient, open_data: OpenData
) -> None:
    rows = {int(r["id"]): r for r in _rows(client, f"{PROCESS}/proposals.csv")}
    first, second = (rows[p.id] for p in open_data.proposals[:2])
    assert first["claimed_structural_2012"] == "11234"
    assert first["claimed_one_off_2012"] == "-5000"
    assert first["validated_structural_2015"] == "4015"
    assert first["validated_counts"] == "true"
    assert second["validated_structural_2012"] == ""  # not validated: empty, not zero
    assert first["url"].endswith(f"/processen/dialoog/voorstellen/{first['id']}")
    assert len(_rows(client, f"{PROCESS}/proposals.csv?theme=sport")) == 3
    assert client.get(f"{PROCESS}/proposals.csv?state=draft").status_code == 422


def test_texts_with_separators_and_lines_survive(
    client: TestClient, db: Session, open_data: OpenData
) -> None:
    proposal = open_data.proposals[0]
    title = 'Zwembad; "De Vijver"\nen de sporthal – €'
    with organization_scope(db, proposal.organization_id):
        proposal.title = title
        db.flush()
    rows = _rows(client, f"{PROCESS}/proposals.csv")
    assert next(r for r in rows if r["id"] == str(proposal.id))["title"] == title


def test_amendments_csv_has_the_vote_that_counts(client: TestClient, open_data: OpenData) -> None:
    rows = {r["label"]: r for r in _rows(client, f"{PROCESS}/amendments.csv")}
    a1, a2 = rows["A1"], rows["A2"]
    assert a1["cosigners"] == "Marieke (Lokaal Belang), Henk"
    assert (a2["votes_for"], a2["votes_against"], a2["carried"]) == ("11", "6", "true")
    assert a2["amounts_structural_2013"] == "2500"
    assert rows["A3"]["amounts_structural_2013"] == ""
    assert rows["A5"]["votes_for"] == ""  # withdrawn before a vote
    assert int(a1["effect_2015"]) < 0


def test_themes_csv_has_targets_and_figures_per_year(
    client: TestClient, open_data: OpenData
) -> None:
    themes = client.get(f"{PROCESS}/themes").json()["items"]
    rows = _rows(client, f"{PROCESS}/themes.csv")
    for row, theme in zip(rows, themes, strict=True):
        assert row["slug"] == theme["slug"]
        assert row["target"] == str(theme["target"])
        assert row["claimed_2015"] == str(theme["years"][-1]["claimed"])
        assert row["validated_2015"] == str(theme["years"][-1]["validated"])
