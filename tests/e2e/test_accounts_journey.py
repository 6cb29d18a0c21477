"""Annelies creates an account, confirms it from her mail, signs out and in again; the
admin gives her a role. Every page on the way gets an accessibility scan."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from app.demo.data import DEMO_PASSWORD
from tests.e2e.conftest import Axe, wait_for_mail
from tests.mailbox import SmtpServer

PASSWORD = "mijn fiets staat bij het station"


def test_annelies_registers_confirms_and_signs_in_again(
    page: Page, live_server: str, axe: Axe, smtp_server: SmtpServer
) -> None:
    page.goto(live_server + "/")
    page.get_by_role("link", name="Account maken").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Account maken")
    axe.check()

    # First without filling in anything: every problem is named, at its field.
    page.get_by_role("button", name="Account maken").click()
    expect(page.get_by_role("alert")).to_contain_text("Verbeter 4 punten")
    axe.check()

    page.get_by_label("Naam die anderen zien").fill("Annelies B.")
    page.get_by_label("E-mailadres").fill("annelies.b@example.org")
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_label("Ik heb de privacyverklaring gelezen").check()
    page.get_by_role("button", name="Account maken").click()
    expect(page).to_have_url(re.compile(r"/profiel$"))
    expect(page.locator("#messages")).to_contain_text("Welkom!")
    expect(page.get_by_text("nog niet bevestigd")).to_be_visible()
    axe.check()

    body = wait_for_mail(smtp_server.mailbox, "annelies.b@example.org")
    link = re.search(r"https?://\S+/bevestigen/\S+", body)
    assert link, body
    page.goto(link.group(0))
    expect(page.locator("#messages")).to_contain_text("uw e-mailadres is bevestigd")
    expect(page.get_by_text("nog niet bevestigd")).to_have_count(0)
    axe.check()

    page.get_by_role("button", name="Afmelden").click()
    expect(page.locator("#messages")).to_contain_text("U bent afgemeld")
    axe.check()

    page.get_by_role("link", name="Aanmelden").click()
    axe.check()
    page.get_by_label("E-mailadres").fill("annelies.b@example.org")
    page.get_by_label("Wachtwoord").fill("niet het goede")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("alert")).to_contain_text("klopt niet")
    axe.check()
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("link", name="Annelies B.")).to_be_visible()
    axe.check()


def test_the_admin_gives_a_role(page: Page, live_server: str, axe: Axe) -> None:
    page.goto(live_server + "/aanmelden?volgende=/beheer/rollen")
    axe.check()
    page.get_by_label("E-mailadres").fill("beheer@zeist.example")
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page).to_have_url(re.compile(r"/beheer/rollen$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Rollen")
    axe.check()

    page.get_by_label("E-mailadres van het account").fill("annelies@zeist.example")
    page.get_by_label("Rol", exact=True).select_option("steering")
    page.get_by_role("button", name="Rol geven").click()
    expect(page.locator("#messages")).to_contain_text("is nu Regiegroep")
    expect(
        page.get_by_role("row").filter(has_text="Annelies").filter(has_text="Regiegroep")
    ).to_be_visible()
    axe.check()


def test_forgotten_password_pages_are_accessible(page: Page, live_server: str, axe: Axe) -> None:
    page.goto(live_server + "/wachtwoord-vergeten")
    axe.check()
    page.get_by_label("E-mailadres").fill("niemand@example.org")
    page.get_by_role("button", name="Stuur de link").click()
    expect(page.get_by_role("status").filter(has_text="Als er een account is")).to_be_visible()
    axe.check()


def test_a_password_reset_from_the_mail(
    page: Page, live_server: str, axe: Axe, smtp_server: SmtpServer
) -> None:
    page.goto(live_server + "/wachtwoord-vergeten")
    axe.check()
    page.get_by_label("E-mailadres").fill("jurist@zeist.example")
    page.get_by_role("button", name="Stuur de link").click()
    expect(page.get_by_role("status").filter(has_text="Als er een account is")).to_be_visible()
    axe.check()

    body = wait_for_mail(smtp_server.mailbox, "jurist@zeist.example")
    link = re.search(r"https?://\S+/wachtwoord-herstellen/\S+", body)
    assert link, body
    page.goto(link.group(0))
    expect(page.get_by_role("heading", level=1)).to_have_text("Kies een nieuw wachtwoord")
    axe.check()
    page.get_by_label("Nieuw wachtwoord").fill("kort")
    page.get_by_role("button", name="Nieuw wachtwoord opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("ten minste 8 tekens")
    axe.check()
    page.get_by_label("Nieuw wachtwoord").fill("de jurist kiest een nieuwe zin")
    page.get_by_role("button", name="Nieuw wachtwoord opslaan").click()
    expect(page.locator("#messages")).to_contain_text("Uw wachtwoord is gewijzigd")
    axe.check()

    page.goto(link.group(0))  # a second time: used up
    expect(page.get_by_role("alert")).to_contain_text("al gebruikt")
    axe.check()

    page.goto(live_server + "/dev/postvak")
    expect(page.get_by_role("heading", level=2).first).to_be_visible()
    axe.check()
