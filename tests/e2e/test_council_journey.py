"""The council decides: the admin submits a published edition; Joost files an amendment
that strikes a measure, Eva co-signs it and files one that changes another measure's
amounts (after a typing mistake the page keeps what she typed); the clerk records the
first vote per party, the second as numbers, corrects that one with a reason, records
the vote on the whole edition and publishes the decision; the public reads it, with
totals that match the database. Every page gets an axe scan.

The demo's Zeist decision is published already, so this journey brings its own edition
to the council: a small process set up in the live database before the first page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from app.council import queries
from app.db import make_engine, make_session_factory, organization_scope, utcnow
from app.demo.data import DEMO_PASSWORD
from app.models import CouncilDecision, Organization
from app.phases.kinds import PhaseKind
from app.processes.service import set_current_phase
from app.web.templating import euro
from tests.council.conftest import sign_off_all
from tests.documents.conftest import make_edition
from tests.e2e.conftest import Axe

SLUG = "dialoog"
PROCESS = f"/processen/{SLUG}"


@dataclass(frozen=True)
class Case:
    struck: tuple[int, str]  # proposal id and title of the measure Joost strikes
    changed: tuple[int, str]  # ... and of the one Eva changes


@pytest.fixture(scope="module")
def case(live_database: str) -> Iterator[Case]:
    """A process of Zeist with a published edition whose sheets are all signed off, in
    the product-sheets phase: ready to be submitted to the council."""
    engine = make_engine(live_database)
    with make_session_factory(engine).begin() as db:
        db.info["all_organizations"] = True
        zeist = db.scalar(select(Organization).where(Organization.slug == "zeist"))
        assert zeist is not None
        db.info.pop("all_organizations")
        made = make_edition(db, zeist)
        with organization_scope(db, zeist.id):
            sign_off_all(db, made)
            made.edition.published_at, made.edition.published_by = utcnow(), "Ada (#1)"
            set_current_phase(db, "test", made.process, PhaseKind.PRODUCT_SHEETS)
        first, second = made.entries[0], made.entries[4]
        result = Case((first.proposal_id, first.title), (second.proposal_id, second.title))
    yield result
    engine.dispose()


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


def _file_from_sheet(page: Page, base: str, axe: Axe, proposal_id: int) -> None:
    page.goto(f"{base}{PROCESS}/productbladen/{proposal_id}")
    axe.check()
    page.get_by_role("link", name="Een amendement indienen op deze maatregel").click()
    expect(page).to_have_url(re.compile(r"/raad/amendementen/nieuw\?productblad="))
    axe.check()


def test_councillors_amend_the_clerk_records_and_the_public_reads_the_decision(
    page: Page, live_server: str, live_database: str, axe: Axe, case: Case
) -> None:
    base = live_server
    (struck_id, struck_title), (changed_id, changed_title) = case.struck, case.changed

    # The admin submits the published edition to the council.
    _sign_in(page, base, axe, "beheer@zeist.example", f"/beheer/processen/{SLUG}/edities")
    page.get_by_label("Raadsvergadering").fill("2026-12-17")
    page.get_by_role("button", name="Editie 1 aan de raad voorleggen").click()
    expect(page).to_have_url(f"{base}{PROCESS}/raad")
    expect(page.locator("#messages")).to_contain_text("Editie 1 ligt bij de raad")
    axe.check()
    _sign_out(page, axe)

    # Joost strikes a measure.
    _sign_in(page, base, axe, "joost@zeist.example", f"{PROCESS}/raad")
    _file_from_sheet(page, base, axe, struck_id)
    page.get_by_label("De maatregel schrappen").check()
    page.get_by_label("Toelichting").fill("Deze maatregel treft de kwetsbaarste inwoners.")
    page.get_by_role("button", name="Amendement indienen").click()
    expect(page).to_have_url(f"{base}{PROCESS}/raad/amendementen/1")
    expect(page.get_by_role("heading", level=1)).to_contain_text("A1")
    expect(page.get_by_text("lager", exact=False).first).to_be_visible()
    axe.check()
    _sign_out(page, axe)

    # Eva co-signs it, then changes another measure: a typing mistake first.
    _sign_in(page, base, axe, "eva@zeist.example", f"{PROCESS}/raad/amendementen/1")
    page.get_by_role("button", name="Dit amendement medeondertekenen").click()
    expect(page.locator("#messages")).to_contain_text("U hebt amendement A1 medeondertekend")
    axe.check()
    _file_from_sheet(page, base, axe, changed_id)
    page.get_by_label("De bedragen wijzigen").check()
    page.get_by_label("Nieuw structureel 2013").fill("twintigduizend")
    page.get_by_label("Toelichting").fill("Halveer de besparing: de rest volgt in 2014.")
    page.get_by_role("button", name="Amendement indienen").click()
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.get_by_label("Toelichting")).to_have_value(
        "Halveer de besparing: de rest volgt in 2014."
    )
    axe.check()
    page.get_by_label("Nieuw structureel 2013").fill("20.000")
    page.get_by_role("button", name="Amendement indienen").click()
    expect(page).to_have_url(f"{base}{PROCESS}/raad/amendementen/2")
    axe.check()
    _sign_out(page, axe)

    # The clerk records the votes: A1 per party, A2 as numbers, then corrects A2.
    _sign_in(page, base, axe, "griffie@zeist.example", f"{PROCESS}/raad/amendementen/1/stemming")
    page.get_by_label("Per partij, met de zetels").check()
    coalition = ("VVD", "D66", "GroenLinks", "CDA")
    for party in ("VVD", "D66", "GroenLinks", "CDA", "PvdA", "SP", "ChristenUnie/SGP",
                  "Seniorenpartij"):  # fmt: skip
        group = page.get_by_role("group", name=f"{party} (")
        group.get_by_label("Tegen" if party in coalition else "Voor").check()
    page.get_by_role("button", name="Stemming vastleggen").click()
    expect(page).to_have_url(f"{base}{PROCESS}/raad/amendementen/1")
    expect(page.locator("#messages")).to_contain_text("Verworpen")
    axe.check()
    page.goto(f"{base}{PROCESS}/raad/amendementen/2/stemming")
    axe.check()
    page.get_by_label("Als aantallen voor en tegen").check()
    page.get_by_label("Stemmen voor").fill("12")
    page.get_by_label("Stemmen tegen").fill("19")
    page.get_by_role("button", name="Stemming vastleggen").click()
    expect(page).to_have_url(f"{base}{PROCESS}/raad/amendementen/2")
    axe.check()
    page.goto(f"{base}{PROCESS}/raad/amendementen/2/stemming")
    axe.check()
    page.get_by_label("Stemmen voor").fill("19")
    page.get_by_label("Stemmen tegen").fill("12")
    page.get_by_role("button", name="Correctie vastleggen").click()
    expect(
        page.get_by_text("Zeg waarom de vastgelegde stemming wordt gecorrigeerd.").first
    ).to_be_visible()
    axe.check()
    page.get_by_label("Waarom wordt de stemming gecorrigeerd?").fill(
        "De stemmen voor en tegen waren verwisseld."
    )
    page.get_by_role("button", name="Correctie vastleggen").click()
    expect(page).to_have_url(f"{base}{PROCESS}/raad/amendementen/2")
    expect(page.get_by_text("De stemmen voor en tegen waren verwisseld.").first).to_be_visible()
    axe.check()

    # The vote on the whole edition, and publication.
    page.goto(f"{base}{PROCESS}/raad/stemming")
    axe.check()
    page.get_by_label("Als aantallen voor en tegen").check()
    page.get_by_label("Stemmen voor").fill("21")
    page.get_by_label("Stemmen tegen").fill("10")
    page.get_by_role("button", name="Stemming vastleggen").click()
    expect(page).to_have_url(f"{base}{PROCESS}/raad/stemming")
    axe.check()
    page.get_by_role("button", name="Het besluit publiceren").click()
    expect(page).to_have_url(f"{base}{PROCESS}/raad/besluit")
    axe.check()
    _sign_out(page, axe)

    # The public reads the decision; its totals are the database's.
    engine = make_engine(live_database)
    with make_session_factory(engine)() as db:
        db.info["all_organizations"] = True
        decision = db.scalar(select(CouncilDecision).order_by(CouncilDecision.id.desc()))
        assert decision is not None
        assert decision.state == "published"
        book = queries.council_book(db, decision)
    engine.dispose()
    states = {view.label: view.amendment.state for view in book.amendments}
    assert states == {"A1": "defeated", "A2": "carried"}
    page.goto(f"{base}{PROCESS}/raad/besluit")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    for year in book.years:
        adopted = euro(book.package.total.adopted[year])
        expect(page.locator("main")).to_contain_text(adopted)
    # A2 changed the second measure: the package is lower than submitted in 2013.
    assert book.package.total.adopted[2013] != book.package.total.submitted[2013]
    expect(
        page.get_by_role("link", name=re.compile(re.escape(changed_title))).first
    ).to_have_attribute("href", f"{PROCESS}/productbladen/{changed_id}")
    expect(page.locator("main")).to_contain_text(struck_title)
    axe.check()
