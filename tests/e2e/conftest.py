"""Browser journeys: Playwright drives Debian's Chromium against a live server that runs
the real app on its own database (migrated, with the demo data). Every page a test visits
must get an axe-core scan; a page left unscanned fails the test."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import uvicorn
from playwright.sync_api import ConsoleMessage, Page, Response

from app.config import ROOT, AccountSettings, MailSettings, OidcProviderSettings, Settings
from app.db import make_engine, make_session_factory
from app.demo.loader import load_demo
from app.main import create_app
from tests.conftest import TEST_SECRET
from tests.databases import fresh_database, migrate
from tests.mailbox import Mailbox, SmtpServer
from tests.oidc_provider import RunningProvider, running_provider

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_SOURCE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
OIDC_NAME = "demo"
# The live server's account settings, the very object it reads on each request.
LIVE_ACCOUNTS = AccountSettings(second_factor_for_staff=False)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.path):
            item.add_marker(pytest.mark.e2e)
            # A journey's module-scoped set-up changes the live database and puts it back
            # afterwards, so under pytest-xdist (--dist loadgroup) a module's tests stay on
            # one worker, in order.
            item.add_marker(pytest.mark.xdist_group(item.path.stem))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    # Playwright cannot download its own browsers here; Debian's Chromium does the job.
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "locale": "nl-NL", "timezone_id": "Europe/Amsterdam"}


def wait_for_mail(mailbox: Mailbox, address: str, timeout: float = 10.0) -> str:
    """The body of the newest mail to ``address``; the app's job thread sends it shortly
    after the request that wrote it has committed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if mailbox.to(address):
            return Mailbox.body(mailbox.last_to(address))
        time.sleep(0.1)
    raise AssertionError(f"no mail for {address} within {timeout} s")


@pytest.fixture(scope="session")
def live_socket() -> Iterator[socket.socket]:
    """The live server's listening socket, bound at once and held until uvicorn takes it: a
    port only probed and let go could be taken by another xdist worker's server meanwhile."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock


@pytest.fixture(scope="session")
def live_port(live_socket: socket.socket) -> int:
    return int(live_socket.getsockname()[1])


@pytest.fixture(scope="session")
def oidc_provider(live_port: int) -> Iterator[RunningProvider]:
    """A real OpenID Connect provider (node oidc-provider) that knows the live server's
    callback; it has to start first, as the app needs its address."""
    callback = f"http://127.0.0.1:{live_port}/aanmelden/oidc/{OIDC_NAME}/terug"
    with running_provider([callback]) as provider:
        yield provider


@pytest.fixture(scope="session")
def live_database(sqlite_dir: Path) -> str:
    """The live server's database: migrated, with the demo data. A journey that needs a
    situation the demo does not have sets it up here first, before its first page."""
    url = fresh_database("e2e", sqlite_dir)
    migrate(url)
    engine = make_engine(url)
    with make_session_factory(engine).begin() as session:
        load_demo(session)
    engine.dispose()
    return url


@pytest.fixture(scope="session")
def live_server(
    live_database: str,
    sqlite_dir: Path,
    smtp_server: SmtpServer,
    live_socket: socket.socket,
    live_port: int,
    oidc_provider: RunningProvider,
) -> Iterator[str]:
    url = live_database

    settings = Settings(
        environment="test",
        database_url=url,
        secret_key=TEST_SECRET,
        # The journeys sign staff in with a password alone; the second factor's journey
        # turns it on while it runs (tests/e2e/test_second_factor_journey.py).
        accounts=LIVE_ACCOUNTS,
        mail=MailSettings(backend="smtp", host=smtp_server.host, port=smtp_server.port),
        documents_dir=sqlite_dir / "documents",
        uploads_dir=sqlite_dir / "uploads",  # attachments, never into the working tree
        exports_dir=sqlite_dir / "exports",
        oidc_providers=[
            OidcProviderSettings(
                name=OIDC_NAME,
                label="Zeist-account (test)",
                organization="zeist",
                discovery_url=oidc_provider.discovery_url,
                client_id=oidc_provider.client_id,
                client_secret=oidc_provider.client_secret,
                scopes="openid email profile roles",
                roles_claim="dialoog_roles",
                role_map={"finance": "finance", "council": "council", "official": "official"},
            )
        ],
    )
    port = live_port
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, args=([live_socket],), daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the live server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


class Axe:
    """Runs axe-core in the page and remembers which addresses were scanned."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.scanned: set[str] = set()
        self.visited: set[str] = set()

    def check(self) -> None:
        page = self.page
        page.wait_for_load_state("load")
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            # Evaluated through the DevTools protocol, which the page's CSP does not govern,
            # so the scan runs against the real headers rather than a relaxed context.
            page.evaluate(AXE_SOURCE.read_text() + "\n;true")
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        violations = [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"]][:5],
            }
            for v in result["violations"]
        ]
        assert violations == [], f"axe found WCAG 2.1 A/AA problems on {page.url}:\n" + json.dumps(
            violations, indent=2, ensure_ascii=False
        )
        self.scanned.add(_without_fragment(page.url))


@pytest.fixture
def axe(page: Page, live_port: int) -> Iterator[Axe]:
    checker = Axe(page)
    problems: list[str] = []

    def on_navigation(frame: Any) -> None:
        if frame == page.main_frame:
            checker.visited.add(_without_fragment(frame.url))

    def on_console(message: ConsoleMessage) -> None:
        # Failed loads are judged by on_response, which knows a page's own 404 from a
        # missing stylesheet; htmx reports each 4xx page it swaps in as an "error".
        expected = ("Failed to load resource", "Response Status Error Code")
        if message.type == "error" and not message.text.startswith(expected):
            problems.append(message.text)

    def on_response(response: Response) -> None:
        request = response.request
        # A page answering 400 to a bad form (or 404) is a page, whether the browser or
        # htmx (a boosted navigation) fetched it. Anything else failing is a problem.
        is_page = request.resource_type == "document" or request.headers.get("hx-boosted") == "true"
        if response.status >= 400 and not is_page:
            problems.append(f"{response.status} for {response.url}")

    page.on("framenavigated", on_navigation)
    page.on("console", on_console)
    page.on("response", on_response)
    page.on("pageerror", lambda error: problems.append(str(error)))
    yield checker
    ours = {url for url in checker.visited if urlsplit(url).port == live_port}
    unscanned = sorted(ours - checker.scanned)
    assert unscanned == [], f"pages visited without an accessibility scan: {unscanned}"
    assert problems == [], f"the browser reported errors (CSP, scripts, resources): {problems}"


def _without_fragment(url: str) -> str:
    return url.split("#", 1)[0]
