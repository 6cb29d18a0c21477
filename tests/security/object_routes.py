"""Every route with a path parameter, and what kind of object each parameter names.

The id test (test_object_ids.py) fills these parameters with another organization's (or
another process's) objects. A route with a path parameter must be listed here or in
EXEMPT with a reason: a new route fails the test until someone decides how to attack it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from fastapi import FastAPI
from fastapi.routing import _IncludedRouter  # walking the routes needs the nested routers
from starlette.routing import BaseRoute, Mount

# --- kinds of path parameter ---------------------------------------------------------------

# Containers: the place a route works in. The "own place, foreign objects" case takes these
# from the attacker's own organization.
PROCESS = "process"
GROUP = "group"
THEME = "theme"
# Values that name no object (the same for everyone).
REVIEW_KIND = "review kind"
HOME_PART = "sprint home part"
STEERING_PART = "steering part"
# Objects.
PAGE = "page"
THEME_ID = "theme id"
GROUP_ID = "group id"
TEAM = "sprint team"
FRAMEWORK = "framework"
USER = "user"
ASSIGNMENT = "role assignment"
SESSION = "session"
EXPERT_APPLICATION = "expert application"
CHEF_APPLICATION = "chef application"
MEETING = "meeting"
NOTIFICATION = "notification"
SECTION = "green paper section"
REVISION_NUMBER = "section revision number"
SECTION_COMMENT = "green paper comment"
WORKSHOP_INPUT = "workshop input"
PROPOSAL = "proposal"
PROPOSAL_COMMENT = "proposal comment"
QUESTION = "official question"
EDITION = "edition number"
EDITION_BUILD_DONE = "edition document (built)"
EDITION_BUILD_FAILED = "edition document (failed)"
SPRINT_BUILD_DONE = "sprint document (built)"
SPRINT_BUILD_FAILED = "sprint document (failed)"
AMENDMENT = "amendment number"
PARTY = "council party"
PROGRAMME_ITEM = "programme item"
OPTION = "sprint option number"
STANDINGS = "standings number"
ATTACHMENT = "attachment"
EXPORT = "personal data export"

CONTAINERS = frozenset({PROCESS, GROUP, THEME})
FIXED: dict[str, str] = {REVIEW_KIND: "juridisch", HOME_PART: "klok", STEERING_PART: "stand"}

# A parameter's kind when its name says it; names used for several kinds (application_id,
# comment_id, number, build_id, ...) are given per route below.
BY_NAME: dict[str, str] = {
    "slug": PROCESS,
    "group_slug": GROUP,
    "theme_slug": THEME,
    "theme_id": THEME_ID,
    "group_id": GROUP_ID,
    "team_id": TEAM,
    "framework_id": FRAMEWORK,
    "user_id": USER,
    "assignment_id": ASSIGNMENT,
    "session_id": SESSION,
    "meeting_id": MEETING,
    "notification_id": NOTIFICATION,
    "section_id": SECTION,
    "input_id": WORKSHOP_INPUT,
    "proposal_id": PROPOSAL,
    "question_id": QUESTION,
    "party_id": PARTY,
    "item_id": PROGRAMME_ITEM,
    "kind_slug": REVIEW_KIND,
    "attachment_id": ATTACHMENT,
    "export_id": EXPORT,
}

EXPERT = {"application_id": EXPERT_APPLICATION}
BUILT = {"number": EDITION, "build_id": EDITION_BUILD_DONE}
# "METHOD path": the kinds of the parameters BY_NAME does not settle ({} when it does all).
ROUTES: dict[str, dict[str, str]] = {
    "GET /pagina/{slug}": {"slug": PAGE},
    "POST /profiel/sessies/{session_id}/beeindigen": {},
    "POST /beheer/rollen/{assignment_id}/intrekken": {},
    "POST /beheer/personen/{user_id}/sessies-beeindigen": {},
    "GET /processen/{slug}": {},
    "GET /processen/{slug}/themas/{theme_slug}": {},
    "GET /beheer/processen/{slug}": {},
    "POST /beheer/processen/{slug}/fase": {},
    "POST /beheer/processen/{slug}/fasedata": {},
    "POST /beheer/processen/{slug}/begroting": {},
    "POST /beheer/processen/{slug}/begrotingsposten": {},
    "POST /beheer/processen/{slug}/themas": {},
    "POST /beheer/processen/{slug}/teams": {},
    "POST /beheer/processen/{slug}/themas/{theme_id}/doel": {},
    "POST /beheer/processen/{slug}/groepen/{group_id}/chef": {},
    "POST /beheer/processen/{slug}/kaders": {},
    "POST /beheer/processen/{slug}/kaders/{framework_id}": {},
    "GET /processen/{slug}/themas/{theme_slug}/aanmelden": {},
    "POST /processen/{slug}/themas/{theme_slug}/aanmelden": {},
    "POST /processen/{slug}/aanmeldingen/{application_id}/intrekken": EXPERT,
    "GET /processen/{slug}/groepen/{group_slug}": {},
    "GET /processen/{slug}/groepen/{group_slug}/aanmeldingen": {},
    "POST /processen/{slug}/groepen/{group_slug}/aanmeldingen/{application_id}": EXPERT,
    "POST /processen/{slug}/groepen/{group_slug}/verlaten": {},
    "POST /processen/{slug}/groepen/{group_slug}/leden/{application_id}/verwijderen": EXPERT,
    "GET /processen/{slug}/chef-worden": {},
    "POST /processen/{slug}/chef-worden": {},
    "GET /beheer/processen/{slug}/chefs": {},
    "POST /beheer/processen/{slug}/chefs/{application_id}": {"application_id": CHEF_APPLICATION},
    "GET /processen/{slug}/bijeenkomsten/nieuw": {},
    "POST /processen/{slug}/bijeenkomsten/nieuw": {},
    "GET /processen/{slug}/bijeenkomsten/{meeting_id}/bewerken": {},
    "POST /processen/{slug}/bijeenkomsten/{meeting_id}/bewerken": {},
    "POST /processen/{slug}/bijeenkomsten/{meeting_id}/afgelasten": {},
    "POST /processen/{slug}/bijeenkomsten/{meeting_id}/aanwezigheid": {},
    "POST /processen/{slug}/bijeenkomsten/{meeting_id}/verslag": {},
    "GET /processen/{slug}/bijeenkomsten": {},
    "GET /processen/{slug}/bijeenkomsten/{meeting_id}": {},
    "GET /processen/{slug}/bijeenkomsten/{meeting_id}/agenda.ics": {},
    "POST /processen/{slug}/bijeenkomsten/{meeting_id}/aanmelden": {},
    "POST /processen/{slug}/bijeenkomsten/{meeting_id}/afmelden": {},
    "GET /meldingen/{notification_id}": {},
    "GET /processen/{slug}/groepen/{group_slug}/groenboek": {},
    "POST /processen/{slug}/groepen/{group_slug}/groenboek/starten": {},
    "POST /processen/{slug}/groepen/{group_slug}/groenboek/secties/{section_id}": {},
    "POST /processen/{slug}/groepen/{group_slug}/groenboek/secties": {},
    "POST /processen/{slug}/groepen/{group_slug}/groenboek/secties/{section_id}/titel": {},
    "POST /processen/{slug}/groepen/{group_slug}/groenboek/secties/{section_id}/verplaatsen": {},
    "POST /processen/{slug}/groepen/{group_slug}/groenboek/indienen": {},
    "POST /processen/{slug}/groepen/{group_slug}/groenboek/secties/{section_id}/reacties": {},
    "POST /processen/{slug}/groepen/{group_slug}/groenboek/reacties/{comment_id}/verbergen": {
        "comment_id": SECTION_COMMENT
    },
    "GET /processen/{slug}/groepen/{group_slug}/groenboek/secties/{section_id}/geschiedenis": {},
    "POST /processen/{slug}/groepen/{group_slug}/groenboek/secties/{section_id}/herstellen/{number}": {  # noqa: E501
        "number": REVISION_NUMBER
    },
    "GET /processen/{slug}/groenboeken": {},
    "GET /processen/{slug}/groenboeken/{group_slug}.pdf": {},
    "GET /processen/{slug}/groenboeken/{group_slug}": {},
    "POST /processen/{slug}/groenboeken/{group_slug}/besluit": {},
    "POST /processen/{slug}/groenboeken/{group_slug}/inbreng": {},
    "POST /processen/{slug}/groenboeken/{group_slug}/inbreng/{input_id}/antwoord": {},
    "GET /processen/{slug}/groepen/{group_slug}/voorstellen": {},
    "GET /processen/{slug}/groepen/{group_slug}/voorstellen/nieuw": {},
    "POST /processen/{slug}/groepen/{group_slug}/voorstellen/nieuw": {},
    "GET /processen/{slug}/voorstellen/{proposal_id}": {},
    "GET /processen/{slug}/voorstellen/{proposal_id}/bewerken": {},
    "POST /processen/{slug}/voorstellen/{proposal_id}/bewerken": {},
    "POST /processen/{slug}/voorstellen/{proposal_id}/stap": {},
    "GET /processen/{slug}/voorstellen/{proposal_id}/versies": {},
    "GET /processen/{slug}/themas/{theme_slug}/voorstellen": {},
    "GET /processen/{slug}/groepen/{group_slug}/moderatie": {},
    "POST /processen/{slug}/groepen/{group_slug}/moderatie/{comment_id}/verbergen": {
        "comment_id": PROPOSAL_COMMENT
    },
    "POST /processen/{slug}/groepen/{group_slug}/moderatie/{comment_id}/houden": {
        "comment_id": PROPOSAL_COMMENT
    },
    "POST /processen/{slug}/voorstellen/{proposal_id}/reacties": {},
    "POST /processen/{slug}/voorstellen/{proposal_id}/steun": {},
    "POST /processen/{slug}/voorstellen/{proposal_id}/reacties/{comment_id}/melden": {
        "comment_id": PROPOSAL_COMMENT
    },
    "POST /processen/{slug}/voorstellen/{proposal_id}/vragen": {},
    "POST /vragen/{question_id}/antwoord": {},
    "GET /processen/{slug}/voorstellen/{proposal_id}/toetsing/{kind_slug}": {},
    "POST /processen/{slug}/voorstellen/{proposal_id}/toetsing/{kind_slug}": {},
    "GET /processen/{slug}/themas/{theme_slug}/voortgang": {},
    "GET /processen/{slug}/groepen/{group_slug}/witboek": {},
    "POST /processen/{slug}/groepen/{group_slug}/witboek/inleiding": {},
    "POST /processen/{slug}/groepen/{group_slug}/witboek/voorstellen/{proposal_id}/verplaatsen": {},
    "POST /processen/{slug}/groepen/{group_slug}/witboek/indienen": {},
    "GET /processen/{slug}/witboeken": {},
    "GET /processen/{slug}/witboeken/{group_slug}": {},
    "GET /beheer/processen/{slug}/edities": {},
    "POST /beheer/processen/{slug}/edities": {},
    "POST /beheer/processen/{slug}/edities/{number}/publiceren": {"number": EDITION},
    "GET /processen/{slug}/witboek-edities": {},
    "GET /processen/{slug}/witboek-edities/{number}": {"number": EDITION},
    "GET /processen/{slug}/witboek-edities/{a}/verschil/{b}": {"a": EDITION, "b": EDITION},
    "GET /processen/{slug}/productbladen": {},
    "GET /processen/{slug}/productbladen/{proposal_id}.pdf": {},
    "GET /processen/{slug}/productbladen/{proposal_id}": {},
    "GET /processen/{slug}/productbladen/{proposal_id}/bewerken": {},
    "POST /processen/{slug}/productbladen/{proposal_id}/bewerken": {},
    "POST /processen/{slug}/productbladen/{proposal_id}/stap": {},
    "GET /processen/{slug}/witboek-edities/{number}/documenten": {"number": EDITION},
    "GET /processen/{slug}/witboek-edities/{number}/documenten/{build_id}": BUILT,
    "POST /processen/{slug}/witboek-edities/{number}/documenten": {"number": EDITION},
    "POST /processen/{slug}/witboek-edities/{number}/documenten/{build_id}/opnieuw": {
        "number": EDITION,
        "build_id": EDITION_BUILD_FAILED,
    },
    "GET /processen/{slug}/raad": {},
    "POST /beheer/processen/{slug}/edities/{number}/aanbieden": {"number": EDITION},
    "GET /processen/{slug}/raad/amendementen/nieuw": {},
    "POST /processen/{slug}/raad/amendementen/nieuw": {},
    "GET /processen/{slug}/raad/amendementen/{number}": {"number": AMENDMENT},
    "POST /processen/{slug}/raad/amendementen/{number}/ondertekenen": {"number": AMENDMENT},
    "POST /processen/{slug}/raad/amendementen/{number}/ondertekening-intrekken": {
        "number": AMENDMENT
    },
    "POST /processen/{slug}/raad/amendementen/{number}/intrekken": {"number": AMENDMENT},
    "GET /processen/{slug}/raad/amendementen/{number}/stemming": {"number": AMENDMENT},
    "POST /processen/{slug}/raad/amendementen/{number}/stemming": {"number": AMENDMENT},
    "GET /processen/{slug}/raad/stemming": {},
    "POST /processen/{slug}/raad/stemming": {},
    "POST /processen/{slug}/raad/publiceren": {},
    "POST /raad/fracties/{party_id}": {},
    "GET /processen/{slug}/raad/besluit": {},
    "GET /processen/{slug}/raad/besluit/documenten": {},
    "POST /processen/{slug}/raad/besluit/documenten": {},
    "POST /processen/{slug}/raad/besluit/documenten/{build_id}/opnieuw": {
        "build_id": EDITION_BUILD_FAILED
    },
    "GET /processen/{slug}/publicaties.atom": {},
    "GET /processen/{slug}/sprint/programma": {},
    "POST /processen/{slug}/sprint/programma": {},
    "POST /processen/{slug}/sprint/programma/{item_id}": {},
    "POST /processen/{slug}/sprint/programma/{item_id}/verwijderen": {},
    "GET /processen/{slug}/sprint": {},
    "GET /processen/{slug}/sprint/deel/{part}": {"part": HOME_PART},
    "GET /beheer/processen/{slug}/sprint": {},
    "POST /beheer/processen/{slug}/sprint": {},
    "GET /processen/{slug}/sprint/opties": {},
    "GET /processen/{slug}/sprint/opties/nieuw": {},
    "POST /processen/{slug}/sprint/opties/nieuw": {},
    "GET /processen/{slug}/sprint/opties/{number}": {"number": OPTION},
    "GET /processen/{slug}/sprint/opties/{number}/bewerken": {"number": OPTION},
    "POST /processen/{slug}/sprint/opties/{number}/bewerken": {"number": OPTION},
    "GET /processen/{slug}/sprint/teams/{team_id}": {},
    "GET /processen/{slug}/sprint/teams/{team_id}/pakket": {},
    "GET /processen/{slug}/sprint/teams/{team_id}/klok": {},
    "POST /processen/{slug}/sprint/teams/{team_id}/maatregelen/overnemen": {},
    "GET /processen/{slug}/sprint/teams/{team_id}/maatregelen/nieuw": {},
    "POST /processen/{slug}/sprint/teams/{team_id}/maatregelen/nieuw": {},
    "GET /processen/{slug}/sprint/teams/{team_id}/maatregelen/{proposal_id}/bewerken": {},
    "POST /processen/{slug}/sprint/teams/{team_id}/maatregelen/{proposal_id}/bewerken": {},
    "POST /processen/{slug}/sprint/teams/{team_id}/maatregelen/{proposal_id}/verwijderen": {},
    "POST /processen/{slug}/sprint/teams/{team_id}/stemming": {},
    "GET /processen/{slug}/sprint/toetsing": {},
    "GET /processen/{slug}/sprint/toetsing/lijst": {},
    "POST /processen/{slug}/sprint/toetsing/{kind_slug}/volgende": {},
    "GET /processen/{slug}/sprint/toetsing/{kind_slug}/{proposal_id}": {},
    "POST /processen/{slug}/sprint/toetsing/{kind_slug}/{proposal_id}": {},
    "POST /processen/{slug}/sprint/toetsing/{kind_slug}/{proposal_id}/teruggeven": {},
    "GET /processen/{slug}/sprint/regie": {},
    "GET /processen/{slug}/sprint/regie/{part}": {"part": STEERING_PART},
    "POST /processen/{slug}/sprint/regie/tussenstand": {},
    "GET /processen/{slug}/sprint/stand": {},
    "GET /processen/{slug}/sprint/stand/laatste": {},
    "GET /processen/{slug}/sprint/stand/{number}": {"number": STANDINGS},
    "GET /processen/{slug}/sprint/teams/{team_id}/berichten": {},
    "GET /processen/{slug}/sprint/teams/{team_id}/berichten/deel": {},
    "POST /processen/{slug}/sprint/teams/{team_id}/berichten": {},
    "GET /processen/{slug}/sprint/berichten": {},
    "GET /processen/{slug}/sprint/berichten/deel": {},
    "POST /processen/{slug}/sprint/berichten": {},
    "GET /processen/{slug}/sprint/live": {},
    "GET /processen/{slug}/sprint/uitslag": {},
    "GET /processen/{slug}/sprint/uitslag/stand": {},
    "GET /processen/{slug}/sprint/pakket": {},
    "GET /processen/{slug}/sprint/pakket/totalen": {},
    "POST /processen/{slug}/sprint/pakket/maatregelen/{proposal_id}": {},
    "POST /processen/{slug}/sprint/pakket/maatregelen/{proposal_id}/weg": {},
    "POST /processen/{slug}/sprint/pakket/publiceren": {},
    "GET /processen/{slug}/sprint/resultaat": {},
    "GET /processen/{slug}/sprint/resultaat/documenten": {},
    "GET /processen/{slug}/sprint/resultaat/documenten/{build_id}": {"build_id": SPRINT_BUILD_DONE},
    "POST /processen/{slug}/sprint/resultaat/documenten": {},
    "POST /processen/{slug}/sprint/resultaat/documenten/{build_id}/opnieuw": {
        "build_id": SPRINT_BUILD_FAILED
    },
    "GET /bijlagen/{attachment_id}": {},
    "POST /bijlagen/{attachment_id}/verwijderen": {},
    "POST /processen/{slug}/productbladen/{proposal_id}/bijlagen": {},
    "POST /processen/{slug}/voorstellen/{proposal_id}/bijlagen": {},
    "GET /profiel/gegevens/{export_id}/download": {},
    # The open-data API (read-only, public): a process is found by slug in the host's
    # organization only.
    "GET /api/v1/processes/{slug}": {},
    "GET /api/v1/processes/{slug}/themes": {},
    "GET /api/v1/processes/{slug}/proposals": {},
    "GET /api/v1/processes/{slug}/proposals/{proposal_id}": {},
    "GET /api/v1/processes/{slug}/reviews": {},
    "GET /api/v1/processes/{slug}/product-sheets": {},
    "GET /api/v1/processes/{slug}/amendments": {},
    "GET /api/v1/processes/{slug}/decision": {},
    "GET /api/v1/processes/{slug}/proposals.csv": {},
    "GET /api/v1/processes/{slug}/themes.csv": {},
    "GET /api/v1/processes/{slug}/reviews.csv": {},
    "GET /api/v1/processes/{slug}/product-sheets.csv": {},
    "GET /api/v1/processes/{slug}/amendments.csv": {},
}

EXEMPT: dict[str, str] = {
    "GET /bevestigen/{token}": "a secret token from a mail, not an id; tested in accounts",
    "GET /wachtwoord-herstellen/{token}": "a secret token from a mail, not an id",
    "POST /wachtwoord-herstellen/{token}": "a secret token from a mail, not an id",
    "GET /aanmelden/oidc/{name}": "the name of a configured identity provider, not data",
    "GET /aanmelden/oidc/{name}/terug": "the name of a configured identity provider",
}

# Routes that may refuse with 409 too, and why that tells nothing about the object (and
# nothing is written): most check the process's state before they look the object up.
STATE_FIRST: dict[str, str] = {
    "POST /processen/{slug}/groepen/{group_slug}/witboek/voorstellen/{proposal_id}/verplaatsen": (
        "the white paper is closed in this phase, or: any id not among this group's included "
        "proposals gets the same 'not in the white paper (any more)' (a page gone stale)"
    ),
    "POST /processen/{slug}/sprint/pakket/maatregelen/{proposal_id}": "package closed now",
    "POST /processen/{slug}/sprint/pakket/maatregelen/{proposal_id}/weg": "package closed now",
    "POST /processen/{slug}/sprint/resultaat/documenten/{build_id}/opnieuw": (
        "documents are built once the package is published"
    ),
}

_PARAMETER = re.compile(r"{(\w+)(?::\w+)?}")


@dataclass(frozen=True)
class IdRoute:
    method: str
    path: str

    @property
    def key(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def parameters(self) -> list[str]:
        return _PARAMETER.findall(self.path)

    def kinds(self) -> dict[str, str]:
        overrides = ROUTES[self.key]
        return {name: overrides.get(name) or BY_NAME[name] for name in self.parameters}

    @property
    def refusals(self) -> frozenset[int]:
        return frozenset({403, 404, 409} if self.key in STATE_FIRST else {403, 404})

    def url(self, values: dict[str, str]) -> str:
        return _PARAMETER.sub(lambda m: values[m.group(1)], self.path)


def _walk(routes: list[BaseRoute], prefix: str = "") -> Iterator[tuple[str, BaseRoute]]:
    for route in routes:
        if isinstance(route, _IncludedRouter):
            yield from _walk(list(route.effective_candidates()), prefix)  # type: ignore[arg-type]
        elif isinstance(route, Mount):
            if route.path != "/static":
                yield from _walk(list(route.routes), prefix + route.path)
        else:
            yield prefix, route


def id_routes(app: FastAPI) -> list[IdRoute]:
    """Every method and path of the site (and its API) that has a path parameter."""
    found = []
    for prefix, route in _walk(list(app.routes)):
        path = prefix + str(getattr(route, "path", ""))
        if "{" not in path:
            continue
        for method in sorted(getattr(route, "methods", None) or ()):
            if method != "HEAD":
                found.append(IdRoute(method, path))
    return found
