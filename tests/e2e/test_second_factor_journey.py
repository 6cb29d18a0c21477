"""Sanne, a new official, signs in with her password for the first time: the site asks her
to set up a second step. She adds the key to her app (here: pyotp, with the key the page
shows), fills in its code and is signed in. She signs out and in again: now the site asks
only for a code, refuses a wrong one and takes the right one. Every page gets an axe scan,
the enrol page and the code page among them.

The live server signs staff in with a password alone for the other journeys; this one
turns the second factor on while it runs (tests/e2e/conftest.py LIVE_ACCOUNTS)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pyotp
import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from app.access.roles import Role
from app.db import make_engine, make_session_factory
from app.demo.data import DEMO_PASSWORD
from app.models import Organization
from tests.e2e.conftest import LIVE_ACCOUNTS, Axe
from tests.factories import make_user

EMAIL = "sanne.nieuw@zeist.example"


@pytest.fixture(scope="module")
def second_factor_on(live_database: str) -> Iterator[None]:
    """A new official of Zeist without a second factor yet, and the setting on."""
    engine = make_engine(live_database)
    with make_session_factory(engine).begin() as db:
        db.info["all_organizations"] = True
        zeist = db.scalar(select(Organization).where(Organization.slug == "zeist"))
        assert zeist is not None
        db.info.pop("all_organizations")
        make_user(
            db,
            zeist,
            email=EMAIL,
            display_name="Sanne (nieuw)",
            roles=[Role.OFFICIAL],
            password=DEMO_PASSWORD,
        )
    engine.dispose()
    LIVE_ACCOUNTS.second_factor_for_staff = True
    try:
        yield
    finally:
        LIVE_ACCOUNTS.second_factor_for_staff = False


def _password(page: Page, base: str, axe: Axe) -> None:
    page.goto(f"{base}/aanmelden?volgende=/profiel")
    axe.check()
    page.get_by_label("E-mailadres").fill(EMAIL)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()


def test_sanne_sets_up_a_second_step_and_signs_in_with_a_code(
    page: Page, live_server: str, axe: Axe, second_factor_on: None
) -> None:
    base = live_server
    _password(page, base, axe)
    expect(page).to_have_url(re.compile(r"/aanmelden/tweede-stap$"))
    expect(page.locator("svg.second-factor-qr")).to_be_visible()
    axe.check()

    secret = page.locator("#second-factor-secret").get_attribute("data-secret")
    assert secret
    app = pyotp.TOTP(secret)
    page.locator("#field-code").fill(app.now())
    page.locator('form[data-second-factor="enrol"] button[type="submit"]').click()
    expect(page).to_have_url(re.compile(r"/profiel$"))
    expect(page.locator('[data-second-factor="on"]')).to_be_visible()
    axe.check()

    # Moving to a new phone starts on its own page, with a new key.
    page.goto(f"{base}/profiel/tweede-stap")
    expect(page.locator("svg.second-factor-qr")).to_be_visible()
    assert page.locator("#second-factor-secret").get_attribute("data-secret") != secret
    axe.check()

    page.get_by_role("button", name="Afmelden").click()
    expect(page.locator("#messages")).to_contain_text("U bent afgemeld")
    axe.check()

    _password(page, base, axe)
    expect(page).to_have_url(re.compile(r"/aanmelden/code$"))
    axe.check()
    expect(page.locator("#second-factor-secret")).to_have_count(0)  # shown once, at enrolment

    taken = {app.at(time.time() + 30 * offset) for offset in (-1, 0, 1)}
    wrong = next(f"{n:06d}" for n in range(1000) if f"{n:06d}" not in taken)
    page.locator("#field-code").fill(wrong)
    page.locator('form[data-second-factor="code"] button[type="submit"]').click()
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator("#field-code")).to_have_attribute("aria-invalid", "true")
    axe.check()

    # The enrolment used this step's code; the app's next one is accepted already.
    page.locator("#field-code").fill(app.at(time.time() + 30))
    page.locator('form[data-second-factor="code"] button[type="submit"]').click()
    expect(page).to_have_url(re.compile(r"/profiel$"))
    expect(page.locator('[data-second-factor="on"]')).to_be_visible()
    axe.check()
