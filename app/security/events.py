"""Security events (ASVS V16): one structured log line per event, one name each.

They carry an account id and technical facts, never an email address or a name: a log
is copied to places the database is not, and must not become a second list of people.
"""

from __future__ import annotations

import hashlib
from typing import Any

import structlog

log = structlog.get_logger("dialoog.security")

# security.<subject>[.<outcome>]; "access.refused" kept its older name inside the new one,
# so a search for either finds it.
SIGN_IN = "security.sign_in"
SIGN_IN_FAILED = "security.sign_in.failed"
SIGN_OUT = "security.sign_out"
SESSION_TIMED_OUT = "security.session.timed_out"
SESSIONS_ENDED = "security.sessions.ended"
ACCESS_REFUSED = "security.access.refused"
ROLE_GRANTED = "security.role.granted"
ROLE_REVOKED = "security.role.revoked"
PASSWORD_CHANGED = "security.password.changed"  # noqa: S105 - an event name
RATE_LIMITED = "security.rate_limited"


def pseudonym(value: str) -> str:
    """A short hash that still lets one correlate events on the same address or account
    name without the log holding the name itself."""
    return hashlib.sha256(value.strip().lower().encode()).hexdigest()[:12]


def security_event(event: str, *, warning: bool = False, **fields: Any) -> None:
    (log.warning if warning else log.info)(event, **fields)
