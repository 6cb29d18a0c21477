"""Erik deletes his own account from his profile; the admin erases Wim's on his request.
Every page on the way gets an accessibility scan.

The new words may still be English until the lead merges their Dutch, so the steps find
things by element id and link address, and wait for a message by its element."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from app.demo.data import DEMO_PASSWORD
from tests.e2e.conftest import Axe

PASSWORD = "een boot op de vecht bij maarssen"


def _register(page: Page, live_server: str, axe: Axe, name: str, email: str) -> None:
    page.goto(live_server + "/registreren")
    axe.check()
    page.get_by_label("Naam die anderen zien").fill(name)
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_label("Ik heb de privacyverklaring gelezen").check()
    page.get_by_role("button", name="Account maken").click()
    expect(page).to_have_url(re.compile(r"/profiel$"))
    expect(page.locator("#messages .utrecht-alert")).to_be_visible()
    axe.check()


def test_erik_deletes_his_account(page: Page, live_server: str, axe: Axe) -> None:
    _register(page, live_server, axe, "Erik E.", "erik.e2e@example.org")
    page.locator('a[href="/profiel/verwijderen"]').click()
    expect(page).to_have_url(re.compile(r"/profiel/verwijderen$"))
    expect(page.locator("#what-stays")).to_be_visible()
    axe.check()

    page.locator("#field-password").fill("dit is niet mijn wachtwoord")
    page.locator("#erase-own-form button[type=submit]").click()
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator("#field-password")).to_have_attribute("aria-invalid", "true")
    axe.check()

    page.locator("#field-password").fill(PASSWORD)
    page.locator("#erase-own-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.locator("#messages .utrecht-alert")).to_be_visible()
    expect(page.get_by_role("link", name="Erik E.")).to_have_count(0)  # signed out
    axe.check()

    # The account is gone: signing in with it fails.
    page.goto(live_server + "/aanmelden")
    axe.check()
    page.get_by_label("E-mailadres").fill("erik.e2e@example.org")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("alert")).to_contain_text("klopt niet")
    axe.check()


def test_the_admin_erases_an_account_on_request(page: Page, live_server: str, axe: Axe) -> None:
    _register(page, live_server, axe, "Wim W.", "wim.e2e@example.org")
    page.get_by_role("button", name="Afmelden").click()
    expect(page.locator("#messages")).to_contain_text("U bent afgemeld")
    axe.check()

    page.goto(live_server + "/aanmelden?volgende=/beheer/rollen")
    axe.check()
    page.get_by_label("E-mailadres").fill("beheer@zeist.example")
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    # (Anchored at the port: the sign-in page's own address ends in "/beheer/rollen" too.)
    expect(page).to_have_url(re.compile(r":\d+/beheer/rollen$"))
    axe.check()
    page.locator('a[href="/beheer/privacy/wissen"]').click()
    expect(page).to_have_url(re.compile(r"/beheer/privacy/wissen$"))
    axe.check()

    page.locator("#field-email").fill("wim.e2e@example.org")
    page.locator("#erase-any-form button[type=submit]").click()
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator("#field-email")).to_have_value("wim.e2e@example.org")
    axe.check()

    page.locator("#field-reason").fill("Brief van 3 maart, kenmerk 2026-041")
    page.locator("#field-confirmed").check()
    page.locator("#erase-any-form button[type=submit]").click()
    expect(page.locator("#messages .utrecht-alert")).to_be_visible()
    expect(page.locator("#error-summary")).to_have_count(0)
    axe.check()

    # A second time: the address is not known any more.
    page.locator("#field-email").fill("wim.e2e@example.org")
    page.locator("#field-reason").fill("Nog eens")
    page.locator("#field-confirmed").check()
    page.locator("#erase-any-form button[type=submit]").click()
    expect(page.locator("#error-summary")).to_be_visible()
    axe.check()
