"""The open call for chefs: staff answer it, the admin chooses a chef per theme group."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from app.access.permissions import require
from app.deps import CurrentActor, DbSession, RowId
from app.errors import Conflict, NotFound
from app.i18n import gettext as _
from app.models import ChefApplication, Group, Process, Theme
from app.phases.guard import current_phase
from app.phases.kinds import Action, allows
from app.processes.queries import groups_with_chefs, process_or_404
from app.recruitment import queries, service
from app.recruitment.states import STATUS_LABELS
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.redirects import site_url
from app.web.templating import render

router = APIRouter()


def _themes(db: DbSession, process: Process) -> list[Theme]:
    return list(
        db.scalars(select(Theme).where(Theme.process_id == process.id).order_by(Theme.position))
    )


def _call_page(
    request: Request,
    db: DbSession,
    process: Process,
    user_id: int,
    form: FormResult,
    status_code: int = 200,
) -> HTMLResponse:
    return render(
        request,
        "recruitment/chef_call.html",
        {
            "process": process,
            "themes": _themes(db, process),
            "form": form,
            "existing": queries.own_chef_application(db, process, user_id),
            "open": allows(current_phase(process), Action.APPLY_AS_CHEF),
            "status_labels": STATUS_LABELS,
        },
        status_code=status_code,
    )


@router.get("/processen/{slug}/chef-worden", response_class=HTMLResponse)
def call_form(request: Request, slug: str, db: DbSession, actor: CurrentActor) -> HTMLResponse:
    process = process_or_404(db, slug)
    require(actor, "chef_call.apply", process)
    return _call_page(request, db, process, actor.id, FormResult())


@router.post("/processen/{slug}/chef-worden", response_class=HTMLResponse)
def answer_call(
    request: Request, slug: str, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    process = process_or_404(db, slug)
    require(actor, "chef_call.apply", process)
    result = FormResult()
    motivation = result.text(
        form, "motivation", label=_("Why do you want to be a chef?"), min_length=10,
        max_length=2000,
    )  # fmt: skip
    competencies = result.text(
        form, "competencies", label=_("What skills do you bring?"), min_length=10,
        max_length=2000,
    )  # fmt: skip
    theme_value = result.text(form, "theme", label=_("Theme you prefer"), required=False)
    themes = {str(t.id): t for t in _themes(db, process)}
    if theme_value and theme_value not in themes:
        result.errors["theme"] = _("Choose one of the themes, or none.")
    if result.ok:
        try:
            service.answer_chef_call(
                db, actor, process, list(process.phases), motivation=motivation,
                competencies=competencies,
                preferred_theme_id=themes[theme_value].id if theme_value else None,
            )  # fmt: skip
        except Conflict as exc:
            result.errors["_call"] = exc.message
        else:
            response = RedirectResponse("/profiel/aanmeldingen", status_code=303)
            flash(response, request, _("Thank you. The administrator will choose the chefs."))
            return response
    return _call_page(request, db, process, actor.id, result, 400)


# --- the admin's side ----------------------------------------------------------------------


def _choose_page(
    request: Request,
    db: DbSession,
    process: Process,
    form: FormResult | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    themes = {t.id: t for t in _themes(db, process)}
    return render(
        request,
        "recruitment/chef_choose.html",
        {
            "process": process,
            "applications": queries.chef_call(db, process),
            "groups": groups_with_chefs(db, process),
            "themes": themes,
            "form": form or FormResult(),
            "status_labels": STATUS_LABELS,
        },
        status_code=status_code,
    )


@router.get("/beheer/processen/{slug}/chefs", response_class=HTMLResponse)
def chef_applications(
    request: Request, slug: str, db: DbSession, actor: CurrentActor
) -> HTMLResponse:
    process = process_or_404(db, slug)
    require(actor, "chef_call.decide", process)
    return _choose_page(request, db, process)


@router.post("/beheer/processen/{slug}/chefs/{application_id}", response_class=HTMLResponse)
def decide_chef(
    request: Request,
    slug: str,
    application_id: RowId,
    db: DbSession,
    actor: CurrentActor,
    form: Form,
) -> Response:
    process = process_or_404(db, slug)
    require(actor, "chef_call.decide", process)
    application = db.get(ChefApplication, application_id)
    if application is None or application.process_id != process.id:
        raise NotFound()
    result = FormResult()
    decision = result.text(form, f"decision-{application.id}", label=_("Decision"))
    group_value = result.text(
        form, f"group-{application.id}", label=_("Group"), required=decision == "select"
    )
    message = result.text(
        form, f"message-{application.id}", label=_("Message to the applicant"),
        required=decision == "decline", max_length=2000,
    )  # fmt: skip
    group = db.get(Group, int(group_value)) if group_value.isdigit() else None
    if decision not in ("select", "decline"):
        result.errors[f"decision-{application.id}"] = _("Choose to select or to decline.")
    elif decision == "select" and (group is None or group.process_id != process.id):
        result.errors[f"group-{application.id}"] = _("Choose the group this person will run.")
    if result.ok:
        jinja, base_url = request.app.state.jinja, site_url(request)
        try:
            if decision == "select" and group is not None:
                service.select_chef(db, jinja, actor, process, application, group, base_url)
                done = _("The chef of %(group)s is chosen and has been told.", group=group.name)
            else:
                service.pass_over_chef(db, jinja, actor, process, application, message, base_url)
                done = _("The applicant has been told.")
        except Conflict as exc:
            result.errors[f"decision-{application.id}"] = exc.message
        else:
            response = RedirectResponse(f"/beheer/processen/{slug}/chefs", status_code=303)
            flash(response, request, done)
            return response
    return _choose_page(request, db, process, result, 400)
