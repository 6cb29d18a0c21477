"""A finished sprint for the end (part D), on the teams' stage (fixtures_team): the two
teams built measures while the clock ran, the lawyer and the financial adviser reviewed
them, the time is up and the process is in its results phase. A board member composes.

The measures (validated amounts per year 2019..2022 as (structural, one-off)):

- team 1 "Minder inhuur" (option 1 as is): feasible; 2019 (100k, 50k), 2022 (400k, 0)
- team 1 "Eigen plan" (own): feasible on conditions; 2019 (30k, 0), 2022 (250k, 0)
- team 1 "Te mooi" (own): legally not feasible
- team 2 "Samen inkopen" (option 2 adapted): feasible; 2019 (200k, 25k), 2022 (900k, 0)
- team 2 "Wacht nog" (own): only the legal review; waiting for the financial one
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.roles import Role, ScopeType
from app.db import organization_scope
from app.models import Organization, Proposal, User
from app.phases.kinds import PhaseKind
from app.reviews.kinds import ReviewKind, Verdict
from app.reviews.service import ReviewInput, give_review
from app.sprint import package_service
from app.sprint.loading import SprintPlace
from app.sprint.package_service import MeasureInput
from tests.factories import make_user
from tests.sprint.fixtures_team import (
    CAPTAIN,
    FINANCE,
    LAWYER,
    RIVAL,
    TeamStage,
    make_team_stage,
)

BOARD = "college@example.org"
YEARS = range(2019, 2023)

Amounts = dict[int, tuple[int, int]]


def amounts(first: tuple[int, int], full: int) -> Amounts:
    """``first`` in 2019, the structural amount growing to ``full`` in 2022."""
    step = (full - first[0]) // 3
    result = {2019: first}
    for offset, year in enumerate(range(2020, 2023), start=1):
        result[year] = (full if year == 2022 else first[0] + step * offset, 0)
    return result


@dataclass
class ResultStage:
    stage: TeamStage
    board: User
    measures: dict[str, Proposal] = field(default_factory=dict)

    @property
    def organization(self) -> Organization:
        return self.stage.organization

    @property
    def path(self) -> str:
        return self.stage.path

    def actor(self, email: str) -> Actor:
        if email == BOARD:
            return Actor.of(self.board, frozenset({(Role.BOARD, ScopeType.ORGANIZATION, None)}))
        return self.stage.actor(email)

    def place(self, db: Session) -> SprintPlace:
        return self.stage.place(db)


def add_measure(
    db: Session,
    stage: TeamStage,
    team: int,
    title: str,
    claimed: Amounts,
    *,
    option: int | None = None,
    adapted: bool = False,
) -> Proposal:
    """A measure of team ``team`` (0 or 1) while the clock runs."""
    captain = CAPTAIN if team == 0 else RIVAL
    place = stage.place(db)
    with organization_scope(db, stage.organization.id):
        if option is not None and not adapted:
            return package_service.adopt_option(
                db, stage.actor(captain), place, stage.teams[team], stage.options[option - 1]
            )
        return package_service.write_measure(
            db,
            stage.actor(captain),
            place,
            stage.teams[team],
            MeasureInput(title=title, measure=f"{title}.", amounts=claimed),
            option=stage.options[option - 1] if option is not None else None,
        )


def review(
    db: Session,
    stage: TeamStage,
    proposal: Proposal,
    legal: Verdict | None,
    financial: Verdict | None = None,
    validated: Amounts | None = None,
) -> None:
    place = stage.place(db)
    with organization_scope(db, stage.organization.id):
        if legal is not None:
            notes = "" if legal == Verdict.FEASIBLE else "Toelichting."
            give_review(
                db, stage.actor(LAWYER), place.process, place.phases, proposal,
                ReviewKind.LEGAL, ReviewInput(legal, notes),
            )  # fmt: skip
        if financial is not None:
            notes = "" if financial == Verdict.FEASIBLE else "Toelichting."
            give_review(
                db, stage.actor(FINANCE), place.process, place.phases, proposal,
                ReviewKind.FINANCIAL, ReviewInput(financial, notes, validated or {}),
            )  # fmt: skip


def end_sprint(db: Session, stage: TeamStage, phase: PhaseKind = PhaseKind.RESULTS) -> None:
    """The time is up (an hour ago) and the process is in ``phase``."""
    with organization_scope(db, stage.organization.id):
        stage.clock(db, started_hours_ago=25, ends_in_hours=-1)
    stage.to_phase(db, PhaseKind.REVIEW)
    if phase != PhaseKind.REVIEW:
        stage.to_phase(db, phase)


def make_result_stage(db: Session, organization: Organization) -> ResultStage:
    stage = make_team_stage(db, organization)
    board = make_user(db, organization, email=BOARD, display_name="Bert", roles=[Role.BOARD])
    made = ResultStage(stage, board)
    m = made.measures
    m["inhuur"] = add_measure(db, stage, 0, "Minder inhuur", {}, option=1)
    m["eigen"] = add_measure(db, stage, 0, "Eigen plan", amounts((40_000, 0), 300_000))
    m["mooi"] = add_measure(db, stage, 0, "Te mooi", amounts((900_000, 0), 2_000_000))
    m["inkopen"] = add_measure(
        db, stage, 1, "Samen inkopen, aangepast", amounts((220_000, 25_000), 1_000_000),
        option=2, adapted=True,
    )  # fmt: skip
    m["wacht"] = add_measure(db, stage, 1, "Wacht nog", amounts((10_000, 0), 50_000))
    review(
        db,
        stage,
        m["inhuur"],
        Verdict.FEASIBLE,
        Verdict.FEASIBLE,
        amounts((100_000, 50_000), 400_000),
    )
    review(
        db,
        stage,
        m["eigen"],
        Verdict.ON_CONDITIONS,
        Verdict.FEASIBLE,
        amounts((30_000, 0), 250_000),
    )
    review(
        db,
        stage,
        m["mooi"],
        Verdict.NOT_FEASIBLE,
        Verdict.FEASIBLE,
        amounts((900_000, 0), 2_000_000),
    )
    review(
        db,
        stage,
        m["inkopen"],
        Verdict.FEASIBLE,
        Verdict.FEASIBLE,
        amounts((200_000, 25_000), 900_000),
    )
    review(db, stage, m["wacht"], Verdict.FEASIBLE)
    end_sprint(db, stage)
    return made


@pytest.fixture
def result_stage(db: Session, organization: Organization) -> ResultStage:
    return make_result_stage(db, organization)
