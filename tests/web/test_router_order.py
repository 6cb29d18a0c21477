"""The routers are included in the order their pages are asked for (app.main): that order
may change speed only, never which route answers an address. So no route may answer an
address that a route of another router answers too."""

from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.routing import APIRoute

from app.config import Settings
from app.main import create_app


def _routes_by_router(app: FastAPI) -> list[tuple[int, APIRoute]]:
    # FastAPI keeps included routers as they are and resolves their routes lazily; its
    # effective routes are what a request is matched against.
    found: list[tuple[int, APIRoute]] = []
    for position, included in enumerate(app.router.routes):
        contexts = getattr(included, "effective_route_contexts", None)
        if contexts is None:
            continue  # the mounts (static files, the API): prefixes of their own
        found.extend(
            (position, context.original_route)
            for context in contexts()
            if isinstance(context.original_route, APIRoute)
        )
    return found


def _addresses(route: APIRoute) -> list[str]:
    """Addresses the route answers: each parameter as a number and as a word, so a
    literal segment of another route ("nieuw") meets this one's parameter both ways."""
    return [re.sub(r"\{[^}]+\}", value, route.path_format) for value in ("1", "nieuw")]


def test_no_two_routers_answer_the_same_address(settings: Settings) -> None:
    routes = _routes_by_router(create_app(settings))
    assert len(routes) > 200  # all of them: FastAPI still exposes its included routes
    clashes = [
        f"{route.path} ({sorted(route.methods or ())}) is also {other.path}"
        for position, route in routes
        for address in _addresses(route)
        for other_position, other in routes
        if other_position != position
        and (route.methods or set()) & (other.methods or set())
        and other.path_regex.match(address)
    ]
    assert clashes == []
