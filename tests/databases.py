"""Throwaway databases for the tests: a file per purpose on SQLite, a database per purpose
on the PostgreSQL server that TEST_DATABASE_URL points at. Each is built by the migrations.

Under pytest-xdist every worker has its own: the SQLite files lie in the worker's own
temporary folder, and the PostgreSQL names get the worker's id (``dialoog_ci_gw0``,
``dialoog_ci_gw0_e2e``), so no two workers ever share a database."""

from __future__ import annotations

import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from app.config import ROOT


def base_url() -> URL | None:
    raw = os.environ.get("TEST_DATABASE_URL")
    return make_url(raw) if raw else None


def worker() -> str | None:
    """The pytest-xdist worker this process is (``gw0``, ``gw1``), or None without xdist."""
    return os.environ.get("PYTEST_XDIST_WORKER")


def database_name(server_database: str, purpose: str) -> str:
    """The PostgreSQL database for ``purpose``, named after the one TEST_DATABASE_URL names:
    that name itself for the main database of a run without workers."""
    parts = [server_database]
    if (worker_id := worker()) is not None:
        parts.append(worker_id)
    if purpose != "main":
        parts.append(purpose)
    return "_".join(parts)


def fresh_database(purpose: str, sqlite_dir: Path) -> str:
    """An empty database for ``purpose`` (dropped and made anew), as a URL string."""
    server = base_url()
    if server is None:
        path = sqlite_dir / f"{purpose}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    name = database_name(str(server.database), purpose)
    admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return server.set(database=name).render_as_string(hide_password=False)


def alembic_config(url: str) -> Config:
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["configure_logger"] = False
    return config


def migrate(url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)
