"""Rate limits that hold across app processes: a fixed-window counter per key in the
database (app.models.RateLimitCounter), raised with one atomic upsert, so two workers
behind one proxy count on the same row. Works on SQLite and PostgreSQL alike.

The count lives in the request's transaction: a request that fails rolls its count back,
which only ever errs on the side of the person (a refused request does not count).
"""

from __future__ import annotations

import time

from fastapi import Request
from sqlalchemy import delete, select, tuple_
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.accounts.sessions import client_address
from app.config import RateLimit, RateLimitSettings
from app.errors import RateLimited
from app.models import RateLimitCounter
from app.security.events import RATE_LIMITED, pseudonym, security_event

# At most this many ended windows are forgotten per hit.
SWEEP_ROWS = 100


def hit(db: Session, key: str, limit: RateLimit, now: float | None = None) -> int:
    """Count one use of ``key``; the seconds to wait if that use is over the limit, else 0."""
    moment = int(now if now is not None else time.time())
    window_end = moment - moment % limit.seconds + limit.seconds
    insert = pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = (
        insert(RateLimitCounter)
        .values(key=key, window_end=window_end, count=1)
        .on_conflict_do_update(
            index_elements=["key", "window_end"],
            set_={"count": RateLimitCounter.count + 1},
        )
        .returning(RateLimitCounter.count)
    )
    count = int(db.execute(statement).scalar_one())
    _sweep(db, moment)
    if count <= limit.requests:
        return 0
    return max(1, window_end - moment)


def _sweep(db: Session, moment: int) -> None:
    """Forget a few counters whose window has ended. On every hit, so a page always costs
    the same statements; SKIP LOCKED (PostgreSQL) so two requests never wait for each
    other over the same old rows."""
    old = (
        select(RateLimitCounter.key, RateLimitCounter.window_end)
        .where(RateLimitCounter.window_end <= moment)
        .limit(SWEEP_ROWS)
        .with_for_update(skip_locked=True)
    )
    db.execute(
        delete(RateLimitCounter).where(
            tuple_(RateLimitCounter.key, RateLimitCounter.window_end).in_(old)
        )
    )


def check(db: Session, request: Request, name: str, *, account: int | None = None) -> int:
    """Count this request against the limit ``name`` (a field of RateLimitSettings) for the
    client's address, or for ``account`` when given; the seconds to wait, or 0."""
    settings: RateLimitSettings = request.app.state.settings.rate_limits
    if not settings.enabled:
        return 0
    limit: RateLimit = getattr(settings, name)
    subject = f"account:{account}" if account is not None else f"address:{client_address(request)}"
    wait = hit(db, f"{name}:{subject}", limit)
    if wait:
        security_event(
            RATE_LIMITED,
            warning=True,
            limit=name,
            account=account,
            address_hash=pseudonym(client_address(request)),
            retry_after=wait,
        )
    return wait


def enforce(db: Session, request: Request, name: str, *, account: int | None = None) -> None:
    """As ``check``, but over the limit raises RateLimited (a 429 page with Retry-After)."""
    wait = check(db, request, name, account=account)
    if wait:
        raise RateLimited(wait)


def retry_after_header(wait: int) -> dict[str, str]:
    return {"Retry-After": str(wait)}
