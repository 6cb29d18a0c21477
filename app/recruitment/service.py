"""Use cases of recruitment: the open call for chefs among staff, and experts applying to
a theme group with what they bring. Each is audited and tells the people concerned."""

from __future__ import annotations

from dataclasses import dataclass, field

from jinja2 import Environment
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.roles import Role, ScopeType
from app.access.service import active_assignment, grant_role, revoke_role
from app.audit.service import record, signature
from app.db import utcnow
from app.errors import Conflict
from app.i18n import gettext as _
from app.models import (
    ApplicationBudgetLine,
    BudgetLine,
    ChefApplication,
    ExpertApplication,
    Group,
    Phase,
    Process,
    User,
)
from app.notifications.kinds import NotificationKind
from app.notifications.service import notify
from app.phases.guard import require_phase
from app.phases.kinds import Action
from app.processes.service import assign_chef
from app.recruitment.membership import members
from app.recruitment.states import (
    ApplicationStatus,
    ApplicationStep,
    ChefStep,
    next_chef_status,
    next_status,
)


@dataclass
class WhatIBring:
    """An expert's application as typed: each of expertise, experience and stake is a
    tick with a short explanation."""

    has_expertise: bool = False
    expertise: str = ""
    has_experience: bool = False
    experience: str = ""
    has_stake: bool = False
    stake: str = ""
    organization_name: str = ""
    motivation: str = ""
    budget_line_ids: list[int] = field(default_factory=list)


def _group_path(process: Process, group: Group) -> str:
    return f"/processen/{process.slug}/groepen/{group.slug}"


def apply_as_expert(
    db: Session,
    jinja: Environment,
    actor: Actor,
    process: Process,
    phases: list[Phase],
    group: Group,
    bring: WhatIBring,
    base_url: str,
) -> ExpertApplication:
    require_phase(process, phases, Action.APPLY_AS_EXPERT)
    application = db.scalar(
        select(ExpertApplication).where(
            ExpertApplication.group_id == group.id, ExpertApplication.user_id == actor.id
        )
    )
    if application is None:
        application = ExpertApplication(
            process_id=process.id, group_id=group.id, user_id=actor.id, claimed_lines=[]
        )
        db.add(application)
    elif application.status in (ApplicationStatus.PENDING, ApplicationStatus.ACCEPTED):
        raise Conflict(_("You have applied to this group already."))
    else:
        application.status = next_status(application.status, ApplicationStep.REAPPLY)
        application.decision_message = application.decided_by = application.decided_at = None
        db.flush()
        for claim in db.scalars(
            select(ApplicationBudgetLine).where(
                ApplicationBudgetLine.application_id == application.id
            )
        ):
            db.delete(claim)
    application.has_expertise, application.expertise = bring.has_expertise, bring.expertise
    application.has_experience, application.experience = bring.has_experience, bring.experience
    application.has_stake, application.stake = bring.has_stake, bring.stake
    application.organization_name = bring.organization_name
    application.motivation = bring.motivation
    application.created_at = utcnow()
    db.flush()
    # Only lines of this group's theme can be claimed, whatever the form sent.
    theme_lines = set(
        db.scalars(select(BudgetLine.id).where(BudgetLine.theme_id == group.theme_id))
    )
    for line_id in sorted(set(bring.budget_line_ids) & theme_lines):
        db.add(ApplicationBudgetLine(application_id=application.id, budget_line_id=line_id))
    db.flush()
    record(
        db,
        actor=actor,
        action="expert_application.submitted",
        target=application,
        after={"group": group.name, "expertise": bring.has_expertise,
               "experience": bring.has_experience, "stake": bring.has_stake},
    )  # fmt: skip
    chefs = members(db, [group.id], roles=[Role.CHEF])
    notify(
        db,
        jinja,
        chefs,
        NotificationKind.APPLICATION_RECEIVED,
        link=_group_path(process, group) + "/aanmeldingen",
        params={"name": actor.display_name, "group": group.name},
        base_url=base_url,
    )
    return application


def decide_on_application(
    db: Session,
    jinja: Environment,
    by: Actor,
    process: Process,
    group: Group,
    application: ExpertApplication,
    *,
    accept: bool,
    message: str,
    base_url: str,
) -> None:
    """The chef accepts (the person joins the group as expert) or declines, with a
    message the applicant reads in the mail and on their profile."""
    if not accept and not message.strip():
        raise Conflict(_("Tell the applicant why, in a short message."))
    step = ApplicationStep.ACCEPT if accept else ApplicationStep.DECLINE
    application.status = next_status(application.status, step)
    application.decision_message = message.strip() or None
    application.decided_by = signature(by)
    application.decided_at = utcnow()
    applicant = db.get_one(User, application.user_id)
    if accept and active_assignment(db, applicant, Role.EXPERT, ScopeType.GROUP, group.id) is None:
        grant_role(db, by, applicant, Role.EXPERT, ScopeType.GROUP, group.id)
    db.flush()
    record(
        db,
        actor=by,
        action=f"expert_application.{application.status}",
        target=application,
        before={"status": ApplicationStatus.PENDING.value},
        after={"status": application.status},
        reason=application.decision_message,
    )
    notify(
        db,
        jinja,
        [applicant],
        NotificationKind.APPLICATION_DECIDED,
        link=_group_path(process, group) if accept else "/profiel/aanmeldingen",
        params={"group": group.name, "accepted": accept, "message": message.strip()},
        base_url=base_url,
    )


def withdraw_application(db: Session, actor: Actor, application: ExpertApplication) -> None:
    if application.user_id != actor.id:
        raise Conflict(_("This is not your application."))
    application.status = next_status(application.status, ApplicationStep.WITHDRAW)
    db.flush()
    record(db, actor=actor, action="expert_application.withdrawn", target=application)


def leave_group(
    db: Session,
    jinja: Environment,
    by: Actor,
    process: Process,
    group: Group,
    application: ExpertApplication,
    *,
    reason: str,
    base_url: str,
) -> None:
    """A member leaves the group, or the chef takes them off it (with a reason they read).
    Their expert role on the group ends; what they wrote stays, under their name."""
    by_chef = application.user_id != by.id
    if by_chef and not reason.strip():
        raise Conflict(_("Tell the member why, in a short message."))
    application.status = next_status(application.status, ApplicationStep.LEAVE)
    application.decision_message = reason.strip() or None if by_chef else None
    application.decided_by = signature(by)
    application.decided_at = utcnow()
    member = db.get_one(User, application.user_id)
    assignment = active_assignment(db, member, Role.EXPERT, ScopeType.GROUP, group.id)
    if assignment is not None:
        revoke_role(db, by, assignment, member)
    db.flush()
    record(
        db,
        actor=by,
        action="expert_application.left" if not by_chef else "expert_application.removed",
        target=application,
        before={"status": ApplicationStatus.ACCEPTED.value},
        after={"status": application.status},
        reason=application.decision_message,
    )
    if by_chef:
        notify(
            db,
            jinja,
            [member],
            NotificationKind.MEMBER_REMOVED,
            link="/profiel/aanmeldingen",
            params={"group": group.name, "reason": application.decision_message or ""},
            base_url=base_url,
        )


def answer_chef_call(
    db: Session,
    actor: Actor,
    process: Process,
    phases: list[Phase],
    *,
    motivation: str,
    competencies: str,
    preferred_theme_id: int | None,
) -> ChefApplication:
    require_phase(process, phases, Action.APPLY_AS_CHEF)
    existing = db.scalar(
        select(ChefApplication.id).where(
            ChefApplication.process_id == process.id, ChefApplication.user_id == actor.id
        )
    )
    if existing is not None:
        raise Conflict(_("You have answered the call for this process already."))
    application = ChefApplication(
        process_id=process.id,
        user_id=actor.id,
        motivation=motivation,
        competencies=competencies,
        preferred_theme_id=preferred_theme_id,
    )
    db.add(application)
    db.flush()
    record(db, actor=actor, action="chef_application.submitted", target=application)
    return application


def select_chef(
    db: Session,
    jinja: Environment,
    by: Actor,
    process: Process,
    application: ChefApplication,
    group: Group,
    base_url: str,
) -> None:
    """The admin picks this person for ``group``: they become its chef (a role scoped to
    the group, granted and audited like any other)."""
    application.status = next_chef_status(application.status, ChefStep.SELECT)
    application.selected_group_id = group.id
    application.decided_at = utcnow()
    person = db.get_one(User, application.user_id)
    assign_chef(db, by, group, person)
    db.flush()
    record(
        db,
        actor=by,
        action="chef_application.selected",
        target=application,
        after={"group": group.name},
    )
    notify(
        db,
        jinja,
        [person],
        NotificationKind.CHEF_CALL_DECIDED,
        link=_group_path(process, group) + "/aanmeldingen",
        params={"selected": True, "group": group.name, "process": process.title},
        base_url=base_url,
    )


def pass_over_chef(
    db: Session,
    jinja: Environment,
    by: Actor,
    process: Process,
    application: ChefApplication,
    message: str,
    base_url: str,
) -> None:
    if not message.strip():
        raise Conflict(_("Tell the applicant why, in a short message."))
    application.status = next_chef_status(application.status, ChefStep.DECLINE)
    application.decision_message = message.strip()
    application.decided_at = utcnow()
    db.flush()
    record(
        db,
        actor=by,
        action="chef_application.not_selected",
        target=application,
        reason=application.decision_message,
    )
    notify(
        db,
        jinja,
        [db.get_one(User, application.user_id)],
        NotificationKind.CHEF_CALL_DECIDED,
        link="/profiel/aanmeldingen",
        params={"selected": False, "process": process.title, "message": message.strip()},
        base_url=base_url,
    )
