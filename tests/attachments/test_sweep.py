"""The nightly run removes attachment files that no row points at any more (their
proposal went by a database cascade) and the temporary files a crashed upload left, but
nothing younger than an hour: such a file may belong to a transaction still under way."""

from __future__ import annotations

import os
import time
from pathlib import Path

from app.attachments.storage import SWEEP_GRACE_SECONDS, folder_of, sweep_orphans

KEPT = "a" * 32
ORPHAN = "b" * 32
FRESH_ORPHAN = "c" * 32


def _file(folder: Path, name: str, age_seconds: float, now: float) -> Path:
    path = folder / name
    path.write_bytes(b"%PDF-1.4\n")
    os.utime(path, (now - age_seconds, now - age_seconds))
    return path


def test_orphans_and_crashed_uploads_go_kept_and_fresh_files_stay(tmp_path: Path) -> None:
    now = time.time()
    folder = folder_of(tmp_path, 7)
    folder.mkdir(parents=True)
    old = SWEEP_GRACE_SECONDS + 60
    kept = _file(folder, KEPT, old, now)
    orphan = _file(folder, ORPHAN, old, now)
    fresh = _file(folder, FRESH_ORPHAN, 10, now)
    crashed = _file(folder, ".0123456789abcdef.part", old, now)
    uploading = _file(folder, ".fedcba9876543210.part", 10, now)
    stranger = _file(folder, "notes.txt", old, now)  # not ours: never touched

    assert sweep_orphans(tmp_path, 7, {KEPT}, now=now, dry_run=True) == 2
    assert orphan.exists()
    assert crashed.exists()

    assert sweep_orphans(tmp_path, 7, {KEPT}, now=now) == 2
    assert not orphan.exists()
    assert not crashed.exists()
    for stays in (kept, fresh, uploading, stranger):
        assert stays.exists(), stays.name


def test_an_organization_without_uploads_is_nothing_to_sweep(tmp_path: Path) -> None:
    assert sweep_orphans(tmp_path, 8, set(), now=time.time()) == 0
