"""Processes, their timeline and their themes with targets; each municipality sees only
its own."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.db import organization_scope
from app.processes.queries import overview
from tests.api.conftest import API, PROCESS, OpenData


def test_the_list_holds_the_municipalitys_processes(
    client: TestClient, open_data: OpenData
) -> None:
    body = client.get(f"{API}/processes").json()
    assert body["total"] == 1
    assert [p["slug"] for p in body["items"]] == ["dialoog"]
    item = body["items"][0]
    assert item["title"] == "Bezuinigingsdialoog"
    assert item["target_total"] == 6_200_000
    assert (item["first_year"], item["last_year"]) == (2012, 2015)
    assert item["current_phase"] == "council_decision"
    assert item["url"] == "http://testdorp.test/processen/dialoog"
    assert item["api_url"] == "http://testdorp.test/api/v1/processes/dialoog"


def test_a_process_has_its_phases_and_its_themes_targets(
    client: TestClient, db: Session, open_data: OpenData
) -> None:
    body = client.get(PROCESS).json()
    process = open_data.council.process
    with organization_scope(db, process.organization_id):
        expected = overview(db, process)  # what the process page shows
    assert [p["kind"] for p in body["phases"]] == [p.kind for p in expected.phases]
    assert [p["current"] for p in body["phases"]].count(True) == 1
    assert [t["slug"] for t in body["themes"]] == ["onderwijs", "sport"]
    for theme, summary in zip(body["themes"], expected.themes, strict=True):
        assert theme["target"] == summary.target
        assert theme["controllable"] == summary.controllable
        assert theme["budget_lines"] == summary.line_count
        assert [y["year"] for y in theme["years"]] == [2012, 2013, 2014, 2015]
        # The process page shows the last year's figures; the API every year's.
        assert theme["years"][-1]["claimed"] == summary.claimed
        assert theme["years"][-1]["validated"] == summary.validated
        assert theme["url"].endswith(f"/processen/dialoog/themas/{theme['slug']}")


def test_the_themes_list_pages(client: TestClient, open_data: OpenData) -> None:
    first = client.get(f"{PROCESS}/themes?per_page=1").json()
    assert first["total"] == 2
    assert [t["slug"] for t in first["items"]] == ["onderwijs"]
    assert first["links"]["prev"] is None
    second = client.get(first["links"]["next"]).json()
    assert [t["slug"] for t in second["items"]] == ["sport"]
    assert second["links"]["next"] is None
    assert second["links"]["prev"] == f"http://testdorp.test{PROCESS}/themes?per_page=1&page=1"


def test_another_municipalitys_processes_never_show(
    client: TestClient, open_data: OpenData
) -> None:
    assert [p["slug"] for p in client.get(f"{API}/processes").json()["items"]] == ["dialoog"]
    missing = client.get(f"{API}/processes/anders-proces")
    assert missing.status_code == 404
    assert "Andersdorp" not in client.get(PROCESS).text


def test_the_other_municipality_reads_its_own(app: FastAPI, open_data: OpenData) -> None:
    with TestClient(app, base_url="http://andersdorp.test") as other:
        slugs = [p["slug"] for p in other.get(f"{API}/processes").json()["items"]]
        proposals = other.get(f"{PROCESS}/proposals").json()["items"]
    assert sorted(slugs) == ["anders-proces", "dialoog"]
    assert proposals
    assert all(p["title"].startswith("Andersdorp") for p in proposals)
