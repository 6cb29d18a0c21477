"""Shared by the second factor's tests: the setting turned on, and a person's authenticator
app (pyotp with the secret the enrol page shows)."""

from __future__ import annotations

import re
import time

import pyotp
from fastapi.testclient import TestClient
from httpx2 import Response

from app.config import Settings
from tests.factories import DEFAULT_PASSWORD
from tests.web.helpers import csrf_token

SECRET_ON_PAGE = re.compile(r'id="second-factor-secret" data-secret="([A-Z2-7]+)"')


def with_second_factor(settings: Settings) -> Settings:
    accounts = settings.accounts.model_copy(update={"second_factor_for_staff": True})
    return settings.model_copy(update={"accounts": accounts})


def password_step(
    client: TestClient, email: str, password: str = DEFAULT_PASSWORD, next_path: str = "/"
) -> Response:
    return client.post(
        "/aanmelden",
        data={
            "email": email,
            "password": password,
            "volgende": next_path,
            "csrf_token": csrf_token(client, "/aanmelden"),
        },
        follow_redirects=False,
    )


def send_code(client: TestClient, page: str, code: str) -> Response:
    """The code form on ``page`` (/aanmelden/code or /aanmelden/tweede-stap)."""
    return client.post(
        page,
        data={"code": code, "csrf_token": csrf_token_of_page(client, page)},
        follow_redirects=False,
    )


def csrf_token_of_page(client: TestClient, page: str) -> str:
    html = client.get(page).text
    match = re.search(r'name="csrf_token" value="([0-9a-f]+)"', html)
    assert match, html[:300]
    return match.group(1)


def secret_from(html: str) -> str:
    match = SECRET_ON_PAGE.search(html)
    assert match, "the enrol page shows no key"
    return match.group(1)


def code_for(secret: str, steps_ahead: int = 0) -> str:
    return pyotp.TOTP(secret).at(time.time() + 30 * steps_ahead)


def wrong_code_for(secret: str) -> str:
    """Six digits that are no code of this secret now or in the step either side."""
    taken = {code_for(secret, offset) for offset in (-1, 0, 1)}
    return next(f"{n:06d}" for n in range(1000) if f"{n:06d}" not in taken)


def enrol(client: TestClient, email: str, next_path: str = "/") -> str:
    """A first sign-in of a staff account: password, then the enrol page with a code.
    Returns the secret, as the person's app now holds it."""
    first = password_step(client, email, next_path=next_path)
    assert first.status_code == 303, first.text[:500]
    assert first.headers["location"] == "/aanmelden/tweede-stap"
    secret = secret_from(client.get("/aanmelden/tweede-stap").text)
    done = send_code(client, "/aanmelden/tweede-stap", code_for(secret))
    assert done.status_code == 303, done.text[:800]
    assert done.headers["location"] == next_path
    return secret
