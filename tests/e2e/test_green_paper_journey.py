"""A chef and two experts write a green paper; one hits the edit conflict and keeps her
text; the chef submits, the board lets the theme go on, a councillor gives input, and the
public reads it. Every page on the way gets an accessibility scan."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.access.roles import Role, ScopeType
from app.access.service import grant_role
from app.db import make_engine, make_session_factory, organization_scope
from app.demo.data import DEMO_PASSWORD
from app.models import Group, Organization, Process
from app.phases.kinds import PhaseKind
from app.processes import service
from app.processes.budget_import import import_budget_lines
from tests.e2e.conftest import Axe
from tests.factories import DEFAULT_PASSWORD, SMALL_BUDGET, make_process, make_user

SLUG = "groenboek-2030"
EDITOR = f"/processen/{SLUG}/groepen/onderwijs/groenboek"
PAPER = f"/processen/{SLUG}/groenboeken/onderwijs"


@pytest.fixture(scope="module")
def sessions(live_database: str) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(live_database)
    yield make_session_factory(engine)
    engine.dispose()


def _move_to(sessions: sessionmaker[Session], phase: PhaseKind) -> None:
    """The admin moves the process on (its own page is covered by the setup journey)."""
    with sessions.begin() as db:
        process = db.scalars(
            select(Process).where(Process.slug == SLUG).execution_options(all_organizations=True)
        ).one()
        with organization_scope(db, process.organization_id):
            service.set_current_phase(db, "test", process, phase)


@pytest.fixture(scope="module")
def writing(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as db:
        zeist = db.scalars(select(Organization).where(Organization.slug == "zeist")).one()
        process = make_process(
            db, zeist, slug=SLUG, title="Groenboek 2030", starts_on=datetime.now(UTC).date()
        )
        chef = make_user(db, zeist, email="gb.chef@zeist.example", display_name="Gert (chef)")
        eva = make_user(db, zeist, email="gb.eva@zeist.example", display_name="Eva")
        finn = make_user(db, zeist, email="gb.finn@zeist.example", display_name="Finn")
        with organization_scope(db, zeist.id):
            import_budget_lines(db, "test", process, SMALL_BUDGET.encode())
            group = db.scalars(
                select(Group).where(Group.process_id == process.id, Group.slug == "onderwijs")
            ).one()
            service.assign_chef(db, "test", group, chef)
            for expert in (eva, finn):
                grant_role(db, "test", expert, Role.EXPERT, ScopeType.GROUP, group.id)
            service.set_current_phase(db, "test", process, PhaseKind.GREEN_PAPER)


def _sign_in(page: Page, base: str, axe: Axe, email: str, password: str, then: str) -> None:
    page.goto(f"{base}/aanmelden?volgende={then}")
    axe.check()
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page).to_have_url(base + then)
    axe.check()


def _sign_out(page: Page, axe: Axe) -> None:
    page.get_by_role("button", name="Afmelden").click()
    expect(page.locator("#messages")).to_contain_text("U bent afgemeld")
    axe.check()


def test_a_green_paper_from_first_words_to_the_public(
    page: Page,
    browser: Browser,
    live_server: str,
    axe: Axe,
    writing: None,
    sessions: sessionmaker[Session],
) -> None:
    # The chef starts it.
    _sign_in(page, live_server, axe, "gb.chef@zeist.example", DEFAULT_PASSWORD, EDITOR)
    page.get_by_role("button", name="Groenboek beginnen").click()
    expect(page.locator("#messages")).to_contain_text("Het groenboek is begonnen")
    axe.check()
    page.get_by_label("Titel van het nieuwe deel").fill("Wat ouders ons vertelden")
    page.get_by_role("button", name="Deel toevoegen").click()
    expect(page.get_by_role("heading", name="Wat ouders ons vertelden", level=2)).to_be_visible()
    axe.check()
    _sign_out(page, axe)

    # Eva opens the editor; meanwhile Finn, in his own browser, saves the same section.
    _sign_in(page, live_server, axe, "gb.eva@zeist.example", DEFAULT_PASSWORD, EDITOR)
    other = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
    finn = other.new_page()
    finn_axe = Axe(finn)
    _sign_in(finn, live_server, finn_axe, "gb.finn@zeist.example", DEFAULT_PASSWORD, EDITOR)
    finn.get_by_label("Tekst van Context").fill("Finn: de scholen in Zeist krimpen.")
    finn.get_by_role("button", name="Context opslaan").click()
    expect(finn.locator("#messages")).to_contain_text("Uw tekst is opgeslagen")
    finn_axe.check()
    other.close()

    eva_text = "Eva: het leerlingenvervoer kost veel."
    page.get_by_label("Tekst van Context").fill(eva_text)
    page.get_by_role("button", name="Context opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Finn heeft dit deel opgeslagen terwijl u schreef"
    )
    expect(page.get_by_text("Finn: de scholen in Zeist krimpen.").first).to_be_visible()
    expect(page.get_by_label("Tekst van Context")).to_have_value(eva_text)
    axe.check()
    combined = "Finn: de scholen in Zeist krimpen.\n\n" + eva_text
    page.get_by_label("Tekst van Context").fill(combined)
    page.get_by_role("button", name="Context opslaan").click()
    expect(page.locator("#messages")).to_contain_text("Uw tekst is opgeslagen")
    axe.check()
    page.get_by_role("link", name="Geschiedenis van Context").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Geschiedenis van Context")
    expect(page.locator(".diff ins")).to_contain_text("leerlingenvervoer")
    axe.check()
    _sign_out(page, axe)

    # The chef submits; the board lets the theme go on.
    _sign_in(page, live_server, axe, "gb.chef@zeist.example", DEFAULT_PASSWORD, EDITOR)
    page.get_by_role("button", name="Groenboek indienen").click()
    expect(page.locator("#messages")).to_contain_text("ingediend")
    axe.check()
    _sign_out(page, axe)
    _move_to(sessions, PhaseKind.BOARD_REVIEW)

    _sign_in(page, live_server, axe, "wethouder@zeist.example", DEMO_PASSWORD, PAPER)
    page.get_by_label("Doorgaan", exact=False).first.check()
    page.get_by_role("button", name="Besluit opslaan").click()
    expect(page.get_by_role("alert")).to_be_visible()  # the reason is missing
    axe.check()
    page.get_by_label("Doorgaan", exact=False).first.check()
    page.get_by_label("Reden").fill("Een helder beeld van de opgave; ga door.")
    page.get_by_role("button", name="Besluit opslaan").click()
    expect(page.get_by_text("Een helder beeld van de opgave; ga door.")).to_be_visible()
    axe.check()
    _sign_out(page, axe)
    _move_to(sessions, PhaseKind.COUNCIL_WORKSHOP)

    # A councillor gives input; the chef answers.
    _sign_in(page, live_server, axe, "joost@zeist.example", DEMO_PASSWORD, PAPER)
    page.get_by_role("textbox", name="Uw inbreng").fill("Houd de kleine scholen in de dorpen open.")
    page.get_by_role("button", name="Inbreng geven").click()
    expect(page.get_by_text("Houd de kleine scholen in de dorpen open.")).to_be_visible()
    axe.check()
    _sign_out(page, axe)
    _move_to(sessions, PhaseKind.WHITE_PAPER)

    # The public reads it all, and can take it along as a PDF.
    page.goto(live_server + f"/processen/{SLUG}/groenboeken")
    axe.check()
    page.get_by_role("link", name=re.compile("Onderwijs")).first.click()
    expect(page.get_by_text("leerlingenvervoer kost veel")).to_be_visible()
    expect(page.get_by_text("Houd de kleine scholen in de dorpen open.")).to_be_visible()
    expect(page.get_by_role("heading", name="Wat ouders ons vertelden")).to_be_visible()
    axe.check()
    pdf = page.request.get(live_server + PAPER + ".pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
