"""Live updates across server processes (issue 10, point 7): the app runs as two separate
uvicorn processes on one database, as deploy/entrypoint.sh runs it. A team member's
browser holds the sprint's home page open on the second server; the steering group posts
a message to all teams through the first; the browser shows it within two seconds. On
PostgreSQL the first server's NOTIFY wakes the second; on SQLite the second looks at the
log every second. Then the second server is stopped while the stream is open: it must
exit promptly, not hang on the open response.

Runs on SQLite, and on PostgreSQL with TEST_DATABASE_URL set."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx2 as httpx
import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.config import ROOT
from app.db import make_engine, make_session_factory
from tests.conftest import TEST_SECRET
from tests.databases import fresh_database, migrate
from tests.e2e.conftest import Axe
from tests.factories import DEFAULT_PASSWORD, make_organization
from tests.sprint.fixtures_team import EXPERT, STEERING, make_team_stage

HOME = "/processen/hackaton/sprint"
ORGANIZATION = "sprintdorp"


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def stop(self, timeout: float = 10.0) -> float:
        """SIGTERM, as a process manager stops it; how long it took to exit."""
        started = time.monotonic()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired as late:
                self.process.kill()
                self.process.wait()
                raise AssertionError(f"server {self.url} did not stop within {timeout} s") from late
        return time.monotonic() - started


def _free_port() -> int:
    """A port nobody listens on now. Another test worker could take it before uvicorn
    does; ``_start`` then tries another."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _start(database_url: str, workdir: Path, name: str, attempts: int = 3) -> Server:
    for attempt in range(1, attempts + 1):
        try:
            return _start_once(database_url, workdir, name)
        except PortTaken:
            if attempt == attempts:
                raise
    raise AssertionError("unreachable")


class PortTaken(RuntimeError):
    pass


def _start_once(database_url: str, workdir: Path, name: str) -> Server:
    port = _free_port()
    log = workdir / f"{name}.log"
    env = {
        **os.environ,
        "DIALOOG_ENVIRONMENT": "test",
        "DIALOOG_DATABASE_URL": database_url,
        "DIALOOG_SECRET_KEY": TEST_SECRET,
        "DIALOOG_DEFAULT_ORGANIZATION": ORGANIZATION,
        "DIALOOG_DOCUMENTS_DIR": str(workdir / "documents"),
        "DIALOOG_PAGE_CACHE": "true",  # the middlewares as deployed
        "DIALOOG_LOG_LEVEL": "WARNING",
        # Staff sign in with a password alone here, as in the other journeys (the second
        # factor has its own: tests/e2e/test_second_factor_journey.py).
        "DIALOOG_ACCOUNTS__SECOND_FACTOR_FOR_STAFF": "false",
        "DIALOOG_UPLOADS_DIR": str(workdir / "uploads"),
        "DIALOOG_EXPORTS_DIR": str(workdir / "exports"),
    }
    command = [
        sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--no-server-header",
    ]  # fmt: skip
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=out)
    server = Server(f"http://127.0.0.1:{port}", process, log)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = log.read_text()
            if "address already in use" in output:
                raise PortTaken(port)
            raise RuntimeError(f"server {name} exited:\n{output[-3000:]}")
        try:
            if httpx.get(f"{server.url}/healthz", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"server {name} did not start:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One database for both servers, migrated, with a running sprint of two teams."""
    url = fresh_database("sprint_processes", tmp_path_factory.mktemp("sprint_processes"))
    migrate(url)
    engine = make_engine(url)
    with make_session_factory(engine).begin() as db:
        organization = make_organization(db, slug=ORGANIZATION, name="Gemeente Sprintdorp")
        make_team_stage(db, organization)
    engine.dispose()
    return url


@pytest.fixture(scope="module")
def servers(database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Server]]:
    workdir = tmp_path_factory.mktemp("servers")
    started = [_start(database, workdir, "first"), _start(database, workdir, "second")]
    yield started
    for server in started:
        server.stop()


def _token(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([0-9a-f]+)"', html)
    assert match, "page has no CSRF field"
    return match.group(1)


def _signed_in(base: str, email: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=10)
    token = _token(client.get("/aanmelden").text)
    response = client.post(
        "/aanmelden", data={"email": email, "password": DEFAULT_PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 303, response.text[:300]
    return client


def _connections(database_url: str, condition: str) -> int:
    """Connections to the sprint's database (PostgreSQL) that meet ``condition``."""
    url = make_url(database_url)
    engine = create_engine(url.set(database="postgres"))
    with engine.connect() as connection:
        count = connection.scalar(
            # ``condition`` is one of this module's constants, never input.
            text(f"SELECT count(*) FROM pg_stat_activity WHERE datname = :name AND {condition}"),  # noqa: S608
            {"name": url.database},
        )
    engine.dispose()
    return int(count or 0)


def test_an_event_on_one_server_reaches_a_browser_on_the_other(
    page: Page, axe: Axe, servers: list[Server], database: str
) -> None:
    first, second = servers
    # The team member signs in on the second server and opens the sprint's home page
    # (a full load: the page's scripts, the extension among them, come with it).
    page.goto(f"{second.url}/aanmelden")
    page.get_by_label("E-mailadres").fill(EXPERT)
    page.get_by_label("Wachtwoord").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("button", name="Afmelden")).to_be_visible()
    with page.expect_response(lambda r: r.url.endswith(f"{HOME}/live")) as opened:
        page.goto(f"{second.url}{HOME}")
    assert opened.value.status == 200
    assert opened.value.headers["content-type"].startswith("text/event-stream")
    axe.check()
    expect(page.locator("#to-all-none")).to_be_visible()
    if make_url(database).get_backend_name() == "postgresql":
        # Each server process has its one listener; the waiting stream holds no
        # transaction (and so no session) open.
        assert _connections(database, "query = 'LISTEN dialoog_sprint'") == 2
        assert _connections(database, "state LIKE 'idle in transaction%'") == 0

    # The steering group writes to all teams through the first server.
    steering = _signed_in(first.url, STEERING)
    token = _token(steering.get(f"{HOME}/berichten").text)
    body = "Nog zes uur: houd vol, de juristen zijn er klaar voor!"
    posted = steering.post(f"{HOME}/berichten", data={"body": body, "csrf_token": token})
    assert posted.status_code == 303
    sent = time.monotonic()
    expect(page.locator("#sprint-to-all")).to_contain_text(body, timeout=2000)
    assert time.monotonic() - sent < 2.0
    steering.close()

    # A server stopped with a stream open exits promptly (no hanging worker).
    took = second.stop(timeout=10)
    assert took < 5.0, f"the second server took {took:.1f} s to stop"
    log = second.log.read_text()
    assert "Traceback" not in log, log[-3000:]
