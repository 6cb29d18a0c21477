"""The issue's live test with two browser contexts: a team member keeps the team's page
open; a financial adviser, in another browser, takes the team's measure from the review
queue and validates it (the lawyer found it feasible before); within two seconds the
team member's screen shows the validated total, without a reload. Then the participants'
home page, the programme, the channels and the steering group's pages, each with an
axe scan.

It runs on a server of its own (a uvicorn process, as deployed, on a database of its own),
so its sprint and people do not meet the other journeys' in the shared live database."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from playwright.sync_api import Browser, Page, expect

from app.db import make_engine, make_session_factory, utcnow
from app.reviews.kinds import ReviewKind
from app.web.templating import euro
from tests.databases import fresh_database, migrate
from tests.e2e.conftest import Axe
from tests.e2e.test_sprint_processes import ORGANIZATION, Server, _start
from tests.factories import DEFAULT_PASSWORD, make_organization
from tests.sprint.fixtures_queue import add_measure, make_sprint_stage, review

SLUG = "hackaton-live"
SPRINT = f"/processen/{SLUG}/sprint"


@dataclass(frozen=True)
class Case:
    server: Server
    team: int
    measure: int


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Case]:
    workdir = tmp_path_factory.mktemp("sprint_live_journey")
    url = fresh_database("sprint_live_journey", workdir)
    migrate(url)
    engine = make_engine(url)
    with make_session_factory(engine).begin() as db:
        organization = make_organization(db, slug=ORGANIZATION, name="Gemeente Sprintdorp")
        stage = make_sprint_stage(db, organization, slug=SLUG, teams=2)
        measure = add_measure(
            db, stage, stage.teams[0], "Minder inhuur", option=stage.option,
            submitted_at=utcnow() - timedelta(hours=1),
            amounts={2012: (100_000, 50_000), 2015: (400_000, 0)},
        )  # fmt: skip
        review(db, stage, measure, ReviewKind.LEGAL)
        made = (stage.teams[0].id, measure.id)
    engine.dispose()
    server = _start(url, workdir, "journey")
    yield Case(server, *made)
    server.stop()


def _signed_in_page(browser: Browser, base: str, email: str, then: str) -> tuple[Page, Axe]:
    """A browser of its own, signed in, on ``then`` (a full load, scripts and all)."""
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
    page = context.new_page()
    axe = Axe(page)
    page.goto(f"{base}/aanmelden")
    axe.check()
    page.locator("#field-email").fill(email)
    page.locator("#field-password").fill(DEFAULT_PASSWORD)
    page.locator("#field-password").press("Enter")
    expect(page.locator('form[action="/afmelden"] button')).to_be_visible()
    page.goto(f"{base}{then}")
    axe.check()
    return page, axe


def test_a_validation_reaches_the_teams_screen_within_two_seconds(
    browser: Browser, case: Case
) -> None:
    base = case.server.url
    team_page = f"{SPRINT}/teams/{case.team}"
    member, member_axe = _signed_in_page(browser, base, "expert@example.org", team_page)
    validated = member.locator("#validated-structural")
    expect(validated).to_have_attribute("data-amount", "0")
    expect(member.locator("#claimed-structural")).to_have_attribute("data-amount", "400000")

    adviser, adviser_axe = _signed_in_page(
        browser, base, "financien@example.org", f"{SPRINT}/toetsing"
    )
    adviser.locator(f'form[action="{SPRINT}/toetsing/financieel/volgende"] button').click()
    expect(adviser).to_have_url(f"{base}{SPRINT}/toetsing/financieel/{case.measure}")
    adviser_axe.check()
    adviser.locator("#verdict-feasible").check()
    adviser.locator(f'form[action="{SPRINT}/toetsing/financieel/{case.measure}"] button').click()
    expect(adviser).to_have_url(f"{base}{SPRINT}/toetsing")
    saved = time.monotonic()
    expect(validated).to_have_attribute("data-amount", "400000", timeout=2000)
    assert time.monotonic() - saved < 2.0
    expect(validated).to_have_text(euro(400_000))
    adviser_axe.check()
    member_axe.check()

    # The team member's other sprint pages: the home page and the team's channel.
    member.goto(f"{base}{SPRINT}")
    expect(member.locator("#link-team")).to_be_visible()
    member_axe.check()
    member.goto(f"{base}{SPRINT}/teams/{case.team}/berichten")
    member_axe.check()
    member.context.close()
    adviser.context.close()


def test_the_steering_group_plans_and_writes(browser: Browser, case: Case) -> None:
    base = case.server.url
    page, axe = _signed_in_page(browser, base, "regie@example.org", f"{SPRINT}/programma")
    page.locator("#field-starts_at").fill("2019-05-14T13:00")
    page.locator("#field-ends_at").fill("2019-05-14T13:30")
    page.locator("#field-kind").select_option("speaker")
    page.locator("#field-title").fill("")
    page.locator("#add-item button").click()
    expect(page.locator("#title-error")).to_be_visible()
    expect(page.locator("#field-starts_at")).to_have_value("2019-05-14T13:00")
    axe.check()
    page.locator("#field-title").fill("De wethouder over de opgave")
    page.locator("#add-item button").click()
    expect(page.locator("#programme-items tbody tr")).to_have_count(1)
    axe.check()

    page.goto(f"{base}{SPRINT}/berichten")
    axe.check()
    page.locator("#field-body").fill("Nog zes uur: houd vol!")
    page.locator("#write button").click()
    expect(page.locator("#to-all-messages li")).to_have_count(1)
    axe.check()
    page.goto(f"{base}{SPRINT}")
    expect(page.locator("#programme li")).to_have_count(1)
    expect(page.locator("#to-all-messages")).to_contain_text("Nog zes uur")
    axe.check()
    page.context.close()
