"""Fixtures: a real database built by the migrations, each test in a transaction that is
rolled back, and the app wired to that transaction."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine, event
from sqlalchemy.orm import Session, sessionmaker

from app.config import AccountSettings, MailSettings, Settings
from app.db import make_engine
from app.i18n import DEFAULT_LOCALE, set_locale
from app.jobs.runner import JobRunner
from app.logging_setup import configure_logging
from app.main import create_app
from app.models import Organization
from tests.databases import fresh_database, migrate
from tests.factories import make_organization
from tests.mailbox import Mailbox, SmtpServer, start_smtp_server

TEST_SECRET = "test-secret-key-for-the-suite-only"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Two tests with one node id are one test to pytest-xdist (make test runs in workers),
    which then runs only one of them: refuse such a collection rather than lose tests."""
    twice = sorted(n for n, count in Counter(item.nodeid for item in items).items() if count > 1)
    if twice:
        raise pytest.UsageError(f"tests share a node id, xdist would run one of each: {twice}")


@pytest.fixture(scope="session", autouse=True)
def _structured_logs() -> None:
    # The same logging the app configures, so caplog sees structlog's events.
    configure_logging(Settings(environment="test", log_level="INFO"))


@pytest.fixture(autouse=True)
def _default_locale() -> Iterator[None]:
    """Each test starts in Dutch. The locale is a context variable, and a test that
    switches it (to check English words) must not leave the next test in English."""
    set_locale(DEFAULT_LOCALE)
    yield
    set_locale(DEFAULT_LOCALE)


@pytest.fixture(scope="session")
def sqlite_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("databases")


@pytest.fixture(scope="session")
def database_url(sqlite_dir: Path) -> str:
    url = fresh_database("main", sqlite_dir)
    migrate(url)
    return url


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def connection(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as connection:
        transaction = connection.begin()
        yield connection
        transaction.rollback()


@pytest.fixture
def session_factory(connection: Connection) -> sessionmaker[Session]:
    # Every commit inside the test (the app's unit of work) only releases a savepoint;
    # the outer transaction is rolled back when the test ends.
    return sessionmaker(
        bind=connection,
        join_transaction_mode="create_savepoint",
        expire_on_commit=False,
        autoflush=False,
    )


@pytest.fixture
def db(session_factory: sessionmaker[Session]) -> Iterator[Session]:
    with session_factory() as session:
        yield session


@pytest.fixture
def settings(database_url: str, smtp_server: SmtpServer, tmp_path: Path) -> Settings:
    return Settings(
        environment="test",
        database_url=database_url,
        secret_key=TEST_SECRET,
        default_organization="testdorp",
        jobs_mode="inline",
        mail=MailSettings(backend="smtp", host=smtp_server.host, port=smtp_server.port),
        # Files go to the test's own folders, never into the working tree: the nightly
        # sweep of one test must not remove another's (parallel) uploads.
        documents_dir=tmp_path / "documents",
        exports_dir=tmp_path / "exports",
        uploads_dir=tmp_path / "uploads",
        # Staff sign in with a password alone here: most tests sign an official or the
        # admin in (tests/web/helpers.py sign_in) to test something else. The second
        # factor's own tests turn it on (tests/accounts/test_second_factor*.py).
        accounts=AccountSettings(second_factor_for_staff=False),
    )


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[SmtpServer]:
    """A real SMTP server (aiosmtpd) on 127.0.0.1; the app sends its mail there."""
    server = start_smtp_server()
    yield server
    server.stop()


@pytest.fixture
def mailbox(smtp_server: SmtpServer) -> Mailbox:
    smtp_server.mailbox.clear()
    return smtp_server.mailbox


@pytest.fixture
def app(settings: Settings, session_factory: sessionmaker[Session]) -> FastAPI:
    app = create_app(settings)
    app.state.engine.dispose()
    app.state.session_factory = session_factory
    app.state.jobs = JobRunner(session_factory, settings)
    return app


@pytest.fixture
def organization(db: Session) -> Organization:
    return make_organization(
        db, slug="testdorp", name="Gemeente Testdorp", hosts=("testdorp.test",)
    )


@pytest.fixture
def client(app: FastAPI, organization: Organization) -> Iterator[TestClient]:
    with TestClient(app, base_url="http://testdorp.test") as client:
        yield client


class QueryCounter:
    """Counts the SQL statements sent on the test's connection."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    def __call__(self, *args: object) -> None:
        self.statements.append(str(args[2]))

    @property
    def count(self) -> int:
        return len(self.statements)


@pytest.fixture
def queries(connection: Connection) -> Iterator[QueryCounter]:
    """Query budgets: a page's statement count must not grow with the rows it shows."""
    counter = QueryCounter()
    event.listen(connection, "before_cursor_execute", counter)
    yield counter
    event.remove(connection, "before_cursor_execute", counter)


@pytest.fixture
def app_client_pair(
    app: FastAPI, organization: Organization
) -> Iterator[tuple[TestClient, TestClient]]:
    """Two browsers on the same site (two devices of one person, or two people)."""
    with (
        TestClient(app, base_url="http://testdorp.test") as first,
        TestClient(app, base_url="http://testdorp.test") as second,
    ):
        yield first, second
