"""Small helpers for htmx requests; pages never branch on DOM ids, only on HX-Request."""

from __future__ import annotations

from starlette.requests import Request


def is_htmx(request: Request) -> bool:
    # A boosted request wants the whole page (htmx swaps the body), not a fragment.
    return (
        request.headers.get("HX-Request") == "true" and request.headers.get("HX-Boosted") != "true"
    )
