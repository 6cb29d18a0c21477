from __future__ import annotations

from typing import Any

from app.access.actor import Actor
from app.access.permissions import predicate


@predicate("profile.edit")
def may_edit_profile(actor: Actor | None, obj: Any) -> bool:
    """Everyone signed in edits their own profile (there is no way to name another's)."""
    return actor is not None


@predicate("contribute")
def may_contribute(actor: Actor | None, obj: Any) -> bool:
    """Writing anything public needs a confirmed email address."""
    return actor is not None and actor.is_confirmed


@predicate("accounts.renew_second_factor")
def may_renew_second_factor(actor: Actor | None, obj: Any) -> bool:
    """A new authenticator app replaces one the person has set up (their own account)."""
    return actor is not None and obj is actor.user and obj.totp_confirmed_at is not None


@predicate("accounts.reset_second_factor")
def may_reset_second_factor(actor: Actor | None, obj: Any) -> bool:
    """Clearing someone's second factor (a lost phone) lets the next password sign-in
    enrol a new one: only the admin, who also manages roles and sessions."""
    return actor is not None and actor.is_admin
