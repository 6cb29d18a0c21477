"""``make audit``: skipped (and says so) where no vulnerability service answers; where one
does, pip-audit's verdict is the audit's."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "audit_dependencies.py"


@pytest.fixture(scope="module")
def audit() -> ModuleType:
    spec = importlib.util.spec_from_file_location("audit_dependencies", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_service_skips_and_says_so(
    audit: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    ran: list[Sequence[str]] = []

    def run(command: Sequence[str]) -> int:
        ran.append(command)
        return 0

    assert audit.main(probe=lambda url, body: False, run=run) == 0
    assert capsys.readouterr().out.strip() == audit.SKIPPED
    assert ran == []


@pytest.mark.parametrize(("verdict", "code"), [(0, 0), (1, 1)])
def test_a_reachable_service_lets_pip_audit_decide(
    audit: ModuleType, verdict: int, code: int
) -> None:
    ran: list[Sequence[str]] = []

    def run(command: Sequence[str]) -> int:
        ran.append(command)
        return verdict

    osv_only = lambda url, body: "osv" in url  # noqa: E731
    assert audit.main(probe=osv_only, run=run) == code
    (command,) = ran
    assert "--strict" in command
    assert command[command.index("--vulnerability-service") + 1] == "osv"
    assert sum(1 for part in command if part.endswith(".lock")) == 2


def test_pip_audit_accepts_the_command_and_strict_fails_on_what_it_cannot_audit(
    audit: ModuleType,
) -> None:
    """The real pip-audit with the real flags: on this machine PyPI's per-version API
    answers 404, so every package is "not found"; --strict turns that into a failure
    (the probe above is what keeps it from failing make audit)."""
    command = audit.pip_audit_command("pypi")
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if result.returncode == 0:
        return  # a machine where PyPI answers and the lock is clean
    assert "could not be audited" in result.stderr or "vulnerab" in result.stdout + result.stderr
    assert "usage:" not in result.stderr  # the flags are right
    assert sys.executable in command
