"""The admin sets up a small process from a CSV; a visitor reads the result. Every page on
the way gets an accessibility scan."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from app.demo.data import DEMO_PASSWORD
from tests.e2e.conftest import Axe
from tests.factories import SMALL_BUDGET


def test_an_admin_sets_up_a_process_and_the_public_reads_it(
    page: Page, live_server: str, axe: Axe, tmp_path: Path
) -> None:
    page.goto(live_server + "/aanmelden?volgende=/beheer/processen")
    axe.check()
    page.get_by_label("E-mailadres").fill("beheer@zeist.example")
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Processen")
    axe.check()

    page.get_by_label("Titel").fill("Proefdialoog 2030")
    page.get_by_label("Soort").select_option("dialogue")
    page.get_by_label("Taakstelling per jaar").fill("1.000.000")
    page.get_by_label("Eerste jaar").fill("2030")
    page.get_by_label("Laatste jaar").fill("2033")
    page.get_by_label("Begindatum").fill("2029-09-01")
    page.get_by_role("button", name="Proces starten").click()
    expect(page).to_have_url(re.compile(r"/beheer/processen/proefdialoog-2030$"))
    axe.check()

    csv_file = tmp_path / "begroting.csv"
    csv_file.write_text(SMALL_BUDGET, encoding="utf-8")
    page.get_by_label("CSV-bestand").set_input_files(str(csv_file))
    page.get_by_role("button", name="Importeren").click()
    expect(page.locator("#messages")).to_contain_text("3 nieuwe")
    expect(page.get_by_role("rowheader", name="Onderwijs 2 begrotingsposten")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Onderwijs", exact=True)).to_be_visible()  # its group
    axe.check()

    page.get_by_label("Nieuw kader: titel").fill("Structureel")
    page.get_by_label("Nieuw kader: tekst").fill("Alle voorstellen besparen structureel.")
    page.get_by_role("button", name="Kader toevoegen").click()
    expect(page.locator("#messages")).to_contain_text("toegevoegd")
    axe.check()

    page.get_by_role("link", name="Bekijk de openbare pagina").click()
    # The admin's page has the same heading, and its address ends the same way
    # (/beheer/processen/...): wait for the public address itself.
    expect(page).to_have_url(re.compile(r"^https?://[^/]+/processen/proefdialoog-2030$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Proefdialoog 2030")
    expect(page.get_by_text("€ 1.000.000").first).to_be_visible()
    axe.check()
    page.get_by_role("link", name="Onderwijs").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Onderwijs")
    expect(page.get_by_text("4.2 Onderwijshuisvesting")).to_be_visible()
    axe.check()


def test_a_visitor_reads_the_zeist_dialogue(page: Page, live_server: str, axe: Axe) -> None:
    page.goto(live_server + "/")
    axe.check()
    page.get_by_role("link", name="Bezuinigingsdialoog 2012–2015").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bezuinigingsdialoog 2012–2015")
    expect(page.get_by_text("€ 6.200.000").first).to_be_visible()
    # The demo's dialogue has come to its last phase: the council has decided.
    expect(page.locator('[aria-current="step"]')).to_contain_text("Besluit van de raad")
    expect(page.locator(".theme-card")).to_have_count(8)
    axe.check()
    page.get_by_role("link", name="Burger en Bestuur").click()
    expect(page.get_by_text("Ruud (Chef Burger en Bestuur)")).to_be_visible()
    axe.check()


def test_the_process_pages_reflow_on_a_narrow_screen(
    page: Page, live_server: str, axe: Axe
) -> None:
    """WCAG 1.4.10 at 320 CSS pixels; budget tables may scroll inside their own box."""
    page.set_viewport_size({"width": 320, "height": 640})
    for path in (
        "/processen/bezuinigingsdialoog-2012-2015",
        "/processen/bezuinigingsdialoog-2012-2015/themas/onderwijs",
    ):
        page.goto(live_server + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
        axe.check()
