"""A visitor finds the open data from the footer and downloads a process's proposals as a
CSV file that Excel with Dutch settings opens as it is."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.conftest import Axe

SLUG = "bezuinigingsdialoog-2012-2015"


def test_the_open_data_page_and_a_csv_download(page: Page, live_server: str, axe: Axe) -> None:
    page.goto(live_server + "/")
    axe.check()
    page.get_by_role("contentinfo").get_by_role("link", name="Open data").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Open data")
    axe.check()
    link = page.locator(f'a[href$="/api/v1/processes/{SLUG}/proposals.csv"]')
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == f"{SLUG}-proposals.csv"
    content = Path(download.path()).read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows
    assert all(row["url"].endswith(f"/voorstellen/{row['id']}") for row in rows)
    # Still the same page: htmx did not swap the file in.
    expect(page.get_by_role("heading", level=1)).to_have_text("Open data")
