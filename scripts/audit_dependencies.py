"""Audit the locked dependencies against known vulnerabilities (``make audit``).

pip-audit asks a vulnerability service about every pinned version: PyPI's JSON API
(``/pypi/<name>/<version>/json``) or OSV (api.osv.dev). Where neither answers (a build
machine behind a mirror that serves packages but not that API), pip-audit reports every
package as "not found" and audits nothing; that is not a finding about the dependencies,
so the audit says it was skipped and does not fail. When a service answers, any finding,
or any package it cannot audit (``--strict``), fails.

    .venv/bin/python scripts/audit_dependencies.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCKS = ("requirements.lock", "requirements-dev.lock")
SKIPPED = "dependency audit skipped: no vulnerability service reachable"
TIMEOUT = 5

# A release that surely exists, asked as pip-audit asks: a service that answers this one
# answers for the lock too.
PROBES: dict[str, tuple[str, bytes | None]] = {
    "pypi": ("https://pypi.org/pypi/pip/25.3/json", None),
    "osv": (
        "https://api.osv.dev/v1/query",
        json.dumps({"package": {"name": "pip", "ecosystem": "PyPI"}, "version": "25.3"}).encode(),
    ),
}


def answers(url: str, body: bytes | None) -> bool:
    """Whether the service answers a vulnerability question with JSON."""
    request = urllib.request.Request(  # noqa: S310 - fixed https addresses above
        url, data=body, headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
            reply = json.load(response)
    except (OSError, ValueError):  # no route, no name, 4xx/5xx (HTTPError), not JSON
        return False
    return isinstance(reply, dict) and ("vulnerabilities" in reply or reply == {})


def reachable_service(probe: Callable[[str, bytes | None], bool] = answers) -> str | None:
    for service, (url, body) in PROBES.items():
        if probe(url, body):
            return service
    return None


def pip_audit_command(service: str) -> list[str]:
    # The locks carry a hash for every package: --require-hashes audits exactly those pins
    # without resolving anything (--disable-pip: no pip run, no virtualenv built).
    command = [sys.executable, "-m", "pip_audit", "--strict", "--disable-pip", "--require-hashes"]
    for lock in LOCKS:
        command += ["-r", str(ROOT / lock)]
    return [*command, "--vulnerability-service", service, "--progress-spinner", "off"]


def main(
    probe: Callable[[str, bytes | None], bool] = answers,
    run: Callable[[Sequence[str]], int] = lambda c: subprocess.call(c),  # noqa: S603
) -> int:
    service = reachable_service(probe)
    if service is None:
        sys.stdout.write(SKIPPED + "\n")
        return 0
    sys.stdout.write(f"dependency audit against {service}\n")
    sys.stdout.flush()
    return run(pip_audit_command(service))


if __name__ == "__main__":
    sys.exit(main())
