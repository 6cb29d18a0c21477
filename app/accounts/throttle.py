"""Slowing down password guessing, per account and per address.

The first few failures cost nothing; after that each further failure doubles the wait
(30 s, 1 min, 2 min, ... up to 15 min) before the next try is even checked. Failures are
rows in the database, so every app process sees the same count.
"""

from __future__ import annotations

import hashlib
import math
from datetime import timedelta

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from app.config import AccountSettings
from app.db import utcnow
from app.models import SignInFailure
from app.security.events import SIGN_IN_FAILED, pseudonym, security_event

WINDOW = timedelta(minutes=15)
MAX_WAIT_SECONDS = 15 * 60


def _wait_for(failures: int, free: int) -> int:
    over = failures - free
    return 0 if over < 0 else min(MAX_WAIT_SECONDS, 30 * 2**over)


def seconds_to_wait(db: Session, settings: AccountSettings, email: str, address: str) -> int:
    """How long this account or address must still wait before a sign-in is checked."""
    since = utcnow() - WINDOW
    now = utcnow()
    waits = []
    for column, value, free in (
        (SignInFailure.email, email, settings.free_failures_per_account),
        (SignInFailure.ip_address, address, settings.free_failures_per_address),
    ):
        count, latest = db.execute(
            select(func.count(SignInFailure.id), func.max(SignInFailure.at)).where(
                column == value, SignInFailure.at > since
            )
        ).one()
        if count and latest is not None:
            if latest.tzinfo is None:  # SQLite returns aggregates without our type
                latest = latest.replace(tzinfo=now.tzinfo)
            ready = latest + timedelta(seconds=_wait_for(count, free))
            waits.append(math.ceil((ready - now).total_seconds()))
    return max([0, *waits])


def serialise_attempts(db: Session, email: str) -> None:
    """Attempts on one account wait for each other until their transaction ends, so
    parallel guesses cannot all pass the count before any failure is recorded. SQLite
    already runs one writing transaction at a time (BEGIN IMMEDIATE, see app.db)."""
    if db.get_bind().dialect.name == "postgresql":
        key = int.from_bytes(hashlib.sha256(email.encode()).digest()[:8], "big", signed=True)
        db.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def record_failure(db: Session, email: str, address: str) -> None:
    db.add(SignInFailure(email=email, ip_address=address))
    # Email and network addresses are personal data: the log gets short hashes that
    # still correlate attempts on one account or from one address.
    security_event(
        SIGN_IN_FAILED, warning=True, account_hash=pseudonym(email), address_hash=pseudonym(address)
    )


def clear_failures(db: Session, email: str) -> None:
    db.execute(delete(SignInFailure).where(SignInFailure.email == email))
