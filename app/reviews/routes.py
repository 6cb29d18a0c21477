"""The reviewer's inbox, the review form, and the progress fragment that theme and group
pages refresh without a full page load."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.access.permissions import require
from app.deps import CurrentActor, CurrentOrg, DbSession, RowId
from app.errors import Conflict, NotFound
from app.i18n import gettext as _
from app.models import Group, Process, Proposal, Review, Theme
from app.phases.guard import current_phase
from app.phases.kinds import Action, allows
from app.processes.queries import process_by_slug
from app.proposals.states import COUNTED, STATE_LABELS
from app.reviews import forms, queries, service
from app.reviews.kinds import KIND_LABELS, KIND_OF_SLUG, SLUGS, VERDICT_LABELS, ReviewKind, Verdict
from app.reviews.progress import theme_progress
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.templating import render

router = APIRouter()


@router.get("/toetsing", response_class=HTMLResponse)
def inbox(request: Request, db: DbSession, actor: CurrentActor) -> HTMLResponse:
    require(actor, "review.inbox")
    return render(
        request,
        "reviews/inbox.html",
        {"inbox": queries.inbox(db, actor), "kind_labels": KIND_LABELS, "slugs": SLUGS},
    )


def _place(
    db: DbSession, slug: str, proposal_id: int, kind_slug: str
) -> tuple[Process, Proposal, ReviewKind]:
    process = process_by_slug(db, slug)
    kind = KIND_OF_SLUG.get(kind_slug)
    proposal = queries.proposal_in(db, process, proposal_id) if process else None
    if process is None or proposal is None or kind is None:
        raise NotFound()
    return process, proposal, kind


def _values_of(review: Review | None) -> dict[str, str]:
    """The form filled in with the current review, so a second look starts from it."""
    if review is None:
        return {}
    values = {"verdict": review.verdict, "notes": review.notes}
    for amount in review.amounts:
        values[forms.structural_field(amount.year)] = str(amount.structural)
        values[forms.one_off_field(amount.year)] = str(amount.one_off)
    return values


def _form_page(
    request: Request,
    db: DbSession,
    process: Process,
    proposal: Proposal,
    kind: ReviewKind,
    *,
    form: FormResult | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    review = service.current_review(db, proposal, kind)
    group = db.get_one(Group, proposal.group_id)
    return render(
        request,
        "reviews/form.html",
        {
            "process": process,
            "proposal": proposal,
            "group": group,
            "theme": db.get_one(Theme, group.theme_id),
            "kind": kind,
            "kind_label": KIND_LABELS[kind],
            "review": review,
            "years": queries.horizon(process),
            "claimed": queries.claimed_amounts(db, proposal),
            "form": form or FormResult(values=_values_of(review)),
            # After a refused save the form stays, so nothing typed is lost.
            "posted": form is not None,
            "verdicts": list(Verdict),
            "verdict_labels": VERDICT_LABELS,
            "state_label": STATE_LABELS[proposal.state],
            "reviewable": proposal.state in COUNTED,
            "phase_open": allows(current_phase(process), Action.REVIEW_PROPOSAL),
            "fields": forms,
            "path": service.review_path(process, proposal, kind),
            "proposal_path": service.proposal_path(process, proposal),
        },
        status_code=status_code,
    )


@router.get(
    "/processen/{slug}/voorstellen/{proposal_id}/toetsing/{kind_slug}", response_class=HTMLResponse
)
def review_form(
    request: Request,
    slug: str,
    proposal_id: RowId,
    kind_slug: str,
    db: DbSession,
    actor: CurrentActor,
) -> HTMLResponse:
    process, proposal, kind = _place(db, slug, proposal_id, kind_slug)
    require(actor, "review.give", kind)
    return _form_page(request, db, process, proposal, kind)


@router.post(
    "/processen/{slug}/voorstellen/{proposal_id}/toetsing/{kind_slug}", response_class=HTMLResponse
)
def give_review(
    request: Request,
    slug: str,
    proposal_id: RowId,
    kind_slug: str,
    db: DbSession,
    actor: CurrentActor,
    form: Form,
) -> Response:
    process, proposal, kind = _place(db, slug, proposal_id, kind_slug)
    require(actor, "review.give", kind)
    given, result = forms.read_review(form, kind, queries.horizon(process))
    if given is None:
        return _form_page(request, db, process, proposal, kind, form=result, status_code=400)
    try:
        service.give_review(db, actor, process, list(process.phases), proposal, kind, given)
    except Conflict as exc:  # the phase closed, or the proposal left the counted states
        result.errors["_"] = exc.message
        return _form_page(request, db, process, proposal, kind, form=result, status_code=409)
    response = RedirectResponse(
        service.proposal_path(process, proposal) + "#reviews", status_code=303
    )
    flash(response, request, _("Your review is saved."))
    return response


@router.get("/processen/{slug}/themas/{theme_slug}/voortgang", response_class=HTMLResponse)
def progress_fragment(
    request: Request, slug: str, theme_slug: str, db: DbSession, organization: CurrentOrg
) -> HTMLResponse:
    """Just the progress partial: public, like the theme page it sits on."""
    process = process_by_slug(db, slug)
    theme = queries.theme_by_slug(db, process, theme_slug) if process else None
    if process is None or theme is None:
        raise NotFound()
    progress = theme_progress(db, process, [theme.id])[theme.id]
    return render(request, "reviews/_progress.html", {"process": process, "progress": progress})
