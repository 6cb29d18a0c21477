"""Where built documents live on disk, and how a file gets there whole.

A build writes to a hidden temporary name in the edition's folder, flushes it to disk,
and only then renames it into place (``os.replace`` is atomic within one file system).
A reader therefore sees the whole file or no file, never half of one; and the database
says "done" only after the rename, so a half-built file is never offered."""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app.models import DocumentBuild


@dataclass(frozen=True)
class Stored:
    key: str  # below the documents folder: "<organization>/<edition>/<build>-<name>"
    size: int
    sha256: str


def folder_key(organization_id: int, edition_id: int) -> str:
    return f"{organization_id}/{edition_id}"


def path_of(root: Path, key: str) -> Path:
    """The file a storage key names; refuses a key that would leave the folder."""
    base = root.resolve()
    path = (base / key).resolve()
    if not path.is_relative_to(base):
        raise ValueError(f"storage key outside the documents folder: {key!r}")
    return path


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            sha.update(chunk)
    return sha.hexdigest()


def fsync_dir(folder: Path) -> None:
    # The rename itself must reach the disk too, or a power cut could undo it.
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - not every platform opens folders
        return
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@contextmanager
def writing(root: Path, folder: str, final_name: str) -> Iterator[tuple[Path, list[Stored]]]:
    """Yields a temporary path to write to, and a list that holds the stored file once the
    block ends without an error. On an error the temporary file is removed."""
    directory = path_of(root, folder)
    directory.mkdir(parents=True, exist_ok=True)
    temporary = directory / f".{final_name}.{secrets.token_hex(6)}.part"
    result: list[Stored] = []
    try:
        yield temporary, result
        with temporary.open("rb+") as handle:
            os.fsync(handle.fileno())
        size, digest = temporary.stat().st_size, _digest(temporary)
        os.replace(temporary, directory / final_name)
        fsync_dir(directory)
        result.append(Stored(f"{folder}/{final_name}", size, digest))
    finally:
        temporary.unlink(missing_ok=True)


def available(root: Path, build: DocumentBuild) -> Path | None:
    """The file of a build that may be offered: done, and on disk with the recorded size
    (a file that went missing or was cut short is not handed out)."""
    if build.status != "done" or build.storage_key is None or build.size is None:
        return None
    try:
        path = path_of(root, build.storage_key)
        if path.stat().st_size != build.size:
            return None
    except (OSError, ValueError):
        return None
    return path


def remove(root: Path, key: str | None) -> None:
    if key is None:
        return
    # A file that cannot be removed is only space taken: its build is no longer offered.
    with contextlib.suppress(OSError, ValueError):
        path_of(root, key).unlink(missing_ok=True)
