"""Who may do what with the central white paper's editions. The admin compiles and
publishes; once published everyone reads an edition; before that the people who work
on it do: officials, financial advisers, lawyers and the chefs of the process's groups.

The read predicates get an :class:`EditionSubject`: whether the edition is published and
which groups the process has (a chef of another process is no insider here)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.access.actor import Actor
from app.access.permissions import predicate
from app.access.roles import Role
from app.recruitment.membership import is_chef

INSIDERS = (Role.OFFICIAL, Role.FINANCE, Role.LEGAL)


@dataclass(frozen=True)
class EditionSubject:
    published: bool
    group_ids: frozenset[int]


@predicate("edition.compile")
def may_compile(actor: Actor | None, process: Any) -> bool:
    """The phase is checked by the use case, with its own message."""
    return actor is not None and actor.is_admin


@predicate("edition.publish")
def may_publish(actor: Actor | None, edition: Any) -> bool:
    return actor is not None and actor.is_admin


@predicate("edition.read_unpublished")
def may_read_unpublished(actor: Actor | None, subject: Any) -> bool:
    if actor is None:
        return False
    if actor.is_admin or any(actor.has_role(role) for role in INSIDERS):
        return True
    return any(is_chef(actor, group_id) for group_id in getattr(subject, "group_ids", ()))


@predicate("edition.read")
def may_read(actor: Actor | None, subject: Any) -> bool:
    return bool(getattr(subject, "published", False)) or may_read_unpublished(actor, subject)
