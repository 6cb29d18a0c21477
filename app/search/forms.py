"""Reading the search form (a GET form: the URL is the search, to share or bookmark).

Each filter is read on its own: a bad one gets a message at its field and is left out,
the rest of the search still runs, and what was typed stays in the form. Amounts are read
like the proposal list's filter (``app.proposals.amounts.parse_euros``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

from app.i18n import gettext as _
from app.proposals.amounts import parse_euros
from app.search.documents import FILTER_STATES, KIND_LABELS, state_key, state_label
from app.search.queries import Filters, Options
from app.search.text import QUERY_LIMIT, Query, parse_query
from app.web.templating import euro

PATH = "/zoeken"
FIELDS = ("q", "proces", "thema", "status", "min", "max")
FILTERS = FIELDS[1:]


@dataclass
class SearchForm:
    values: dict[str, str]  # as typed
    query: Query
    filters: Filters
    errors: dict[str, str] = field(default_factory=dict)
    # The filters in force, each with words that say what it holds ("Zorg en Welzijn").
    active: dict[str, str] = field(default_factory=dict)

    @property
    def searched(self) -> bool:
        """Whether there is anything to look for: words, or a filter in force."""
        return bool(self.query.text or self.active)

    def url(self, *, without: tuple[str, ...] = (), page: int | None = None) -> str:
        """This search again, without some of its filters, or on another page."""
        kept = [(k, v) for k, v in self.values.items() if v and k not in without]
        if page is not None and page > 1:
            kept.append(("pagina", str(page)))
        return f"{PATH}?{urlencode(kept)}" if kept else PATH

    def widening(self) -> list[tuple[str, str]]:
        """Ways to find more: the search without each filter in force (and without all of
        them, when there are several), as (words, URL)."""
        labels = {
            "proces": _("Search again without the process “%(value)s”"),
            "thema": _("Search again without the theme “%(value)s”"),
            "status": _("Search again without the state “%(value)s”"),
            "min": _("Search again without the lowest amount (%(value)s)"),
            "max": _("Search again without the highest amount (%(value)s)"),
        }
        ways = [
            (labels[name] % {"value": value}, self.url(without=(name,)))
            for name, value in self.active.items()
        ]
        if len(ways) > 1:
            ways.append((_("Search again without any filter"), self.url(without=FILTERS)))
        return ways


def _page(raw: str) -> int:
    return int(raw) if raw.isdigit() and len(raw) < 7 else 1


def read(params: Mapping[str, str], options: Options) -> SearchForm:
    values = {name: params.get(name, "").strip() for name in FIELDS}
    values["q"] = values["q"][:QUERY_LIMIT]
    errors: dict[str, str] = {}
    active: dict[str, str] = {}

    process_id = None
    if values["proces"]:
        process = options.process(values["proces"])
        if process is None:
            errors["proces"] = _("There is no such process; choose one from the list.")
        else:
            process_id, active["proces"] = process.id, process.title

    theme_id = None
    if values["thema"]:
        theme = options.theme(int(values["thema"])) if values["thema"].isdigit() else None
        if theme is None:
            errors["thema"] = _("There is no such theme; choose one from the list.")
        else:
            theme_id, active["thema"] = theme.id, theme.name

    kind = state = None
    if values["status"]:
        kind, _dot, state = values["status"].partition(".")
        if state not in FILTER_STATES.get(kind, ()):
            errors["status"] = _("There is no such state; choose one from the list.")
            kind = state = None
        else:
            active["status"] = str(state_label(kind, state) or state)

    bounds: dict[str, int | None] = {"min": None, "max": None}
    for name, label in (("min", _("Lowest amount")), ("max", _("Highest amount"))):
        if not values[name]:
            continue
        parsed = parse_euros(values[name], label)
        if parsed.error:
            errors[name] = parsed.error
        else:
            bounds[name] = parsed.value
            active[name] = euro(parsed.value)

    filters = Filters(
        process_id=process_id,
        theme_id=theme_id,
        kind=kind,
        state=state,
        minimum=bounds["min"],
        maximum=bounds["max"],
        page=_page(params.get("pagina", "1")),
    )
    return SearchForm(values, parse_query(values["q"]), filters, errors, active)


def state_options() -> list[tuple[str, list[tuple[str, str]]]]:
    """The state filter's choices, grouped by kind: (kind's label, [(value, label)])."""
    return [
        (
            str(KIND_LABELS[kind]),
            [(state_key(kind, s), str(state_label(kind, s) or s)) for s in states],
        )
        for kind, states in FILTER_STATES.items()
    ]
