"""Security events (ASVS V16): one structured log line per event, one name each.

They carry an account id and technical facts, never an email address or a name: a log
is copied to places the database is not, and must not become a second list of people.
"""

from __future__ import annotations

import hashlib
from typing import Any

import structlog

log = structlog.get_logger("dialoog.security")

SIGN_IN = "security.sign_in"
SIGN_IN_FAILED = "security.sign_in_failed"
SIGN_OUT = "security.sign_out"
SESSION_TIMED_OUT = "security.session_timed_out"
SESSIONS_ENDED = "security.sessions_ended"
ACCESS_REFUSED = "security.access_refused"
ROLE_GRANTED = "security.role_granted"
ROLE_REVOKED = "security.role_revoked"
PASSWORD_CHANGED = "security.password_changed"  # noqa: S105 - an event name
RATE_LIMITED = "security.rate_limited"


def pseudonym(value: str) -> str:
    """A short hash that still lets one correlate events on the same address or account
    name without the log holding the name itself."""
    return hashlib.sha256(value.strip().lower().encode()).hexdigest()[:12]


def security_event(event: str, *, warning: bool = False, **fields: Any) -> None:
    (log.warning if warning else log.info)(event, **fields)
