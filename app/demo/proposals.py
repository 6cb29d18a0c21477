"""The Zeist savings proposals of May and June 2011: some 27 per theme group, written by
the group's experts, in every state of their life, with their timeline, revisions,
discussion, questions to the officials and reviews (proposal_discussion.py); and the
white papers, submitted by six chefs and still in draft with two (Ruud's among them, so
the demo can show submitting one).

As with the green papers, rows are inserted directly with their dates in 2011 (the use
cases stamp the present and would fill today's bell), each with the audit entry its use
case writes. A group that has proposals is left alone, so a second run adds nothing.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit.service import record, signature
from app.demo.green_papers import _experts
from app.demo.people import SEED, local
from app.demo.processes import ZEIST, ZEIST_CHEFS
from app.demo.proposal_discussion import Cast, discuss
from app.demo.proposal_talk import (
    CONSEQUENCES,
    FRAMEWORK_NOTES,
    HOW,
    INTRODUCTION_CLOSING,
    INTRODUCTIONS,
    MERGES,
    REJECTIONS,
)
from app.demo.proposal_texts import TOWN, ProposalSpec
from app.demo.proposal_texts_social import SOCIAL
from app.demo.recruitment import zeist_process
from app.models import (
    BudgetLine,
    Framework,
    Group,
    Process,
    Proposal,
    ProposalAmount,
    ProposalBudgetLine,
    ProposalCoauthor,
    ProposalFramework,
    ProposalRevision,
    ProposalTransition,
    User,
    WhitePaper,
)
from app.proposals.states import ProposalState

S = ProposalState
SPECS: dict[str, tuple[ProposalSpec, ...]] = {**TOWN, **SOCIAL}
YEARS = (2012, 2013, 2014, 2015)
# Ruud's group and one other are still at work on their white paper.
WHITE_PAPER_DRAFTS = ("Burger en Bestuur", "Veiligheid")
# Every group has a few of each; the rest is included or still in discussion.
FEW: tuple[S, ...] = (S.DRAFT, S.DRAFT, S.SUBMITTED, S.SUBMITTED, S.MERGED, S.MERGED)
FEW += (S.WITHDRAWN, S.REJECTED, S.REJECTED)
# The path to each state, as (from, to) steps after the draft.
PATHS: dict[S, tuple[S, ...]] = {
    S.DRAFT: (),
    S.SUBMITTED: (S.SUBMITTED,),
    S.IN_DISCUSSION: (S.SUBMITTED, S.IN_DISCUSSION),
    S.INCLUDED: (S.SUBMITTED, S.IN_DISCUSSION, S.INCLUDED),
    S.MERGED: (S.SUBMITTED, S.IN_DISCUSSION, S.MERGED),
    S.WITHDRAWN: (S.SUBMITTED, S.WITHDRAWN),
    S.REJECTED: (S.SUBMITTED, S.IN_DISCUSSION, S.REJECTED),
}
# The step (its audit action) that leads into each state.
STEP_INTO = {
    S.SUBMITTED: "submit",
    S.IN_DISCUSSION: "open_discussion",
    S.INCLUDED: "include",
    S.MERGED: "merge",
    S.WITHDRAWN: "withdraw",
    S.REJECTED: "reject",
}
AUTHORS_STEP = (S.SUBMITTED, S.WITHDRAWN)


@dataclass
class Planned:
    """One proposal and what happened to it, before it is written."""

    spec: ProposalSpec
    state: S
    author: User
    coauthors: list[User]
    moments: list[datetime]  # drafted, then one per step of its path
    amounts: dict[int, tuple[int, int]]
    line_ids: list[int]
    frameworks: dict[int, str]
    revisions: int
    proposal: Proposal = field(init=False)


def ensure_proposals(db: Session, organization_slug: str) -> int:
    """Returns rows added (proposals and everything around them)."""
    if organization_slug != "zeist":
        return 0
    found = zeist_process(db)
    if found is None:
        return 0
    process, groups = found
    have = set(db.scalars(select(Proposal.group_id).where(Proposal.process_id == process.id)))
    todo = [theme for theme in ZEIST.themes if theme in groups and groups[theme].id not in have]
    if not todo:
        return 0
    emails = ["ambtenaar@zeist.example", "jurist@zeist.example", "fatma@zeist.example"]
    emails += [ZEIST_CHEFS[theme] for theme in todo]
    people = {u.email: u for u in db.scalars(select(User).where(User.email.in_(emails)))}
    if any(email not in people for email in emails):
        return 0
    experts = _experts(db, [groups[theme].id for theme in todo])
    lines = {
        line.code: line
        for line in db.scalars(select(BudgetLine).where(BudgetLine.process_id == process.id))
    }
    frameworks = list(
        db.scalars(
            select(Framework).where(Framework.process_id == process.id).order_by(Framework.number)
        )
    )
    added = 0
    for theme in todo:
        group, mine = groups[theme], experts.get(groups[theme].id, [])
        if len(mine) < 8:
            continue
        rng = random.Random(f"{SEED}:voorstellen:{theme}")  # noqa: S311 - demo data
        cast = Cast(
            chef=people[ZEIST_CHEFS[theme]],
            experts=mine,
            official=people["ambtenaar@zeist.example"],
            lawyer=people["jurist@zeist.example"],
            adviser=people["fatma@zeist.example"],
        )
        planned = _plan(rng, theme, group.theme_id, cast, lines, frameworks)
        added += _write(db, rng, process, group, theme, cast, planned)
        added += discuss(db, rng, theme, cast, [p.proposal for p in planned], lines)
        added += _white_paper(db, process, group, theme, cast, planned)
    return added


def _plan(
    rng: random.Random,
    theme: str,
    theme_id: int,
    cast: Cast,
    lines: dict[str, BudgetLine],
    frameworks: list[Framework],
) -> list[Planned]:
    specs = SPECS[theme]
    rest = len(specs) - len(FEW)
    states = [*FEW, *[S.INCLUDED] * ((rest + 1) // 2), *[S.IN_DISCUSSION] * (rest // 2)]
    rng.shuffle(states)
    own = {code[-2:]: line.id for code, line in lines.items() if line.theme_id == theme_id}
    writers = cast.experts[: min(len(cast.experts), 18)]
    planned = []
    for spec, state in zip(specs, states, strict=True):
        author = rng.choice(writers)
        others = [w for w in writers if w.id != author.id]
        coauthors = rng.sample(others, rng.choice((0, 0, 0, 1, 1, 2)))
        drafted = local(2011, 5, 2, 19) + timedelta(
            days=rng.randint(0, 11), minutes=rng.randint(0, 180)
        )
        moments = [drafted]
        for step in PATHS[state]:
            gap = {S.SUBMITTED: (1, 4), S.IN_DISCUSSION: (2, 5)}.get(step, (4, 9))
            later = timedelta(days=rng.randint(*gap), hours=rng.randint(0, 5))
            moments.append(moments[-1] + later)
        ramp = rng.choice((0.5, 0.5, 0.75, 1.0))
        amounts = {
            year: (
                int(round(spec.saves * (ramp if year == 2012 else 1.0), -3)),
                -spec.costs if year == 2012 else 0,
            )
            for year in YEARS
        }
        line_ids = [own[code] if len(code) == 2 else lines[code].id for code in spec.lines]
        chosen = {}
        if rng.random() < 0.5 and frameworks:
            framework = rng.choice(frameworks)
            chosen[framework.id] = FRAMEWORK_NOTES.get(framework.number, FRAMEWORK_NOTES[1])
        revisions = 0 if state == S.DRAFT else rng.choice((1, 1, 1, 2, 2, 3))
        planned.append(
            Planned(spec, state, author, coauthors, moments, amounts, line_ids, chosen, revisions)
        )
    return planned


def _write(
    db: Session,
    rng: random.Random,
    process: Process,
    group: Group,
    theme: str,
    cast: Cast,
    planned: list[Planned],
) -> int:
    for plan in planned:
        spec = plan.spec
        plan.proposal = Proposal(
            process_id=process.id,
            group_id=group.id,
            author_id=plan.author.id,
            title=spec.title,
            summary=spec.summary,
            measure=f"{spec.summary}\n\n{rng.choice(HOW)}",
            consequences=" ".join(rng.sample(CONSEQUENCES[theme], 2)),
            state=plan.state.value,
            version=max(1, plan.revisions),
            created_at=plan.moments[0],
            updated_at=plan.moments[-1],
            submitted_at=plan.moments[1] if len(plan.moments) > 1 else None,
            claimed_total=sum(s + o for s, o in plan.amounts.values()),
            support_count=0,
            amounts=[
                ProposalAmount(year=year, structural=s, one_off=o)
                for year, (s, o) in sorted(plan.amounts.items())
            ],
        )
    db.add_all([plan.proposal for plan in planned])
    db.flush()
    targets = [p.proposal for p in planned if p.state in (S.INCLUDED, S.IN_DISCUSSION)]
    for plan in planned:
        if plan.state == S.MERGED:
            plan.proposal.merged_into_id = rng.choice(targets).id
            plan.proposal.state_reason = rng.choice(MERGES)
        elif plan.state == S.REJECTED:
            plan.proposal.state_reason = rng.choice(REJECTIONS)
    rows: list[Any] = []
    for plan in planned:
        rows += _around(plan, cast)
    db.add_all(rows)
    db.flush()
    for plan in planned:
        _audit(db, plan, cast)
    return len(planned) * 5 + len(rows)


def _around(plan: Planned, cast: Cast) -> list[Any]:
    """Lines, frameworks, co-authors, the timeline and the revisions of one proposal."""
    proposal = plan.proposal
    rows: list[Any] = [
        ProposalBudgetLine(proposal_id=proposal.id, budget_line_id=line_id)
        for line_id in dict.fromkeys(plan.line_ids)
    ]
    rows += [
        ProposalFramework(proposal_id=proposal.id, framework_id=fid, explanation=text)
        for fid, text in plan.frameworks.items()
    ]
    rows += [ProposalCoauthor(proposal_id=proposal.id, user_id=u.id) for u in plan.coauthors]
    previous: S | None = None
    for state, at in zip((S.DRAFT, *PATHS[plan.state]), plan.moments, strict=True):
        actor = plan.author if state in (S.DRAFT, *AUTHORS_STEP) else cast.chef
        last = state == plan.state and state in (S.MERGED, S.REJECTED)
        rows.append(
            ProposalTransition(
                proposal_id=proposal.id,
                from_state=previous.value if previous else None,
                to_state=state.value,
                actor_id=actor.id,
                actor_label=signature(actor),
                reason=proposal.state_reason if last else None,
                created_at=at,
            )
        )
        previous = state
    if plan.revisions:
        first, end = plan.moments[1], plan.moments[-1]
        for number in range(1, plan.revisions + 1):
            # Earlier versions claimed a little more: the discussion brought them down.
            factor = 1.0 + 0.1 * (plan.revisions - number)
            at = first + (end - first) * (number - 1) / plan.revisions
            rows.append(
                ProposalRevision(
                    proposal_id=proposal.id,
                    number=number,
                    snapshot=_snapshot(plan, factor),
                    author_id=plan.author.id,
                    author_label=signature(plan.author),
                    created_at=at,
                )
            )
    return rows


def _snapshot(plan: Planned, factor: float) -> dict[str, Any]:
    """As app.proposals.service.snapshot keeps it."""
    proposal = plan.proposal
    return {
        "title": proposal.title,
        "summary": proposal.summary,
        "measure": proposal.measure,
        "consequences": proposal.consequences,
        "amounts": [
            {"year": year, "structural": int(round(s * factor, -3)), "one_off": o}
            for year, (s, o) in sorted(plan.amounts.items())
        ],
        "budget_line_ids": sorted(set(plan.line_ids)),
        "frameworks": [
            {"id": fid, "explanation": text} for fid, text in sorted(plan.frameworks.items())
        ],
    }


def _audit(db: Session, plan: Planned, cast: Cast) -> None:
    proposal = plan.proposal
    entry = record(
        db, actor=plan.author, action="proposal.drafted", target=proposal,
        after={"title": proposal.title},
    )  # fmt: skip
    entry.created_at = plan.moments[0]
    previous = S.DRAFT
    for state, at in zip(PATHS[plan.state], plan.moments[1:], strict=True):
        after: dict[str, Any] = {"state": state.value}
        if state == S.MERGED:
            after["merged_into"] = proposal.merged_into_id
        entry = record(
            db,
            actor=plan.author if state in AUTHORS_STEP else cast.chef,
            action=f"proposal.{STEP_INTO[state]}",
            target=proposal,
            before={"state": previous.value},
            after=after,
            reason=proposal.state_reason if state in (S.MERGED, S.REJECTED) else None,
        )
        entry.created_at = at
        previous = state
    first, end = plan.moments[min(1, len(plan.moments) - 1)], plan.moments[-1]
    for number in range(2, plan.revisions + 1):
        entry = record(
            db,
            actor=plan.author,
            action="proposal.updated",
            target=proposal,
            after={"version": number},
        )
        entry.created_at = first + (end - first) * (number - 1) / plan.revisions


def _white_paper(
    db: Session,
    process: Process,
    group: Group,
    theme: str,
    cast: Cast,
    planned: list[Planned],
) -> int:
    """The chef's order: the biggest savings first. Six are submitted in early June."""
    if db.scalar(select(WhitePaper.id).where(WhitePaper.group_id == group.id)) is not None:
        return 0
    included = sorted(
        (p for p in planned if p.state == S.INCLUDED), key=lambda p: (-p.spec.saves, p.spec.title)
    )
    for position, plan in enumerate(included, start=1):
        plan.proposal.white_paper_position = position
    ordered = max(p.moments[-1] for p in included) + timedelta(hours=20)
    draft = theme in WHITE_PAPER_DRAFTS
    submitted = None if draft else ordered + timedelta(days=2, hours=ZEIST.themes.index(theme))
    paper = WhitePaper(
        process_id=process.id,
        group_id=group.id,
        introduction=INTRODUCTIONS[theme] + ("" if draft else INTRODUCTION_CLOSING),
        status="draft" if draft else "submitted",
        submitted_at=submitted,
        submitted_by=None if draft else signature(cast.chef),
        updated_at=submitted or ordered,
    )
    db.add(paper)
    db.flush()
    entries: list[tuple[datetime, str, dict[str, Any] | None, dict[str, Any] | None]] = [
        (ordered - timedelta(hours=1), "white_paper.introduction_saved", None, None),
        (ordered, "white_paper.reordered", None, {"order": [p.proposal.id for p in included]}),
    ]
    if submitted is not None:
        after = {"status": "submitted", "proposals": [p.proposal.id for p in included]}
        entries.append((submitted, "white_paper.submitted", {"status": "draft"}, after))
    for at, action, before, after_ in entries:
        entry = record(
            db, actor=cast.chef, action=action, target=paper, before=before, after=after_
        )
        entry.created_at = at
    return 1
