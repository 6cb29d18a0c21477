"""The end of a sprint in the browser: the board reads the final ranking, composes the
package from the feasible measures of two teams (the running totals follow), tries to
publish without a note (the page says so at the field), publishes with one and lands on
the result, whose documents are built while the page shows how far; then the public reads
the result, with totals that match the database. Every page gets an axe scan.

The journey brings its own finished sprint (in Zeist's organization, where the live
server's host lands): two teams, three measures reviewed (one not feasible), the time up
and the process in its results phase."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.roles import Role, ScopeType
from app.db import make_engine, make_session_factory, organization_scope, utcnow
from app.demo.data import DEMO_PASSWORD
from app.models import (
    Group,
    Organization,
    Proposal,
    ProposalAmount,
    Sprint,
    SprintMeasure,
    User,
)
from app.phases.kinds import PhaseKind, ProcessKind
from app.processes import service as process_service
from app.reviews.kinds import ReviewKind, Verdict
from app.reviews.service import ReviewInput, give_review
from app.sprint.kinds import MeasureOrigin
from tests.e2e.conftest import Axe
from tests.factories import make_process, make_user

SLUG = "sprint-e2e-uitslag"
SPRINT = f"/processen/{SLUG}/sprint"
BOARD = "college-e2e@zeist.example"
YEARS = range(2019, 2023)


@dataclass(frozen=True)
class Case:
    feasible: tuple[int, int]  # team 1's and team 2's feasible measures
    refused: int  # team 1's measure the lawyer refused


def _measure(db: Session, process_id: int, team: Group, author: User, title: str) -> Proposal:
    proposal = Proposal(
        process_id=process_id, group_id=team.id, author_id=author.id, title=title,
        measure=f"{title}.", state="submitted", submitted_at=utcnow(),
    )  # fmt: skip
    db.add(proposal)
    db.flush()
    for year in YEARS:
        db.add(ProposalAmount(proposal_id=proposal.id, year=year, structural=500_000))
    db.add(SprintMeasure(process_id=process_id, proposal_id=proposal.id, origin=MeasureOrigin.OWN))
    db.flush()
    return proposal


@pytest.fixture(scope="module")
def case(live_database: str) -> Iterator[Case]:
    engine = make_engine(live_database)
    with make_session_factory(engine).begin() as db:
        db.info["all_organizations"] = True
        zeist = db.scalar(select(Organization).where(Organization.slug == "zeist"))
        assert zeist is not None
        db.info.pop("all_organizations")
        process = make_process(
            db, zeist, kind=ProcessKind.SPRINT, slug=SLUG, title="Hackaton afgelopen",
            target_total=1_000_000,
        )  # fmt: skip
        people = {
            email: make_user(db, zeist, email=email, display_name=name, password=DEMO_PASSWORD,
                             roles=roles)
            for email, name, roles in (
                ("kapitein-uitslag@zeist.example", "Kim Kapitein", []),
                ("jurist-uitslag@zeist.example", "Jan Jurist", [Role.LEGAL]),
                ("financien-uitslag@zeist.example", "Fien Financien", [Role.FINANCE]),
                (BOARD, "Wim Wethouder", [Role.BOARD]),
            )
        }  # fmt: skip
        with organization_scope(db, zeist.id):
            process.first_year, process.last_year = YEARS[0], YEARS[-1]
            process.target_current_year = 600_000
            process_service.add_theme(db, "test", process, slug="sociaal", name="Sociaal domein")
            teams = process_service.add_teams(db, "test", process, 2)
            captain = people["kapitein-uitslag@zeist.example"]
            process_service.assign_chef(db, "test", teams[0], captain)
            now = utcnow()
            db.add(
                Sprint(
                    process_id=process.id,
                    starts_at=now - timedelta(hours=30),
                    ends_at=now - timedelta(hours=2),
                )
            )
            process_service.set_current_phase(db, "test", process, PhaseKind.SPRINT)
            db.flush()
            phases = list(process.phases)
            lawyer = Actor.of(
                people["jurist-uitslag@zeist.example"],
                frozenset({(Role.LEGAL, ScopeType.ORGANIZATION, None)}),
            )
            adviser = Actor.of(
                people["financien-uitslag@zeist.example"],
                frozenset({(Role.FINANCE, ScopeType.ORGANIZATION, None)}),
            )
            made = [
                _measure(db, process.id, teams[0], captain, "Minder inhuur"),
                _measure(db, process.id, teams[1], captain, "Samen inkopen"),
                _measure(db, process.id, teams[0], captain, "Te mooi"),
            ]
            for proposal, legal, validated in zip(
                made,
                (Verdict.FEASIBLE, Verdict.FEASIBLE, Verdict.NOT_FEASIBLE),
                (300_000, 450_000, 500_000),
                strict=True,
            ):
                notes = "" if legal == Verdict.FEASIBLE else "Mag niet."
                give_review(
                    db, lawyer, process, phases, proposal, ReviewKind.LEGAL,
                    ReviewInput(legal, notes),
                )  # fmt: skip
                give_review(
                    db, adviser, process, phases, proposal, ReviewKind.FINANCIAL,
                    ReviewInput(Verdict.FEASIBLE, "", dict.fromkeys(YEARS, (validated, 0))),
                )  # fmt: skip
            process_service.set_current_phase(db, "test", process, PhaseKind.REVIEW)
            process_service.set_current_phase(db, "test", process, PhaseKind.RESULTS)
        result = Case((made[0].id, made[1].id), made[2].id)
    yield result
    engine.dispose()


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def test_the_board_composes_and_publishes_and_the_public_reads_the_result(
    page: Page, live_server: str, axe: Axe, case: Case
) -> None:
    base = live_server
    page.goto(f"{base}/aanmelden?volgende={SPRINT}/uitslag")
    axe.check()
    page.locator("#field-email").fill(BOARD)
    page.locator("#field-password").fill(DEMO_PASSWORD)
    page.locator("#field-password").press("Enter")
    expect(page).to_have_url(f"{base}{SPRINT}/uitslag")
    axe.check()
    ranks = page.locator("#ranking-table tbody tr")
    expect(ranks).to_have_count(2)
    expect(ranks.first.locator("[data-validated-structural]")).to_have_attribute(
        "data-validated-structural", "450000"
    )

    page.locator(f'a[href="{SPRINT}/pakket"]').click()
    expect(page).to_have_url(f"{base}{SPRINT}/pakket")
    axe.check()
    expect(page.locator("#measures tbody tr")).to_have_count(2)  # not the refused one
    expect(page.locator(f"#measure-{case.refused}")).to_have_count(0)
    for proposal_id in case.feasible:
        page.locator(f'form[action="{SPRINT}/pakket/maatregelen/{proposal_id}"] button').click()
        expect(page.locator(f"#measure-{proposal_id}")).to_have_attribute("data-chosen", "yes")
        axe.check()
    structural = page.locator('[data-total="structural"]')
    expect(structural).to_have_text(re.compile(r"750\.000"))
    assert _digits(page.locator('[data-total="current_year"]').inner_text()) == "750000"

    # Without a note: the page says so at the field.
    page.locator('form[action$="/pakket/publiceren"] button').click()
    expect(page.locator("#note-error")).to_be_visible()
    axe.check()
    page.locator("#field-note").fill("Twee maatregelen van twee teams: **haalbaar**.")
    page.locator('form[action$="/pakket/publiceren"] button').click()
    expect(page).to_have_url(f"{base}{SPRINT}/resultaat")
    axe.check()
    # The documents are built in the background; the block shows how far, then the links.
    downloads = page.locator("#documents a.documents__download")
    expect(downloads).to_have_count(2, timeout=60_000)
    axe.check()

    page.locator('form[action="/afmelden"] button').click()
    expect(page).to_have_url(f"{base}/")
    axe.check()
    page.goto(f"{base}{SPRINT}/resultaat")
    axe.check()
    assert _digits(page.locator('[data-total="structural"]').inner_text()) == "750000"
    expect(page.locator("#package-note strong")).to_have_text("haalbaar")
    expect(page.locator("#contributions tbody tr")).to_have_count(2)
    page.goto(f"{base}{SPRINT}/uitslag")
    axe.check()
    expect(page.locator("#ranking-table tbody tr")).to_have_count(2)
