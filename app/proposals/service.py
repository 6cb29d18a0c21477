"""Use cases of a proposal: draft it, change it (after submission every save is a new
revision, and its reviews need another look), and move it through its states. Each is
audited; the authors are told when the chef moves their proposal."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.permissions import require
from app.audit.service import record, signature
from app.db import utcnow
from app.errors import Conflict
from app.green_papers.queries import stopped_group_ids
from app.i18n import gettext as _
from app.models import (
    BudgetLine,
    Framework,
    Group,
    Process,
    Proposal,
    ProposalAmount,
    ProposalBudgetLine,
    ProposalCoauthor,
    ProposalFramework,
    ProposalRevision,
    ProposalTransition,
    User,
)
from app.notifications.kinds import NotificationKind
from app.notifications.service import notify
from app.phases.guard import current_phase, require_phase
from app.phases.kinds import Action, allows
from app.proposals.forms import ProposalInput
from app.proposals.queries import MERGE_TARGET_STATES
from app.proposals.states import (
    EDITABLE,
    NEEDS_REASON,
    STATE_LABELS,
    TAKEN_BY,
    ProposalState,
    Step,
    Who,
    next_state,
)
from app.recruitment.membership import members
from app.reviews.service import mark_stale, notify_overlaps


def proposal_path(process: Process, proposal: Proposal) -> str:
    return f"/processen/{process.slug}/voorstellen/{proposal.id}"


def claimed_total(amounts: dict[int, tuple[int, int]]) -> int:
    """Structural savings summed over the horizon, plus the one-off amounts."""
    return sum(structural + one_off for structural, one_off in amounts.values())


def current_input(db: Session, proposal: Proposal) -> ProposalInput:
    """The proposal as the form holds it: texts, amounts, ticked lines, frameworks,
    co-authors (four statements)."""
    amounts = db.scalars(select(ProposalAmount).where(ProposalAmount.proposal_id == proposal.id))
    lines = db.scalars(
        select(ProposalBudgetLine.budget_line_id).where(
            ProposalBudgetLine.proposal_id == proposal.id
        )
    )
    frameworks = db.execute(
        select(ProposalFramework.framework_id, ProposalFramework.explanation).where(
            ProposalFramework.proposal_id == proposal.id
        )
    )
    coauthors = db.scalars(
        select(ProposalCoauthor.user_id).where(ProposalCoauthor.proposal_id == proposal.id)
    )
    return ProposalInput(
        title=proposal.title,
        summary=proposal.summary,
        measure=proposal.measure,
        consequences=proposal.consequences,
        amounts={a.year: (a.structural, a.one_off) for a in amounts},
        line_ids=sorted(lines),
        frameworks={int(fid): text for fid, text in frameworks},
        coauthor_ids=sorted(coauthors),
    )


def snapshot(data: ProposalInput) -> dict[str, Any]:
    """What a revision keeps (JSON): enough to show any two side by side."""
    return {
        "title": data.title,
        "summary": data.summary,
        "measure": data.measure,
        "consequences": data.consequences,
        "amounts": [
            {"year": year, "structural": s, "one_off": o}
            for year, (s, o) in sorted(data.amounts.items())
        ],
        "budget_line_ids": sorted(data.line_ids),
        "frameworks": [
            {"id": fid, "explanation": text} for fid, text in sorted(data.frameworks.items())
        ],
    }


def _check_choices(
    db: Session, process: Process, group: Group, author_id: int, data: ProposalInput
) -> None:
    """Only the group's theme's lines, the process's frameworks and the group's members:
    the form offers nothing else, so anything else is a forged or stale form."""
    lines = set(
        db.scalars(
            select(BudgetLine.id).where(
                BudgetLine.theme_id == group.theme_id, BudgetLine.id.in_(data.line_ids)
            )
        )
    )
    frameworks = set(
        db.scalars(
            select(Framework.id).where(
                Framework.process_id == process.id, Framework.id.in_(list(data.frameworks))
            )
        )
    )
    people = {u.id for u in members(db, [group.id])} - {author_id}
    if (
        lines != set(data.line_ids)
        or frameworks != set(data.frameworks)
        or not set(data.coauthor_ids) <= people
    ):
        raise Conflict(_("The form offered other choices than these. Reload it and try again."))
    years = set(range(process.first_year, process.last_year + 1))
    if set(data.amounts) - years:
        raise Conflict(_("The form offered other choices than these. Reload it and try again."))


def _write(db: Session, proposal: Proposal, before: ProposalInput, data: ProposalInput) -> None:
    """Make the rows match ``data``; only what changed is touched."""
    proposal.title, proposal.summary = data.title, data.summary
    proposal.measure, proposal.consequences = data.measure, data.consequences
    proposal.claimed_total = claimed_total(data.amounts)
    if data.amounts != before.amounts:
        existing = {
            a.year: a
            for a in db.scalars(
                select(ProposalAmount).where(ProposalAmount.proposal_id == proposal.id)
            )
        }
        for year, (structural, one_off) in data.amounts.items():
            row = existing.pop(year, None)
            if row is None:
                db.add(
                    ProposalAmount(
                        proposal_id=proposal.id, year=year, structural=structural, one_off=one_off
                    )
                )
            else:
                row.structural, row.one_off = structural, one_off
        for row in existing.values():
            db.delete(row)
    if data.line_ids != before.line_ids:
        _replace(db, ProposalBudgetLine, proposal.id, "budget_line_id", data.line_ids)
    if data.coauthor_ids != before.coauthor_ids:
        _replace(db, ProposalCoauthor, proposal.id, "user_id", data.coauthor_ids)
    if data.frameworks != before.frameworks:
        rows = {
            r.framework_id: r
            for r in db.scalars(
                select(ProposalFramework).where(ProposalFramework.proposal_id == proposal.id)
            )
        }
        for fid, explanation in data.frameworks.items():
            ticked = rows.pop(fid, None)
            if ticked is None:
                db.add(
                    ProposalFramework(
                        proposal_id=proposal.id, framework_id=fid, explanation=explanation
                    )
                )
            else:
                ticked.explanation = explanation
        for unticked in rows.values():
            db.delete(unticked)
    db.flush()


def _replace(db: Session, model: Any, proposal_id: int, column: str, ids: list[int]) -> None:
    rows = {
        getattr(r, column): r
        for r in db.scalars(select(model).where(model.proposal_id == proposal_id))
    }
    for wanted in ids:
        if rows.pop(wanted, None) is None:
            db.add(model(proposal_id=proposal_id, **{column: wanted}))
    for row in rows.values():
        db.delete(row)
    db.flush()  # a removed row goes before a re-added one can hit the unique constraint


def _revision(db: Session, actor: Actor, proposal: Proposal, data: ProposalInput) -> None:
    db.add(
        ProposalRevision(
            proposal_id=proposal.id,
            number=proposal.version,
            snapshot=snapshot(data),
            author_id=actor.id,
            author_label=signature(actor),
        )
    )


def create_draft(
    db: Session, actor: Actor, process: Process, group: Group, data: ProposalInput
) -> Proposal:
    """A member starts a proposal; it stays with its authors and the chef until it is
    submitted."""
    require(actor, "proposal.create", group)
    require_phase(process, process.phases, Action.DRAFT_PROPOSAL)
    if group.id in stopped_group_ids(db, [group.id]):
        # The board stopped the theme after its green paper: it takes no further part.
        raise Conflict(_("The board has stopped this theme; it takes no new proposals."))
    _check_choices(db, process, group, actor.id, data)
    proposal = Proposal(
        process_id=process.id,
        group_id=group.id,
        author_id=actor.id,
        title=data.title,
        state=ProposalState.DRAFT.value,
    )
    db.add(proposal)
    db.flush()
    _write(db, proposal, ProposalInput(), data)
    db.add(
        ProposalTransition(
            proposal_id=proposal.id,
            from_state=None,
            to_state=ProposalState.DRAFT.value,
            actor_id=actor.id,
            actor_label=signature(actor),
        )
    )
    record(db, actor=actor, action="proposal.drafted", target=proposal, after={"title": data.title})
    return proposal


def update(
    db: Session, actor: Actor, process: Process, group: Group, proposal: Proposal,
    data: ProposalInput,
) -> bool:  # fmt: skip
    """Save the authors' changes; False when nothing changed. After submission a change
    is a new version with its revision, and the reviews need another look."""
    require(actor, "proposal.edit", proposal)
    require_phase(process, process.phases, Action.DRAFT_PROPOSAL)
    if proposal.state not in EDITABLE:
        raise Conflict(_("This proposal can no longer be changed."))
    _check_choices(db, process, group, proposal.author_id, data)
    before = current_input(db, proposal)
    if before == data:
        return False
    _write(db, proposal, before, data)
    proposal.updated_at = utcnow()
    submitted = proposal.state != ProposalState.DRAFT
    if submitted:
        proposal.version += 1
        _revision(db, actor, proposal, data)
        db.flush()
        mark_stale(db, proposal)
    record(
        db,
        actor=actor,
        action="proposal.updated",
        target=proposal,
        after={"version": proposal.version, "claimed_total": proposal.claimed_total},
    )
    return True


def require_step_phase(process: Process, step: Step) -> None:
    if TAKEN_BY[step] == Who.AUTHOR:
        require_phase(process, process.phases, Action.DRAFT_PROPOSAL)
        return
    # The chef moves proposals while the group discusses them and while it compiles its
    # white paper; either action opening the door is enough.
    phase = current_phase(process)
    if not (allows(phase, Action.DISCUSS_PROPOSAL) or allows(phase, Action.SUBMIT_WHITE_PAPER)):
        require_phase(process, process.phases, Action.DISCUSS_PROPOSAL)


def _check_merge_target(proposal: Proposal, target: Proposal | None) -> Proposal:
    if target is None:
        raise Conflict(_("Choose the proposal this one is merged into."))
    if (
        target.id == proposal.id
        or target.process_id != proposal.process_id
        or target.state not in MERGE_TARGET_STATES
    ):
        raise Conflict(
            _(
                "A proposal can only be merged into another proposal of this process that is "
                "submitted, in discussion or in the white paper."
            )
        )
    return target


def take_step(
    db: Session,
    jinja: Environment,
    actor: Actor,
    process: Process,
    proposal: Proposal,
    step: Step,
    *,
    reason: str = "",
    merge_into: Proposal | None = None,
    base_url: str = "",
) -> ProposalState:
    """Move the proposal one step through the table. ``proposal.coauthor_ids`` must be
    loaded (queries.load_coauthors) so the authors are known."""
    who = TAKEN_BY[step]
    require(actor, "proposal.author_step" if who == Who.AUTHOR else "proposal.chef_step", proposal)
    require_step_phase(process, step)
    before = ProposalState(proposal.state)
    after = next_state(proposal.state, step)
    reason = reason.strip()
    if step == Step.REJECT and not reason:
        raise Conflict(_("Give the reason for rejecting; the authors and the public read it."))
    if step == Step.MERGE:
        proposal.merged_into_id = _check_merge_target(proposal, merge_into).id
    data = current_input(db, proposal) if step == Step.SUBMIT else None
    proposal.state = after.value
    if step in NEEDS_REASON:
        proposal.state_reason = reason or None
    if data is not None:
        proposal.submitted_at = utcnow()
        _revision(db, actor, proposal, data)  # revision 1: what the public first reads
    db.add(
        ProposalTransition(
            proposal_id=proposal.id,
            from_state=before.value,
            to_state=after.value,
            actor_id=actor.id,
            actor_label=signature(actor),
            reason=reason or None,
        )
    )
    db.flush()
    record(
        db,
        actor=actor,
        action=f"proposal.{step.value}",
        target=proposal,
        before={"state": before.value},
        after={"state": after.value, "merged_into": proposal.merged_into_id}
        if step == Step.MERGE
        else {"state": after.value},
        reason=reason or None,
    )
    if who == Who.CHEF:
        _tell_authors(db, jinja, actor, process, proposal, after, reason, base_url)
    if step == Step.SUBMIT:
        # Another theme may count the same euros: both chefs hear of it now (DESIGN.md).
        notify_overlaps(db, jinja, proposal, base_url)
    return after


def _tell_authors(
    db: Session, jinja: Environment, actor: Actor, process: Process, proposal: Proposal,
    state: ProposalState, reason: str, base_url: str,
) -> None:  # fmt: skip
    ids = {proposal.author_id, *getattr(proposal, "coauthor_ids", ())} - {actor.id}
    if not ids:
        return
    authors = list(db.scalars(select(User).where(User.id.in_(ids)).order_by(User.id)))
    notify(
        db,
        jinja,
        authors,
        NotificationKind.PROPOSAL_MOVED,
        link=proposal_path(process, proposal),
        params={"title": proposal.title, "state": state.value, "reason": reason},
        base_url=base_url,
        mail_context={"state_label": STATE_LABELS[state]},  # lazy: the reader's language
    )
