"""The accessibility statement and printing, in a real browser: the footer leads to the
statement, which passes its own scan; a published item prints without the site's
header, menus and forms."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import Axe

PROCESS = "/processen/bezuinigingsdialoog-2012-2015"


def test_the_footer_leads_to_the_accessibility_statement(
    page: Page, live_server: str, axe: Axe
) -> None:
    page.goto(live_server + "/")
    axe.check()
    # By its address: its words are translated after this revision.
    page.locator('footer a[href="/toegankelijkheid"]').click()
    expect(page).to_have_url(re.compile(r"/toegankelijkheid$"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="info@zeist.example")).to_be_visible()
    axe.check()


def test_a_process_prints_without_header_menus_and_forms(
    page: Page, live_server: str, axe: Axe
) -> None:
    page.goto(live_server + PROCESS)
    axe.check()
    feed = page.locator('a[type="application/atom+xml"]')
    expect(feed).to_have_attribute("href", PROCESS + "/publicaties.atom")
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.locator("main form")).to_have_count(0)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.emulate_media(media="screen")
    expect(page.locator(".site-header")).to_be_visible()
