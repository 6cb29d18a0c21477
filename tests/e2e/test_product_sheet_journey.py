"""A product sheet sent back to the official is put right and passed on; the financial
adviser first tries to send it back without a reason, then approves it; the chef signs it
off. The public reads the published edition, what changed since the first, and takes the
sheet's PDF. Every page gets an axe scan. Runs on the demo, whose Zeist dialogue has gone on
to the council: for this module it is back in its product-sheets phase with one sheet sent
back to the official, and afterwards as it was."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.roles import Role, ScopeType
from app.db import make_engine, make_session_factory, organization_scope
from app.demo.data import DEMO_PASSWORD
from app.models import Amendment, Process, ProductSheet, Proposal, RoleAssignment, User
from app.phases.kinds import PhaseKind
from app.product_sheets.forms import TEXTS
from tests.e2e.conftest import Axe

SLUG = "bezuinigingsdialoog-2012-2015"
PROCESS = f"/processen/{SLUG}"
# What the journey changes on the sheet, put back afterwards.
KEPT = ("step", "returned_reason", "financial_effect", "budget_lines", *TEXTS, "version",
        "updated_at", "updated_by")  # fmt: skip
REASON = "De besparing voor 2013 klopt niet met de begroting. Wilt u die nakijken?"


def _zeist(db: Session) -> Process:
    return db.scalars(
        select(Process).where(Process.slug == SLUG).execution_options(all_organizations=True)
    ).one()


def _send_back(live_database: str) -> tuple[dict[str, Any], int, str, str]:
    """Move the process to its product-sheets phase and send a signed-off sheet without
    amendments back to the official, straight in the database (no log, no audit entry:
    nothing the demo counts). Returns what to put back, and the sheet's proposal id, title
    and the email of its group's chef."""
    engine = make_engine(live_database)
    try:
        with make_session_factory(engine).begin() as db:
            process = _zeist(db)
            with organization_scope(db, process.organization_id):
                sheet = db.scalars(
                    select(ProductSheet)
                    .where(
                        ProductSheet.process_id == process.id,
                        ProductSheet.step == "signed_off",
                        ProductSheet.id.not_in(select(Amendment.sheet_id)),
                    )
                    .order_by(ProductSheet.id)
                    .limit(1)
                ).one()
                kept = {name: getattr(sheet, name) for name in KEPT}
                kept |= {"id": sheet.id, "phase": process.current_phase}
                sheet.step, sheet.returned_reason = "official", REASON
                process.current_phase = PhaseKind.PRODUCT_SHEETS
                title = db.scalars(select(Proposal.title).where(Proposal.id == sheet.proposal_id))
                chef = db.scalar(
                    select(User.email)
                    .join(RoleAssignment, RoleAssignment.user_id == User.id)
                    .where(
                        RoleAssignment.role == Role.CHEF,
                        RoleAssignment.scope_type == ScopeType.GROUP,
                        RoleAssignment.scope_id == sheet.group_id,
                        RoleAssignment.revoked_at.is_(None),
                    )
                )
                assert chef is not None
                return kept, sheet.proposal_id, title.one(), chef
    finally:
        engine.dispose()


def _put_back(live_database: str, kept: dict[str, Any]) -> None:
    engine = make_engine(live_database)
    try:
        with make_session_factory(engine).begin() as db:
            process = _zeist(db)
            with organization_scope(db, process.organization_id):
                sheet = db.get_one(ProductSheet, kept["id"])
                for name in KEPT:
                    setattr(sheet, name, kept[name])
                process.current_phase = kept["phase"]
    finally:
        engine.dispose()


@pytest.fixture(scope="module", autouse=True)
def returned_sheet(live_database: str) -> Iterator[tuple[int, str, str]]:
    """The sheet sent back to the official: its proposal id, title, and the email of its
    group's chef. Afterwards the sheet and the phase are as the demo left them."""
    kept, proposal_id, title, chef = _send_back(live_database)
    yield proposal_id, title, chef
    _put_back(live_database, kept)


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


def test_a_product_sheet_is_put_right_approved_and_signed_off(
    page: Page, live_server: str, axe: Axe, returned_sheet: tuple[int, str, str]
) -> None:
    proposal_id, title, chef = returned_sheet
    sheet = f"{PROCESS}/productbladen/{proposal_id}"

    # The official finds it waiting, puts it right, and passes it on.
    _sign_in(page, live_server, axe, "ambtenaar@zeist.example", f"{PROCESS}/productbladen")
    expect(page.get_by_role("heading", name="Wacht op u")).to_be_visible()
    page.goto(live_server + sheet)
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)
    axe.check()
    page.get_by_role("link", name="Productblad bewerken").click()
    expect(page).to_have_url(re.compile("/bewerken$"))
    axe.check()
    page.get_by_label("Structureel 2013").fill("twaalf")
    page.get_by_role("button", name="Productblad opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("Structureel 2013")
    axe.check()
    page.get_by_label("Structureel 2013").fill("120.000")
    page.get_by_label("Advies").fill("Uitvoeren, met de kanttekening van de financieel adviseur.")
    page.get_by_role("button", name="Productblad opslaan").click()
    expect(page).to_have_url(live_server + sheet)
    page.get_by_role("button", name="Doorgeven aan de financieel adviseur").click()
    # The page still shows the save's message: wait for this step's, or the sign-out below
    # races the boosted request still under way.
    expect(page.locator("#messages")).to_contain_text("doorgegeven aan de financieel adviseur")
    axe.check()
    _sign_out(page, axe)

    # The financial adviser: a send-back needs a reason; then she approves.
    _sign_in(page, live_server, axe, "fatma@zeist.example", sheet)
    page.get_by_role("button", name="Terugsturen naar de ambtenaar").click()
    expect(page.get_by_role("alert")).to_be_visible()
    axe.check()
    page.get_by_role("button", name="Goedkeuren en doorgeven aan de chef").click()
    expect(page.locator("#messages")).not_to_be_empty()
    axe.check()
    _sign_out(page, axe)

    # The chef signs it off; the step line shows it.
    _sign_in(page, live_server, axe, chef, sheet)
    page.get_by_role("button", name="Aftekenen", exact=True).click()
    expect(page.locator('[aria-current="step"]')).to_contain_text("Afgetekend")
    axe.check()
    _sign_out(page, axe)

    # The public: the editions, what changed between them, and the sheet as a PDF.
    page.goto(live_server + f"{PROCESS}/witboek-edities")
    axe.check()
    page.goto(live_server + f"{PROCESS}/witboek-edities/2")
    expect(page.get_by_role("heading", name="Documenten")).to_be_visible()
    axe.check()
    page.goto(live_server + f"{PROCESS}/witboek-edities/1/verschil/2")
    expect(page.get_by_role("heading", name="Gewijzigd")).to_be_visible()
    axe.check()
    page.goto(live_server + sheet)
    axe.check()
    pdf = page.request.get(live_server + sheet + ".pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")


def test_the_admin_compiles_and_sees_the_editions(page: Page, live_server: str, axe: Axe) -> None:
    _sign_in(
        page,
        live_server,
        axe,
        "beheer@zeist.example",
        f"/beheer/processen/{PROCESS.rsplit('/', 1)[1]}/edities",
    )
    expect(page.get_by_role("heading", level=1)).to_contain_text("edities")
