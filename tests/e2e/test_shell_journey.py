"""The web shell in a real browser: keyboard, language, htmx, organizations, reflow."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import Axe


def test_home_page_works_with_the_keyboard(page: Page, live_server: str, axe: Axe) -> None:
    page.goto(live_server + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Bezuinigingsdialoog van Gemeente Zeist"
    )
    axe.check()
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_switching_to_english_is_remembered(page: Page, live_server: str, axe: Axe) -> None:
    page.goto(live_server + "/")
    axe.check()
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Savings dialogue of Gemeente Zeist")
    axe.check()
    page.reload()
    expect(page.get_by_role("link", name="Skip to content")).to_be_attached()
    axe.check()
    page.get_by_role("button", name="Nederlands").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    axe.check()


def test_links_are_boosted_by_htmx(page: Page, live_server: str, axe: Axe) -> None:
    page.goto(live_server + "/")
    axe.check()
    page.evaluate("window.stillTheSameDocument = true")
    page.get_by_role("link", name="Over de Bezuinigingsdialoog").click()
    expect(page).to_have_url(re.compile(r"/pagina/over-de-dialoog$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Over de Bezuinigingsdialoog")
    expect(page).to_have_title(re.compile("Over de Bezuinigingsdialoog"))
    # htmx swapped the body instead of loading a new document: the script ran under the CSP.
    assert page.evaluate("window.stillTheSameDocument") is True
    axe.check()


def test_each_municipality_on_its_own_host(page: Page, live_server: str, axe: Axe) -> None:
    hoogeveen = live_server.replace("127.0.0.1", "hoogeveen.localhost")
    page.goto(hoogeveen + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Bezuinigingsdialoog van Gemeente Hoogeveen"
    )
    border = page.locator(".site-header").evaluate("e => getComputedStyle(e).borderBottomColor")
    assert border == "rgb(138, 21, 56)"  # Hoogeveen's brand colour from its design tokens
    axe.check()


def test_a_missing_page_is_an_accessible_404(page: Page, live_server: str, axe: Axe) -> None:
    response = page.goto(live_server + "/bestaat-niet")
    assert response is not None
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Pagina niet gevonden")
    axe.check()


def test_the_page_reflows_on_a_narrow_screen(page: Page, live_server: str, axe: Axe) -> None:
    """WCAG 1.4.10: at 320 CSS pixels (400% zoom of 1280) nothing scrolls sideways."""
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server + "/pagina/over-de-dialoog")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    axe.check()


def test_the_accessibility_scan_does_catch_problems(page: Page, live_server: str, axe: Axe) -> None:
    """Guards the guard: a scan that finds nothing must be because there is nothing."""
    page.goto(live_server + "/")
    axe.check()
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend',"
        ' \'<img src="/static/img/favicon.svg"><input type="text">\')'
    )
    with pytest.raises(AssertionError, match="image-alt"):
        axe.check()
