"""Use cases of a team at work: adopt an option from the catalogue as it is, adapt one,
write an own measure, change a measure's text or amounts, take a measure out, and post a
mood check. A team's measure is a Proposal in the team's group (submitted at once: in a
24-hour sprint there is no draft stage), so the reviewers' queue, verdicts and validated
amounts work as in a dialogue; the SprintMeasure beside it says where it came from.

Packages are built in the sprint phase and only while the clock runs: before the start
and after the end every change is refused with the moment that decides it, never ignored.
Each change is audited and told to open screens (``live.publish``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from jinja2 import Environment
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.permissions import require
from app.audit.service import record, signature
from app.config import get_settings
from app.db import utcnow
from app.errors import Conflict, NotFound
from app.i18n import get_locale
from app.i18n import gettext as _
from app.models import (
    Group,
    MoodCheck,
    Process,
    Proposal,
    ProposalAmount,
    ProposalRevision,
    ProposalTransition,
    SprintMeasure,
    SprintOption,
)
from app.phases.guard import require_phase
from app.phases.kinds import Action
from app.proposals.forms import ProposalInput
from app.proposals.service import claimed_total, snapshot
from app.proposals.states import COUNTED, ProposalState, Step, next_state
from app.reviews.service import mark_stale
from app.sprint import live
from app.sprint.kinds import EventKind, MeasureOrigin
from app.sprint.loading import SprintPlace

TITLE_LIMIT = 200
TEXT_LIMIT = 30_000
MOOD_LINE_LIMIT = 300  # the column's width: a line, not a letter

Amounts = dict[int, tuple[int, int]]  # year: (structural, one-off)


@dataclass(frozen=True)
class MeasureInput:
    title: str
    measure: str  # Markdown
    amounts: Amounts = field(default_factory=dict)


def team_path(place: SprintPlace, team: Group) -> str:
    return f"{place.path}/teams/{team.id}"


def moment(value: datetime) -> str:
    """A moment as people on the sprint read it: in the organization's zone and language."""
    return format_datetime(
        value, "EEEE d MMMM y, HH:mm", tzinfo=ZoneInfo(get_settings().timezone), locale=get_locale()
    )


def require_building(place: SprintPlace, now: datetime | None = None) -> None:
    """The sprint phase, and the clock running: a team that is early or late hears when."""
    require_phase(place.process, place.phases, Action.BUILD_PACKAGE)
    moment_now = now or utcnow()
    if moment_now < place.sprint.starts_at:
        raise Conflict(
            _(
                "The sprint has not started yet. From %(start)s your team can build its package.",
                start=moment(place.sprint.starts_at),
            )
        )
    if place.has_ended(moment_now):
        raise Conflict(
            _(
                "The time is up: the packages locked at %(end)s. Your package can no longer "
                "be changed.",
                end=moment(place.sprint.ends_at),
            )
        )


def option_amounts(process: Process, option: SprintOption) -> Amounts:
    """An option's two indicative amounts as amounts per year: the current (first) year
    saves ``current_year``, every later year the full structural amount (the way a
    measure grows in). A horizon of one year keeps both in that year: the structural
    amount, and the difference as a one-off."""
    first, last = process.first_year, process.last_year
    if first == last:
        return {first: (option.structural, option.current_year - option.structural)}
    amounts: Amounts = {first: (option.current_year, 0)}
    for year in range(first + 1, last + 1):
        amounts[year] = (option.structural, 0)
    return amounts


def measure_or_404(db: Session, team: Group, proposal_id: int) -> Proposal:
    """A measure of this team's package (withdrawn ones included: the use case says why it
    cannot be changed); 404 for another team's."""
    proposal = db.get(Proposal, proposal_id)
    if proposal is None or proposal.group_id != team.id:
        raise NotFound()
    return proposal


def _check_years(process: Process, amounts: Amounts) -> None:
    if set(amounts) - set(range(process.first_year, process.last_year + 1)):
        raise Conflict(_("The form offered other choices than these. Reload it and try again."))


def _origin_of(db: Session, proposal: Proposal) -> SprintMeasure | None:
    return db.scalar(select(SprintMeasure).where(SprintMeasure.proposal_id == proposal.id))


def _put_in_package(
    db: Session,
    actor: Actor,
    place: SprintPlace,
    team: Group,
    data: MeasureInput,
    *,
    origin: MeasureOrigin,
    option: SprintOption | None,
) -> Proposal:
    """The measure as a submitted proposal of the team, with its first revision (what the
    reviewers first read) and its origin."""
    process = place.process
    _check_years(process, data.amounts)
    if option is not None:
        taken = db.scalar(
            select(Proposal.id)
            .join(SprintMeasure, SprintMeasure.proposal_id == Proposal.id)
            .where(
                Proposal.group_id == team.id,
                Proposal.state.in_([state.value for state in COUNTED]),
                SprintMeasure.option_id == option.id,
            )
        )
        if taken is not None:
            raise Conflict(
                _(
                    "Option %(number)d is in your team's package already. Change that measure "
                    "instead.",
                    number=option.number,
                )
            )
    now = utcnow()
    proposal = Proposal(
        process_id=process.id,
        group_id=team.id,
        author_id=actor.id,
        title=data.title,
        measure=data.measure,
        state=ProposalState.SUBMITTED.value,
        submitted_at=now,
        claimed_total=claimed_total(data.amounts),
    )
    db.add(proposal)
    db.flush()
    for year, (structural, one_off) in sorted(data.amounts.items()):
        db.add(
            ProposalAmount(
                proposal_id=proposal.id, year=year, structural=structural, one_off=one_off
            )
        )
    db.add(
        ProposalTransition(
            proposal_id=proposal.id,
            from_state=None,
            to_state=ProposalState.SUBMITTED.value,
            actor_id=actor.id,
            actor_label=signature(actor),
        )
    )
    _revision(db, actor, proposal, data)
    db.add(
        SprintMeasure(
            process_id=process.id,
            proposal_id=proposal.id,
            option_id=option.id if option else None,
            origin=origin.value,
        )
    )
    db.flush()
    record(
        db,
        actor=actor,
        action=f"sprint.measure_{origin.value}",
        target=proposal,
        after={
            "team": team.id,
            "option": option.number if option else None,
            "title": data.title,
            "claimed_total": proposal.claimed_total,
        },
    )
    live.publish(db, process, EventKind.PACKAGE, group_id=team.id)
    return proposal


def _revision(db: Session, actor: Actor, proposal: Proposal, data: MeasureInput) -> None:
    db.add(
        ProposalRevision(
            proposal_id=proposal.id,
            number=proposal.version,
            snapshot=snapshot(
                ProposalInput(title=data.title, measure=data.measure, amounts=data.amounts)
            ),
            author_id=actor.id,
            author_label=signature(actor),
        )
    )


def adopt_option(
    db: Session, actor: Actor, place: SprintPlace, team: Group, option: SprintOption
) -> Proposal:
    """Take an option into the package as it is: its text and its indicative amounts."""
    require(actor, "sprint.build_package", team)
    require_building(place)
    data = MeasureInput(
        title=option.title,
        measure=option.measure,
        amounts=option_amounts(place.process, option),
    )
    return _put_in_package(db, actor, place, team, data, origin=MeasureOrigin.AS_IS, option=option)


def write_measure(
    db: Session,
    actor: Actor,
    place: SprintPlace,
    team: Group,
    data: MeasureInput,
    *,
    option: SprintOption | None = None,
) -> Proposal:
    """An option the team adapted (``option`` given), or the team's own measure."""
    require(actor, "sprint.build_package", team)
    require_building(place)
    origin = MeasureOrigin.ADAPTED if option is not None else MeasureOrigin.OWN
    return _put_in_package(db, actor, place, team, data, origin=origin, option=option)


def current_measure(db: Session, proposal: Proposal) -> MeasureInput:
    amounts = db.scalars(select(ProposalAmount).where(ProposalAmount.proposal_id == proposal.id))
    return MeasureInput(
        title=proposal.title,
        measure=proposal.measure,
        amounts={a.year: (a.structural, a.one_off) for a in amounts},
    )


def change_measure(
    db: Session,
    actor: Actor,
    place: SprintPlace,
    team: Group,
    proposal: Proposal,
    data: MeasureInput,
    *,
    jinja: Environment | None = None,
    base_url: str | None = None,
) -> bool:
    """Save the team's change; False when nothing changed. A change is a new version of
    the measure, so verdicts given on an earlier one need another look (and their
    reviewers hear it); an option taken as is becomes an adapted one."""
    require(actor, "sprint.build_package", team)
    require_building(place)
    if proposal.group_id != team.id:
        raise NotFound()
    if proposal.state not in COUNTED:
        raise Conflict(_("This measure is no longer in your team's package."))
    _check_years(place.process, data.amounts)
    before = current_measure(db, proposal)
    years = range(place.process.first_year, place.process.last_year + 1)
    same_amounts = all(
        before.amounts.get(year, (0, 0)) == data.amounts.get(year, (0, 0)) for year in years
    )
    if before.title == data.title and before.measure == data.measure and same_amounts:
        return False
    proposal.title, proposal.measure = data.title, data.measure
    proposal.claimed_total = claimed_total(data.amounts)
    if not same_amounts:
        existing = {
            a.year: a
            for a in db.scalars(
                select(ProposalAmount).where(ProposalAmount.proposal_id == proposal.id)
            )
        }
        for year in years:
            structural, one_off = data.amounts.get(year, (0, 0))
            row = existing.get(year)
            if row is None:
                db.add(
                    ProposalAmount(
                        proposal_id=proposal.id, year=year, structural=structural, one_off=one_off
                    )
                )
            else:
                row.structural, row.one_off = structural, one_off
    proposal.version += 1
    proposal.updated_at = utcnow()
    _revision(db, actor, proposal, data)
    origin = _origin_of(db, proposal)
    if origin is not None and origin.origin == MeasureOrigin.AS_IS:
        origin.origin = MeasureOrigin.ADAPTED.value
    db.flush()
    mark_stale(db, proposal, jinja=jinja, base_url=base_url)
    record(
        db,
        actor=actor,
        action="sprint.measure_changed",
        target=proposal,
        before={"version": proposal.version - 1, "claimed_total": claimed_total(before.amounts)},
        after={"version": proposal.version, "claimed_total": proposal.claimed_total},
    )
    live.publish(db, place.process, EventKind.PACKAGE, group_id=team.id)
    return True


def remove_measure(
    db: Session, actor: Actor, place: SprintPlace, team: Group, proposal: Proposal
) -> None:
    """Take a measure out of the package: it is withdrawn (kept, with its reviews, in the
    record), so it no longer counts."""
    require(actor, "sprint.build_package", team)
    require_building(place)
    if proposal.group_id != team.id:
        raise NotFound()
    if proposal.state not in COUNTED:
        raise Conflict(_("This measure is no longer in your team's package."))
    before = proposal.state
    proposal.state = next_state(proposal.state, Step.WITHDRAW).value
    proposal.updated_at = utcnow()
    db.add(
        ProposalTransition(
            proposal_id=proposal.id,
            from_state=before,
            to_state=proposal.state,
            actor_id=actor.id,
            actor_label=signature(actor),
        )
    )
    db.flush()
    record(
        db,
        actor=actor,
        action="sprint.measure_removed",
        target=proposal,
        before={"state": before},
        after={"state": proposal.state},
    )
    live.publish(db, place.process, EventKind.PACKAGE, group_id=team.id)


def post_mood(
    db: Session, actor: Actor, place: SprintPlace, team: Group, *, score: int, line: str
) -> MoodCheck:
    """A member tells the steering group how the team is doing. During the sprint phase,
    also after the packages locked (the wait for the verdicts has a mood too)."""
    require(actor, "sprint.post_mood", team)
    require_phase(place.process, place.phases, Action.BUILD_PACKAGE)
    if not 1 <= score <= 5:
        raise Conflict(_("Choose a mood from 1 to 5."))
    if len(line) > MOOD_LINE_LIMIT:
        raise Conflict(_("Use at most %(n)d characters.", n=MOOD_LINE_LIMIT))
    mood = MoodCheck(
        process_id=place.process.id,
        group_id=team.id,
        author_id=actor.id,
        score=score,
        line=line,
    )
    db.add(mood)
    db.flush()
    record(db, actor=actor, action="sprint.mood_posted", target=mood, after={"team": team.id})
    live.publish(db, place.process, EventKind.MOOD)
    return mood
