"""A team at work in the browser: the captain signs in, sees the countdown tick, takes one
option over as it is from the catalogue, adapts another (a typing mistake first: the form
keeps what was typed), and posts a mood check; the package shows both measures with the
totals the database holds. Every page gets an axe scan.

The journey brings its own sprint (in Zeist's organization, where the live server's
host lands): two teams, two options, the clock running, in its sprint phase."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from app.access.roles import Role, ScopeType
from app.access.service import grant_role
from app.db import make_engine, make_session_factory, organization_scope, utcnow
from app.demo.data import DEMO_PASSWORD
from app.models import Organization, Proposal, Sprint, SprintOption
from app.phases.kinds import PhaseKind, ProcessKind
from app.processes import service as process_service
from tests.e2e.conftest import Axe
from tests.factories import make_process, make_user

SLUG = "sprint-e2e-teams"
SPRINT = f"/processen/{SLUG}/sprint"
CAPTAIN = "kapitein-e2e@zeist.example"
OFFICIAL = "ambtenaar-e2e@zeist.example"
ADMIN = "beheer@zeist.example"  # the demo's admin of Zeist
PREPARING = "sprint-e2e-voorbereiding"  # a second sprint, still in its preparation phase


@dataclass(frozen=True)
class Case:
    team_id: int


@pytest.fixture(scope="module")
def case(live_database: str) -> Iterator[Case]:
    engine = make_engine(live_database)
    with make_session_factory(engine).begin() as db:
        db.info["all_organizations"] = True
        zeist = db.scalar(select(Organization).where(Organization.slug == "zeist"))
        assert zeist is not None
        db.info.pop("all_organizations")
        process = make_process(
            db, zeist, kind=ProcessKind.SPRINT, slug=SLUG, title="Sprint in de browser",
            target_total=9_000_000,
        )  # fmt: skip
        captain = make_user(
            db, zeist, email=CAPTAIN, display_name="Karin Kapitein", password=DEMO_PASSWORD
        )
        make_user(
            db, zeist, email=OFFICIAL, display_name="Olaf Ambtenaar", password=DEMO_PASSWORD,
            roles=[Role.OFFICIAL],
        )  # fmt: skip
        make_process(
            db, zeist, kind=ProcessKind.SPRINT, slug=PREPARING, title="Sprint in voorbereiding",
            target_total=9_000_000,
        )  # fmt: skip
        with organization_scope(db, zeist.id):
            process.first_year, process.last_year = 2019, 2022
            process_service.add_theme(db, "test", process, slug="sociaal", name="Sociaal")
            teams = process_service.add_teams(db, "test", process, 2)
            grant_role(db, "test", captain, Role.CHEF, ScopeType.GROUP, teams[0].id)
            now = utcnow()
            db.add(
                Sprint(
                    process_id=process.id,
                    starts_at=now - timedelta(hours=1),
                    ends_at=now + timedelta(hours=5),
                )
            )
            db.add_all(
                [
                    SprintOption(
                        process_id=process.id, number=1, title="Minder inhuur",
                        measure="Minder externe inhuur.", budget_lines="SD-1 Inhuur",
                        structural=400_000, current_year=200_000,
                        legal_snags="Lopende contracten tot 2020.",
                    ),
                    SprintOption(
                        process_id=process.id, number=2, title="Samen inkopen",
                        measure="Jeugdhulp samen inkopen.", budget_lines="SD-2 Jeugd",
                        structural=1_000_000, current_year=250_000,
                    ),
                ]
            )  # fmt: skip
            process_service.set_current_phase(db, "test", process, PhaseKind.SPRINT)
            db.flush()
            result = Case(team_id=teams[0].id)
    yield result
    engine.dispose()


def _amount(page: Page, element_id: str) -> int:
    value = page.locator(f"#{element_id}").get_attribute("data-amount")
    assert value is not None
    return int(value)


def test_a_team_adopts_and_adapts_options_against_the_clock(
    page: Page, live_server: str, live_database: str, axe: Axe, case: Case
) -> None:
    base = live_server
    team = f"{SPRINT}/teams/{case.team_id}"

    page.goto(f"{base}/aanmelden?volgende={team}")
    axe.check()
    page.get_by_label("E-mailadres").fill(CAPTAIN)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page).to_have_url(base + team)
    axe.check()

    # The countdown is there as the server rendered it, and the script keeps it ticking.
    # (The sign-in form is boosted, and a boosted swap keeps the sign-in page's head: the
    # clock part then refreshes by its poll. A whole load runs the page's own script.)
    page.goto(base + team)
    axe.check()
    countdown = page.locator("#countdown")
    expect(countdown).to_have_text(re.compile(r"^[45]:\d\d:\d\d$"))
    first = countdown.inner_text()
    expect(countdown).not_to_have_text(first, timeout=3000)
    expect(page.locator("#clock-end")).to_be_visible()
    expect(page.locator("#package-empty")).to_be_visible()

    # Option 1, as it is, from the catalogue.
    page.goto(f"{base}{SPRINT}/opties")
    axe.check()
    page.locator("#option-1 button[type=submit]").click()
    expect(page).to_have_url(base + team)
    expect(page.locator("#package tbody tr")).to_have_count(1)
    assert _amount(page, "claimed-structural") == 400_000
    assert _amount(page, "claimed-current-year") == 200_000
    axe.check()

    # Option 2, read first, then adapted; a typing mistake is kept and pointed out.
    page.goto(f"{base}{SPRINT}/opties/2")
    axe.check()
    page.locator(f'a[href="{team}/maatregelen/nieuw?optie=2"]').click()
    expect(page).to_have_url(f"{base}{team}/maatregelen/nieuw?optie=2")
    expect(page.locator("#field-title")).to_have_value("Samen inkopen")
    expect(page.locator("#field-structural-2020")).to_have_value("1.000.000")
    axe.check()
    page.locator("#field-title").fill("Samen inkopen met drie buurgemeenten")
    page.locator("#field-structural-2022").fill("anderhalf miljoen")
    page.locator("#measure-form button[type=submit]").click()
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator("#field-title")).to_have_value("Samen inkopen met drie buurgemeenten")
    expect(page.locator("#field-structural-2022")).to_have_value("anderhalf miljoen")
    axe.check()
    page.locator("#field-structural-2022").fill("1.500.000")
    page.locator("#measure-form button[type=submit]").click()
    expect(page).to_have_url(base + team)
    expect(page.locator("#package tbody tr")).to_have_count(2)
    assert _amount(page, "claimed-structural") == 400_000 + 1_500_000
    assert _amount(page, "claimed-current-year") == 200_000 + 250_000
    expect(page.locator("#countdown")).to_have_text(re.compile(r"^[45]:\d\d:\d\d$"))
    axe.check()

    # A mood check: the team sees it went.
    page.locator("#score-4").check()
    page.locator("#field-line").fill("Moe maar tevreden.")
    page.locator(f'form[action="{team}/stemming"] button[type=submit]').click()
    expect(page).to_have_url(base + team)
    expect(page.locator("#mood-sent")).to_be_visible()
    axe.check()

    # The page's totals are the database's.
    engine = make_engine(live_database)
    with make_session_factory(engine)() as db:
        db.info["all_organizations"] = True
        titles = sorted(
            db.scalars(
                select(Proposal.title).where(
                    Proposal.group_id == case.team_id, Proposal.state == "submitted"
                )
            )
        )
    engine.dispose()
    assert titles == ["Minder inhuur", "Samen inkopen met drie buurgemeenten"]


def _sign_in(page: Page, base: str, axe: Axe, email: str, then: str) -> None:
    page.goto(f"{base}/aanmelden?volgende={then}")
    axe.check()
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page).to_have_url(base + then)
    axe.check()


def test_an_official_prepares_an_option_and_the_admin_sets_the_clock(
    page: Page, live_server: str, axe: Axe, case: Case
) -> None:
    base = live_server
    options = f"/processen/{PREPARING}/sprint/opties"
    _sign_in(page, base, axe, OFFICIAL, options)
    expect(page.locator("#no-options")).to_be_visible()
    page.locator(f'a[href="{options}/nieuw"]').click()
    expect(page).to_have_url(f"{base}{options}/nieuw")
    axe.check()
    page.locator("#field-title").fill("Minder inhuur")
    page.locator("#field-measure").fill("Minder externe inhuur.")
    page.locator("#field-structural").fill("vier ton")
    page.locator("#field-legal_snags").fill("Lopende contracten.")
    page.locator("form[novalidate] button[type=submit]").click()
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator("#field-structural")).to_have_value("vier ton")
    expect(page.locator("#field-legal_snags")).to_have_value("Lopende contracten.")
    axe.check()
    page.locator("#field-structural").fill("400.000")
    page.locator("form[novalidate] button[type=submit]").click()
    expect(page).to_have_url(f"{base}{options}/1")
    axe.check()
    page.locator(f'a[href="{options}/1/bewerken"]').click()
    expect(page.locator("#field-structural")).to_have_value("400.000")
    axe.check()
    page.get_by_role("button", name="Afmelden").click()
    expect(page).to_have_url(base + "/")  # scan the home page, not the one being left
    axe.check()

    clock = f"/beheer/processen/{PREPARING}/sprint"
    _sign_in(page, base, axe, ADMIN, clock)
    page.locator("#field-starts_at").fill("2019-05-14T09:00")
    page.locator("#field-ends_at").fill("2019-05-13T09:00")
    page.locator("form[novalidate] button[type=submit]").click()
    expect(page.locator("#error-summary")).to_be_visible()
    axe.check()
    page.locator("#field-ends_at").fill("2019-05-15T09:00")
    page.locator("form[novalidate] button[type=submit]").click()
    expect(page).to_have_url(base + clock)
    expect(page.locator("#field-ends_at")).to_have_value("2019-05-15T09:00")
    expect(page.locator("#clock-now time, #clock-now")).not_to_have_count(0)
    axe.check()
