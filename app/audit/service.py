"""The append-only audit trail. Every use case that changes something calls ``record``."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.db import ORGANIZATION_KEY
from app.models import AuditEntry, Organization, User

SYSTEM_ACTOR = "system"


def record(
    session: Session,
    *,
    actor: User | Actor | str,
    action: str,
    target: Any,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str | None = None,
) -> AuditEntry:
    """Add one audit entry for ``action`` on ``target`` (any mapped object with an id).

    ``actor`` is the person who acted (a User or the request's Actor) or a label for the
    system (``SYSTEM_ACTOR``, ``"oidc:<provider>"``). ``action`` is a stable dotted name
    such as ``page.updated``; ``before``/``after`` hold a short summary of the fields that
    changed, not whole records.
    """
    if getattr(target, "id", None) is None:
        session.flush()  # the entry must name the object, so it needs its id
    organization_id: int | None = (
        target.id
        if isinstance(target, Organization)
        else getattr(target, "organization_id", None) or session.info.get(ORGANIZATION_KEY)
    )
    if organization_id is None:
        raise ValueError(f"cannot tell which organization {target!r} belongs to")
    if isinstance(actor, str):
        actor_id, actor_label = None, actor
    elif isinstance(actor, Actor):
        actor_id, actor_label = actor.id, actor.display_name
    else:
        actor_id, actor_label = actor.id, actor.display_name
    entry = AuditEntry(
        organization_id=organization_id,
        actor_id=actor_id,
        actor_label=actor_label,
        action=action,
        object_type=type(target).__name__,
        object_id=str(target.id),
        before=before,
        after=after,
        reason=reason,
    )
    session.add(entry)
    return entry


def signature(who: User | Actor | str) -> str:
    """How records name who acted: a person as "Name (#id)" (with the id, so no display
    name can pose as another person or as "system"), the system or a provider by its label.
    Pages show it back through the ``person_name`` filter."""
    if isinstance(who, str):
        return who
    return f"{who.display_name} (#{who.id})"


def changes(obj: Any, values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The before/after summary of setting ``values`` on ``obj``: only what differs."""
    before = {k: getattr(obj, k) for k, v in values.items() if getattr(obj, k) != v}
    after = {k: values[k] for k in before}
    return before, after
