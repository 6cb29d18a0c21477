"""Who may do what with personal data. A person exports and erases their own account;
the admin erases another's on request (with a reason, audited); the privacy officer and
the admin read the record of processing and the retention runs. The object of the
``*_own`` predicates is the account (a User); nobody reaches another's export."""

from __future__ import annotations

from typing import Any

from app.access.actor import Actor
from app.access.permissions import predicate
from app.access.roles import Role


def _is_self(actor: Actor | None, user: Any) -> bool:
    return actor is not None and user is not None and getattr(user, "id", None) == actor.id


@predicate("privacy.export_own")
def may_export_own(actor: Actor | None, user: Any) -> bool:
    return _is_self(actor, user)


@predicate("privacy.erase_own")
def may_erase_own(actor: Actor | None, user: Any) -> bool:
    return _is_self(actor, user)


@predicate("privacy.erase_any")
def may_erase_any(actor: Actor | None, _user: Any = None) -> bool:
    """On a person's request (by letter, at the desk): the admin, never the officer, so
    the one who keeps the register does not also change what it records."""
    return actor is not None and actor.is_admin


@predicate("privacy.view_register")
def may_view_register(actor: Actor | None, _obj: Any = None) -> bool:
    return actor is not None and (actor.has_role(Role.PRIVACY) or actor.is_admin)
