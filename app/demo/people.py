"""The demo experts of Zeist: who applied to which theme group, with what, and how it
ended. Deterministic: one ``random.Random`` with a constant seed, walked in a fixed order,
so every run on every machine makes the same people and the loader finds them again by
email. Which budget lines each claims comes from the demo budget file, not the database,
for the same reason."""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from app.accounts.passwords import hash_password
from app.demo.data import DEMO_PASSWORD
from app.demo.people_texts import (
    DECLINE_MESSAGES,
    FIRST_NAMES,
    INITIALS,
    MOTIVATION_LINKS,
    MOTIVATION_OPENERS,
    THEMES,
    WELCOME_MESSAGES,
    ThemeTexts,
)
from app.demo.processes import DEMO_DIR, ZEIST
from app.recruitment.states import ApplicationStatus

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SEED = 2011
ANNELIES = "annelies@zeist.example"
# Peuterspeelzaalwerk and VVE: what she knows about (never left as a coverage gap).
ANNELIES_CLAIMS = ("Z-843-05", "Z-843-06")

_EXPERTISE = (
    "Ik werk al {years} jaar als {profession}.",
    "Ik ben {profession}, sinds {years} jaar.",
    "Van beroep ben ik {profession} ({years} jaar).",
)


@lru_cache(maxsize=1)
def demo_password_hash() -> str:
    # One Argon2 hash for the shared demo password, for every demo account: hashing is
    # slow on purpose, and three hundred of them would take minutes.
    return hash_password(DEMO_PASSWORD)


def local(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A wall-clock time in Zeist, as the UTC moment the database stores."""
    return datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM).astimezone(UTC)


@dataclass(frozen=True)
class DemoExpert:
    email: str
    display_name: str
    theme: str
    status: ApplicationStatus
    has_expertise: bool
    expertise: str
    has_experience: bool
    experience: str
    has_stake: bool
    stake: str
    organization_name: str
    motivation: str
    claims: tuple[str, ...]  # budget line codes
    decision_message: str | None
    applied_at: datetime
    decided_at: datetime | None


def _theme_codes() -> dict[str, list[str]]:
    codes: dict[str, list[str]] = {}
    with (DEMO_DIR / ZEIST.budget_csv).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            codes.setdefault(row["thema"], []).append(row["code"])
    return codes


def _names(rng: random.Random) -> Iterator[str]:
    """Display names like "Marieke V.", each once."""
    seen: set[str] = set()
    while True:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(INITIALS)}."
        if name not in seen:
            seen.add(name)
            yield name


def _statuses(rng: random.Random) -> list[ApplicationStatus]:
    accepted = [ApplicationStatus.ACCEPTED] * rng.randint(25, 45)
    pending = [ApplicationStatus.PENDING] * rng.randint(2, 4)
    closed = [
        rng.choice((ApplicationStatus.DECLINED, ApplicationStatus.WITHDRAWN))
        for _ in range(rng.randint(1, 2))
    ]
    statuses = accepted + closed
    rng.shuffle(statuses)
    # Late applications last: they came in after the kick-off.
    return statuses + pending


def _expert(
    rng: random.Random,
    email: str,
    name: str,
    theme: str,
    status: ApplicationStatus,
    claimable: list[str],
) -> DemoExpert:
    texts: ThemeTexts = THEMES[theme]
    has_expertise = rng.random() < 0.55
    has_experience = rng.random() < 0.6
    # Everyone brings at least something; a stake is what nearly every resident has.
    has_stake = rng.random() < 0.5 or not (has_expertise or has_experience)
    expertise = rng.choice(_EXPERTISE).format(
        years=rng.randint(2, 30), profession=rng.choice(texts.professions)
    )
    claims: tuple[str, ...] = ()
    if status in (ApplicationStatus.ACCEPTED, ApplicationStatus.PENDING) and rng.random() < 0.6:
        claims = tuple(sorted(rng.sample(claimable, rng.randint(1, min(3, len(claimable))))))
    if status is ApplicationStatus.PENDING:
        # Late: after the kick-off, during the green-paper evenings.
        applied = local(2011, 3, 2, 9) + timedelta(
            days=rng.randint(0, 20), hours=rng.randint(0, 12)
        )
        decided = None
    else:
        applied = local(2011, 1, 26, 8) + timedelta(
            days=rng.randint(0, 24), hours=rng.randint(0, 14), minutes=rng.randint(0, 59)
        )
        decided = applied + timedelta(days=rng.randint(1, 5), hours=rng.randint(1, 8))
        decided = min(decided, local(2011, 2, 27, 17))
    message: str | None = None
    if status is ApplicationStatus.DECLINED:
        message = rng.choice(DECLINE_MESSAGES)
    elif status is ApplicationStatus.ACCEPTED and rng.random() < 0.3:
        message = rng.choice(WELCOME_MESSAGES)
    return DemoExpert(
        email=email,
        display_name=name,
        theme=theme,
        status=status,
        has_expertise=has_expertise,
        expertise=expertise if has_expertise else "",
        has_experience=has_experience,
        experience=rng.choice(texts.experiences) if has_experience else "",
        has_stake=has_stake,
        stake=rng.choice(texts.stakes) if has_stake else "",
        organization_name=rng.choice(texts.organizations) if rng.random() < 0.35 else "",
        motivation=(
            f"{rng.choice(MOTIVATION_OPENERS)} "
            f"{rng.choice(MOTIVATION_LINKS)} {rng.choice(texts.reasons)}"
        ),
        claims=claims,
        decision_message=message,
        applied_at=applied,
        # A withdrawal is the applicant's step, not a decision.
        decided_at=None if status is ApplicationStatus.WITHDRAWN else decided,
    )


def _annelies() -> DemoExpert:
    """The demo's own citizen expert (JOURNEYS.md): a retired teacher in Onderwijs."""
    return DemoExpert(
        email=ANNELIES,
        display_name="Annelies",
        theme="Onderwijs",
        status=ApplicationStatus.ACCEPTED,
        has_expertise=True,
        expertise="Ik was 35 jaar juf in groep 3 en 4, de laatste tien jaar in Zeist-West.",
        has_experience=True,
        experience="Ik heb zelf gezien wat een goede peuterspeelzaal doet voor de taal van "
        "een kind.",
        has_stake=True,
        stake="Mijn kleinkinderen gaan hier naar school.",
        organization_name="",
        motivation="Ik las over de dialoog in de krant. Ik wil niet dat er bezuinigd wordt "
        "op de jongste kinderen zonder dat iemand uit de klas heeft meegepraat.",
        claims=ANNELIES_CLAIMS,
        decision_message="Welkom Annelies, fijn dat u er bent!",
        applied_at=local(2011, 1, 27, 10, 12),
        decided_at=local(2011, 1, 31, 9, 40),
    )


@lru_cache(maxsize=1)
def zeist_experts() -> tuple[DemoExpert, ...]:
    """Every application to a Zeist theme group, theme by theme. One or two budget lines
    of each theme nobody claims, so the chef's coverage view shows a gap."""
    rng = random.Random(SEED)  # noqa: S311 - demo data, not secrets
    codes = _theme_codes()
    names = _names(rng)
    experts: list[DemoExpert] = []
    number = 0
    for theme in ZEIST.themes:
        candidates = [code for code in codes[theme] if code not in ANNELIES_CLAIMS]
        gaps = set(rng.sample(candidates, rng.choice((1, 2))))
        claimable = [code for code in codes[theme] if code not in gaps]
        statuses = _statuses(rng)
        if theme == "Onderwijs":
            # She takes one of the drawn places, so the group stays within 25-45.
            statuses.remove(ApplicationStatus.ACCEPTED)
            experts.append(_annelies())
        for status in statuses:
            number += 1
            email = f"expert-{number:03d}@zeist.example"
            experts.append(_expert(rng, email, next(names), theme, status, claimable))
    return tuple(experts)


def unclaimed_codes() -> dict[str, set[str]]:
    """Per theme, the budget lines no accepted expert claims (for the tests)."""
    codes = _theme_codes()
    claimed: dict[str, set[str]] = {theme: set() for theme in codes}
    for expert in zeist_experts():
        if expert.status is ApplicationStatus.ACCEPTED:
            claimed[expert.theme].update(expert.claims)
    return {theme: set(codes[theme]) - claimed[theme] for theme in codes}
