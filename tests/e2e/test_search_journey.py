"""A visitor searches the demo in Dutch from the header: "bibliotheek" finds a proposal that
says only "bibliotheken", the filters narrow it down, the result opens, and its theme's
proposals download as CSV with the amounts the database holds. A search that finds nothing
offers wider ones, and a bad amount is named at its field. Every page gets an axe scan."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from playwright.sync_api import Page, expect
from sqlalchemy import select

from app.db import make_engine, make_session_factory
from app.models import Proposal
from tests.e2e.conftest import Axe

# Its title says "bibliotheekvestiging" (another stem); only its measure says "bibliotheken".
TITLE = "Kleine bibliotheekvestiging sluiten"
THEME = "Cultuur en Sociale economie"


def test_search_filter_open_a_result_and_download_its_list(
    page: Page, live_server: str, live_database: str, axe: Axe
) -> None:
    page.goto(live_server + "/")
    axe.check()
    page.locator("#site-search").fill("bibliotheek")
    page.locator("#site-search").press("Enter")
    expect(page).to_have_url(re.compile(r"/zoeken\?q=bibliotheek$"))
    exact_title = page.get_by_role("link", name=TITLE, exact=True)
    result = page.locator(".search-result").filter(has=exact_title)
    expect(result).to_have_count(1)
    expect(result.locator("mark", has_text=re.compile("^bibliotheken$")).first).to_be_visible()
    axe.check()

    page.locator("#field-thema").select_option(label=THEME)
    page.locator("#field-status").select_option("proposal.included")
    page.locator("form.search-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"status=proposal.included"))
    titles = page.locator(".search-result__title")
    assert TITLE in titles.all_inner_texts()
    axe.check()

    titles.get_by_role("link", name=TITLE, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    axe.check()
    page.get_by_role("navigation", name="Kruimelpad").get_by_role("link").last.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Voorstellen over {THEME}")
    axe.check()

    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile(r"\(CSV\)$")).click()
    content = Path(info.value.path()).read_bytes()
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert {row["theme"] for row in rows} == {"cultuur-en-sociale-economie"}
    [row] = [row for row in rows if row["title"] == TITLE]
    engine = make_engine(live_database)
    with make_session_factory(engine)() as db:
        db.info["all_organizations"] = True
        proposal = db.scalars(select(Proposal).where(Proposal.title == TITLE)).one()
    engine.dispose()
    assert (int(row["id"]), int(row["claimed_total"])) == (proposal.id, proposal.claimed_total)


def test_nothing_found_offers_wider_searches_and_bad_amounts_are_named(
    page: Page, live_server: str, axe: Axe
) -> None:
    page.goto(live_server + "/zoeken?q=bibliotheek&min=900.000")
    expect(page.locator(".search-result")).to_have_count(0)
    wider = page.locator(".search-empty a")
    expect(wider).to_have_count(1)
    axe.check()
    wider.click()
    expect(page).to_have_url(re.compile(r"/zoeken\?q=bibliotheek$"))
    expect(page.locator(".search-result").first).to_be_visible()
    axe.check()

    page.goto(live_server + "/zoeken?q=bibliotheek&max=veel")
    expect(page.locator("#max-error")).to_be_visible()
    expect(page.locator("#field-max")).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".search-result").first).to_be_visible()  # the rest still searched
    axe.check()
