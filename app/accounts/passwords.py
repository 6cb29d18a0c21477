"""Password rules after NIST SP 800-63B: at least 8 characters, no composition rules, long
passphrases welcome, and the most common passwords refused. Hashing with Argon2id."""

from __future__ import annotations

from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from zxcvbn.frequency_lists import FREQUENCY_LISTS

from app.i18n import gettext as _

MIN_LENGTH = 8
MAX_LENGTH = 256  # long passphrases are fine; this only bounds the hashing work

# Dutch passwords that the (English-language) list misses.
DUTCH_COMMON = frozenset(
    {"wachtwoord", "wachtwoord1", "wachtwoord123", "welkom01", "welkom123", "geheim123",
     "voetbal1", "ajax1900", "feyenoord", "psv1913", "nederland", "amsterdam", "1234abcd"}
)  # fmt: skip

_hasher = PasswordHasher()


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    return frozenset(FREQUENCY_LISTS["passwords"]) | DUTCH_COMMON


def password_problem(password: str, *, email: str = "", display_name: str = "") -> str | None:
    """A message saying what is wrong with ``password``, or None when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return _("Use at least %(n)d characters.", n=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        return _("Use at most %(n)d characters.", n=MAX_LENGTH)
    lowered = password.lower()
    if lowered in common_passwords():
        return _("This password is one of the most used ones. Choose another.")
    personal = {email.lower(), email.split("@")[0].lower(), display_name.lower()} - {""}
    if lowered in personal:
        return _("Do not use your name or email address as password.")
    return None


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    if not password_hash:
        return False
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


def burn_time() -> None:
    """Hash once for an unknown account, so a sign-in takes as long either way and does
    not reveal which addresses have an account."""
    _hasher.hash("not-a-real-password")
