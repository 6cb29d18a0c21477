"""Links in mails: signed, timed tokens (itsdangerous). A reset link carries a fingerprint
of the current password hash, so it works once: after the reset the fingerprint changes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

CONFIRM_SALT = "dialoog.confirm-email"
RESET_SALT = "dialoog.reset-password"


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


@dataclass(frozen=True)
class LinkClaims:
    user_id: int
    check: str


def _fingerprint(value: str | None) -> str:
    return hashlib.sha256((value or "").encode()).hexdigest()[:16]


def make_link_token(secret: str, salt: str, user_id: int, check_value: str | None) -> str:
    return URLSafeTimedSerializer(secret, salt=salt).dumps(
        {"u": user_id, "c": _fingerprint(check_value)}
    )


def read_link_token(secret: str, salt: str, token: str, max_age_seconds: int) -> LinkClaims:
    try:
        data = URLSafeTimedSerializer(secret, salt=salt).loads(token, max_age=max_age_seconds)
    except SignatureExpired as exc:
        raise LinkExpired() from exc
    except BadSignature as exc:
        raise LinkInvalid() from exc
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        raise LinkInvalid()
    return LinkClaims(user_id=data["u"], check=str(data.get("c", "")))


def matches(claims: LinkClaims, check_value: str | None) -> bool:
    return claims.check == _fingerprint(check_value)
