"""Conventions that keep the code safe, checked over the source tree."""

from __future__ import annotations

import re

from app.config import ROOT

APP_FILES = sorted((ROOT / "app").rglob("*.py"))


def test_no_count_through_select_from() -> None:
    """``select(func.count()).select_from(Model)`` escapes organization scoping (see app.db)."""
    pattern = re.compile(r"func\.count\(\)\s*\)\s*\.select_from")
    offenders = [
        str(f.relative_to(ROOT))
        for f in APP_FILES
        if pattern.search(f.read_text()) and f.name != "db.py"  # db.py names it to warn
    ]
    assert offenders == []


def test_services_do_not_commit() -> None:
    """One unit of work per request (app/db.py) or per job (app/jobs/runner.py); the
    services below them only flush."""
    # The request's unit of work, the job runner, and the document build, which commits its
    # progress on its own session so the page can show "n of m" while it runs.
    # A person's data export commits its progress the same way.
    units_of_work = {
        "app/db.py",
        "app/jobs/runner.py",
        "app/documents/jobs.py",
        "app/privacy/export_job.py",
    }
    offenders = [
        str(f.relative_to(ROOT))
        for f in APP_FILES
        if ".commit()" in f.read_text() and f.relative_to(ROOT).as_posix() not in units_of_work
    ]
    assert offenders == []


def test_relationships_do_not_load_lazily() -> None:
    """Every relationship says lazy="raise", so an N+1 query is an error, not a slow page."""
    offenders = []
    for f in sorted((ROOT / "app" / "models").glob("*.py")):
        for call in re.findall(r"relationship\((.*?)\)\n", f.read_text(), flags=re.S):
            if 'lazy="raise"' not in call:
                offenders.append(f"{f.name}: relationship({call.strip()[:40]}...)")
    assert offenders == []


def test_python_files_stay_small() -> None:
    big = [
        f"{f.relative_to(ROOT)} ({n} lines)"
        for f in APP_FILES
        if (n := len(f.read_text().splitlines())) > 500
    ]
    assert big == []
