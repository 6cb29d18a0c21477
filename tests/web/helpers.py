from __future__ import annotations

import re

from fastapi.testclient import TestClient


def csrf_token(client: TestClient, path: str = "/") -> str:
    """The token a real form on ``path`` carries (and sets the cookie it belongs to)."""
    html = client.get(path).text
    match = re.search(r'name="csrf_token" value="([0-9a-f]+)"', html)
    assert match, "page has no CSRF field"
    return match.group(1)
