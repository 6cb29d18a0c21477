"""Who may do what, as a table: every role against the predicates of recruitment, meetings,
green papers and the council, on a group, a green paper, an amendment and a decision in
each state. A change of rule shows up
here as a changed row, not as a surprise on a page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from app.access.actor import Actor
from app.access.permissions import can
from app.access.roles import Role, ScopeType
from app.green_papers.permissions import WorkshopView
from app.main import create_app  # noqa: F401 - importing the app registers every predicate

GROUP, OTHER_GROUP = 7, 8


def _actor(*roles: tuple[Role, ScopeType, int | None], confirmed: bool = True) -> Actor:
    # Predicates read the actor's snapshot, never the ORM row, so there is none here.
    return Actor(
        roles=frozenset(roles),
        session_id=None,
        id=100,
        display_name="Iemand",
        email="iemand@example.org",
        is_confirmed=confirmed,
    )


ORG = ScopeType.ORGANIZATION
ACTORS: dict[str, Actor | None] = {
    "anonymous": None,
    "unconfirmed": _actor(confirmed=False),
    "citizen": _actor(),
    "expert": _actor((Role.EXPERT, ScopeType.GROUP, GROUP)),
    "chef": _actor((Role.CHEF, ScopeType.GROUP, GROUP)),
    "other chef": _actor((Role.CHEF, ScopeType.GROUP, OTHER_GROUP)),
    "official": _actor((Role.OFFICIAL, ORG, None)),
    "board": _actor((Role.BOARD, ORG, None)),
    "council": _actor((Role.COUNCIL, ORG, None)),
    "clerk": _actor((Role.CLERK, ORG, None)),
    "admin": _actor((Role.ADMIN, ORG, None)),
}


@dataclass
class Paper:
    group_id: int
    status: str


@dataclass
class Grp:
    id: int


@dataclass
class Amend:
    filer_id: int  # every test actor has id 100: 100 makes each of them the filer
    state: str


@dataclass
class Decision:
    state: str


@dataclass
class Account:
    id: int  # 100 is every test actor's own account
    state: str  # only names the row: "own" or "other"


FOLLOW_THE_WORKSHOP = {"expert", "chef", "council", "admin"}

# (predicate, object) -> the actors allowed; everyone else is refused.
MATRIX: list[tuple[str, Any, set[str]]] = [
    ("group.apply", Grp(GROUP), {"citizen", "other chef", "official", "board", "council", "clerk",
                                 "admin"}),
    ("group.moderate", Grp(GROUP), {"chef", "admin"}),
    ("group.view", Grp(GROUP), {"expert", "chef", "admin"}),
    ("chef_call.apply", None, {"official"}),
    ("chef_call.decide", None, {"admin"}),
    ("green_paper.read", Paper(GROUP, "draft"), {"expert", "chef", "admin"}),
    ("green_paper.read", Paper(GROUP, "submitted"), {"expert", "chef", "admin", "board"}),
    ("green_paper.read", Paper(GROUP, "continued"), set(ACTORS)),
    ("green_paper.read", Paper(GROUP, "stopped"), set(ACTORS)),
    ("green_paper.write", Paper(GROUP, "draft"), {"expert", "chef"}),
    ("green_paper.write", Paper(GROUP, "submitted"), set()),
    ("green_paper.arrange", Paper(GROUP, "draft"), {"chef"}),
    ("green_paper.decide", Paper(GROUP, "submitted"), {"board"}),
    ("green_paper.decide", Paper(GROUP, "draft"), set()),
    ("green_paper.give_input", Paper(GROUP, "continued"), {"council"}),
    ("green_paper.give_input", Paper(GROUP, "stopped"), set()),
    ("green_paper.read_workshop", WorkshopView(GROUP, over=False), FOLLOW_THE_WORKSHOP),
    ("green_paper.read_workshop", WorkshopView(GROUP, over=True), set(ACTORS)),
    ("council.submit", None, {"admin"}),
    ("amendment.file", Decision("open"), {"council"}),
    ("amendment.cosign", Amend(1, "filed"), {"council"}),
    ("amendment.cosign", Amend(100, "filed"), set()),
    # After the vote it is still theirs to try: the use case refuses it (409, with why).
    ("amendment.cosign", Amend(1, "carried"), {"council"}),
    ("amendment.withdraw", Amend(100, "filed"), {"council"}),
    ("amendment.withdraw", Amend(1, "filed"), set()),
    ("amendment.withdraw", Amend(100, "defeated"), {"council"}),
    ("council.record_vote", Decision("open"), {"clerk", "admin"}),
    ("council.publish", Decision("decided"), {"clerk", "admin"}),
    ("council.publish", Decision("open"), set()),
    ("council.publish", Decision("published"), set()),
    ("council.manage_parties", None, {"clerk", "admin"}),
    ("council.read_decision", Decision("open"), set()),
    ("council.read_decision", Decision("decided"), {"council", "clerk", "admin"}),
    ("council.read_decision", Decision("published"), set(ACTORS)),
    ("privacy.erase_own", Account(100, "own"), set(ACTORS) - {"anonymous"}),
    ("privacy.erase_own", Account(1, "other"), set()),
    ("privacy.erase_any", Account(1, "other"), {"admin"}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("action", "obj", "allowed"),
    MATRIX,
    ids=[
        f"{a}:{getattr(o, 'status', '')}{getattr(o, 'state', '')}{getattr(o, 'over', '')}"
        for a, o, _ in MATRIX
    ],
)
def test_who_may(action: str, obj: Any, allowed: set[str]) -> None:
    answers = {name for name, actor in ACTORS.items() if can(actor, action, obj)}
    assert answers == allowed


# --- attachments ----------------------------------------------------------------------------
# They follow what they hang on: a proposal (its authors and chef change it; every test
# actor has id 100, so author 100 makes each of them the author) or a product sheet (who
# acts at its step changes it; the staff and the chef read it until it is published).

ATTACHMENT_ACTORS: dict[str, Actor | None] = {
    **ACTORS,
    "lawyer": _actor((Role.LEGAL, ORG, None)),
    "finance": _actor((Role.FINANCE, ORG, None)),
}
ANYONE_SIGNED_IN = set(ATTACHMENT_ACTORS) - {"anonymous"}


@dataclass
class Prop:
    state: str
    author_id: int
    submitted_at: str | None = None
    group_id: int = GROUP
    coauthor_ids: frozenset[int] = frozenset()


@dataclass
class SheetView:
    step: str
    published: bool = False
    group_id: int = GROUP


@dataclass
class On:
    kind: str
    target: Any


THEIR_DRAFT = On("proposal", Prop("draft", author_id=1))
OWN_DRAFT = On("proposal", Prop("draft", author_id=100))
THEIR_SUBMITTED = On("proposal", Prop("submitted", author_id=1, submitted_at="2011-05-01"))
OWN_INCLUDED = On("proposal", Prop("included", author_id=100, submitted_at="2011-05-01"))
SHEET_STAFF = {"official", "finance", "lawyer", "admin", "chef"}

ATTACHMENT_MATRIX: list[tuple[str, Any, set[str]]] = [
    ("attachment.view", THEIR_DRAFT, {"chef", "admin"}),
    ("attachment.view", OWN_DRAFT, ANYONE_SIGNED_IN),
    ("attachment.view", THEIR_SUBMITTED, set(ATTACHMENT_ACTORS)),
    ("attachment.add", THEIR_DRAFT, {"chef"}),
    ("attachment.add", OWN_DRAFT, ANYONE_SIGNED_IN),
    ("attachment.add", THEIR_SUBMITTED, {"chef"}),
    ("attachment.add", OWN_INCLUDED, set()),
    ("attachment.remove", THEIR_SUBMITTED, {"chef"}),
    ("attachment.remove", OWN_INCLUDED, set()),
    ("attachment.view", On("product_sheet", SheetView("official")), SHEET_STAFF),
    ("attachment.view", On("product_sheet", SheetView("signed_off", published=True)),
     set(ATTACHMENT_ACTORS)),
    ("attachment.add", On("product_sheet", SheetView("official")), {"official"}),
    ("attachment.add", On("product_sheet", SheetView("finance")), {"finance"}),
    ("attachment.add", On("product_sheet", SheetView("chef")), {"chef"}),
    ("attachment.add", On("product_sheet", SheetView("signed_off")), set()),
    ("attachment.remove", On("product_sheet", SheetView("finance")), {"finance"}),
    ("attachment.view", None, set()),
]  # fmt: skip


def _attachment_id(action: str, obj: Any) -> str:
    target = getattr(obj, "target", None)
    state = getattr(target, "state", None) or getattr(target, "step", "")
    author = f"-author{target.author_id}" if isinstance(target, Prop) else ""
    return f"{action}:{getattr(obj, 'kind', 'none')}-{state}{author}"


@pytest.mark.parametrize(
    ("action", "obj", "allowed"),
    ATTACHMENT_MATRIX,
    ids=[_attachment_id(a, o) for a, o, _ in ATTACHMENT_MATRIX],
)
def test_who_may_with_attachments(action: str, obj: Any, allowed: set[str]) -> None:
    answers = {name for name, actor in ATTACHMENT_ACTORS.items() if can(actor, action, obj)}
    assert answers == allowed


def test_every_attachment_predicate_has_a_row() -> None:
    from app.access.permissions import registered

    named = {name for name in registered() if name.startswith("attachment.")}
    assert named == {action for action, _obj, _allowed in ATTACHMENT_MATRIX}


# --- the sprint ----------------------------------------------------------------------------------
# The sprint's staff besides the roles above; a separate table of actors, so the rows above
# keep meaning what they say. The sprint's one team is GROUP; OTHER_GROUP is a group
# outside it (its chef takes no part in this sprint).

SPRINT_ACTORS: dict[str, Actor | None] = {
    **ACTORS,
    "lawyer": _actor((Role.LEGAL, ORG, None)),
    "finance": _actor((Role.FINANCE, ORG, None)),
    "steering": _actor((Role.STEERING, ORG, None)),
}


@dataclass
class SprintClock:
    package_published_at: Any = None


@dataclass
class Place:
    team_ids: frozenset[int]
    sprint: SprintClock


PLACE = Place(frozenset({GROUP}), SprintClock())
PUBLISHED = Place(frozenset({GROUP}), SprintClock(package_published_at="2026-12-07T12:00"))
TEAM = Grp(GROUP)
STAFF = {"official", "board", "admin", "lawyer", "finance", "steering"}
MEMBERS = {"expert", "chef"}

SPRINT_MATRIX: list[tuple[str, Any, set[str]]] = [
    ("sprint.take_part", PLACE, STAFF | MEMBERS),
    ("sprint.set_clock", PLACE, {"admin"}),
    ("sprint.prepare_options", PLACE, {"official", "admin"}),
    ("sprint.build_package", TEAM, MEMBERS),
    ("sprint.build_package", Grp(OTHER_GROUP), {"other chef"}),
    ("sprint.post_mood", TEAM, MEMBERS),
    ("sprint.message", TEAM, MEMBERS | {"steering", "admin"}),
    ("sprint.review", PLACE, {"lawyer", "finance"}),
    ("sprint.steer", PLACE, {"steering", "admin"}),
    ("sprint.compose_package", PLACE, {"board", "admin"}),
    ("sprint.read_result", PLACE, STAFF | MEMBERS),
    ("sprint.read_result", PUBLISHED, set(SPRINT_ACTORS)),
    ("sprint.view_team", TEAM, MEMBERS | {"steering", "admin", "lawyer", "finance"}),
]


def _sprint_id(action: str, obj: Any) -> str:
    return f"{action}:{'published' if obj is PUBLISHED else getattr(obj, 'id', '')}"


@pytest.mark.parametrize(
    ("action", "obj", "allowed"),
    SPRINT_MATRIX,
    ids=[_sprint_id(a, o) for a, o, _ in SPRINT_MATRIX],
)
def test_who_may_in_a_sprint(action: str, obj: Any, allowed: set[str]) -> None:
    answers = {name for name, actor in SPRINT_ACTORS.items() if can(actor, action, obj)}
    assert answers == allowed


def test_every_sprint_predicate_has_a_row() -> None:
    from app.access.permissions import registered

    named = {name for name in registered() if name.startswith("sprint.")}
    assert named <= {action for action, _obj, _allowed in SPRINT_MATRIX}


# --- personal data ---------------------------------------------------------------------------
# The privacy officer besides the roles above. Every test actor has id 100, so Person(100) is
# the actor's own account and Person(1) someone else's.

PRIVACY_ACTORS: dict[str, Actor | None] = {
    **ACTORS,
    "privacy officer": _actor((Role.PRIVACY, ORG, None)),
}


@dataclass
class Person:
    id: int


SIGNED_IN = set(PRIVACY_ACTORS) - {"anonymous"}

PRIVACY_MATRIX: list[tuple[str, Any, set[str]]] = [
    ("privacy.export_own", Person(100), SIGNED_IN),
    ("privacy.export_own", Person(1), set()),
    ("privacy.view_register", None, {"privacy officer", "admin"}),
]


@pytest.mark.parametrize(
    ("action", "obj", "allowed"),
    PRIVACY_MATRIX,
    ids=[f"{a}:{getattr(o, 'id', '')}" for a, o, _ in PRIVACY_MATRIX],
)
def test_who_may_with_personal_data(action: str, obj: Any, allowed: set[str]) -> None:
    answers = {name for name, actor in PRIVACY_ACTORS.items() if can(actor, action, obj)}
    assert answers == allowed
