from __future__ import annotations

import re

from fastapi.testclient import TestClient
from httpx2 import Response

from tests.factories import DEFAULT_PASSWORD


def csrf_token(client: TestClient, path: str = "/") -> str:
    """The token a real form on ``path`` carries (and sets the cookie it belongs to)."""
    html = client.get(path).text
    match = re.search(r'name="csrf_token" value="([0-9a-f]+)"', html)
    assert match, "page has no CSRF field"
    return match.group(1)


def post_form(
    client: TestClient, path: str, data: dict[str, str], *, form_page: str = "/"
) -> Response:
    """Submit a form as a browser would: with the CSRF token of a page it came from."""
    return client.post(
        path, data={**data, "csrf_token": csrf_token(client, form_page)}, follow_redirects=False
    )


def sign_in(client: TestClient, email: str, password: str = DEFAULT_PASSWORD) -> None:
    response = client.post(
        "/aanmelden",
        data={"email": email, "password": password, "csrf_token": csrf_token(client, "/aanmelden")},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text[:500]
