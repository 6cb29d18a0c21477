"""Recruitment pages: applying to a theme group, the chef's view of applications and
coverage, the group's own page, the open call for chefs, and one's own applications."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from starlette.datastructures import FormData

from app.access.actor import Actor
from app.access.permissions import can, require
from app.cache.fragments import kept_block
from app.cache.views import kept_view
from app.db import utcnow
from app.deps import CurrentActor, DbSession, OptionalActor, RowId
from app.discussion.queries import flagged_count
from app.errors import Conflict, NotFound, SignInRequired
from app.i18n import gettext as _
from app.meetings.queries import meetings_for_group, registered_counts
from app.models import ExpertApplication, Group, Process, Theme
from app.phases.guard import current_phase
from app.phases.kinds import Action, allows
from app.processes.queries import process_or_404
from app.recruitment import queries, service
from app.recruitment.states import STATUS_LABELS, ApplicationStatus
from app.reviews.overlaps import overlaps_for_group
from app.reviews.progress import theme_progress
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.redirects import site_url
from app.web.templating import render

router = APIRouter()

SHORT_TEXT = 500
LONG_TEXT = 2000


def _process_and_group(
    db: DbSession, slug: str, group_slug: str, *, phases: bool = True
) -> tuple[Process, Group]:
    found = queries.process_and_group(db, slug, group_slug, phases=phases)
    if found is None:
        raise NotFound()
    return found


def _redirect(request: Request, url: str, message: str) -> Response:
    response = RedirectResponse(url, status_code=303)
    flash(response, request, message)
    return response


# --- applying to a theme group ------------------------------------------------------------


def _theme_and_group(db: DbSession, process: Process, theme_slug: str) -> tuple[Theme, Group]:
    theme = db.scalar(select(Theme).where(Theme.process_id == process.id, Theme.slug == theme_slug))
    group = queries.group_of_theme(db, theme) if theme else None
    if theme is None or group is None:
        raise NotFound()
    return theme, group


def _apply_page(
    request: Request,
    db: DbSession,
    actor: Actor,
    process: Process,
    theme: Theme,
    group: Group,
    form: FormResult,
    chosen_lines: set[int],
    status_code: int = 200,
) -> HTMLResponse:
    return render(
        request,
        "recruitment/apply.html",
        {
            "process": process,
            "theme": theme,
            "group": group,
            "form": form,
            "lines": queries.theme_lines(db, theme.id),
            "chosen_lines": chosen_lines,
            "existing": queries.own_application(db, group, actor.id),
            "open": allows(current_phase(process), Action.APPLY_AS_EXPERT),
            "status_labels": STATUS_LABELS,
        },
        status_code=status_code,
    )


@router.get("/processen/{slug}/themas/{theme_slug}/aanmelden", response_class=HTMLResponse)
def application_form(
    request: Request, slug: str, theme_slug: str, db: DbSession, actor: OptionalActor
) -> HTMLResponse:
    if actor is None:
        raise SignInRequired()
    process = process_or_404(db, slug)
    theme, group = _theme_and_group(db, process, theme_slug)
    return _apply_page(request, db, actor, process, theme, group, FormResult(), set())


def _read_what_i_bring(form: FormData, result: FormResult) -> service.WhatIBring:
    bring = service.WhatIBring()
    labels = {
        "expertise": _("What do you know about it?"),
        "experience": _("What have you experienced of it?"),
        "stake": _("What is your stake?"),
    }
    for kind, label in labels.items():
        ticked = result.checkbox(form, f"has_{kind}")
        text = result.text(form, kind, label=label, required=ticked, max_length=SHORT_TEXT)
        setattr(bring, f"has_{kind}", ticked)
        setattr(bring, kind, text if ticked else "")
    if not (bring.has_expertise or bring.has_experience or bring.has_stake):
        result.errors["has_expertise"] = _(
            "Tick at least one: expertise, experience or stake, and say a little about it."
        )
    bring.organization_name = result.text(
        form, "organization_name", label=_("Organization"), required=False, max_length=200
    )
    bring.motivation = result.text(
        form, "motivation", label=_("Why do you want to take part?"), min_length=10,
        max_length=LONG_TEXT,
    )  # fmt: skip
    bring.budget_line_ids = [
        int(v) for v in form.getlist("budget_line") if isinstance(v, str) and v.isdigit()
    ]
    return bring


@router.post("/processen/{slug}/themas/{theme_slug}/aanmelden", response_class=HTMLResponse)
def apply(
    request: Request, slug: str, theme_slug: str, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    process = process_or_404(db, slug)
    theme, group = _theme_and_group(db, process, theme_slug)
    require(actor, "group.apply", group)
    result = FormResult()
    bring = _read_what_i_bring(form, result)
    if result.ok:
        try:
            service.apply_as_expert(
                db, request.app.state.jinja, actor, process, list(process.phases), group, bring,
                site_url(request),
            )  # fmt: skip
        except Conflict as exc:  # includes a closed phase: say so next to the form
            result.errors["_apply"] = exc.message
        else:
            return _redirect(
                request,
                "/profiel/aanmeldingen",
                _(
                    "Thank you. The chef of %(group)s will look at your application.",
                    group=group.name,
                ),
            )
    return _apply_page(
        request, db, actor, process, theme, group, result, set(bring.budget_line_ids), 400
    )


@router.post("/processen/{slug}/aanmeldingen/{application_id}/intrekken")
def withdraw(
    request: Request, slug: str, application_id: RowId, db: DbSession, actor: CurrentActor
) -> Response:
    application = db.get(ExpertApplication, application_id)
    if application is None or application.user_id != actor.id:
        raise NotFound()
    service.withdraw_application(db, actor, application)
    return _redirect(request, "/profiel/aanmeldingen", _("Your application is withdrawn."))


@router.get("/profiel/aanmeldingen", response_class=HTMLResponse)
def my_applications(request: Request, db: DbSession, actor: CurrentActor) -> HTMLResponse:
    return render(
        request,
        "recruitment/mine.html",
        {
            "applications": queries.applications_of(db, actor.id),
            "chef_applications": queries.chef_applications_of(db, actor.id),
            "status_labels": STATUS_LABELS,
        },
    )


# --- the group, and the chef's view of it ------------------------------------------------


@router.get("/mijn-groepen", response_class=HTMLResponse)
def my_groups(request: Request, db: DbSession, actor: CurrentActor) -> HTMLResponse:
    return render(
        request, "recruitment/my_groups.html", {"groups": queries.groups_of(db, actor.roles)}
    )


def _group_content(
    db: DbSession, process: Process, group: Group, form: FormResult | None = None
) -> dict[str, object]:
    meetings = meetings_for_group(db, group.id)
    return {
        "process": process,
        "group": group,
        "c": queries.coverage(db, group),
        "meetings": meetings,
        "coming": registered_counts(db, [m.id for m in meetings]),
        "now": utcnow(),
        # The group's way to its target, and the euros another theme may count too.
        "progress": theme_progress(db, process, [group.theme_id]).get(group.theme_id),
        "overlaps": overlaps_for_group(db, group),
        "flagged": flagged_count(db, [group.id]).get(group.id, 0),
        "form": form or FormResult(),
    }


def _group_page(
    request: Request,
    db: DbSession,
    process: Process,
    group: Group,
    form: FormResult | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    """The group's page rendered for this request: the chef's view (forms and counts of
    its own), or a form's errors, or a member's where parts are not kept."""
    context = _group_content(db, process, group, form)
    return render(request, "recruitment/group.html", context, status_code=status_code)


@router.get("/processen/{slug}/groepen/{group_slug}", response_class=HTMLResponse)
def group_page(
    request: Request, slug: str, group_slug: str, db: DbSession, actor: CurrentActor
) -> HTMLResponse:
    address = kept_view(
        request, ("group", slug, group_slug), lambda: queries.group_address(db, slug, group_slug)
    )
    if address is None:
        raise NotFound()
    require(actor, "group.view", address)

    def found() -> tuple[Process, Group]:
        # The members' page asks nothing of the phases; the chef's forms post elsewhere.
        return _process_and_group(db, slug, group_slug, phases=False)

    if can(actor, "group.moderate", address) or can(actor, "proposal.moderate", address):
        return _group_page(request, db, *found())
    # What every member sees alike: kept until the content changes. With the address kept
    # too, a member's visit costs the statements that find the organization and the
    # person, and none of the group's own (issue #13).
    kept = kept_block(
        request,
        "recruitment/group.html",
        "content",
        ("member", address.id),
        lambda: _group_content(db, *found()),
    )
    if kept is None:
        return _group_page(request, db, *found())
    return render(request, "recruitment/group.html", {"group": address, "kept_content": kept})


def _applications_page(
    request: Request,
    db: DbSession,
    process: Process,
    group: Group,
    form: FormResult | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    c = queries.coverage(db, group)
    return render(
        request,
        "recruitment/applications.html",
        {
            "process": process,
            "group": group,
            "c": c,
            "claimed": queries.claimed_line_names(db, c.pending),
            "decided": queries.decided(db, group),
            "form": form or FormResult(),
            "status_labels": STATUS_LABELS,
        },
        status_code=status_code,
    )


@router.get("/processen/{slug}/groepen/{group_slug}/aanmeldingen", response_class=HTMLResponse)
def applications(
    request: Request, slug: str, group_slug: str, db: DbSession, actor: CurrentActor
) -> HTMLResponse:
    process, group = _process_and_group(db, slug, group_slug)
    require(actor, "group.moderate", group)
    return _applications_page(request, db, process, group)


@router.post(
    "/processen/{slug}/groepen/{group_slug}/aanmeldingen/{application_id}",
    response_class=HTMLResponse,
)
def decide(
    request: Request,
    slug: str,
    group_slug: str,
    application_id: RowId,
    db: DbSession,
    actor: CurrentActor,
    form: Form,
) -> Response:
    process, group = _process_and_group(db, slug, group_slug)
    require(actor, "group.moderate", group)
    application = db.get(ExpertApplication, application_id)
    if application is None or application.group_id != group.id:
        raise NotFound()
    result = FormResult()
    decision = result.text(form, f"decision-{application.id}", label=_("Decision"))
    message = result.text(
        form, f"message-{application.id}", label=_("Message to the applicant"), required=False,
        max_length=LONG_TEXT,
    )  # fmt: skip
    if decision not in ("accept", "decline"):
        result.errors[f"decision-{application.id}"] = _("Choose to accept or to decline.")
    if result.ok:
        try:
            service.decide_on_application(
                db, request.app.state.jinja, actor, process, group, application,
                accept=decision == "accept", message=message, base_url=site_url(request),
            )  # fmt: skip
        except Conflict as exc:
            result.errors[f"message-{application.id}"] = exc.message
        else:
            name = db.get_one(type(actor.user), application.user_id).display_name
            done = (
                _("%(name)s is now a member of the group.", name=name)
                if decision == "accept"
                else _("%(name)s has been told the application is not accepted.", name=name)
            )
            return _redirect(request, f"/processen/{slug}/groepen/{group_slug}/aanmeldingen", done)
    return _applications_page(request, db, process, group, result, 400)


# --- leaving the group ------------------------------------------------------------------


@router.post("/processen/{slug}/groepen/{group_slug}/verlaten", response_class=HTMLResponse)
def leave(
    request: Request, slug: str, group_slug: str, db: DbSession, actor: CurrentActor
) -> Response:
    process, group = _process_and_group(db, slug, group_slug)
    application = queries.own_application(db, group, actor.id)
    if application is None or application.status != ApplicationStatus.ACCEPTED:
        raise NotFound()
    service.leave_group(
        db, request.app.state.jinja, actor, process, group, application, reason="",
        base_url=site_url(request),
    )  # fmt: skip
    return _redirect(
        request, "/profiel/aanmeldingen", _("You have left %(group)s.", group=group.name)
    )


@router.post(
    "/processen/{slug}/groepen/{group_slug}/leden/{application_id}/verwijderen",
    response_class=HTMLResponse,
)
def remove_member(
    request: Request,
    slug: str,
    group_slug: str,
    application_id: RowId,
    db: DbSession,
    actor: CurrentActor,
    form: Form,
) -> Response:
    process, group = _process_and_group(db, slug, group_slug)
    require(actor, "group.moderate", group)
    application = db.get(ExpertApplication, application_id)
    if application is None or application.group_id != group.id:
        raise NotFound()
    result = FormResult()
    field = f"reason-{application.id}"
    reason = result.text(form, field, label=_("Message to the member"), max_length=LONG_TEXT)
    if result.ok:
        try:
            service.leave_group(
                db, request.app.state.jinja, actor, process, group, application, reason=reason,
                base_url=site_url(request),
            )  # fmt: skip
        except Conflict as exc:
            result.errors[field] = exc.message
        else:
            return _redirect(
                request,
                f"/processen/{slug}/groepen/{group_slug}",
                _("The member is taken off the group and has been told why."),
            )
    return _group_page(request, db, process, group, result, 400)
