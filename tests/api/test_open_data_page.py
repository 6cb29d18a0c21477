"""The site's open-data page: what the API offers, its OpenAPI document, the CSV files of
every process."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.api.conftest import OpenData

PAGE = "/open-data"
BASE = "http://testdorp.test/api/v1"


def test_the_page_links_the_document_and_every_file(
    client: TestClient, open_data: OpenData
) -> None:
    client.cookies.set("dialoog_lang", "en")
    response = client.get(PAGE)
    assert response.status_code == 200
    html = response.text
    assert len(re.findall(r"<h1\b", html)) == 1
    assert '<h1 class="utrecht-heading-1">Open data</h1>' in html
    assert 'aria-label="Breadcrumb"' in html
    assert f'href="{BASE}/openapi.json"' in html
    for name in ("proposals", "themes", "reviews", "product-sheets", "amendments"):
        assert f'href="{BASE}/processes/dialoog/{name}.csv" download>' in html
    assert "Proposals (CSV)" in html
    assert f'href="{BASE}/processes/dialoog"' in html
    # Another municipality's process is not offered.
    assert "anders-proces" not in html
    # Every link the page offers works.
    for link in re.findall(rf'href="({re.escape(BASE)}[^"]*)"', html):
        assert client.get(link).status_code == 200, link


def test_the_page_says_so_when_there_is_no_process(client: TestClient) -> None:
    client.cookies.set("dialoog_lang", "en")
    assert "There are no processes yet." in client.get(PAGE).text
