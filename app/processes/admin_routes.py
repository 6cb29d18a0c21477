"""The admin's pages for setting up a process: create it, move it through its phases,
import its budget, shape its themes and targets, name chefs, keep its frameworks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData, UploadFile

from app.access.permissions import require
from app.accounts.service import user_by_email
from app.attachments.checks import human_size
from app.deps import CurrentActor, DbSession, RowId
from app.errors import Conflict, InvalidTransition, NotFound, PhaseClosed
from app.i18n import gettext as _
from app.models import Framework, Group, Process, Theme
from app.phases.kinds import PHASE_LABELS, TEMPLATES, PhaseKind, ProcessKind
from app.processes import service
from app.processes.budget_import import (
    import_budget_lines,
    known_taakvelden,
    parse_amount,
    slugify,
)
from app.processes.queries import (
    groups_with_chefs,
    overview,
    process_or_404,
    processes,
)
from app.web.flash import flash
from app.web.forms import Form, FormResult
from app.web.templating import render
from app.web.upload_limit import BoundedBodyRoute, body_cut_short

router = APIRouter(prefix="/beheer/processen")


PartOfProcess = TypeVar("PartOfProcess", Theme, Group, Framework)


def _part_of(
    db: DbSession, model: type[PartOfProcess], row_id: int, process: Process
) -> PartOfProcess:
    """A theme, group or framework of this process, or 404 (never one of another process)."""
    row = db.get(model, row_id)
    if row is None or row.process_id != process.id:
        raise NotFound()
    return row


def _back(request: Request, process: Process, message: str) -> Response:
    response = RedirectResponse(f"/beheer/processen/{process.slug}", status_code=303)
    flash(response, request, message)
    return response


def _manage_page(
    request: Request,
    db: DbSession,
    process: Process,
    form: FormResult | None = None,
    *,
    status_code: int = 200,
    import_problems: list[tuple[int, str]] | None = None,
) -> HTMLResponse:
    return render(
        request,
        "admin/process.html",
        {
            "o": overview(db, process),
            "groups": groups_with_chefs(db, process),
            "form": form or FormResult(),
            "import_problems": import_problems or [],
            "frameworks_frozen": service.frameworks_frozen(process, list(process.phases)),
            "phase_kinds": [k for k, _days in TEMPLATES[ProcessKind(process.kind)]],
        },
        status_code=status_code,
    )


# --- the list and a new process ----------------------------------------------------------


@router.get("", response_class=HTMLResponse, name="admin_processes")
def list_processes(request: Request, db: DbSession, actor: CurrentActor) -> HTMLResponse:
    require(actor, "process.manage")
    return render(
        request, "admin/processes.html", {"processes": processes(db), "form": FormResult()}
    )


@router.post("", response_class=HTMLResponse)
def create(request: Request, db: DbSession, actor: CurrentActor, form: Form) -> Response:
    require(actor, "process.manage")
    result = FormResult()
    title = result.text(form, "title", label=_("Title"), min_length=3, max_length=200)
    kind = result.text(form, "kind", label=_("Kind"))
    if kind and kind not in {k.value for k in ProcessKind}:
        result.errors["kind"] = _("Choose a savings dialogue or a savings sprint.")
    target = _amount(result, form, "target_total", _("Savings target a year"), required=True)
    current_year = _amount(
        result, form, "target_current_year", _("Target this year"), required=False
    )
    first_year = _year(result, form, "first_year", _("First year"))
    last_year = _year(result, form, "last_year", _("Last year"))
    if first_year and last_year and last_year < first_year:
        result.errors["last_year"] = _("The last year cannot be before the first.")
    starts_on = _date(result, form, "starts_on", _("Start date"))
    percentage = _percentage(result, form)
    if result.ok and target is not None and first_year and last_year and starts_on and percentage:
        try:
            process = service.create_process(
                db,
                actor,
                kind=ProcessKind(kind),
                slug=slugify(title),
                title=title,
                target_total=target,
                target_current_year=current_year,
                first_year=first_year,
                last_year=last_year,
                starts_on=starts_on,
                target_percentage=percentage,
            )
        except Conflict as exc:
            result.errors["title"] = exc.message
        else:
            return _back(request, process, _("The process is created, with its phases."))
    return render(
        request,
        "admin/processes.html",
        {"processes": processes(db), "form": result},
        status_code=400,
    )


# --- one process --------------------------------------------------------------------------


@router.get("/{slug}", response_class=HTMLResponse, name="admin_process")
def manage(request: Request, slug: str, db: DbSession, actor: CurrentActor) -> HTMLResponse:
    process = process_or_404(db, slug)
    require(actor, "process.manage", process)
    return _manage_page(request, db, process)


@router.post("/{slug}/fase", response_class=HTMLResponse)
def change_phase(
    request: Request, slug: str, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    process = process_or_404(db, slug)
    require(actor, "process.change_phase", process)
    result = FormResult()
    phase = result.text(form, "phase", label=_("Phase"))
    reason = result.text(form, "reason", label=_("Reason"), required=False, max_length=500)
    if phase and phase not in {k.value for k in PhaseKind}:
        result.errors["phase"] = _("Choose one of the phases.")
    if result.ok:
        try:
            service.set_current_phase(db, actor, process, PhaseKind(phase), reason or None)
        except InvalidTransition as exc:
            result.errors["phase"] = exc.message
        else:
            return _back(
                request,
                process,
                _(
                    "The process is now in the phase %(phase)s.",
                    phase=PHASE_LABELS[PhaseKind(phase)],
                ),
            )
    return _manage_page(request, db, process, result, status_code=400)


@router.post("/{slug}/fasedata", response_class=HTMLResponse)
def change_phase_dates(
    request: Request, slug: str, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    process = process_or_404(db, slug)
    require(actor, "process.manage", process)
    result = FormResult()
    wanted = []
    for phase in process.phases:
        label = PHASE_LABELS[PhaseKind(phase.kind)]
        starts = _date(result, form, f"start-{phase.kind}", _("Start of %(phase)s", phase=label))
        ends = _date(result, form, f"end-{phase.kind}", _("End of %(phase)s", phase=label))
        if starts and ends and ends < starts:
            result.errors[f"end-{phase.kind}"] = _("A phase cannot end before it starts.")
        wanted.append((phase, starts, ends))
    if not result.ok:
        return _manage_page(request, db, process, result, status_code=400)
    changed = sum(
        service.update_phase_dates(db, actor, phase, starts, ends)
        for phase, starts, ends in wanted
        if starts and ends
    )
    return _back(request, process, _("%(n)d phase(s) changed.", n=changed))


def import_budget(
    request: Request, slug: str, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    process = process_or_404(db, slug)
    require(actor, "process.manage", process)
    # Only an admin's file is read, and no further than the upload limit: the route reads
    # no more of the request than that either (app.web.upload_limit).
    limit = request.app.state.settings.uploads.max_bytes
    upload = form.get("file")
    data = upload.file.read(limit + 1) if isinstance(upload, UploadFile) else b""
    result = FormResult()
    if body_cut_short(request) or len(data) > limit:
        result.errors["file"] = _(
            "The file is larger than %(limit)s. Split it and import the parts one by one.",
            limit=human_size(limit),
        )
    elif not data:
        result.errors["file"] = _("Choose a CSV file.")
    if not result.ok:
        return _manage_page(request, db, process, result, status_code=400)
    imported = import_budget_lines(db, actor, process, data)
    if imported.problems:
        return _manage_page(
            request, db, process, status_code=400, import_problems=imported.problems
        )
    return _back(
        request,
        process,
        _(
            "Budget imported: %(created)d new, %(updated)d changed, %(unchanged)d "
            "unchanged lines; %(themes)d new themes.",
            created=imported.created,
            updated=imported.updated,
            unchanged=imported.unchanged,
            themes=imported.themes_created,
        ),
    )


router.add_api_route(
    "/{slug}/begroting",
    import_budget,
    methods=["POST"],
    response_class=HTMLResponse,
    route_class_override=BoundedBodyRoute,
)


@router.post("/{slug}/begrotingsposten", response_class=HTMLResponse)
def add_budget_line(
    request: Request, slug: str, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    process = process_or_404(db, slug)
    require(actor, "process.manage", process)
    result = FormResult()
    code = result.text(form, "line_code", label=_("Code"), max_length=40)
    name = result.text(form, "line_name", label=_("Name"), max_length=200)
    programme = result.text(form, "line_programme", label=_("Programme"), required=False)
    budget = _amount(result, form, "line_budget", _("Budget"), required=True)
    controllable = _amount(
        result, form, "line_controllable", _("Controllable costs"), required=True
    )
    taakveld = result.text(
        form, "line_taakveld", label=_("Task field"), required=False, max_length=10
    )
    if taakveld and taakveld not in known_taakvelden(db):
        result.errors["line_taakveld"] = _("This task field does not exist.")
    theme_id = result.text(form, "line_theme", label=_("Theme"), required=False)
    theme = (
        db.get(Theme, int(theme_id))
        if theme_id.isascii() and theme_id.isdigit() and len(theme_id) < 10
        else None
    )
    if theme_id and (theme is None or theme.process_id != process.id):
        result.errors["line_theme"] = _("Choose one of the themes.")
    if result.ok and budget is not None and controllable is not None:
        try:
            service.add_budget_line(
                db,
                actor,
                process,
                code=code,
                name=name,
                programme=programme,
                budget=budget,
                controllable=controllable,
                taakveld=taakveld or None,
                theme=theme,
            )
        except Conflict as exc:
            result.errors["line_code" if "code" in exc.message else "line_controllable"] = (
                exc.message
            )
        else:
            return _back(request, process, _("The budget line %(code)s is added.", code=code))
    return _manage_page(request, db, process, result, status_code=400)


@router.post("/{slug}/themas", response_class=HTMLResponse)
def add_theme(
    request: Request, slug: str, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    process = process_or_404(db, slug)
    require(actor, "process.manage", process)
    result = FormResult()
    name = result.text(
        form, "theme_name", label=_("Name of the theme"), min_length=2, max_length=200
    )
    if result.ok:
        try:
            service.add_theme(db, actor, process, slug=slugify(name), name=name)
        except Conflict as exc:
            result.errors["theme_name"] = exc.message
        else:
            return _back(request, process, _("The theme %(name)s is added.", name=name))
    return _manage_page(request, db, process, result, status_code=400)


@router.post("/{slug}/teams", response_class=HTMLResponse)
def add_teams(
    request: Request, slug: str, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    process = process_or_404(db, slug)
    require(actor, "process.manage", process)
    result = FormResult()
    raw = result.text(form, "team_count", label=_("Number of teams"), max_length=3)
    if raw and not (raw.isascii() and raw.isdigit() and 1 <= int(raw) <= 50):
        result.errors["team_count"] = _("Fill in a number of teams from 1 to 50.")
    if result.ok:
        try:
            teams = service.add_teams(db, actor, process, int(raw))
        except (Conflict, InvalidTransition) as exc:
            result.errors["team_count"] = exc.message
        else:
            return _back(request, process, _("%(n)d team(s) added.", n=len(teams)))
    return _manage_page(request, db, process, result, status_code=400)


@router.post("/{slug}/themas/{theme_id}/doel", response_class=HTMLResponse)
def override_target(
    request: Request, slug: str, theme_id: RowId, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    process = process_or_404(db, slug)
    require(actor, "process.manage", process)
    theme = _part_of(db, Theme, theme_id, process)
    result = FormResult()
    field = f"target-{theme.id}"
    amount = _amount(
        result, form, field, _("Target of %(theme)s", theme=theme.name), required=False
    )
    reason = result.text(
        form, f"reason-{theme.id}", label=_("Reason"), required=False, max_length=1000
    )
    if amount is not None and not reason:
        result.errors[f"reason-{theme.id}"] = _("Give a reason for setting the target by hand.")
    if result.ok:
        service.set_target_override(db, actor, theme, amount, reason or None)
        return _back(request, process, _("The target of %(theme)s is saved.", theme=theme.name))
    return _manage_page(request, db, process, result, status_code=400)


@router.post("/{slug}/groepen/{group_id}/chef", response_class=HTMLResponse)
def assign_chef(
    request: Request, slug: str, group_id: RowId, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    process = process_or_404(db, slug)
    require(actor, "process.manage", process)
    group = _part_of(db, Group, group_id, process)
    result = FormResult()
    field = f"chef-{group.id}"
    email = result.email(form, field)
    user = user_by_email(db, email) if result.ok else None
    if result.ok and user is None:
        result.errors[field] = _("There is no account with this email address here.")
    if user is not None and result.ok:
        try:
            service.assign_chef(db, actor, group, user)
        except Conflict as exc:
            result.errors[field] = exc.message
        else:
            return _back(
                request,
                process,
                _("%(name)s is chef of %(group)s.", name=user.display_name, group=group.name),
            )
    return _manage_page(request, db, process, result, status_code=400)


@router.post("/{slug}/kaders", response_class=HTMLResponse)
def add_framework(
    request: Request, slug: str, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    process = process_or_404(db, slug)
    require(actor, "process.manage", process)
    result = FormResult()
    title = result.text(form, "framework_title", label=_("Title"), max_length=200)
    text = result.text(form, "framework_text", label=_("Text"), max_length=10_000)
    if result.ok:
        try:
            service.add_framework(db, actor, process, list(process.phases), title, text)
        except PhaseClosed as exc:
            result.errors["framework_title"] = exc.message
        else:
            return _back(request, process, _("The framework is added."))
    return _manage_page(
        request,
        db,
        process,
        result,
        status_code=409 if "framework_title" in result.errors and title else 400,
    )


@router.post("/{slug}/kaders/{framework_id}", response_class=HTMLResponse)
def edit_framework(
    request: Request, slug: str, framework_id: RowId, db: DbSession, actor: CurrentActor, form: Form
) -> Response:
    process = process_or_404(db, slug)
    require(actor, "process.manage", process)
    framework = _part_of(db, Framework, framework_id, process)
    result = FormResult()
    title = result.text(form, f"title-{framework.id}", label=_("Title"), max_length=200)
    text = result.text(form, f"text-{framework.id}", label=_("Text"), max_length=10_000)
    if result.ok:
        service.update_framework(db, actor, process, list(process.phases), framework, title, text)
        return _back(request, process, _("Framework %(n)d is saved.", n=framework.number))
    return _manage_page(request, db, process, result, status_code=400)


# --- reading form fields -------------------------------------------------------------------


def _amount(
    result: FormResult, form: FormData, name: str, label: str, *, required: bool
) -> int | None:
    raw = result.text(form, name, label=label, required=required, max_length=30)
    if not raw:
        return None
    amount = parse_amount(raw)
    if amount is None or amount > 10**12:
        result.errors[name] = _("%(label)s: fill in whole euros, like 6.200.000.", label=label)
        return None
    return amount


def _year(result: FormResult, form: FormData, name: str, label: str) -> int | None:
    raw = result.text(form, name, label=label, max_length=4)
    if raw and not (raw.isascii() and raw.isdigit() and 2000 <= int(raw) <= 2100):
        result.errors[name] = _("%(label)s: fill in a year like 2012.", label=label)
        return None
    return int(raw) if raw else None


def _date(result: FormResult, form: FormData, name: str, label: str) -> date | None:
    raw = result.text(form, name, label=label, max_length=10)
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        result.errors[name] = _("%(label)s: choose a date.", label=label)
        return None


def _percentage(result: FormResult, form: FormData) -> Decimal | None:
    raw = result.text(form, "target_percentage", label=_("Target percentage"), max_length=6)
    try:
        value = Decimal(raw.replace(",", "."))
    except InvalidOperation:
        value = Decimal(-1)
    if not (Decimal(0) < value <= Decimal(100)):
        result.errors["target_percentage"] = _("Fill in a percentage between 0 and 100, like 10.")
        return None
    return value
