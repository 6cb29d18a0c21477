"""The API tested from outside: schemathesis reads /api/v1/openapi.json from the whole app
(the site's middleware included) and sends what the document allows, and what it does not,
to every operation. No answer may be a 5xx; every answer must match what the document says
of it (status, content type, headers, schema); wrong input must be refused, right input
accepted.

The schema is loaded when the module is imported (``schemathesis.pytest.from_fixture``
breaks on pytest 9, which dropped ``Node._nodeid``), through :class:`CurrentApp`: an ASGI
app that passes each request on to the app of the test that is running, wired to its
database with the published decision's data. The slug and theme are often the real ones,
so the answers with data are generated too, and the last test sends each operation the
real parameters once, so every 200 with data is checked whatever hypothesis draws.
Hypothesis is derandomized and held to ``MAX_EXAMPLES`` an operation.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.core.result import Ok
from sqlalchemy.orm import Session
from starlette.types import ASGIApp, Receive, Scope, Send

from app.config import Settings
from app.main import create_app
from app.models import Organization
from tests.api.conftest import API, OpenData, add_host
from tests.conftest import TEST_SECRET

# Fuzzed examples per operation (14 operations), besides the ~520 requests of schemathesis's
# examples and coverage phases: about 660 requests in all, ~40 s on SQLite, ~60 s on
# PostgreSQL, start-up included. Raise it locally to hunt.
MAX_EXAMPLES = 10


class CurrentApp:
    """What schemathesis calls: the running test's app, or the one it was loaded with."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)


# Only serves the document at import time: no database is reached for it.
TARGET = CurrentApp(
    create_app(
        Settings(
            environment="test", database_url="sqlite://", secret_key=TEST_SECRET, jobs_mode="off"
        )
    )
)
CONFIG = SchemathesisConfig.from_dict(
    {
        "dictionaries": {
            "slugs": {"values": ["dialoog"]},
            "themes": {"values": ["onderwijs", "sport"]},
        },
        "parameters": {
            "path.slug": {"dictionary": "slugs", "probability": 0.7},
            "query.theme": {"dictionary": "themes", "probability": 0.5},
        },
    }
)
schema = schemathesis.openapi.from_asgi(f"{API}/openapi.json", TARGET, config=CONFIG)


@pytest.fixture
def current_app(
    app: FastAPI, db: Session, organization: Organization, open_data: OpenData
) -> Iterator[OpenData]:
    add_host(db, organization, "testserver")  # the Host schemathesis's ASGI client sends
    previous, TARGET.app = TARGET.app, app
    yield open_data
    TARGET.app = previous


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_keeps_to_its_document(case: schemathesis.Case[Any], current_app: OpenData) -> None:
    case.call_and_validate()


def test_every_answer_with_data_keeps_to_the_document(current_app: OpenData) -> None:
    """Each operation once with the real slug, and every proposal's detail (reviews, a
    merged or rejected one, one in discussion), checked the same way."""
    calls = 0
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), result
        operation = result.ok()
        path_parameters: dict[str, object] = {"slug": "dialoog"}
        if "{proposal_id}" not in operation.path:
            operation.Case(path_parameters=path_parameters).call_and_validate()
            calls += 1
            continue
        for proposal in current_app.proposals:
            case = operation.Case(path_parameters={**path_parameters, "proposal_id": proposal.id})
            assert case.call_and_validate().status_code == 200
            calls += 1
    assert calls >= 15
