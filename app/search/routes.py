"""``/zoeken``: search across everything the organization has published. Public: the index
holds only published items, so there is nothing to check per visitor."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.deps import CurrentOrg, DbSession
from app.i18n import ngettext
from app.search import forms, queries
from app.search.documents import KIND_LABELS, state_label
from app.search.queries import Results
from app.security import rate_limit
from app.web.templating import render

router = APIRouter()


def _summary(form: forms.SearchForm, results: Results) -> str:
    if form.values["q"]:
        return ngettext(
            "%(num)d result for “%(q)s”.",
            "%(num)d results for “%(q)s”.",
            results.total,
            q=form.values["q"],
        )
    return ngettext("%(num)d result.", "%(num)d results.", results.total)


@router.get("/zoeken", response_class=HTMLResponse)
def search(request: Request, db: DbSession, organization: CurrentOrg) -> HTMLResponse:
    """The organization (its host) scopes every statement here to its own entries."""
    options = queries.options(db)
    form = forms.read(request.query_params, options)
    if form.searched:
        rate_limit.enforce(db, request, "search")
    results = queries.search(db, form.query, form.filters) if form.searched else Results()
    return render(
        request,
        "search/results.html",
        {
            "form": form,
            "values": form.values,
            "errors": form.errors,
            "options": options,
            "state_options": forms.state_options(),
            "results": results,
            "summary": _summary(form, results),
            "kind_labels": KIND_LABELS,
            "state_label": state_label,
        },
        status_code=400 if form.errors else 200,
    )
