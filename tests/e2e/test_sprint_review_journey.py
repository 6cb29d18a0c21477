"""Review during the sprint: a lawyer and a financial adviser each take the next measure
from the shared queue and give their verdict (the adviser corrects the team's claim); the
measure now counts on the steering group's screen, which publishes interim standings that
a team member then sees. Every page gets an axe scan.

The demo has no running sprint with measures waiting, so the journey sets up its own in
Zeist's live database before the first page: three teams, two measures."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from app.db import make_engine, make_session_factory, utcnow
from app.models import Organization
from app.web.templating import euro
from tests.e2e.conftest import Axe
from tests.factories import DEFAULT_PASSWORD
from tests.sprint.fixtures_queue import add_measure, make_sprint_stage

SLUG = "hackaton-toetsing"
SPRINT = f"/processen/{SLUG}/sprint"


@dataclass(frozen=True)
class Case:
    first: int  # the oldest measure (team 1), from the catalogue
    second: int  # the next (team 2)
    first_team: int


@pytest.fixture(scope="module")
def case(live_database: str) -> Iterator[Case]:
    engine = make_engine(live_database)
    with make_session_factory(engine).begin() as db:
        db.info["all_organizations"] = True
        zeist = db.scalar(select(Organization).where(Organization.slug == "zeist"))
        assert zeist is not None
        db.info.pop("all_organizations")
        stage = make_sprint_stage(db, zeist, slug=SLUG)
        now = utcnow()
        first = add_measure(
            db, stage, stage.teams[0], "Minder inhuur", option=stage.option,
            submitted_at=now - timedelta(hours=2),
            amounts={2012: (100_000, 50_000), 2015: (400_000, 0)},
        )  # fmt: skip
        second = add_measure(
            db, stage, stage.teams[1], "Eigen vervoer", submitted_at=now - timedelta(hours=1),
            amounts={2015: (200_000, 0)},
        )  # fmt: skip
        result = Case(first.id, second.id, stage.teams[0].id)
    yield result
    engine.dispose()


def _sign_in(page: Page, base: str, axe: Axe, email: str, then: str) -> None:
    page.goto(f"{base}/aanmelden?volgende={then}")
    axe.check()
    page.locator("#field-email").fill(email)
    page.locator("#field-password").fill(DEFAULT_PASSWORD)
    page.locator("#field-password").press("Enter")
    expect(page).to_have_url(base + then)
    axe.check()


def _sign_out(page: Page, base: str, axe: Axe) -> None:
    page.locator('form[action="/afmelden"] button').click()
    expect(page).to_have_url(f"{base}/")
    axe.check()


def _give(page: Page, base: str, axe: Axe, kind_slug: str, measure: int) -> None:
    """Take the next measure and land on its page."""
    page.locator(f'form[action="{SPRINT}/toetsing/{kind_slug}/volgende"] button').click()
    expect(page).to_have_url(f"{base}{SPRINT}/toetsing/{kind_slug}/{measure}")
    axe.check()


def test_reviewers_take_from_the_queue_and_the_steering_group_publishes(
    page: Page, live_server: str, axe: Axe, case: Case
) -> None:
    base = live_server
    queue = f"{SPRINT}/toetsing"

    # The lawyer takes the oldest measure, reads its legal snags, finds it feasible.
    _sign_in(page, base, axe, "jurist@example.org", queue)
    expect(page.locator("#queue-legal tbody tr")).to_have_count(2)
    _give(page, base, axe, "juridisch", case.first)
    expect(page.locator("#legal-snags")).to_be_visible()
    page.locator("#verdict-feasible").check()
    page.locator(f'form[action="{queue}/juridisch/{case.first}"] button').click()
    expect(page).to_have_url(f"{base}{queue}")
    expect(page.locator("#queue-legal tbody tr")).to_have_count(1)
    axe.check()
    _sign_out(page, base, axe)

    # The financial adviser takes the same (oldest) one for the financial side: a typo
    # first, kept at its field; then the corrected structural amount.
    _sign_in(page, base, axe, "financien@example.org", queue)
    _give(page, base, axe, "financieel", case.first)
    page.locator("#verdict-on_conditions").check()
    page.locator("#field-notes").fill("Pas vanaf 2013 volledig.")
    page.locator("#field-structural-2015").fill("drie ton")
    form = f'form[action="{queue}/financieel/{case.first}"]'
    page.locator(f"{form} button").click()
    expect(page.locator("#structural-2015-error")).to_be_visible()
    expect(page.locator("#field-structural-2015")).to_have_value("drie ton")
    axe.check()
    page.locator("#field-structural-2015").fill("300.000")
    page.locator(f"{form} button").click()
    expect(page).to_have_url(f"{base}{queue}")
    axe.check()
    _sign_out(page, base, axe)

    # The steering group sees the measure count, and publishes the standings.
    _sign_in(page, base, axe, "regie@example.org", f"{SPRINT}/regie")
    row = page.locator(f'#standings-table tr[data-team="{case.first_team}"]')
    expect(row.locator('[data-field="validated_structural"]')).to_have_text(euro(300_000))
    expect(row.locator('[data-field="validated_current_year"]')).to_have_text(euro(150_000))
    expect(row.locator('[data-field="feasible"]')).to_have_text("1 / 1")
    expect(page.locator(f'#steering-queue li[data-proposal="{case.second}"]')).to_be_visible()
    page.locator("#field-note").fill("Eerste tussenstand: goed bezig!")
    page.locator(f'form[action="{SPRINT}/regie/tussenstand"] button').click()
    # A boosted form follows the redirect without its fragment.
    expect(page).to_have_url(re.compile(rf"{re.escape(base + SPRINT)}/regie(#snapshots-heading)?$"))
    expect(page.locator("#published-standings li")).to_have_count(1)
    axe.check()
    _sign_out(page, base, axe)

    # A team member sees the published standings.
    _sign_in(page, base, axe, "expert@example.org", f"{SPRINT}/stand")
    snapshot = page.locator("#snapshot-1")
    expect(snapshot).to_contain_text("Eerste tussenstand")
    expect(
        snapshot.locator(f'tr[data-team="{case.first_team}"] [data-field="validated_structural"]')
    ).to_have_text(euro(300_000))
