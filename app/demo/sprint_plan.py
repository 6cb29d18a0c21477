"""The plan of Hoogeveen's sprint as data: its moments, the people around the teams, the
staff in the teams, and every team's measures (which option, adapted or their own, when
submitted, what the reviewers will say, what the financial adviser validates of the
claim). Deterministic: a seeded random, so a second load plans exactly the same.
:mod:`app.demo.sprint` carries it out."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.access.roles import Role
from app.demo import sprint_texts as texts
from app.demo.people import local
from app.demo.processes import HOOGEVEEN
from app.sprint.kinds import MeasureOrigin

DOMAIN = "hoogeveen.example"
START = local(2019, 5, 14, 13)
END = local(2019, 5, 15, 17)
OPTIONS_FROM = local(2019, 4, 24, 10)
CHOSEN_AT = local(2019, 5, 27, 10)
PUBLISHED_AT = local(2019, 5, 28, 11)
YEARS = range(HOOGEVEEN.first_year, HOOGEVEEN.last_year + 1)
MEMBERS_PER_TEAM = 6  # and the captain: seven

ADMIN, STEERING, BOARD = f"beheer@{DOMAIN}", f"regie@{DOMAIN}", f"college@{DOMAIN}"
OFFICIAL = f"beleid@{DOMAIN}"
# (email, name, role): the official who wrote the catalogue and the second reviewers.
STAFF: tuple[tuple[str, str, Role], ...] = (
    (OFFICIAL, "Beleidsmedewerker Sociaal Domein", Role.OFFICIAL),
    (f"r.vanderveen@{DOMAIN}", "Rob van der Veen", Role.LEGAL),
    (f"s.mensink@{DOMAIN}", "Saskia Mensink", Role.FINANCE),
)
LAWYERS = (f"jurist@{DOMAIN}", f"r.vanderveen@{DOMAIN}")
ADVISERS = (f"financien@{DOMAIN}", f"s.mensink@{DOMAIN}")


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def member_accounts() -> list[tuple[int, str, str]]:
    """(team number, email, name) of the staff in the teams besides their captains."""
    result = []
    for index, (first, last) in enumerate(texts.STAFF_NAMES):
        team = index // MEMBERS_PER_TEAM + 1
        result.append((team, f"{_ascii(first[0])}.{_ascii(last)}@{DOMAIN}", f"{first} {last}"))
    return result


@dataclass
class Plan:
    """A measure as the demo plans it: who, when, what, and what the reviewers say."""

    team: int  # 1..10
    at: datetime
    title: str
    measure: str
    origin: MeasureOrigin
    option: int | None
    structural: int
    current_year: int
    legal: str  # yes | conditions | no
    legal_note: str
    factor: float  # what the financial adviser validates of the claim
    waiting: str = ""  # "financial": only the lawyer got to it; "both": nobody did

    def amounts(self, factor: float = 1.0) -> dict[int, tuple[int, int]]:
        def rounded(value: float) -> int:
            return int(round(value * factor / 10_000) * 10_000)

        first = YEARS[0]
        if self.structural == 0:  # a one-off: this year only
            return {year: (0, rounded(self.current_year) if year == first else 0) for year in YEARS}
        result = {first: (rounded(self.current_year), 0)}
        for year in YEARS[1:]:
            share = 0.85 if year == first + 1 else 1.0
            result[year] = (rounded(self.structural * share), 0)
        return result


_TWISTS = (
    ("in twee stappen", "Het team voert de optie in twee stappen in, eerst in Hoogeveen-Centrum."),
    ("samen met De Wolden", "Het team werkt de optie uit samen met de gemeente De Wolden."),
    ("met een proef", "Het team begint met een proef van een half jaar en meet het effect."),
    ("ruimer", "Het team trekt de optie breder dan de catalogus: ook voor bestaande cliënten."),
)


def plans() -> list[Plan]:
    """Every team's measures, 4 to 8 each: options as they are, adapted ones and their own,
    spread over the 28 hours; deterministic (a seeded random)."""
    rng = random.Random(2019)  # noqa: S311 - demo data, not security
    plans: list[Plan] = []
    own = list(texts.OWN_MEASURES)
    for team in range(1, 11):
        count = 4 + (team * 3) % 5
        owns = [own[team - 1]] + ([own[9 + team]] if team <= 2 else [])
        picks = [(team * 2 + k * 5) % len(texts.OPTIONS) for k in range(count - len(owns))]
        for k, index in enumerate(picks):
            option = texts.OPTIONS[index]
            adapted = (team + k) % 3 == 0
            scale = rng.choice((0.8, 0.9, 1.1, 1.25)) if adapted else 1.0
            twist, why = _TWISTS[(team + k) % len(_TWISTS)]
            plans.append(
                Plan(
                    team=team,
                    at=START + timedelta(minutes=55 + k * 190 + team * 9),
                    title=f"{option.title}, {twist}" if adapted else option.title,
                    measure=f"{option.measure}\n\n{why}" if adapted else option.measure,
                    origin=MeasureOrigin.ADAPTED if adapted else MeasureOrigin.AS_IS,
                    option=index + 1,
                    structural=int(option.structural * scale),
                    current_year=int(option.current_year * scale),
                    legal=option.legal,
                    legal_note=option.legal_note,
                    factor=rng.choice((1.0, 1.0, 0.95, 0.9, 0.85, 0.8)),
                )
            )
        for k, mine in enumerate(owns):
            plans.append(
                Plan(
                    team=team,
                    at=START + timedelta(minutes=140 + k * 400 + team * 11),
                    title=mine.title,
                    measure=mine.measure,
                    origin=MeasureOrigin.OWN,
                    option=None,
                    structural=mine.structural,
                    current_year=mine.current_year,
                    legal=mine.legal,
                    legal_note=mine.legal_note,
                    factor=rng.choice((1.0, 0.9, 0.8)),
                )
            )
    # A few were still waiting when the time was up: the last ones of teams 3, 6 and 9
    # for their financial review, team 8's last for both.
    for team, waiting in ((3, "financial"), (6, "financial"), (9, "financial"), (8, "both")):
        last = max((p for p in plans if p.team == team), key=lambda p: p.at)
        last.waiting = waiting
        last.at = END - timedelta(minutes=50 + team)
    return plans
