"""Annelies writes a savings proposal and submits it; the chef opens the discussion; the
financial adviser gives a verdict and validates the amounts; the chef includes it in the
white paper; the public finds it in the theme's list. Every page gets an axe scan. This
runs on the demo's Zeist dialogue, moved back to its white-paper phase for the while."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from app.db import make_engine, make_session_factory, organization_scope
from app.demo.data import DEMO_PASSWORD
from app.models import Process
from app.phases.kinds import PhaseKind
from app.processes import service
from tests.e2e.conftest import Axe

SLUG = "bezuinigingsdialoog-2012-2015"
PROCESS = f"/processen/{SLUG}"
TITLE = "Schoolbussen delen met de buurgemeenten"


def _move_to(live_database: str, phase: PhaseKind) -> PhaseKind | None:
    """Set the demo process's phase as the admin's phase form would; returns the phase it
    was in."""
    engine = make_engine(live_database)
    try:
        with make_session_factory(engine).begin() as db:
            process = db.scalars(
                select(Process)
                .where(Process.slug == SLUG)
                .execution_options(all_organizations=True)
            ).one()
            before = PhaseKind(process.current_phase) if process.current_phase else None
            if before != phase:
                with organization_scope(db, process.organization_id):
                    service.set_current_phase(db, "test", process, phase)
            return before
    finally:
        engine.dispose()


@pytest.fixture(scope="module", autouse=True)
def white_paper_phase(live_database: str) -> Iterator[None]:
    """The demo stands in its product-sheets phase; proposals are written in the white-paper
    phase. Moved there for this module, and back afterwards for the other journeys."""
    before = _move_to(live_database, PhaseKind.WHITE_PAPER)
    yield
    if before is not None:
        _move_to(live_database, before)


def _sign_in(page: Page, base: str, axe: Axe, email: str, then: str) -> None:
    page.goto(f"{base}/aanmelden?volgende={then}")
    axe.check()
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page).to_have_url(base + then)
    axe.check()


def _sign_out(page: Page, axe: Axe) -> None:
    page.get_by_role("button", name="Afmelden").click()
    expect(page.locator("#messages")).to_contain_text("U bent afgemeld")
    axe.check()


def test_a_proposal_from_draft_to_the_white_paper(page: Page, live_server: str, axe: Axe) -> None:
    # Annelies drafts; a mistyped amount is named and nothing she typed is lost.
    _sign_in(
        page, live_server, axe, "annelies@zeist.example", f"{PROCESS}/groepen/onderwijs/voorstellen"
    )
    page.get_by_role("link", name="Nieuw voorstel schrijven").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nieuw voorstel")
    axe.check()
    page.get_by_label("Titel").fill(TITLE)
    page.get_by_label("Samenvatting").fill(
        "Zeist rijdt samen met De Bilt en Bunnik één busvervoer."
    )
    page.locator("#field-measure").fill("Eén aanbesteding voor drie gemeenten, vanaf 2013.")
    page.get_by_label("Structureel 2013").fill("veertigduizend")
    page.get_by_role("button", name="Opslaan als concept").click()
    expect(page.get_by_role("alert")).to_contain_text("Structureel 2013")
    expect(page.get_by_label("Titel")).to_have_value(TITLE)
    axe.check()
    page.get_by_label("Structureel 2013").fill("40.000")
    page.get_by_label("Structureel 2014").fill("80.000")
    page.get_by_label("Eenmalig 2012").fill("-15.000")
    page.get_by_role("button", name="Opslaan als concept").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    axe.check()
    page.get_by_role("button", name="Indienen").click()
    expect(page.get_by_text("Ingediend").first).to_be_visible()
    axe.check()
    proposal_url = page.url.split("#")[0]
    _sign_out(page, axe)

    # The chef opens the discussion.
    path = proposal_url.removeprefix(live_server)
    _sign_in(page, live_server, axe, "chef.onderwijs@zeist.example", path)
    page.get_by_role("button", name="Bespreking openen").click()
    expect(page.locator("#messages")).not_to_be_empty()
    axe.check()
    _sign_out(page, axe)

    # The financial adviser finds it in her inbox and validates it.
    _sign_in(page, live_server, axe, "fatma@zeist.example", "/toetsing")
    page.get_by_role("link", name=TITLE).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(TITLE)
    axe.check()
    page.get_by_label("Haalbaar", exact=True).check()
    page.get_by_label("Structureel 2013").fill("35.000")
    page.get_by_label("Structureel 2014").fill("70.000")
    page.get_by_label("Eenmalig 2012").fill("-15.000")
    page.get_by_role("button", name="Toets opslaan").click()
    expect(page).to_have_url(re.compile(re.escape(path)))
    expect(page.locator("#reviews")).to_contain_text("Haalbaar")
    axe.check()
    _sign_out(page, axe)

    # The chef includes it in the white paper.
    _sign_in(page, live_server, axe, "chef.onderwijs@zeist.example", path)
    page.get_by_role("button", name="Opnemen in het witboek").click()
    expect(page.get_by_text("In het witboek").first).to_be_visible()
    axe.check()
    page.goto(live_server + f"{PROCESS}/groepen/onderwijs/witboek")
    expect(page.get_by_text(TITLE)).to_be_visible()
    axe.check()
    _sign_out(page, axe)

    # The public finds it in the theme's list.
    page.goto(live_server + f"{PROCESS}/themas/onderwijs/voorstellen")
    axe.check()
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    axe.check()


def test_the_officials_inbox_the_chefs_queue_and_the_white_papers(
    page: Page, live_server: str, axe: Axe
) -> None:
    # An official answers an open question from the demo.
    _sign_in(page, live_server, axe, "ambtenaar@zeist.example", "/vragen")
    page.get_by_role("textbox").first.fill("Het leerlingenvervoer kost € 1,1 miljoen per jaar.")
    page.get_by_role("button").filter(has_text=re.compile("Antwoord")).first.click()
    expect(page.get_by_text("Het leerlingenvervoer kost € 1,1 miljoen per jaar.")).to_be_visible()
    axe.check()
    _sign_out(page, axe)

    # Ruud's group page: progress against the target, reported comments, the white paper.
    group = f"{PROCESS}/groepen/burger-en-bestuur"
    _sign_in(page, live_server, axe, "ruud@zeist.example", group)
    expect(page.get_by_role("heading", name=re.compile("Voortgang|voortgang"))).to_be_visible()
    page.get_by_role("link", name="Gemelde reacties").click()
    expect(page).to_have_url(re.compile("/moderatie$"))
    axe.check()
    page.goto(live_server + f"{group}/witboek")
    axe.check()
    page.goto(live_server + f"{group}/voorstellen")
    axe.check()
    first = page.get_by_role("main").locator("a[href*='/voorstellen/']").first.get_attribute("href")
    assert first
    page.goto(live_server + first)
    expect(page).to_have_url(live_server + first)
    axe.check()
    _sign_out(page, axe)

    # The public reads the submitted white papers.
    page.goto(live_server + f"{PROCESS}/witboeken")
    axe.check()
    page.get_by_role("link", name="Onderwijs").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Onderwijs")
    axe.check()
    page.goto(live_server + f"{PROCESS}/themas/burger-en-bestuur")
    expect(page.locator(".progress")).to_be_visible()
    axe.check()
