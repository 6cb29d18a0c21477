"""Recruitment in the Zeist demo: the chefs chosen from the open call among staff (and two
who were not), and the eight theme groups filled with experts, with a few late
applications still waiting for the chef.

Rows are inserted directly rather than through the use cases, which would queue a mail
for every applicant; roles still go through ``grant_role`` (audited), and each
application gets the audit entry its use case would write. Everything is found again by
its natural key (email, process and user, group and user), so a second run adds nothing,
and what someone trying the demo changed (a pending application decided) stays as it is.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.roles import Role, ScopeType
from app.access.service import grant_role
from app.audit.service import SYSTEM_ACTOR, record, signature
from app.demo.people import SEED, DemoExpert, demo_password_hash, local, zeist_experts
from app.demo.people_texts import CHEF_COMPETENCIES, CHEF_MOTIVATION, NOT_CHOSEN_STAFF
from app.demo.processes import ZEIST, ZEIST_CHEFS
from app.models import (
    ApplicationBudgetLine,
    BudgetLine,
    ChefApplication,
    ExpertApplication,
    Group,
    Process,
    RoleAssignment,
    User,
)
from app.recruitment.states import ApplicationStatus, ChefApplicationStatus


def zeist_process(db: Session) -> tuple[Process, dict[str, Group]] | None:
    """The Zeist dialogue and its groups by name, once ensure_processes made them."""
    process = db.scalar(select(Process).where(Process.slug == ZEIST.slug))
    if process is None:
        return None
    groups = db.scalars(select(Group).where(Group.process_id == process.id))
    return process, {group.name: group for group in groups}


def ensure_recruitment(db: Session, organization_slug: str) -> int:
    """Chef call and expert applications of the Zeist dialogue; returns rows added."""
    if organization_slug != "zeist":
        return 0
    found = zeist_process(db)
    if found is None:
        return 0
    process, groups = found
    return _ensure_chef_call(db, process, groups) + _ensure_experts(db, process, groups)


def ensure_users(
    db: Session, people: Iterable[tuple[str, str, datetime]]
) -> tuple[dict[str, User], int]:
    """Accounts by email, creating the missing ones (email, display name, registered at),
    confirmed and with the shared demo password; and how many were created. Existing
    accounts are left alone."""
    wanted = {email: (name, at) for email, name, at in people}
    users = {u.email: u for u in db.scalars(select(User).where(User.email.in_(list(wanted))))}
    new = [
        User(
            display_name=name,
            email=email,
            password_hash=demo_password_hash(),
            email_confirmed_at=at,
            created_at=at,
        )
        for email, (name, at) in wanted.items()
        if email not in users
    ]
    if new:
        db.add_all(new)
        db.flush()
        for user in new:
            record(db, actor=SYSTEM_ACTOR, action="user.registered", target=user)
            users[user.email] = user
    return users, len(new)


def _chefs(db: Session) -> dict[str, User]:
    return {
        user.email: user
        for user in db.scalars(select(User).where(User.email.in_(list(ZEIST_CHEFS.values()))))
    }


def _holders(db: Session, role: Role, scope_type: ScopeType) -> set[tuple[int, int | None]]:
    """(user, scope) of every active assignment of ``role``: one query, not one per user."""
    rows = db.execute(
        select(RoleAssignment.user_id, RoleAssignment.scope_id).where(
            RoleAssignment.role == role,
            RoleAssignment.scope_type == scope_type,
            RoleAssignment.revoked_at.is_(None),
        )
    )
    return {(user_id, scope_id) for user_id, scope_id in rows}


def _ensure_chef_call(db: Session, process: Process, groups: dict[str, Group]) -> int:
    """Zeist recruited its chefs by an open call among staff; answering it takes the
    official role, so the chefs and the two not chosen hold it."""
    staff = [(email, name, local(2011, 1, 10, 9)) for email, name, *_ in NOT_CHOSEN_STAFF]
    users, added = ensure_users(db, staff)
    chefs = _chefs(db)
    officials = _holders(db, Role.OFFICIAL, ScopeType.ORGANIZATION)
    for user in [*chefs.values(), *(users[e] for e, *_ in staff)]:
        if (user.id, None) not in officials:
            grant_role(db, SYSTEM_ACTOR, user, Role.OFFICIAL)
            added += 1

    answered = set(
        db.scalars(select(ChefApplication.user_id).where(ChefApplication.process_id == process.id))
    )
    rng = random.Random(SEED)  # noqa: S311 - demo data, not secrets
    applications: list[ChefApplication] = []
    for n, (theme, email) in enumerate(ZEIST_CHEFS.items()):
        chef, group = chefs.get(email), groups[theme]
        # Drawn before skipping, so each chef's text does not depend on what exists.
        competencies = ", ".join(rng.sample(CHEF_COMPETENCIES, 3))
        if chef is None or chef.id in answered:
            continue
        applications.append(
            ChefApplication(
                process_id=process.id,
                user_id=chef.id,
                # Not everyone named a theme; the admin chose for them.
                preferred_theme_id=None if n % 3 == 2 else group.theme_id,
                motivation=CHEF_MOTIVATION.format(theme=theme),
                competencies=competencies,
                status=ChefApplicationStatus.SELECTED,
                selected_group_id=group.id,
                created_at=local(2011, 1, 26 + n % 4, 10 + n),
                decided_at=local(2011, 2, 3, 16),
            )
        )
    for email, _name, theme_name, motivation, competencies, message in NOT_CHOSEN_STAFF:
        if users[email].id in answered:
            continue
        applications.append(
            ChefApplication(
                process_id=process.id,
                user_id=users[email].id,
                preferred_theme_id=groups[theme_name].theme_id if theme_name else None,
                motivation=motivation,
                competencies=competencies,
                status=ChefApplicationStatus.NOT_SELECTED,
                decision_message=message,
                created_at=local(2011, 1, 28, 14),
                decided_at=local(2011, 2, 3, 16),
            )
        )
    db.add_all(applications)
    db.flush()
    for application in applications:
        record(
            db,
            actor=SYSTEM_ACTOR,
            action=f"chef_application.{application.status}",
            target=application,
            reason=application.decision_message,
        )
    return added + len(applications)


def _ensure_experts(db: Session, process: Process, groups: dict[str, Group]) -> int:
    experts = zeist_experts()
    users, added = ensure_users(db, ((e.email, e.display_name, e.applied_at) for e in experts))
    applied = {
        tuple(row)
        for row in db.execute(
            select(ExpertApplication.group_id, ExpertApplication.user_id).where(
                ExpertApplication.process_id == process.id
            )
        )
    }
    # .all(): a Result has keys(), so dict() would take it for a mapping.
    line_ids = dict(
        db.execute(
            select(BudgetLine.code, BudgetLine.id).where(BudgetLine.process_id == process.id)
        ).all()
    )
    chefs = _chefs(db)
    new: list[tuple[DemoExpert, ExpertApplication]] = []
    for expert in experts:
        group, user = groups[expert.theme], users[expert.email]
        if (group.id, user.id) in applied:
            continue
        new.append((expert, _application(process, group, user, expert, chefs, line_ids)))
    db.add_all(application for _expert, application in new)
    db.flush()

    experts_held = _holders(db, Role.EXPERT, ScopeType.GROUP)
    for expert, application in new:
        user = users[expert.email]
        added += 1 + len(expert.claims)
        if (
            expert.status is ApplicationStatus.ACCEPTED
            and (user.id, application.group_id) not in experts_held
        ):
            grant_role(db, SYSTEM_ACTOR, user, Role.EXPERT, ScopeType.GROUP, application.group_id)
            added += 1
        # The entry the use case would have written: the chef's decision, the applicant's
        # withdrawal, or (still pending) the application itself.
        chef = chefs.get(ZEIST_CHEFS[expert.theme])
        decided = expert.status in (ApplicationStatus.ACCEPTED, ApplicationStatus.DECLINED)
        pending = expert.status is ApplicationStatus.PENDING
        record(
            db,
            actor=chef if decided and chef is not None else user,
            action=f"expert_application.{'submitted' if pending else expert.status.value}",
            target=application,
            reason=application.decision_message if decided else None,
        )
    return added


def _application(
    process: Process,
    group: Group,
    user: User,
    expert: DemoExpert,
    chefs: dict[str, User],
    line_ids: dict[str, int],
) -> ExpertApplication:
    decided = expert.status in (ApplicationStatus.ACCEPTED, ApplicationStatus.DECLINED)
    chef = chefs.get(ZEIST_CHEFS[expert.theme])
    return ExpertApplication(
        process_id=process.id,
        group_id=group.id,
        user_id=user.id,
        has_expertise=expert.has_expertise,
        expertise=expert.expertise,
        has_experience=expert.has_experience,
        experience=expert.experience,
        has_stake=expert.has_stake,
        stake=expert.stake,
        organization_name=expert.organization_name,
        motivation=expert.motivation,
        status=expert.status,
        decision_message=expert.decision_message,
        # The chef's label, as decide_on_application writes it: "Ruud (...) (#12)".
        decided_by=signature(chef) if decided and chef else None,
        created_at=expert.applied_at,
        decided_at=expert.decided_at,
        claimed_lines=[ApplicationBudgetLine(budget_line_id=line_ids[c]) for c in expert.claims],
    )
