"""Hoogeveen's savings sprint, finished: Tuesday 14 May 2019 13:00 to Wednesday 15 May 17:00.
Ten teams of seven staff (the captains are team1@ .. team10@hoogeveen.example) worked from
a catalogue of 21 options in the social domain; two lawyers and two financial advisers
reviewed their measures (some not feasible, some on conditions, a few still waiting when
the time was up); the teams posted mood checks, the steering group sent messages and
published three interim standings; the programme had sessions, two guest speakers, a
line dance and breaks. On 27 May the board chose its package from the measures of
several teams and published it the next day; the process is in its results phase.

Reviews go through the reviews' own use case and the package through the board's
(app.sprint.result_service), with their 2019 moments. The rest is history inserted
directly with its 2019 dates and the audit entries the use cases write, as the council's
demo does: the teams' use cases stamp the present and refuse once the clock has run out.
The package's documents are left unbuilt (the board builds them from the result page).
Once the sprint has its measures and its published package this adds nothing."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.roles import Role, ScopeType
from app.access.service import active_assignment, grant_role
from app.accounts.service import user_by_email
from app.audit.service import SYSTEM_ACTOR, record, signature
from app.db import utcnow
from app.demo import sprint_texts as texts
from app.demo.editions import _audit
from app.demo.people import demo_password_hash, local
from app.demo.processes import HOOGEVEEN
from app.demo.sprint_plan import (
    ADMIN,
    ADVISERS,
    BOARD,
    CHOSEN_AT,
    DOMAIN,
    END,
    LAWYERS,
    OFFICIAL,
    OPTIONS_FROM,
    PUBLISHED_AT,
    STAFF,
    START,
    STEERING,
    Plan,
    member_accounts,
    plans,
)
from app.models import (
    AuditEntry,
    Group,
    MoodCheck,
    Process,
    ProgrammeItem,
    Proposal,
    ProposalAmount,
    ProposalRevision,
    ProposalTransition,
    Sprint,
    SprintMeasure,
    SprintMessage,
    SprintOption,
    StandingsSnapshot,
    User,
)
from app.phases.guard import current_phase
from app.phases.kinds import PhaseKind
from app.processes.service import set_current_phase
from app.proposals.forms import ProposalInput
from app.proposals.service import claimed_total, snapshot
from app.proposals.states import ProposalState
from app.reviews.kinds import ReviewKind, Verdict
from app.reviews.service import ReviewInput, give_review
from app.sprint import result_queries, result_service
from app.sprint.kinds import MeasureOrigin
from app.sprint.loading import SprintPlace, sprint_place
from app.sprint.standings import team_standings


def ensure_sprint(db: Session, organization_slug: str) -> int:
    """Returns rows added."""
    if organization_slug != "hoogeveen":
        return 0
    process = db.scalar(select(Process).where(Process.slug == HOOGEVEEN.slug))
    if process is None:
        return 0
    teams = list(
        db.scalars(select(Group).where(Group.process_id == process.id).order_by(Group.position))
    )
    added = _ensure_people(db, teams)
    people = {u.email: u for u in db.scalars(select(User).where(User.email.like(f"%@{DOMAIN}")))}
    sprint = db.scalar(select(Sprint).where(Sprint.process_id == process.id))
    if sprint is None:
        sprint = Sprint(process_id=process.id, starts_at=START, ends_at=END)
        db.add(sprint)
        db.flush()
        _audit(
            db, people[ADMIN], "sprint.clock_set", sprint, OPTIONS_FROM,
            after={"starts_at": START.isoformat(), "ends_at": END.isoformat()},
        )  # fmt: skip
        added += 1
    options = _ensure_options(db, process, people[OFFICIAL])
    added += len(options)
    place = sprint_place(db, HOOGEVEEN.slug)  # with its phases, for the use cases
    has_measures = db.scalar(
        select(func.count(SprintMeasure.id)).where(SprintMeasure.process_id == process.id)
    )
    if not has_measures:
        added += _history(db, place, people)
    if sprint.package_published_at is None:
        added += _package(db, place, people)
    return added


def _actor(user: User, role: Role, scope: int | None = None) -> Actor:
    kind = ScopeType.GROUP if scope is not None else ScopeType.ORGANIZATION
    return Actor.of(user, frozenset({(role, kind, scope)}))


def _ensure_people(db: Session, teams: list[Group]) -> int:
    added = 0
    wanted = [(None, email, name, role) for email, name, role in STAFF] + [
        (team, email, name, Role.EXPERT) for team, email, name in member_accounts()
    ]
    for team, email, name, role in wanted:
        user = user_by_email(db, email)
        if user is None:
            user = User(
                display_name=name,
                email=email,
                password_hash=demo_password_hash(),
                email_confirmed_at=utcnow(),
            )
            db.add(user)
            db.flush()
            record(db, actor=SYSTEM_ACTOR, action="user.registered", target=user)
            added += 1
        scope_type = ScopeType.GROUP if team is not None else ScopeType.ORGANIZATION
        scope_id = teams[team - 1].id if team is not None else None
        if active_assignment(db, user, role, scope_type, scope_id) is None:
            grant_role(db, SYSTEM_ACTOR, user, role, scope_type, scope_id)
            added += 1
    return added


def _ensure_options(db: Session, process: Process, official: User) -> list[SprintOption]:
    """The catalogue, written in the three weeks before the sprint; returns those added."""
    have = set(db.scalars(select(SprintOption.number).where(SprintOption.process_id == process.id)))
    made = []
    for number, option in enumerate(texts.OPTIONS, start=1):
        if number in have:
            continue
        at = OPTIONS_FROM + timedelta(days=number % 14, hours=number % 5)
        row = SprintOption(
            process_id=process.id, number=number, title=option.title, measure=option.measure,
            budget_lines=option.budget_lines, structural=option.structural,
            current_year=option.current_year, legal_snags=option.legal_snags,
            author_id=official.id, created_at=at, updated_at=at,
        )  # fmt: skip
        db.add(row)
        db.flush()
        _audit(db, official, "sprint.option_added", row, at, after={"number": number})
        made.append(row)
    return made


def _history(db: Session, place: SprintPlace, people: dict[str, User]) -> int:
    """The 28 hours, in the order they happened (the interim standings count what was
    reviewed by their moment)."""
    process = place.process
    if current_phase(process) != PhaseKind.SPRINT:
        set_current_phase(db, SYSTEM_ACTOR, process, PhaseKind.SPRINT, "De hackaton begint")
    added = 0
    options = {
        o.number: o
        for o in db.scalars(select(SprintOption).where(SprintOption.process_id == process.id))
    }
    events: list[tuple[datetime, int, Any]] = []
    for order, plan in enumerate(plans()):
        events.append((plan.at, order, ("measure", plan)))
    for number, (when, note) in enumerate(texts.SNAPSHOTS, start=1):
        events.append((local(2019, 5, *when), 10_000 + number, ("snapshot", note)))
    proposals: dict[int, Proposal] = {}
    # The reviews follow their measure: planned when the measure is, done in time order.
    pending: list[tuple[datetime, int, Any]] = []
    for moment, order, (kind, item) in sorted(events, key=lambda e: (e[0], e[1])):
        for review_at, review_order, review in sorted(pending, key=lambda e: (e[0], e[1])):
            if review_at <= moment:
                _review(db, place, people, proposals[review_order], review, review_at)
                added += 1
        pending = [p for p in pending if p[0] > moment]
        if kind == "measure":
            proposals[order] = _measure(db, place, people, options, item)
            added += 1
            rng = random.Random(order)  # noqa: S311 - demo data
            legal_at = moment + timedelta(minutes=25 + rng.randint(0, 60))
            financial_at = legal_at + timedelta(minutes=20 + rng.randint(0, 90))
            if item.waiting != "both":
                pending.append((min(legal_at, END - timedelta(minutes=5)), order, ("legal", item)))
            if not item.waiting:
                pending.append(
                    (min(financial_at, END - timedelta(minutes=2)), order, ("financial", item))
                )
        else:
            _snapshot(db, place, people[STEERING], moment, item)
            added += 1
    for review_at, review_order, review in sorted(pending, key=lambda e: (e[0], e[1])):
        _review(db, place, people, proposals[review_order], review, review_at)
        added += 1
    added += _moods(db, place, people) + _messages(db, place, people)
    added += _programme(db, place, people[STEERING])
    return added


def _captain(place: SprintPlace, people: dict[str, User], team: int) -> User:
    return people[f"team{team}@{DOMAIN}"]


def _measure(
    db: Session,
    place: SprintPlace,
    people: dict[str, User],
    options: dict[int, SprintOption],
    plan: Plan,
) -> Proposal:
    """What package_service._put_in_package writes, at the plan's moment."""
    team = place.teams[plan.team - 1]
    members = [e for t, e, _n in member_accounts() if t == plan.team]
    author = (
        _captain(place, people, plan.team)
        if plan.origin == MeasureOrigin.AS_IS
        else people[members[len(plan.title) % len(members)]]
    )
    amounts = plan.amounts()
    proposal = Proposal(
        process_id=place.process.id, group_id=team.id, author_id=author.id, title=plan.title,
        measure=plan.measure, state=ProposalState.SUBMITTED.value, submitted_at=plan.at,
        created_at=plan.at, updated_at=plan.at, claimed_total=claimed_total(amounts),
    )  # fmt: skip
    db.add(proposal)
    db.flush()
    for year, (structural, one_off) in sorted(amounts.items()):
        db.add(
            ProposalAmount(
                proposal_id=proposal.id, year=year, structural=structural, one_off=one_off
            )
        )
    label = signature(author)
    db.add(
        ProposalTransition(
            proposal_id=proposal.id, from_state=None, to_state=ProposalState.SUBMITTED.value,
            actor_id=author.id, actor_label=label, created_at=plan.at,
        )
    )  # fmt: skip
    data = ProposalInput(title=plan.title, measure=plan.measure, amounts=amounts)
    db.add(
        ProposalRevision(
            proposal_id=proposal.id, number=1, snapshot=snapshot(data), author_id=author.id,
            author_label=label, created_at=plan.at,
        )
    )  # fmt: skip
    option = options.get(plan.option) if plan.option is not None else None
    db.add(
        SprintMeasure(
            process_id=place.process.id, proposal_id=proposal.id,
            option_id=option.id if option else None, origin=plan.origin.value,
        )
    )  # fmt: skip
    db.flush()
    _audit(
        db, author, f"sprint.measure_{plan.origin.value}", proposal, plan.at,
        after={"team": team.id, "option": plan.option, "title": plan.title,
               "claimed_total": proposal.claimed_total},
    )  # fmt: skip
    return proposal


_VERDICTS = {
    "yes": Verdict.FEASIBLE,
    "conditions": Verdict.ON_CONDITIONS,
    "no": Verdict.NOT_FEASIBLE,
}


def _review(
    db: Session,
    place: SprintPlace,
    people: dict[str, User],
    proposal: Proposal,
    review: tuple[str, Plan],
    at: datetime,
) -> None:
    """Through the reviews' use case; the review and its audit entry get their moment."""
    kind, plan = review
    if kind == "legal":
        reviewer = people[LAWYERS[proposal.id % 2]]
        verdict = _VERDICTS[plan.legal]
        given = ReviewInput(verdict, plan.legal_note if verdict != Verdict.FEASIBLE else "")
        role, review_kind = Role.LEGAL, ReviewKind.LEGAL
    else:
        reviewer = people[ADVISERS[proposal.id % 2]]
        conditional = plan.factor < 0.85
        verdict = Verdict.ON_CONDITIONS if conditional else Verdict.FEASIBLE
        notes = (
            "Gevalideerd op een lager bedrag: de besparing komt pas op gang als de nieuwe "
            "werkwijze staat."
            if conditional
            else ""
        )
        given = ReviewInput(verdict, notes, plan.amounts(plan.factor))
        role, review_kind = Role.FINANCE, ReviewKind.FINANCIAL
    row = give_review(
        db, _actor(reviewer, role), place.process, place.phases, proposal, review_kind, given
    )
    row.created_at = row.updated_at = at
    for entry in [o for o in db.new if isinstance(o, AuditEntry)]:
        entry.created_at = at
    db.flush()


def _snapshot(db: Session, place: SprintPlace, steering: User, at: datetime, note: str) -> None:
    """What steering_service.publish_standings writes, at its moment."""
    number = 1 + (
        db.scalar(
            select(func.count(StandingsSnapshot.id)).where(
                StandingsSnapshot.process_id == place.process.id
            )
        )
        or 0
    )
    rows = [standing.as_row() for standing in team_standings(db, place)]
    row = StandingsSnapshot(
        process_id=place.process.id, number=number, note=note, rows=rows,
        published_by_id=steering.id, published_at=at,
    )  # fmt: skip
    db.add(row)
    db.flush()
    _audit(
        db, steering, "sprint.standings_published", row, at,
        after={"number": number, "note": note, "rows": rows},
    )  # fmt: skip


def _moods(db: Session, place: SprintPlace, people: dict[str, User]) -> int:
    """Three rounds of mood checks (the night round from half of the teams)."""
    rng = random.Random(1405)  # noqa: S311 - demo data
    rounds = (local(2019, 5, 14, 19, 45), local(2019, 5, 15, 2, 10), local(2019, 5, 15, 11, 30))
    added = 0
    for round_number, moment in enumerate(rounds):
        for team in range(1, 11):
            if round_number == 1 and team % 2:
                continue
            score = rng.choice((5, 4, 4, 3, 3, 2) if round_number == 1 else (5, 5, 4, 4, 3))
            line = rng.choice(texts.MOOD_LINES[score])
            at = moment + timedelta(minutes=team * 3)
            author = _captain(place, people, team)
            mood = MoodCheck(
                process_id=place.process.id, group_id=place.teams[team - 1].id,
                author_id=author.id, score=score, line=line, created_at=at,
            )  # fmt: skip
            db.add(mood)
            db.flush()
            _audit(db, author, "sprint.mood_posted", mood, at, after={"team": mood.group_id})
            added += 1
    return added


def _messages(db: Session, place: SprintPlace, people: dict[str, User]) -> int:
    for minutes, team, from_steering, body in texts.MESSAGES:
        at = START + timedelta(minutes=minutes)
        author = people[STEERING] if from_steering else _captain(place, people, team or 1)
        group_id = place.teams[team - 1].id if team is not None else None
        message = SprintMessage(
            process_id=place.process.id, group_id=group_id, author_id=author.id,
            author_label=signature(author), from_steering=from_steering, body=body,
            created_at=at,
        )  # fmt: skip
        db.add(message)
        db.flush()
        _audit(db, author, "sprint.message_posted", message, at, after={"team": group_id})
    return len(texts.MESSAGES)


def _programme(db: Session, place: SprintPlace, steering: User) -> int:
    for (day, hour, minute), length, kind, title, description in texts.PROGRAMME:
        starts = local(2019, 5, day, hour, minute)
        item = ProgrammeItem(
            process_id=place.process.id, starts_at=starts,
            ends_at=starts + timedelta(minutes=length), kind=kind, title=title,
            description=description,
        )  # fmt: skip
        db.add(item)
        db.flush()
        _audit(
            db, steering, "sprint.programme_added", item, START - timedelta(days=2),
            after={"title": title, "kind": kind},
        )  # fmt: skip
    return len(texts.PROGRAMME)


def chosen_ids(package: result_queries.Package) -> list[int]:
    """The board's choice: of each option the best version (the highest validated
    structural amount, of any team), and the best own measures, until both targets are
    about met; the largest first."""
    target, target_now = package.process.target_total, package.process.target_current_year or 0
    best: dict[object, result_queries.Measure] = {}
    for measure in package.measures:
        key = measure.option_number if measure.option_number is not None else measure.title
        if key not in best or measure.structural > best[key].structural:
            best[key] = measure
    candidates = sorted(best.values(), key=lambda m: -(m.structural + m.current_year))
    chosen: list[result_queries.Measure] = []
    structural = current = 0
    for measure in candidates:
        needs_structural = structural + measure.structural <= target * 1.04
        needs_current = current < target_now and measure.structural == 0
        if (needs_structural and measure.structural > 0) or needs_current:
            if current + measure.current_year > target_now * 1.08:
                continue
            chosen.append(measure)
            structural += measure.structural
            current += measure.current_year
    return [m.proposal_id for m in chosen]


def _package(db: Session, place: SprintPlace, people: dict[str, User]) -> int:
    """After the review week the board chooses and publishes, through its use cases."""
    process = place.process
    for phase in (PhaseKind.REVIEW, PhaseKind.RESULTS):
        if current_phase(process) != phase:
            set_current_phase(db, SYSTEM_ACTOR, process, phase)
    board = _actor(people[BOARD], Role.BOARD)
    package = result_queries.package(db, place)
    already = {m.proposal_id for m in package.chosen}
    added = 0
    for index, proposal_id in enumerate(chosen_ids(package)):
        if proposal_id in already:
            continue
        at = CHOSEN_AT + timedelta(minutes=4 * index)
        result_service.choose_measure(db, board, place, proposal_id, at=at)
        added += 1
    result_service.publish_package(
        db, board, place, texts.PACKAGE_NOTE, at=PUBLISHED_AT, build_documents=False
    )
    return added + 1
