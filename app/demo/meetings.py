"""Meetings in the Zeist demo: the kick-off of 28 February 2011, three green-paper evenings
per theme in March and April with attendance and (for the first two) minutes, and one
evening two weeks after the demo is loaded, so whoever tries the demo can register.

Meetings and registrations are inserted directly: ``plan_meeting`` would invite every
member and queue hundreds of mails. A meeting is found again by its title and group, and
is then left alone, registrations and all (the upcoming evening keeps its first date).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.roles import Role, ScopeType
from app.audit.service import SYSTEM_ACTOR, record
from app.db import utcnow
from app.demo.meeting_texts import (
    EVENINGS,
    KICKOFF_AGENDA,
    KICKOFF_MINUTES,
    KICKOFF_PLACE,
    KICKOFF_TITLE,
    REUNION_AGENDA,
    REUNION_PLACE,
    REUNION_TITLE,
    TOWN_HALL,
    evening_agenda,
    evening_minutes,
    evening_title,
)
from app.demo.people import AMSTERDAM, ANNELIES, SEED, local
from app.demo.processes import ZEIST
from app.demo.recruitment import zeist_process
from app.models import Group, Meeting, MeetingRegistration, Process, RoleAssignment, User
from app.models.meeting import RegistrationStatus
from app.phases.kinds import PhaseKind

# The weeks of the three green-paper rounds; each theme has its own weekday (Mon-Thu).
ROUNDS = (date(2011, 3, 7), date(2011, 3, 21), date(2011, 4, 4))
REUNION_CAPACITY = 12


@dataclass
class Plan:
    title: str
    group: Group | None
    phase: PhaseKind
    starts_at: datetime
    ends_at: datetime
    place: str
    agenda: str
    invited: list[int]  # who may come: user ids, in a fixed order
    share: float  # how many of them registered
    minutes: bool = False
    minutes_public: bool = False
    capacity: int | None = None
    number: int = 0  # of a green-paper evening


def ensure_meetings(db: Session, organization_slug: str) -> int:
    """The Zeist meetings; returns rows added (meetings and registrations)."""
    if organization_slug != "zeist":
        return 0
    found = zeist_process(db)
    if found is None:
        return 0
    process, groups = found
    existing = {
        tuple(row)
        for row in db.execute(
            select(Meeting.title, Meeting.group_id).where(Meeting.process_id == process.id)
        )
    }
    annelies = db.scalar(select(User.id).where(User.email == ANNELIES))
    plans = [p for p in _plans(db, groups, annelies) if (p.title, _id(p.group)) not in existing]
    chefs = _chef_names(db) if plans else {}
    return sum(_create(db, process, plan, annelies, chefs) for plan in plans)


def _id(group: Group | None) -> int | None:
    return group.id if group else None


def _members(db: Session, group_ids: Sequence[int]) -> dict[tuple[int, str], list[int]]:
    """(group, role) -> user ids, by id: the chef and the accepted experts of each group."""
    rows = db.execute(
        select(RoleAssignment.scope_id, RoleAssignment.role, RoleAssignment.user_id)
        .where(
            RoleAssignment.scope_type == ScopeType.GROUP,
            RoleAssignment.scope_id.in_(group_ids),
            RoleAssignment.role.in_([Role.CHEF.value, Role.EXPERT.value]),
            RoleAssignment.revoked_at.is_(None),
        )
        .order_by(RoleAssignment.user_id)
    )
    members: dict[tuple[int, str], list[int]] = {}
    for group_id, role, user_id in rows:
        if group_id is not None:
            members.setdefault((group_id, role), []).append(user_id)
    return members


def _plans(db: Session, groups: dict[str, Group], annelies: int | None) -> list[Plan]:
    members = _members(db, [g.id for g in groups.values()])
    everyone = sorted({u for ids in members.values() for u in ids})
    plans = [
        Plan(
            title=KICKOFF_TITLE,
            group=None,
            phase=PhaseKind.KICKOFF,
            starts_at=local(2011, 2, 28, 19, 30),
            ends_at=local(2011, 2, 28, 22),
            place=KICKOFF_PLACE,
            agenda=KICKOFF_AGENDA,
            invited=everyone,
            share=0.88,
            minutes=True,
            minutes_public=True,
        )
    ]
    for index, theme in enumerate(ZEIST.themes):
        group = groups[theme]
        experts = members.get((group.id, Role.EXPERT.value), [])
        for number, monday in enumerate(ROUNDS, start=1):
            # Two themes a day, Monday to Thursday, over two weeks per round.
            on = monday + timedelta(days=index % 4 + 7 * (index // 4))
            places = EVENINGS[theme].places
            plans.append(
                Plan(
                    title=evening_title(number, theme),
                    group=group,
                    phase=PhaseKind.GREEN_PAPER,
                    starts_at=local(on.year, on.month, on.day, 19, 30),
                    ends_at=local(on.year, on.month, on.day, 22),
                    place=places[number - 1] if number < 3 else TOWN_HALL,
                    agenda=evening_agenda(number, theme),
                    invited=experts,
                    share=0.8,
                    minutes=number < 3,
                    # Some groups publish their minutes, others keep them in the group.
                    minutes_public=number < 3 and index % 2 == 0,
                    number=number,
                )
            )
    onderwijs = groups["Onderwijs"]
    # Two weeks from the day the demo is first loaded, in Zeist's evening.
    day = datetime.now(AMSTERDAM).date() + timedelta(days=14)
    plans.append(
        Plan(
            title=REUNION_TITLE,
            group=onderwijs,
            # After the board's decision: what the group takes on to its white paper.
            phase=PhaseKind.WHITE_PAPER,
            starts_at=local(day.year, day.month, day.day, 19, 30),
            ends_at=local(day.year, day.month, day.day, 21, 30),
            place=REUNION_PLACE,
            agenda=REUNION_AGENDA,
            # Annelies is left out: signing in as her, the demo's last place is hers to
            # take, and the next person goes on the waiting list.
            invited=[
                u for u in members.get((onderwijs.id, Role.EXPERT.value), []) if u != annelies
            ],
            share=0.0,
            capacity=REUNION_CAPACITY,
        )
    )
    return plans


def _create(
    db: Session, process: Process, plan: Plan, annelies: int | None, chefs: dict[int, str]
) -> int:
    # A generator per meeting, seeded by its title: the same people come to the same
    # evening however many meetings existed before.
    rng = random.Random(f"{SEED}:{plan.title}")  # noqa: S311 - demo data, not secrets
    past = plan.ends_at < utcnow()
    meeting = Meeting(
        process_id=process.id,
        group_id=_id(plan.group),
        title=plan.title,
        phase=plan.phase.value,
        starts_at=plan.starts_at,
        ends_at=plan.ends_at,
        place=plan.place,
        agenda=plan.agenda,
        capacity=plan.capacity,
        minutes="",
        minutes_public=False,
        sequence=0,
        created_at=plan.starts_at - timedelta(days=21) if past else utcnow(),
    )
    db.add(meeting)
    db.flush()
    record(
        db,
        actor=SYSTEM_ACTOR,
        action="meeting.planned",
        target=meeting,
        after={"title": plan.title, "starts_at": plan.starts_at.isoformat(), "place": plan.place},
    )
    if plan.capacity is not None:
        coming = rng.sample(plan.invited, min(plan.capacity - 1, len(plan.invited)))
    else:
        coming = [u for u in plan.invited if rng.random() < plan.share]
    if past and annelies in plan.invited and annelies not in coming:
        coming.append(annelies)  # the demo's expert came to every evening of her group
    registrations = [
        MeetingRegistration(
            meeting_id=meeting.id,
            user_id=user_id,
            status=RegistrationStatus.REGISTERED,
            attended=(user_id == annelies or rng.random() < 0.88) if past else None,
            created_at=(
                plan.starts_at - timedelta(days=rng.randint(1, 12), hours=rng.randint(0, 10))
                if past
                else utcnow() - timedelta(minutes=len(coming) - n)
            ),
        )
        for n, user_id in enumerate(coming)
    ]
    db.add_all(registrations)
    db.flush()
    if plan.minutes:
        present = sum(1 for r in registrations if r.attended)
        if plan.group is None:
            meeting.minutes = KICKOFF_MINUTES.format(present=present)
        else:
            meeting.minutes = evening_minutes(
                plan.number,
                plan.group.name,
                present=present,
                absent=len(registrations) - present,
                chef=chefs.get(plan.group.id, "de chef de dossier"),
            )
        meeting.minutes_public = plan.minutes_public
        db.flush()
        record(
            db,
            actor=SYSTEM_ACTOR,
            action="meeting.minutes_saved",
            target=meeting,
            after={"minutes_public": meeting.minutes_public},
        )
    return 1 + len(registrations)


def _chef_names(db: Session) -> dict[int, str]:
    """How the minutes name each group's chef: "chef de dossier Ruud", or just "de chef de
    dossier" for the accounts named after their theme ("Chef Sport")."""
    rows = db.execute(
        select(RoleAssignment.scope_id, User.display_name)
        .join(User, RoleAssignment.user_id == User.id)
        .where(
            RoleAssignment.role == Role.CHEF,
            RoleAssignment.scope_type == ScopeType.GROUP,
            RoleAssignment.revoked_at.is_(None),
        )
    )
    names: dict[int, str] = {}
    for group_id, display_name in rows:
        name = display_name.split(" (")[0]
        if group_id is not None:
            names[group_id] = (
                "de chef de dossier" if name.startswith("Chef ") else f"chef de dossier {name}"
            )
    return names
