"""Who may do what in a sprint. Teams work on their own package and talk with the
steering group in their own channel; reviewers take measures from the shared queue; the
steering group sees everything (moods included) and publishes standings; the board
composes the chosen package. The clock and the phase are the use cases' to check, so a
team that is too late gets a message that says so rather than a bare 403.

The objects: a SprintPlace (anything with ``team_ids``) for sprint-wide actions, a Group
(anything with ``id``) for a team's own."""

from __future__ import annotations

from typing import Any

from app.access.actor import Actor
from app.access.permissions import predicate
from app.access.roles import Role
from app.recruitment.membership import is_member, member_of_any

# Staff who take part without being on a team (DESIGN.md's roles in a sprint).
_SPRINT_STAFF = (Role.STEERING, Role.LEGAL, Role.FINANCE, Role.BOARD, Role.OFFICIAL)


def is_steering(actor: Actor | None) -> bool:
    return actor is not None and (actor.has_role(Role.STEERING) or actor.is_admin)


def is_reviewer(actor: Actor | None) -> bool:
    return actor is not None and (actor.has_role(Role.LEGAL) or actor.has_role(Role.FINANCE))


@predicate("sprint.take_part")
def may_take_part(actor: Actor | None, place: Any) -> bool:
    """Sees the sprint's screens: a team member, the staff around the teams, the admin."""
    if actor is None:
        return False
    if actor.is_admin or any(actor.has_role(role) for role in _SPRINT_STAFF):
        return True
    return member_of_any(actor, getattr(place, "team_ids", ()))


@predicate("sprint.set_clock")
def may_set_clock(actor: Actor | None, place: Any) -> bool:
    return actor is not None and actor.is_admin


@predicate("sprint.prepare_options")
def may_prepare_options(actor: Actor | None, place: Any) -> bool:
    """Officials describe the options beforehand (Hoogeveen's preparatory work)."""
    return actor is not None and (actor.has_role(Role.OFFICIAL) or actor.is_admin)


@predicate("sprint.build_package")
def may_build_package(actor: Actor | None, team: Any) -> bool:
    return is_member(actor, getattr(team, "id", None))


@predicate("sprint.post_mood")
def may_post_mood(actor: Actor | None, team: Any) -> bool:
    return is_member(actor, getattr(team, "id", None))


@predicate("sprint.message")
def may_message(actor: Actor | None, team: Any) -> bool:
    """A team's channel: its members and the steering group."""
    return is_steering(actor) or is_member(actor, getattr(team, "id", None))


@predicate("sprint.review")
def may_review(actor: Actor | None, place: Any) -> bool:
    return is_reviewer(actor)


@predicate("sprint.steer")
def may_steer(actor: Actor | None, place: Any) -> bool:
    """Every team's standing, queue and mood; publishing standings; the programme."""
    return is_steering(actor)


@predicate("sprint.compose_package")
def may_compose_package(actor: Actor | None, place: Any) -> bool:
    return actor is not None and (actor.has_role(Role.BOARD) or actor.is_admin)


@predicate("sprint.read_result")
def may_read_result(actor: Actor | None, place: Any) -> bool:
    """The chosen package is public once the board has published it."""
    sprint = getattr(place, "sprint", None)
    if getattr(sprint, "package_published_at", None) is not None:
        return True
    return may_take_part(actor, place)


@predicate("sprint.view_team")
def may_view_team(actor: Actor | None, team: Any) -> bool:
    """A team's page: its own members, and those who follow or judge every team (the
    steering group, the reviewers, the admin). Competing teams do not read each other's
    package while the sprint runs."""
    return is_member(actor, getattr(team, "id", None)) or is_steering(actor) or is_reviewer(actor)
