"""Annelies downloads everything the platform holds about her, and the admin reads the
record of processing. Every page on the way gets an accessibility scan."""

from __future__ import annotations

import re
import zipfile

from playwright.sync_api import Page, expect

from app.demo.data import DEMO_PASSWORD
from tests.e2e.conftest import Axe


def _sign_in(page: Page, live_server: str, axe: Axe, email: str, then: str) -> None:
    page.goto(f"{live_server}/aanmelden?volgende={then}")
    axe.check()
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    # The path itself, not "?volgende=<then>" of the sign-in page.
    expect(page).to_have_url(re.compile(r"^[^?]*" + re.escape(then) + "$"))


def test_annelies_downloads_her_data(page: Page, live_server: str, axe: Axe) -> None:
    _sign_in(page, live_server, axe, "annelies@zeist.example", "/profiel")
    axe.check()
    page.locator('a[href="/profiel/gegevens"]').click()
    expect(page).to_have_url(re.compile(r"^[^?]*/profiel/gegevens$"))
    expect(page.locator("#exports")).to_be_visible()
    axe.check()

    page.locator('form[action="/profiel/gegevens"] button[type="submit"]').click()
    expect(page).to_have_url(re.compile(r"/profiel/gegevens(#exports)?$"))
    # The job runs in the app's background thread; the list asks again every 2 s. The
    # download is a plain link (not boosted): the browser saves the file.
    ready = page.locator('#exports [data-state="ready"] a')
    expect(ready).to_be_visible(timeout=20_000)
    axe.check()

    with page.expect_download() as info:
        ready.click()
    download = info.value
    assert re.fullmatch(r"dialoog-export-\d{4}-\d{2}-\d{2}\.zip", download.suggested_filename)
    with zipfile.ZipFile(download.path()) as archive:
        names = archive.namelist()
        assert "README.txt" in names
        assert "json/profile.json" in names
        assert "annelies@zeist.example" in archive.read("json/profile.json").decode()


def test_the_admin_reads_the_record_of_processing(page: Page, live_server: str, axe: Axe) -> None:
    _sign_in(page, live_server, axe, "beheer@zeist.example", "/")
    axe.check()
    page.locator('a[href="/beheer/privacy"]').click()
    expect(page).to_have_url(re.compile(r"/beheer/privacy$"))
    expect(page.locator('[data-kind="account"]')).to_be_visible()
    expect(page.locator('[data-kind="account"] [data-table="users"]')).to_contain_text("email")
    axe.check()
