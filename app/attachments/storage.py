"""Where attachments live on disk, and how a file gets there whole and leaves again.

A file is kept as ``uploads_dir/<organization id>/<32 hex digits>``: a generated name,
so nothing the person chose (a name with ``../``, a name another file has) ever becomes a
path. It streams into a hidden temporary file in chunks, counting as it goes, so a file
past the limit is dropped as soon as the limit is passed; only after the checks does it
get its name (``os.replace``, atomic within one file system).

The database row is written in the request's unit of work. If that rolls back, a file
placed during it is removed; a file whose row was deleted goes only once the deletion is
committed. Both ride on session events, so a service never has to remember either.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

from app.documents.storage import fsync_dir

CHUNK = 64 * 1024
_STORED_NAME = re.compile(r"[0-9a-f]{32}")
# session.info keys: files placed in this transaction, and files to remove after it.
_PLACED = "attachment_files_placed"
_DOOMED = "attachment_files_doomed"


class Source(Protocol):
    """What an upload is read from: the spooled file of the form, chunk by chunk."""

    def read(self, size: int = -1, /) -> bytes: ...


class TooLarge(Exception):
    """The stream went past the limit; what was written of it is removed already."""


@dataclass(frozen=True)
class Received:
    """A streamed upload in its temporary place, not yet checked."""

    folder: Path
    temporary: Path
    size: int
    sha256: str


def folder_of(root: Path, organization_id: int) -> Path:
    return root / str(int(organization_id))


def path_of(root: Path, organization_id: int, stored_name: str) -> Path:
    """The file of a stored name; refuses anything that is not a generated name."""
    if not _STORED_NAME.fullmatch(stored_name):
        raise ValueError(f"not a stored attachment name: {stored_name!r}")
    return folder_of(root, organization_id) / stored_name


def receive(source: Source, root: Path, organization_id: int, max_bytes: int) -> Received:
    """Copy ``source`` into a temporary file in the organization's folder, chunk by chunk,
    and stop with TooLarge as soon as more than ``max_bytes`` came in."""
    folder = folder_of(root, organization_id)
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{secrets.token_hex(8)}.part"
    digest = hashlib.sha256()
    size = 0
    try:
        with temporary.open("xb") as target:
            while chunk := source.read(CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise TooLarge()
                digest.update(chunk)
                target.write(chunk)
            target.flush()
            os.fsync(target.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return Received(folder, temporary, size, digest.hexdigest())


def discard(received: Received) -> None:
    received.temporary.unlink(missing_ok=True)


def place(db: Session, received: Received) -> str:
    """Give a checked upload its generated name; returns the name. The file is removed
    again if the session's transaction rolls back."""
    stored_name = secrets.token_hex(16)
    final = received.folder / stored_name
    os.replace(received.temporary, final)
    fsync_dir(received.folder)
    db.info.setdefault(_PLACED, []).append(final)
    return stored_name


def remove_after_commit(db: Session, path: Path) -> None:
    """The row is deleted in this transaction; its file goes once that is committed (a
    rollback keeps the row, so it keeps the file too)."""
    db.info.setdefault(_DOOMED, []).append(path)


def _unlink_all(paths: list[Path]) -> None:
    for path in paths:
        # A file that cannot be removed is only space taken: no row offers it any more.
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a savepoint released: the outer transaction may still roll back
    session.info.pop(_PLACED, None)
    _unlink_all(session.info.pop(_DOOMED, []))


@event.listens_for(Session, "after_soft_rollback")
def _after_rollback(session: Session, previous: SessionTransaction) -> None:
    if previous.parent is not None:
        return  # a savepoint rolled back; the request's own transaction goes on
    _unlink_all(session.info.pop(_PLACED, []))
    session.info.pop(_DOOMED, None)


# A file younger than this may belong to a transaction still under way (placed, its row
# not yet committed); the sweep leaves it alone.
SWEEP_GRACE_SECONDS = 3600


def sweep_orphans(
    root: Path, organization_id: int, kept_names: set[str], *, now: float, dry_run: bool = False
) -> int:
    """Remove what no row points at any more: files of attachments whose proposal or
    sheet went with a database cascade, and temporary ``.part`` files a crashed upload
    left. Returns how many (were or would be) removed."""
    folder = folder_of(root, organization_id)
    if not folder.is_dir():
        return 0
    removed = 0
    for path in folder.iterdir():
        name = path.name
        orphan = _STORED_NAME.fullmatch(name) is not None and name not in kept_names
        leftover = name.startswith(".") and name.endswith(".part")
        if not (orphan or leftover) or not path.is_file():
            continue
        with contextlib.suppress(FileNotFoundError):
            if now - path.stat().st_mtime < SWEEP_GRACE_SECONDS:
                continue
            if not dry_run:
                path.unlink()
            removed += 1
    return removed
