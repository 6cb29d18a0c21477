"""The load benchmark (``make bench``): the pages that the local paper links to, under load.

1. Makes a fresh PostgreSQL database ``<name>_bench_load`` on the server given (dropped and
   made anew; nothing else touched), migrates it, loads the demo and copies Zeist's process
   nine times over (``scripts/bench_seed.py``): ten times Zeist.
2. Starts the app as production runs it (``deploy/entrypoint.sh``: uvicorn with one
   worker per core) and, beside it, the ceiling (``scripts/bench_ceiling.py``: the same
   stack with one query of 12 rows, behind the same admission gate) with the same flags.
3. Drives wrk at ``--connections`` against the ceiling and each page in turn, after a
   short warm-up, in ``--rounds`` rounds, and prints per page the median of its rounds:
   requests per second, p50 and p99 latency, throughput as a share of the ceiling's, and
   the errors (non-2xx answers, wrk's 2 s timeouts) of all rounds. A page whose first
   answer is not 200 stops the run: a fast error page measures nothing.

The load tool and the servers share the machine's cores: compare figures within one run.

    .venv/bin/python scripts/bench_load.py
    .venv/bin/python scripts/bench_load.py --postgres postgresql+psycopg://u@host:5432/db
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import secrets
import statistics
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_databases import fresh_postgres, migrate  # noqa: E402
from bench_seed import seed_large  # noqa: E402

from app.db import make_engine, make_session_factory  # noqa: E402
from app.demo.data import DEMO_PASSWORD  # noqa: E402
from app.demo.loader import load_demo  # noqa: E402

HOST = "localhost"  # Zeist's demo host
APP_PORT, CEILING_PORT = 8361, 8362
PROCESS = "/processen/bezuinigingsdialoog-2012-2015"
EXPERT = "expert-001@zeist.example"  # an expert of Zorg en welzijn


@dataclass(frozen=True)
class Target:
    label: str
    path: str
    signed_in: bool = False


def targets(busy_proposal_id: int) -> list[Target]:
    return [
        Target("process page", PROCESS),
        Target("theme page", f"{PROCESS}/themas/zorg-en-welzijn"),
        Target("proposal list", f"{PROCESS}/themas/zorg-en-welzijn/voorstellen"),
        Target("proposal, 200 comments", f"{PROCESS}/voorstellen/{busy_proposal_id}"),
        Target("search", "/zoeken?q=bibliotheken"),
        Target("API proposal list", f"/api/v1/processes/{PROCESS.rsplit('/', 1)[1]}/proposals"),
        Target("expert's group page", f"{PROCESS}/groepen/zorg-en-welzijn", signed_in=True),
    ]


@dataclass(frozen=True)
class Result:
    label: str
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int  # non-2xx answers and wrk's timeouts (2 s)


def seed(url: str) -> int:
    start = time.perf_counter()
    migrate(url)
    engine = make_engine(url)
    with make_session_factory(engine).begin() as session:
        load_demo(session)
        seeded = seed_large(session)
    with engine.connect() as conn:  # fresh statistics, as autovacuum would give in time
        conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE"))
    engine.dispose()
    print(
        f"seeded in {time.perf_counter() - start:.0f} s: {seeded.processes} processes, "
        f"{seeded.proposals} proposals, {seeded.comments} comments, {seeded.experts} experts, "
        f"{seeded.search_entries} search entries"
    )
    return seeded.busy_proposal_id


def _environment(url: str, port: int, workers: int) -> dict[str, str]:
    return {
        **os.environ,
        "PATH": f"{ROOT / '.venv' / 'bin'}:{os.environ.get('PATH', '')}",
        "DIALOOG_ENVIRONMENT": "production",
        "DIALOOG_DATABASE_URL": url,
        "DIALOOG_SECRET_KEY": secrets.token_hex(32),
        "DIALOOG_MAIL__BACKEND": "smtp",  # production refuses the outbox; nothing is sent
        "DIALOOG_LOG_FORMAT": "json",
        "DIALOOG_MIGRATE_ON_START": "0",
        "DIALOOG_HOST": "127.0.0.1",
        "DIALOOG_PORT": str(port),
        "DIALOOG_DOCUMENTS_DIR": str(ROOT / "var" / "bench-documents"),
        # The demo's people last signed in in 2011: the nightly retention run would erase
        # them in the middle of a measurement (and its mails would keep the job runner
        # busy trying to send them).
        "DIALOOG_PRIVACY__INACTIVE_ACCOUNT_MONTHS": "0",
        "DIALOOG_PRIVACY__CLOSED_PROCESS_MONTHS": "0",
        "WEB_CONCURRENCY": str(workers),
    }


def start_servers(url: str, workers: int, log: Path) -> list[subprocess.Popen[bytes]]:
    out = log.open("wb")
    app = subprocess.Popen(
        ["sh", str(ROOT / "deploy" / "entrypoint.sh")],
        cwd=ROOT, env=_environment(url, APP_PORT, workers), stdout=out, stderr=out,
    )  # fmt: skip
    ceiling = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "uvicorn"), "bench_ceiling:create_app", "--factory",
            "--app-dir", str(ROOT / "scripts"), "--host", "127.0.0.1",
            "--port", str(CEILING_PORT), "--workers", str(workers), "--no-server-header",
            "--log-level", "warning",
        ],
        cwd=ROOT, env=_environment(url, CEILING_PORT, workers), stdout=out, stderr=out,
    )  # fmt: skip
    servers = [app, ceiling]
    for port, path in ((APP_PORT, PROCESS), (CEILING_PORT, "/")):
        for _ in range(120):
            try:
                if _get(port, path)[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        else:
            stop(servers)
            raise SystemExit(f"the server on port {port} did not answer; see {log}")
    return servers


def stop(servers: list[subprocess.Popen[bytes]]) -> None:
    for server in servers:
        server.terminate()
    for server in servers:
        server.wait(timeout=30)


def _get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path, headers={"Host": HOST, **(headers or {})})
    response = conn.getresponse()
    body = response.read().decode("utf-8", "replace")
    conn.close()
    return response.status, body


def sign_in(email: str) -> str:
    """The Cookie header of a signed-in session (the cookies are Secure in production,
    which a client over plain http would not send back, so they are carried by hand)."""
    conn = http.client.HTTPConnection("127.0.0.1", APP_PORT, timeout=30)
    conn.request("GET", "/aanmelden", headers={"Host": HOST})
    form = conn.getresponse()
    html = form.read().decode()
    cookies = _cookies(form.headers.get_all("Set-Cookie") or [])
    token = re.search(r'name="csrf_token" value="([0-9a-f]+)"', html)
    if token is None:
        raise SystemExit("the sign-in page has no CSRF field")
    body = urllib.parse.urlencode(
        {"email": email, "password": DEMO_PASSWORD, "csrf_token": token.group(1)}
    )
    conn.request(
        "POST", "/aanmelden", body=body,
        headers={"Host": HOST, "Content-Type": "application/x-www-form-urlencoded",
                 "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())},
    )  # fmt: skip
    done = conn.getresponse()
    done.read()
    conn.close()
    if done.status != 303:
        raise SystemExit(f"signing in as {email} answered {done.status}")
    cookies.update(_cookies(done.headers.get_all("Set-Cookie") or []))
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def _cookies(headers: list[str]) -> dict[str, str]:
    return dict(h.split(";", 1)[0].split("=", 1) for h in headers)


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()  # type: ignore[union-attr]
    return float(number) * _UNITS[unit]


def load(label: str, port: int, path: str, args: argparse.Namespace, cookie: str) -> Result:
    url = f"http://127.0.0.1:{port}{path}"
    headers = ["-H", f"Host: {HOST}"] + (["-H", f"Cookie: {cookie}"] if cookie else [])
    status, _body = _get(port, path, {"Cookie": cookie} if cookie else None)
    if status != 200:
        raise SystemExit(f"{label}: GET {path} answered {status}")
    base = ["wrk", "-t2", f"-c{args.connections}", "--latency", *headers, url]
    subprocess.run([*base[:3], "-d2s", *base[3:]], check=True, capture_output=True)  # warm-up
    run = subprocess.run(
        [*base[:3], f"-d{args.duration}s", *base[3:]], check=True, capture_output=True, text=True
    )
    out = run.stdout
    errors = sum(int(n) for n in re.findall(r"(?:Non-2xx or 3xx responses:|timeout) (\d+)", out))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"\s50%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"\s99%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    return Result(label, rps, p50, p99, errors)


def median_of(runs: list[Result]) -> Result:
    """One page's rounds as one figure: the median of each, and every error counted."""
    return Result(
        runs[0].label,
        statistics.median(r.rps for r in runs),
        statistics.median(r.p50_ms for r in runs),
        statistics.median(r.p99_ms for r in runs),
        sum(r.errors for r in runs),
    )


def shares(rounds: list[list[Result]]) -> list[tuple[float, float]]:
    """Per page, the lowest and highest share of the ceiling measured beside it in a round:
    how far one round may be off the median."""
    per_round = [[r.rps / results[0].rps for r in results] for results in rounds]
    return [(min(column), max(column)) for column in zip(*per_round, strict=True)]


def report(ceiling: Result, results: list[Result], spread: list[tuple[float, float]]) -> None:
    print(
        f"\n{'page':<26}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'x ceiling':>11}"
        f"{'rounds':>12}{'errors':>8}"
    )
    for r, (low, high) in zip([ceiling, *results], spread, strict=True):
        span = f"{low:.2f}-{high:.2f}"
        print(f"{r.label:<26}{r.rps:>8.0f}{r.p50_ms:>9.1f}{r.p99_ms:>9.1f}"
              f"{r.rps / ceiling.rps:>11.2f}{span:>12}{r.errors:>8}")  # fmt: skip
    slow = [r.label for r in results if r.rps < 0.5 * ceiling.rps or r.p99_ms >= 150 or r.errors]
    print(
        "\ntargets (>= 0.5 x ceiling, p99 < 150 ms, no errors): "
        + ("all met" if not slow else "missed by " + ", ".join(slow))
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--postgres",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/dialoog"
        ),
        help="a PostgreSQL URL; its server gets the bench database",
    )
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 2, help="uvicorn workers (as deployed)"
    )
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--duration", type=int, default=5, help="seconds per page and round")
    parser.add_argument("--rounds", type=int, default=5, help="each page's figures: the median")
    args = parser.parse_args()
    url = fresh_postgres(args.postgres, "bench_load")
    busy = seed(url)
    log = ROOT / "var" / "bench-load.log"
    log.parent.mkdir(exist_ok=True)
    servers = start_servers(url, args.workers, log)
    try:
        cookie = sign_in(EXPERT)
        rounds: list[list[Result]] = []
        for _ in range(args.rounds):
            # The ceiling in every round: the machine's speed drifts (other work on the
            # host), and each page is compared with the ceiling measured beside it.
            rounds.append(
                [load("ceiling (12 rows)", CEILING_PORT, "/", args, "")]
                + [
                    load(t.label, APP_PORT, t.path, args, cookie if t.signed_in else "")
                    for t in targets(busy)
                ]
            )
    finally:
        stop(servers)
    print(
        f"\n{args.workers} workers, wrk -t2 -c{args.connections} -d{args.duration}s, "
        f"median of {args.rounds} rounds"
    )
    ceiling, *results = [median_of(list(runs)) for runs in zip(*rounds, strict=True)]
    report(ceiling, results, shares(rounds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
