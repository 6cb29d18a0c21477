"""Staff sign in through a real OpenID Connect provider (node oidc-provider, started by
the suite): code flow with PKCE, state and nonce, an existing account linked by its
verified address, roles from the provider's claim, and clear refusals for replays."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import Axe


def _sign_in_at_provider(page: Page, live_server: str, axe: Axe, login: str) -> list[str]:
    """Start at our sign-in page, log in at the provider; returns the callback URLs seen."""
    callbacks: list[str] = []
    page.on("request", lambda r: callbacks.append(r.url) if "/terug?" in r.url else None)
    page.goto(live_server + "/aanmelden?volgende=/profiel")
    axe.check()
    page.get_by_role("link", name="Aanmelden met Zeist-account (test)").click()
    page.locator('input[name="login"]').fill(login)
    page.locator('input[name="password"]').fill("elk wachtwoord is goed")
    page.get_by_role("button", name="Sign-in").click()
    return callbacks


def test_fatma_signs_in_with_the_municipalitys_account(
    page: Page, live_server: str, axe: Axe
) -> None:
    callbacks = _sign_in_at_provider(page, live_server, axe, "fatma")
    expect(page).to_have_url(re.compile(r"/profiel$"))
    expect(page.locator("#messages")).to_contain_text("U bent aangemeld")
    # The demo already had a local account with Fatma's verified address: it was linked,
    # so she keeps her name and there is no second account.
    expect(page.get_by_role("link", name="Fatma (financieel adviseur)")).to_be_visible()
    expect(page.get_by_text("Financieel adviseur", exact=True)).to_be_visible()
    axe.check()

    # The same callback once more (a replay): refused with a message, not an error.
    assert callbacks, "the provider never redirected back"
    page.goto(callbacks[-1])
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanmelden is niet gelukt")
    axe.check()


def test_a_forged_state_gets_a_clear_message(page: Page, live_server: str, axe: Axe) -> None:
    response = page.goto(live_server + "/aanmelden/oidc/demo/terug?code=abc&state=verzonnen")
    assert response is not None
    assert response.status == 400
    expect(page.get_by_role("alert")).to_contain_text("Begin opnieuw")
    axe.check()


def test_a_provider_without_an_email_address_is_refused_plainly(
    page: Page, live_server: str, axe: Axe
) -> None:
    _sign_in_at_provider(page, live_server, axe, "iemand-onbekend")
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanmelden is niet gelukt")
    expect(page.get_by_role("alert")).to_contain_text("geen e-mailadres")
    axe.check()


def test_an_unknown_provider_is_not_found(page: Page, live_server: str, axe: Axe) -> None:
    response = page.goto(live_server + "/aanmelden/oidc/bestaat-niet")
    assert response is not None
    assert response.status == 404
    axe.check()
