"""Security events (ASVS V16): one structured log line per event, one name each.

They carry an account id and technical facts, never an email address or a name: a log
is copied to places the database is not, and must not become a second list of people.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

import structlog

from app.config import get_settings

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
EXPORT_REQUESTED = "security.export.requested"
EXPORT_DOWNLOADED = "security.export.downloaded"
ERASURE = "security.erasure"
SECOND_FACTOR_FAILED = "security.sign_in.second_factor_failed"
SECOND_FACTOR_ENROLLED = "security.second_factor.enrolled"
SECOND_FACTOR_RESET = "security.second_factor.reset"


def pseudonym(value: str) -> str:
    """A short hash that still lets one correlate events on the same address or account
    name without the log holding the name itself.

    Keyed with the app's secret: an unkeyed hash of an email address or an IPv4 address is
    undone by hashing every candidate (a list of addresses, all 2^32 IPv4 addresses), so a
    plain SHA-256 would be a pseudonym in name only for whoever holds the log."""
    key = get_settings().secret_key.encode()
    normalised = value.strip().lower().encode()
    return hmac.new(key, normalised, hashlib.sha256).hexdigest()[:12]


def security_event(event: str, *, warning: bool = False, **fields: Any) -> None:
    (log.warning if warning else log.info)(event, **fields)
