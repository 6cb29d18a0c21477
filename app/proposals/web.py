"""What the proposal routes share: finding the process, group and proposal of a URL (404
when they do not belong together), rendering the form and the proposal page, and
redirecting with a message."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.permissions import can
from app.attachments.queries import for_proposal
from app.attachments.web import block_for
from app.discussion.queries import discussion_for
from app.errors import NotFound, PhaseClosed
from app.green_papers.diff import Piece, word_diff
from app.i18n import gettext as _
from app.models import Group, Process, Proposal, ProposalRevision
from app.phases.guard import require_phase
from app.phases.kinds import Action
from app.proposals import queries, service
from app.proposals.forms import Options, ProposalForm, amount_fields
from app.proposals.states import STATE_LABELS, STEP_LABELS, TAKEN_BY, Step, Who, steps_from
from app.questions.queries import questions_for
from app.recruitment.queries import group_by_slug
from app.reviews.queries import reviews_for
from app.web.flash import flash
from app.web.forms import FormResult
from app.web.templating import render


def group_at(db: Session, process: Process, group_slug: str) -> Group:
    group = group_by_slug(db, process, group_slug)
    if group is None:
        raise NotFound()
    return group


def proposal_at(db: Session, process: Process, proposal_id: int) -> Proposal:
    """The proposal with its co-authors known (the permission predicates read them)."""
    proposal = queries.proposal_in(db, process, proposal_id)
    if proposal is None:
        raise NotFound()
    queries.load_coauthors(db, proposal)
    return proposal


def redirect(request: Request, url: str, message: str) -> Response:
    response = RedirectResponse(url, status_code=303)
    flash(response, request, message)
    return response


def closed_for(process: Process, action: Action) -> str | None:
    """Why ``action`` is not possible now (the phase and dates it is), or None."""
    try:
        require_phase(process, process.phases, action)
    except PhaseClosed as exc:
        return exc.message
    return None


@dataclass(frozen=True)
class FormPage:
    process: Process
    group: Group
    options: Options
    proposal: Proposal | None = None  # None for a new one


def form_page(
    request: Request,
    page: FormPage,
    form: ProposalForm,
    *,
    status_code: int = 200,
) -> HTMLResponse:
    return render(
        request,
        "proposals/form.html",
        {
            "process": page.process,
            "group": page.group,
            "proposal": page.proposal,
            "options": page.options,
            "form": form,
            "amount_fields": amount_fields,
            "closed": closed_for(page.process, Action.DRAFT_PROPOSAL),
        },
        status_code=status_code,
    )


def available_steps(
    actor: Actor | None, process: Process, proposal: Proposal
) -> tuple[list[Step], str | None]:
    """The steps this person may take now, and, when the phase keeps them from a step
    they could otherwise take, the message saying when it is possible."""
    steps: list[Step] = []
    closed: str | None = None
    for step in steps_from(proposal.state):
        who = TAKEN_BY[step]
        if not can(actor, "proposal.author_step" if who == Who.AUTHOR else "proposal.chef_step",
                   proposal):  # fmt: skip
            continue
        try:
            service.require_step_phase(process, step)
        except PhaseClosed as exc:
            closed = exc.message
            continue
        steps.append(step)
    return steps, closed


def proposal_page(
    request: Request,
    db: Session,
    actor: Actor | None,
    process: Process,
    proposal: Proposal,
    *,
    form: FormResult | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    """The proposal page; ``form`` carries what was typed and the errors of any form on
    it (the steps here, and the discussion, questions and reviews parts alike)."""
    steps, steps_closed = available_steps(actor, process, proposal)
    page = queries.page_of(db, proposal, with_merge_targets=Step.MERGE in steps)
    return render(
        request,
        "proposals/proposal.html",
        {
            "process": process,
            "page": page,
            "proposal": proposal,
            "steps": steps,
            "steps_closed": steps_closed,
            "editable": can(actor, "proposal.edit", proposal)
            and closed_for(process, Action.DRAFT_PROPOSAL) is None,
            "state_labels": STATE_LABELS,
            "step_labels": STEP_LABELS,
            "form": form or FormResult(),
            "discussion": discussion_for(db, proposal, actor),
            "questions": questions_for(db, proposal),
            "reviews": reviews_for(db, proposal),
            "attachments": block_for(
                db, actor, request.app.state.settings, for_proposal(process, proposal)
            ),
        },
        status_code=status_code,
    )


# --- what changed between two revisions ---------------------------------------------------


@dataclass(frozen=True)
class AmountChange:
    year: int
    kind: str  # "structural" or "one_off"
    old: int
    new: int


@dataclass(frozen=True)
class Changes:
    texts: list[tuple[str, list[Piece]]]  # the field's label and its word diff
    amounts: list[AmountChange]


def compare(old: ProposalRevision | None, new: ProposalRevision) -> Changes:
    """Word by word for the texts that changed; the amounts that changed, per year and
    kind. Against nothing (the first revision) everything is new."""
    before: dict[str, Any] = old.snapshot if old is not None else {}
    after = new.snapshot
    labels = {
        "title": _("Title"),
        "summary": _("Summary"),
        "measure": _("The measure"),
        "consequences": _("Consequences for society"),
    }
    texts = [
        (label, word_diff(str(before.get(key, "")), str(after.get(key, ""))))
        for key, label in labels.items()
        if before.get(key, "") != after.get(key, "")
    ]

    def by_year(snap: dict[str, Any]) -> dict[int, dict[str, int]]:
        return {int(a["year"]): a for a in snap.get("amounts", [])}

    was, now = by_year(before), by_year(after)
    amounts = [
        AmountChange(
            year, kind, int(was.get(year, {}).get(kind, 0)), int(now.get(year, {}).get(kind, 0))
        )
        for year in sorted(set(was) | set(now))
        for kind in ("structural", "one_off")
        if was.get(year, {}).get(kind, 0) != now.get(year, {}).get(kind, 0)
    ]
    return Changes(texts, amounts)
