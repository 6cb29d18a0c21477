"""Who may review: lawyers the legal side, financial advisers the financial side. The
object is a ReviewKind (or, for the inbox, nothing)."""

from __future__ import annotations

from typing import Any

from app.access.actor import Actor
from app.access.permissions import predicate
from app.reviews.kinds import ROLE_OF, ReviewKind


def kinds_of(actor: Actor | None) -> list[ReviewKind]:
    """The kinds of review this person gives, in a fixed order."""
    if actor is None:
        return []
    return [kind for kind in ReviewKind if actor.has_role(ROLE_OF[kind])]


_VALUES = frozenset(kind.value for kind in ReviewKind)


@predicate("review.give")
def may_give(actor: Actor | None, kind: Any) -> bool:
    """The phase and the proposal's state are checked by the use case, so each gets its
    own message."""
    return isinstance(kind, str) and kind in _VALUES and ReviewKind(kind) in kinds_of(actor)


@predicate("review.inbox")
def may_see_inbox(actor: Actor | None, obj: Any) -> bool:
    return bool(kinds_of(actor))
