"""Permissions as named predicates, shared by routes (``require``) and templates (``can``).

A predicate answers one question, e.g. ``"page.view"``: may this actor do this to this
object now? It combines role, phase and ownership; routes enforce it and templates ask the
same one, so a button is never shown for an action the route would refuse. Each domain
registers its predicates in its own ``permissions.py``; a test walks every registered one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.access.actor import Actor
from app.errors import Forbidden, SignInRequired
from app.security.events import ACCESS_REFUSED, security_event

# A predicate gets the actor (None for an anonymous visitor) and the object in question.
Predicate = Callable[[Actor | None, Any], bool]

_PREDICATES: dict[str, Predicate] = {}


def predicate(name: str) -> Callable[[Predicate], Predicate]:
    def register(func: Predicate) -> Predicate:
        if name in _PREDICATES:
            raise ValueError(f"permission {name!r} registered twice")
        _PREDICATES[name] = func
        return func

    return register


def registered() -> dict[str, Predicate]:
    return dict(_PREDICATES)


def can(actor: Actor | None, action: str, obj: Any = None) -> bool:
    try:
        check = _PREDICATES[action]
    except KeyError:
        raise LookupError(f"no permission named {action!r}") from None
    return bool(check(actor, obj))


def require(actor: Actor | None, action: str, obj: Any = None) -> None:
    """Refuse unless ``can`` says yes: an anonymous visitor is sent to sign in, a signed-in
    person gets a 403, and either way a log line names who tried what."""
    if not can(actor, action, obj):
        # A plain view of a row names the row's kind (app.recruitment.queries.GroupAddress).
        kind = None if obj is None else getattr(obj, "object_type", type(obj).__name__)
        security_event(
            ACCESS_REFUSED,
            warning=True,
            action=action,
            actor=getattr(actor, "id", None),
            object_type=kind,
            object_id=getattr(obj, "id", None),
        )
        if actor is None:
            raise SignInRequired()
        raise Forbidden()
