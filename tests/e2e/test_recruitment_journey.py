"""Karin applies to a theme group, the chef accepts her and plans an evening, Karin finds
the invitation in her mail and registers. Staff answer the call for chefs and the admin
chooses. Every page on the way gets an accessibility scan."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.access.roles import Role
from app.db import make_engine, make_session_factory, organization_scope
from app.demo.data import DEMO_PASSWORD
from app.models import Group, Organization
from app.processes import service
from app.processes.budget_import import import_budget_lines
from tests.e2e.conftest import Axe, wait_for_mail
from tests.factories import DEFAULT_PASSWORD, SMALL_BUDGET, make_process, make_user
from tests.mailbox import SmtpServer

PROCESS = "/processen/werving-2030"
TODAY = datetime.now(UTC).date()


@pytest.fixture(scope="module")
def recruiting(live_database: str) -> None:
    """A dialogue still recruiting (the demo's Zeist dialogue is past that), with a chef
    for Onderwijs, a citizen and a staff member."""
    engine = make_engine(live_database)
    factory: sessionmaker[Session] = make_session_factory(engine)
    with factory.begin() as db:
        zeist = db.scalars(select(Organization).where(Organization.slug == "zeist")).one()
        process = make_process(
            db, zeist, slug="werving-2030", title="Werving 2030", starts_on=TODAY
        )
        chef = make_user(db, zeist, email="chef.werving@zeist.example", display_name="Wim (chef)")
        make_user(db, zeist, email="karin@zeist.example", display_name="Karin")
        make_user(
            db, zeist, email="medewerker@zeist.example", display_name="Mo", roles=[Role.OFFICIAL]
        )
        with organization_scope(db, zeist.id):
            import_budget_lines(db, "test", process, SMALL_BUDGET.encode())
            onderwijs = db.scalars(
                select(Group).where(Group.slug == "onderwijs", Group.process_id == process.id)
            ).one()
            service.assign_chef(db, "test", onderwijs, chef)
    engine.dispose()


def _sign_in(page: Page, live_server: str, axe: Axe, email: str, password: str, then: str) -> None:
    page.goto(f"{live_server}/aanmelden?volgende={then}")
    axe.check()
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page).to_have_url(live_server + then)
    axe.check()


def _sign_out(page: Page) -> None:
    page.get_by_role("button", name="Afmelden").click()
    expect(page.locator("#messages")).to_contain_text("U bent afgemeld")


def test_a_citizen_applies_is_accepted_and_registers_for_an_evening(
    page: Page, live_server: str, axe: Axe, smtp_server: SmtpServer, recruiting: None
) -> None:
    _sign_in(page, live_server, axe, "karin@zeist.example", DEFAULT_PASSWORD, PROCESS)
    axe.check()
    page.get_by_role("link", name="Onderwijs").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Onderwijs")
    axe.check()
    page.get_by_role("link", name="Aanmelden als expert voor Onderwijs").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanmelden voor Onderwijs")
    axe.check()

    # Nothing ticked: the page says so and keeps the motivation.
    page.get_by_label("Waarom wilt u meedoen?").fill("Mijn kinderen gaan hier naar school.")
    page.get_by_role("button", name="Aanmelding versturen").click()
    expect(page.get_by_role("alert")).to_contain_text("Vink ten minste één aan")
    expect(page.get_by_label("Waarom wilt u meedoen?")).to_have_value(
        "Mijn kinderen gaan hier naar school."
    )
    axe.check()

    page.get_by_label("Ik heb belang").check()
    page.get_by_label("Wat is uw belang?").fill("Twee kinderen op de basisschool.")
    page.get_by_label("ON-2 Leerlingenvervoer").check()
    page.get_by_role("button", name="Aanmelding versturen").click()
    expect(page).to_have_url(re.compile(r"/profiel/aanmeldingen$"))
    expect(page.get_by_text("Wacht op een besluit")).to_be_visible()
    axe.check()
    _sign_out(page)
    axe.check()

    # The chef sees it under the bell and in the coverage view, and accepts.
    wait_for_mail(smtp_server.mailbox, "chef.werving@zeist.example")
    _sign_in(page, live_server, axe, "chef.werving@zeist.example", DEFAULT_PASSWORD, "/meldingen")
    expect(page.get_by_role("link", name=re.compile(r"Meldingen\W+1 ongelezen"))).to_be_visible()
    axe.check()
    page.get_by_role("link", name=re.compile("Karin heeft zich aangemeld")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Aanmeldingen en dekking")
    expect(page.get_by_text("Twee kinderen op de basisschool.")).to_be_visible()
    axe.check()
    page.get_by_label("Aannemen").check()
    page.get_by_label("Bericht aan de aanmelder").fill("Welkom in de groep!")
    page.get_by_role("button", name="Besluit opslaan").click()
    expect(page.locator("#messages")).to_contain_text("Karin is nu lid van de groep")
    unknown = page.locator(".coverage ul")
    expect(unknown).to_contain_text("ON-1 Schoolgebouwen")
    expect(unknown).not_to_contain_text("Leerlingenvervoer")
    axe.check()

    # The chef plans an evening; Karin is a member now, so she is invited.
    page.get_by_role("link", name="Uw groepen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw groepen")
    axe.check()
    page.get_by_role("main").get_by_role("link", name="Onderwijs").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Onderwijs")
    expect(page.get_by_role("row", name=re.compile("Karin"))).to_be_visible()
    axe.check()
    page.get_by_role("link", name="Een bijeenkomst plannen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Een bijeenkomst plannen")
    axe.check()
    day = (TODAY + timedelta(days=10)).isoformat()
    page.get_by_label("Titel").fill("Eerste avond groenboek")
    page.get_by_label("Begin").fill(f"{day}T19:30")
    page.get_by_label("Einde").fill(f"{day}T22:00")
    page.get_by_label("Plaats", exact=True).fill("Bibliotheek Zeist, Slotlaan 16")
    page.get_by_label("Agenda").fill("- Kennismaken\n- De opdracht")
    page.get_by_label("Aantal plaatsen").fill("20")
    page.get_by_role("button", name="Bijeenkomst plannen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Eerste avond groenboek")
    axe.check()
    _sign_out(page)
    axe.check()

    body = wait_for_mail(smtp_server.mailbox, "karin@zeist.example")
    assert "Eerste avond groenboek" in body
    link = re.search(r"https?://\S+/bijeenkomsten/\d+", body)
    assert link, body
    _sign_in(page, live_server, axe, "karin@zeist.example", DEFAULT_PASSWORD, "/profiel")
    page.goto(link.group(0))
    expect(page.get_by_text("Kennismaken")).to_be_visible()
    axe.check()
    page.get_by_role("button", name="Aanmelden voor deze bijeenkomst").click()
    # htmx swaps only the registration part; the page stays where it was.
    expect(page.locator("#registration")).to_contain_text("1 van de 20 plaatsen")
    expect(page.get_by_role("button", name="Afmelden voor deze bijeenkomst")).to_be_visible()
    axe.check()
    ics = page.request.get(link.group(0) + "/agenda.ics")
    assert ics.headers["content-type"].startswith("text/calendar")
    assert "SUMMARY:Eerste avond groenboek" in ics.text()

    page.goto(live_server + PROCESS + "/bijeenkomsten")
    expect(page.get_by_role("link", name="Eerste avond groenboek")).to_be_visible()
    axe.check()
    page.goto(live_server + "/meldingen/instellingen")
    axe.check()


def test_staff_answer_the_call_and_the_admin_chooses_a_chef(
    page: Page, live_server: str, axe: Axe, smtp_server: SmtpServer, recruiting: None
) -> None:
    _sign_in(page, live_server, axe, "medewerker@zeist.example", DEFAULT_PASSWORD, PROCESS)
    page.get_by_role("link", name="Medewerkers: reageer op de oproep voor chefs").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Chef worden")
    axe.check()
    page.get_by_label("Waarom wilt u chef worden?").fill("Ik breng graag mensen samen.")
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("alert")).to_contain_text("Welke vaardigheden hebt u?")
    axe.check()
    page.get_by_label("Welke vaardigheden hebt u?").fill("Voorzitten en plannen.")
    page.get_by_label("Thema van uw voorkeur").select_option(label="Sport")
    page.get_by_role("button", name="Versturen").click()
    expect(page).to_have_url(re.compile(r"/profiel/aanmeldingen$"))
    axe.check()
    _sign_out(page)
    axe.check()

    _sign_in(page, live_server, axe, "beheer@zeist.example", DEMO_PASSWORD, PROCESS)
    page.get_by_role("link", name="De chefs kiezen").click()
    expect(page.get_by_text("Ik breng graag mensen samen.")).to_be_visible()
    axe.check()
    page.get_by_label("Besluit").select_option("select")
    page.get_by_label("Groep (niet verplicht)").select_option(label="Sport")
    page.get_by_role("button", name="Besluit opslaan").click()
    expect(page.locator("#messages")).to_contain_text("De chef van Sport is gekozen")
    expect(page.get_by_text("Sport: Mo")).to_be_visible()
    axe.check()
    assert "chef" in wait_for_mail(smtp_server.mailbox, "medewerker@zeist.example").lower()
