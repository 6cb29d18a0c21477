"""Zeist's central white paper of June and July 2011: the last two white papers go in, the
admin compiles and publishes edition 1, the groups sharpen one proposal and add another,
edition 2 supersedes it and is published too; the officials write a product sheet for every
proposal in it, and most are signed off by the financial adviser and the chef by
September (a few still wait, two were sent back with a reason).

The editions are made by the same snapshot the admin's button uses; the rest is inserted
directly with its 2011 dates and the audit entries the use cases write (no mail, no bell).
Once the process has an edition this adds nothing."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.audit.service import SYSTEM_ACTOR, record, signature
from app.demo import product_sheet_texts as texts
from app.demo.people import SEED, local
from app.demo.processes import ZEIST, ZEIST_CHEFS
from app.demo.proposal_talk import INTRODUCTION_CLOSING
from app.demo.proposals import WHITE_PAPER_DRAFTS
from app.demo.recruitment import zeist_process
from app.editions.service import ensure_product_sheets, snapshot
from app.models import (
    CentralWhitePaper,
    Group,
    ProductSheet,
    ProductSheetStep,
    Proposal,
    ProposalRevision,
    ProposalTransition,
    Review,
    User,
    WhitePaper,
)
from app.phases.kinds import PhaseKind
from app.processes.service import set_current_phase
from app.product_sheets.queries import SAVED
from app.product_sheets.service import STEPPED
from app.product_sheets.states import SheetAction, SheetStep
from app.proposals.states import ProposalState
from app.reviews.kinds import SOUND

ADMIN = "beheer@zeist.example"
OFFICIAL = "ambtenaar@zeist.example"
ADVISER = "fatma@zeist.example"
FIRST_AT = local(2011, 6, 14, 10)
FIRST_PUBLISHED_AT = local(2011, 6, 16, 9)
SHARPENED_AT = local(2011, 6, 24, 15)
REVIEWED_AT = local(2011, 6, 28, 11)
INCLUDED_AT = local(2011, 6, 29, 20)
SECOND_AT = local(2011, 7, 5, 9)
PUBLISHED_AT = local(2011, 7, 6, 14)
# The group whose proposal is sharpened, and the one that adds a proposal.
SHARPENING_GROUP = "Sport"
ADDING_GROUP = "Zorg en Welzijn"
# Of the sheets: how many wait at the financial adviser, at the chef, and were sent back
# (by the adviser, then by a chef); the rest is signed off.
AT_FINANCE, AT_CHEF = 5, 4


def ensure_editions(db: Session, organization_slug: str) -> int:
    """Returns rows added."""
    if organization_slug != "zeist":
        return 0
    found = zeist_process(db)
    if found is None:
        return 0
    process, groups = found
    if db.scalar(select(CentralWhitePaper.id).where(CentralWhitePaper.process_id == process.id)):
        return 0
    emails = [ADMIN, OFFICIAL, ADVISER, *ZEIST_CHEFS.values()]
    people = {u.email: u for u in db.scalars(select(User).where(User.email.in_(emails)))}
    if any(email not in people for email in emails) or not db.scalar(
        select(Proposal.id).where(Proposal.process_id == process.id).limit(1)
    ):
        return 0
    admin = people[ADMIN]
    added = _submit_drafts(db, groups, people)
    if process.current_phase != PhaseKind.PRODUCT_SHEETS:
        set_current_phase(db, SYSTEM_ACTOR, process, PhaseKind.PRODUCT_SHEETS)
    first = snapshot(db, process, note=texts.EDITION_NOTES[0], by=signature(admin), at=FIRST_AT)
    _audit(db, admin, "edition.compiled", first, FIRST_AT, after={"number": 1})
    _publish(db, admin, first, FIRST_PUBLISHED_AT)
    added += _sharpen(db, groups, people) + _add(db, groups, people)
    second = snapshot(db, process, note=texts.EDITION_NOTES[1], by=signature(admin), at=SECOND_AT)
    _audit(db, admin, "edition.compiled", second, SECOND_AT, after={"number": 2})
    _publish(db, admin, second, PUBLISHED_AT)
    sheets = ensure_product_sheets(db, people[OFFICIAL], second, at=SECOND_AT)
    chefs = {group.id: people[ZEIST_CHEFS[name]] for name, group in groups.items()}
    added += 2 + _write_sheets(db, sheets, chefs, people)
    return added


def _publish(db: Session, admin: User, edition: CentralWhitePaper, at: datetime) -> None:
    edition.published_at, edition.published_by = at, signature(admin)
    _audit(
        db, admin, "edition.published", edition, at,
        before={"published": False}, after={"published": True, "number": edition.number},
    )  # fmt: skip


def _audit(
    db: Session, actor: User, action: str, target: Any, at: datetime, **summary: Any
) -> None:
    entry = record(db, actor=actor, action=action, target=target, **summary)
    entry.created_at = at


def _submit_drafts(db: Session, groups: dict[str, Group], people: dict[str, User]) -> int:
    """Ruud's and the Veiligheid group's white papers go in a day before the phase ends."""
    added = 0
    for theme in WHITE_PAPER_DRAFTS:
        paper = db.scalar(select(WhitePaper).where(WhitePaper.group_id == groups[theme].id))
        if paper is None or paper.status != "draft":
            continue
        chef = people[ZEIST_CHEFS[theme]]
        included = list(
            db.scalars(
                select(Proposal.id)
                .where(
                    Proposal.group_id == paper.group_id,
                    Proposal.state == ProposalState.INCLUDED.value,
                )
                .order_by(Proposal.white_paper_position)
            )
        )
        submitted = paper.updated_at + timedelta(days=2, hours=ZEIST.themes.index(theme))
        if not paper.introduction.endswith(INTRODUCTION_CLOSING):
            paper.introduction += INTRODUCTION_CLOSING
        paper.status, paper.submitted_at, paper.submitted_by = (
            "submitted",
            submitted,
            signature(chef),
        )
        paper.updated_at = submitted
        _audit(
            db, chef, "white_paper.submitted", paper, submitted,
            before={"status": "draft"}, after={"status": "submitted", "proposals": included},
        )  # fmt: skip
        added += 1
    return added


def _sharpen(db: Session, groups: dict[str, Group], people: dict[str, User]) -> int:
    """After edition 1 a group lowers its first year's saving on the adviser's advice; she
    validates the new version."""
    review = db.scalar(
        select(Review)
        .join(Proposal, Proposal.id == Review.proposal_id)
        .where(
            Proposal.group_id == groups[SHARPENING_GROUP].id,
            Proposal.state == ProposalState.INCLUDED.value,
            Review.kind == "financial",
            Review.verdict.in_([v.value for v in SOUND]),
            Review.needs_another_look.is_(False),
        )
        .order_by(Proposal.white_paper_position)
        .limit(1)
        .options(selectinload(Review.amounts))
    )
    if review is None:
        return 0
    proposal = db.scalars(
        select(Proposal)
        .where(Proposal.id == review.proposal_id)
        .options(selectinload(Proposal.amounts))
    ).one()
    first_year = proposal.amounts[0]
    first_year.structural = int(round(first_year.structural / 2, -3))
    proposal.summary += texts.SHARPENED
    proposal.version += 1
    proposal.updated_at = SHARPENED_AT
    proposal.claimed_total = sum(a.structural + a.one_off for a in proposal.amounts)
    latest = db.scalar(
        select(ProposalRevision)
        .where(ProposalRevision.proposal_id == proposal.id)
        .order_by(ProposalRevision.number.desc())
        .limit(1)
    )
    author = db.get_one(User, proposal.author_id)
    if latest is not None:
        snapshot_ = dict(latest.snapshot)
        snapshot_["summary"] = proposal.summary
        snapshot_["amounts"] = [
            {"year": a.year, "structural": a.structural, "one_off": a.one_off}
            for a in proposal.amounts
        ]
        db.add(
            ProposalRevision(
                proposal_id=proposal.id,
                number=latest.number + 1,
                snapshot=snapshot_,
                author_id=author.id,
                author_label=signature(author),
                created_at=SHARPENED_AT,
            )
        )
    _audit(
        db, author, "proposal.updated", proposal, SHARPENED_AT, after={"version": proposal.version}
    )
    before = {str(a.year): [a.structural, a.one_off] for a in review.amounts}
    validated = next(a for a in review.amounts if a.year == first_year.year)
    validated.structural = min(validated.structural, first_year.structural)
    review.reviewed_version, review.updated_at = proposal.version, REVIEWED_AT
    after = {str(a.year): [a.structural, a.one_off] for a in review.amounts}
    _audit(
        db, people[ADVISER], "review.replaced", review, REVIEWED_AT,
        before={"amounts": before}, after={"amounts": after, "reviewed_version": proposal.version},
    )  # fmt: skip
    return 3


def _add(db: Session, groups: dict[str, Group], people: dict[str, User]) -> int:
    """A proposal still in discussion goes into the white paper, at the end."""
    group = groups[ADDING_GROUP]
    rows = db.scalars(
        select(Proposal)
        .where(Proposal.group_id == group.id)
        .where(
            Proposal.state.in_([ProposalState.INCLUDED.value, ProposalState.IN_DISCUSSION.value])
        )
        .order_by(Proposal.claimed_total.desc(), Proposal.id)
    ).all()
    waiting = [p for p in rows if p.state == ProposalState.IN_DISCUSSION.value]
    if not waiting:
        return 0
    proposal, chef = waiting[0], people[ZEIST_CHEFS[ADDING_GROUP]]
    proposal.state = ProposalState.INCLUDED.value
    proposal.white_paper_position = len(rows) - len(waiting) + 1
    proposal.updated_at = INCLUDED_AT
    db.add(
        ProposalTransition(
            proposal_id=proposal.id,
            from_state=ProposalState.IN_DISCUSSION.value,
            to_state=ProposalState.INCLUDED.value,
            actor_id=chef.id,
            actor_label=signature(chef),
            created_at=INCLUDED_AT,
        )
    )
    _audit(
        db, chef, "proposal.include", proposal, INCLUDED_AT,
        before={"state": "in_discussion"}, after={"state": "included"},
    )  # fmt: skip
    return 2


def _fte(sheet: ProductSheet, rng: random.Random) -> str:
    """Roughly a third to two thirds of the saving is staff, at € 65,000 an fte."""
    last = max(sheet.financial_effect, default=None)
    saves = sheet.financial_effect[last][0] if last else 0
    fte = max(0.2, round(saves * rng.uniform(0.3, 0.7) / 65_000, 1))
    return f"{fte:.1f}".replace(".", ",")


def _fill(sheet: ProductSheet, rng: random.Random) -> None:
    kind = rng.random()
    if kind < 0.45:
        staff = rng.choice(texts.STAFF_NONE)
    elif kind < 0.85:
        staff = rng.choice(texts.STAFF_LESS).format(fte=_fte(sheet, rng))
    else:
        staff = rng.choice(texts.STAFF_TEMPORARY).format(fte=rng.choice(("0,5", "1,0")))
    sheet.staff_effect = staff
    sheet.legal_aspects = rng.choice(texts.LEGAL)
    sheet.risks = " ".join(rng.sample(texts.RISKS, 2))
    sheet.implementation = rng.choice(texts.IMPLEMENTATION)
    sheet.advice = rng.choice(texts.ADVICE)


def _write_sheets(
    db: Session,
    sheets: list[ProductSheet],
    chefs: dict[int, User],
    people: dict[str, User],
) -> int:
    """The official writes each sheet, then it goes official → finance → chef; the fates
    are dealt from a shuffled deck so the numbers are the same on every machine."""
    rng = random.Random(f"{SEED}:productbladen")  # noqa: S311 - demo data
    official, adviser = people[OFFICIAL], people[ADVISER]
    back = ["finance", "chef"]
    fates = ["at_finance"] * AT_FINANCE + ["at_chef"] * AT_CHEF + back
    fates += ["signed_off"] * max(0, len(sheets) - len(fates))
    rng.shuffle(fates)
    steps: list[ProductSheetStep] = []
    moves: list[tuple[ProductSheet, ProductSheetStep]] = []
    for sheet, fate in zip(sheets, fates, strict=False):
        _fill(sheet, rng)
        written = SECOND_AT + timedelta(days=rng.randint(3, 40), hours=rng.randint(0, 6))
        sheet.version, sheet.updated_at, sheet.updated_by = 2, written, signature(official)
        fields = ["staff_effect", "legal_aspects", "risks", "implementation", "advice"]
        _audit(db, official, SAVED, sheet, written, before={"version": 1},
               after={"version": 2, "fields": fields})  # fmt: skip
        at = written + timedelta(days=rng.randint(1, 3))
        path: list[tuple[SheetStep, SheetStep, User, str | None]] = [
            (SheetStep.OFFICIAL, SheetStep.FINANCE, official, None)
        ]
        if fate == "finance":
            path.append((SheetStep.FINANCE, SheetStep.OFFICIAL, adviser, texts.SENT_BACK[0]))
        elif fate != "at_finance":
            path.append((SheetStep.FINANCE, SheetStep.CHEF, adviser, None))
            if fate == "chef":
                path.append(
                    (
                        SheetStep.CHEF,
                        SheetStep.OFFICIAL,
                        chefs[sheet.group_id],
                        rng.choice(texts.SENT_BACK[1:]),
                    )
                )
            elif fate == "signed_off":
                path.append((SheetStep.CHEF, SheetStep.SIGNED_OFF, chefs[sheet.group_id], None))
        for from_step, to_step, actor, reason in path:
            step = ProductSheetStep(
                sheet_id=sheet.id, from_step=from_step.value, to_step=to_step.value,
                actor_id=actor.id, actor_label=signature(actor), reason=reason, created_at=at,
            )  # fmt: skip
            steps.append(step)
            moves.append((sheet, step))
            sheet.step, sheet.returned_reason = to_step.value, reason
            at += timedelta(days=rng.randint(2, 8), hours=rng.randint(0, 5))
    db.add_all(steps)
    db.flush()
    actors = {u.id: u for u in (official, adviser, *chefs.values())}
    for sheet, step in moves:
        action = _action(SheetStep(step.from_step), SheetStep(step.to_step))
        _audit(
            db, actors[step.actor_id or 0], STEPPED, sheet, step.created_at,
            before={"step": step.from_step}, after={"step": step.to_step, "action": action.value},
            reason=step.reason,
        )  # fmt: skip
    return len(sheets) + len(steps)


def _action(from_step: SheetStep, to_step: SheetStep) -> SheetAction:
    if to_step == SheetStep.OFFICIAL:
        return SheetAction.SEND_BACK
    return SheetAction.PASS_ON if from_step == SheetStep.OFFICIAL else SheetAction.APPROVE
