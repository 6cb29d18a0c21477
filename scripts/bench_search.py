"""Times the search on the demo data (issue #11: "search is fast on the demo").

Loads the demo into a throwaway SQLite file and, when a PostgreSQL server is given, into a
fresh database on it (``<name>_bench_search``, dropped and made anew, nothing else
touched), as the browser tests do; then runs a few searches, each ``--rounds`` times after
a warm-up, and prints the median and the 95th percentile in milliseconds: once for the
search itself (count, page and highlighting, ``app.search.queries.search``) and once for
the whole page (``GET /zoeken`` through the app, rendering included).

    .venv/bin/python scripts/bench_search.py
    .venv/bin/python scripts/bench_search.py \\
        --postgres postgresql+psycopg://postgres@127.0.0.1:5432/dialoog
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_databases import fresh_postgres, migrate

from app.config import Settings
from app.db import ALL_ORGANIZATIONS, make_engine, make_session_factory, organization_scope
from app.demo.loader import load_demo
from app.main import create_app
from app.models import Organization, SearchEntry, Theme
from app.search import forms
from app.search import queries as search_queries

ORGANIZATION = "zeist"
HOST = "localhost"  # Zeist's demo host


def _cases(theme_id: int) -> list[tuple[str, dict[str, str]]]:
    return [
        ("one word, plural", {"q": "bibliotheken"}),
        ("common word, page 2", {"q": "gemeente", "pagina": "2"}),
        ("or + phrase", {"q": 'zwembad or "brede school"'}),
        ("word + amount range", {"q": "subsidie", "min": "50.000", "max": "500.000"}),
        ("word + theme + state",
         {"q": "kosten", "thema": str(theme_id), "status": "proposal.included"}),
        ("filters only", {"thema": str(theme_id), "min": "100.000"}),
        ("nothing found", {"q": "xylofoonorkest"}),
    ]  # fmt: skip


def _timed(run: Callable[[], object], rounds: int) -> tuple[float, float]:
    run()  # warm-up: caches, prepared plans, the stemmer's first words
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(0.95 * len(samples)))]


def bench(label: str, url: str, rounds: int) -> None:
    migrate(url)
    engine = make_engine(url)
    start = time.perf_counter()
    with make_session_factory(engine).begin() as session:
        load_demo(session)
    loaded = time.perf_counter() - start
    factory = make_session_factory(engine)
    with factory() as db:
        organization = db.scalars(
            select(Organization).where(Organization.slug == ORGANIZATION),
            execution_options={ALL_ORGANIZATIONS: True},
        ).one()
        with organization_scope(db, organization.id):
            entries = db.scalar(select(func.count(SearchEntry.id))) or 0
            theme = db.scalars(select(Theme).order_by(Theme.id)).first()
    if theme is None:
        raise SystemExit("the demo has no themes")
    cases = _cases(theme.id)
    out = sys.stdout.write
    out(f"\n{label}: demo loaded in {loaded:.1f} s, {entries} entries in Zeist's index\n")
    out(f"{'search':<24}{'found':>6}{'query ms (median/p95)':>24}{'page ms (median/p95)':>24}\n")
    settings = Settings(
        environment="test", database_url=url, secret_key="b" * 40, log_level="WARNING"
    )
    app = create_app(settings)
    with TestClient(app, base_url=f"http://{HOST}") as client:
        for name, params in cases:
            with factory() as db, organization_scope(db, organization.id):
                form = forms.read(params, search_queries.options(db))
                found = search_queries.search(db, form.query, form.filters).total

                def run_query(form: forms.SearchForm = form) -> object:
                    return search_queries.search(db, form.query, form.filters)

                q_median, q_p95 = _timed(run_query, rounds)

            def run_page(params: dict[str, str] = params) -> object:
                response = client.get("/zoeken", params=params)
                if response.status_code != 200:
                    raise SystemExit(f"GET /zoeken {params}: {response.status_code}")
                return response

            p_median, p_p95 = _timed(run_page, rounds)
            out(
                f"{name:<24}{found:>6}{q_median:>14.1f} / {q_p95:<7.1f}"
                f"{p_median:>14.1f} / {p_p95:<7.1f}\n"
            )
    engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", help="a PostgreSQL URL; its server gets the bench database")
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        bench("SQLite (FTS5)", f"sqlite:///{folder}/bench.sqlite3", args.rounds)
    if args.postgres:
        bench(
            "PostgreSQL (tsvector + GIN)",
            fresh_postgres(args.postgres, "bench_search"),
            args.rounds,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
