"""The end of a sprint: the board composes the chosen package from the feasible measures of
every team, and publishes it with a note, after which the result is public and its PDF and
XLSX are built. Each use case checks the permission, the clock and the phase, writes the
audit trail and tells open screens (EventKind.RESULT).

The board composes once the sprint's time is up, in the phases after the sprint (review,
results, decision): during the sprint the teams' packages still change under it. Once
published the package is locked, so what the public reads does not silently change."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.permissions import require
from app.audit.service import record
from app.db import utcnow
from app.documents.sprint_result import request_sprint_build
from app.errors import Conflict, NotFound, PhaseClosed
from app.i18n import gettext as _
from app.models import PackageChoice
from app.phases.guard import current_phase
from app.phases.kinds import PHASE_LABELS, PhaseKind
from app.sprint import live, result_queries
from app.sprint.kinds import EventKind
from app.sprint.loading import SprintPlace
from app.sprint.result_queries import Package

# The phases in which the board composes (as data: the phases' own table has no action
# for it, and adding one would change what every sprint phase allows).
COMPOSE_PHASES: frozenset[PhaseKind] = frozenset(
    {PhaseKind.REVIEW, PhaseKind.RESULTS, PhaseKind.DECISION}
)
NOTE_LIMIT = 10_000


def is_published(place: SprintPlace) -> bool:
    return place.sprint.package_published_at is not None


def may_change(place: SprintPlace) -> bool:
    """Whether the package can be changed now (for the page: buttons or none)."""
    return (
        place.has_ended()
        and current_phase(place.process) in COMPOSE_PHASES
        and not is_published(place)
    )


def _require_open(place: SprintPlace) -> None:
    if not place.has_ended():
        raise PhaseClosed(_("The board composes the package once the sprint's time is up."))
    if current_phase(place.process) not in COMPOSE_PHASES:
        fitting = [p for p in place.phases if PhaseKind(p.kind) in COMPOSE_PHASES]
        when = "; ".join(
            _(
                "%(phase)s (%(start)s to %(end)s)",
                phase=PHASE_LABELS[PhaseKind(p.kind)],
                start=p.starts_on.strftime("%d-%m-%Y"),
                end=p.ends_on.strftime("%d-%m-%Y"),
            )
            for p in fitting
        )
        raise PhaseClosed(_("The package is composed in the phase: %(when)s.", when=when))
    if is_published(place):
        raise Conflict(_("The package has been published: it can no longer change."))


def choose_measure(
    db: Session,
    actor: Actor,
    place: SprintPlace,
    proposal_id: int,
    *,
    at: datetime | None = None,
) -> None:
    """Take a feasible measure of any team into the board's package. ``at``: when it
    happened, for the demo's history (now by default)."""
    require(actor, "sprint.compose_package", place)
    _require_open(place)
    measure = result_queries.measure_of(db, place, proposal_id)
    if measure is None:
        raise NotFound()
    if not result_queries.is_feasible(db, place, proposal_id):
        raise Conflict(
            _(
                "Only a feasible measure can be chosen: both the lawyer and the financial "
                "adviser must have let “%(title)s” stand.",
                title=measure.title,
            )
        )
    if result_queries.choice_of(db, place, proposal_id) is not None:
        raise Conflict(_("“%(title)s” is in the package already.", title=measure.title))
    db.add(
        PackageChoice(
            process_id=place.process.id,
            proposal_id=proposal_id,
            chosen_by_id=actor.id,
            chosen_at=at or utcnow(),
        )
    )
    db.flush()
    entry = record(
        db,
        actor=actor,
        action="sprint.package_measure_chosen",
        target=place.sprint,
        after={"proposal": proposal_id, "title": measure.title, "team": measure.group_id},
    )
    if at is not None:
        entry.created_at = at
    live.publish(db, place.process, EventKind.RESULT)


def drop_measure(db: Session, actor: Actor, place: SprintPlace, proposal_id: int) -> None:
    """Take a measure out of the board's package again (also one no longer feasible)."""
    require(actor, "sprint.compose_package", place)
    _require_open(place)
    measure = result_queries.measure_of(db, place, proposal_id)
    if measure is None:
        raise NotFound()
    choice = result_queries.choice_of(db, place, proposal_id)
    if choice is None:
        raise Conflict(_("“%(title)s” is not in the package.", title=measure.title))
    db.delete(choice)
    db.flush()
    record(
        db,
        actor=actor,
        action="sprint.package_measure_dropped",
        target=place.sprint,
        before={"proposal": proposal_id, "title": measure.title, "team": measure.group_id},
    )
    live.publish(db, place.process, EventKind.RESULT)


def publish_package(
    db: Session,
    actor: Actor,
    place: SprintPlace,
    note: str,
    *,
    at: datetime | None = None,
    build_documents: bool = True,
) -> Package:
    """Publish the chosen package with the board's note (Markdown): from now on the result
    is public and can no longer change; its documents are queued to be built. The demo's
    history passes ``at`` and leaves the documents for the board to build."""
    require(actor, "sprint.compose_package", place)
    _require_open(place)
    if not note.strip():
        raise Conflict(_("Write a note with the package: why these measures."))
    if len(note) > NOTE_LIMIT:
        raise Conflict(_("The note is too long."))
    chosen = result_queries.package(db, place)
    if chosen.stale:
        raise Conflict(
            _(
                "Some chosen measures are no longer feasible: take them out of the package "
                "first (%(titles)s).",
                titles=", ".join(stale.title for stale in chosen.stale),
            )
        )
    if not chosen.chosen:
        raise Conflict(_("Choose at least one measure before publishing the package."))
    totals = chosen.totals
    place.sprint.package_published_at = at or utcnow()
    place.sprint.package_note = note
    db.flush()
    entry = record(
        db,
        actor=actor,
        action="sprint.package_published",
        target=place.sprint,
        after={
            "measures": [m.proposal_id for m in chosen.chosen],
            "structural": totals.structural,
            "current_year": totals.current_year,
            "note": note,
        },
    )
    if at is not None:
        entry.created_at = at
    live.publish(db, place.process, EventKind.RESULT)
    if build_documents:
        request_sprint_build(db, actor, place.sprint)
    return chosen
