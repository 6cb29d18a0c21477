"""The API as an application of its own, mounted on the site at ``/api/v1``.

A mounted application is its own ``request.app``: it would not see the site's state. It
shares the site's :class:`~starlette.datastructures.State` object instead of copying what
is in it, so whatever the site holds (settings, the session factory, which the tests
replace after :func:`app.main.create_app`) is the same object here. The site's middleware
wraps the mount, so request ids, locale, security headers and the request log apply as on
every page; its exception handlers and its CSRF dependency do not: the API answers errors
with problem details, and only reads.
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI
from starlette.routing import Mount
from starlette.types import ASGIApp

from app.api import csv_routes, routes
from app.api.problems import declare_problems, install_problem_handlers
from app.api.views import API_PREFIX

DESCRIPTION = """\
What the municipality publishes about its savings processes, to read and reuse: the
processes and their themes with targets, the proposals (once submitted) with their
amounts per year, claimed and validated, the reviews, the product sheets (once in a
published edition), the council's amendments with their votes, and its decision.

Read-only, no key needed. Lists come in pages (`page`, `per_page` up to 100) with a
`total` and `links`. Each list is also a CSV file (add `.csv` to the list's path):
UTF-8 with a byte-order mark, separated by semicolons.

Every response carries an `ETag`; send it back in `If-None-Match` and an unchanged
answer is a 304 without a body. Errors are problem details (`application/problem+json`).
"""


class OpenDataApi(FastAPI):
    def openapi(self) -> dict[str, Any]:
        return declare_problems(super().openapi())


def make_api(site: FastAPI) -> FastAPI:
    api = OpenDataApi(
        title="Dialoog open data",
        version="1.0.0",
        description=DESCRIPTION,
        openapi_url="/openapi.json",
        docs_url=None,
        redoc_url=None,
        # The address the mount gives it, whichever way the document is fetched.
        servers=[{"url": API_PREFIX}],
        # Operation ids a client generator can use: the handlers' names.
        generate_unique_id_function=lambda route: route.name,
    )
    api.state = site.state
    install_problem_handlers(api)
    api.include_router(routes.router)
    api.include_router(csv_routes.router)
    return api


class _ApiMount(Mount):
    """A mount that takes every path below its prefix. Starlette's pattern stops at a
    newline (``%0A`` in a URL), and such a path would fall through to the site's HTML 404
    instead of the API's problem details."""

    def __init__(self, path: str, app: ASGIApp, name: str) -> None:
        super().__init__(path, app=app, name=name)
        self.path_regex = re.compile(self.path_regex.pattern, re.DOTALL)


def mount_api(site: FastAPI) -> None:
    """Mount the API on the site at ``/api/v1``."""
    site.router.routes.append(_ApiMount(API_PREFIX, make_api(site), name="api"))
