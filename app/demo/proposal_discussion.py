"""Around each Zeist proposal: comments and replies (a few flagged for the chef, one
hidden with a reason), supports, questions to the official with answers (a few still
open), and the lawyer's and the financial adviser's reviews (a few needing another look
after a later revision). Called by proposals.py; the same rules apply (see there)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from app.audit.service import record, signature
from app.demo.proposal_talk import (
    ANSWERS,
    COMMENTS,
    FINANCIAL_NOTES,
    FLAG_REASON,
    HIDDEN_REASON,
    LEGAL_NOTES,
    QUESTIONS,
    REPLIES,
    RUDE,
)
from app.models import (
    BudgetLine,
    CommentFlag,
    OfficialQuestion,
    Proposal,
    ProposalBudgetLine,
    ProposalComment,
    ProposalSupport,
    Review,
    User,
    ValidatedAmount,
)
from app.proposals.states import ProposalState
from app.reviews.kinds import ReviewKind, Verdict
from app.web.templating import euro

S = ProposalState
DISCUSSED = (S.IN_DISCUSSION, S.INCLUDED)
# Where the one hidden comment is: Ruud's group, so the demo chef has handled one.
HIDDEN_IN = "Burger en Bestuur"


@dataclass
class Cast:
    chef: User
    experts: list[User]
    official: User
    lawyer: User
    adviser: User

    def person(self, user_id: int) -> User:
        """A member of the group (every author, commenter and supporter is one)."""
        return next(u for u in (self.chef, *self.experts) if u.id == user_id)


def _between(rng: random.Random, start: datetime, end: datetime) -> datetime:
    span = max((end - start).total_seconds(), 3600.0)
    return start + timedelta(seconds=rng.uniform(0.1, 0.9) * span)


def discuss(
    db: Session,
    rng: random.Random,
    theme: str,
    cast: Cast,
    proposals: list[Proposal],
    lines: dict[str, BudgetLine],
) -> int:
    public = [p for p in proposals if p.submitted_at is not None]
    line_of = _first_lines(db, public, lines)
    comments = _comments(db, rng, cast, public)
    flagged = _moderation(db, rng, theme, cast, public, comments)
    rows: list[Any] = []
    for proposal in public:
        rows += _supports(rng, cast, proposal)
        if proposal.state in DISCUSSED or rng.random() < 0.2:
            rows += _questions(rng, cast, proposal, line_of.get(proposal.id))
        if proposal.state == S.INCLUDED or (
            proposal.state == S.IN_DISCUSSION and rng.random() < 0.6
        ):
            rows += _reviews(rng, cast, proposal)
    db.add_all(rows)
    db.flush()
    by_id = {p.id: p for p in public}
    for row in rows:
        _audit(db, cast, by_id, row)
    return len(comments) + flagged + len(rows)


def _first_lines(
    db: Session, proposals: list[Proposal], lines: dict[str, BudgetLine]
) -> dict[int, BudgetLine]:
    """The first budget line of each proposal, for the questions (one statement)."""
    by_id = {line.id: line for line in lines.values()}
    found: dict[int, BudgetLine] = {}
    rows = (
        db.execute(
            ProposalBudgetLine.__table__.select().where(
                ProposalBudgetLine.proposal_id.in_([p.id for p in proposals])
            )
        ).all()
        if proposals
        else []
    )
    for row in rows:
        found.setdefault(row.proposal_id, by_id[row.budget_line_id])
    return found


def _comments(
    db: Session, rng: random.Random, cast: Cast, proposals: list[Proposal]
) -> list[ProposalComment]:
    """Top-level comments first (their ids are needed), then the replies."""
    end = {p.id: p.updated_at + timedelta(days=2) for p in proposals}
    tops: list[ProposalComment] = []
    for proposal in proposals:
        if rng.random() < 0.25:
            continue
        for _n in range(rng.randint(1, 3)):
            author = rng.choice([e for e in cast.experts if e.id != proposal.author_id])
            assert proposal.submitted_at is not None  # noqa: S101 - public proposals only
            tops.append(
                ProposalComment(
                    proposal_id=proposal.id,
                    author_id=author.id,
                    body=rng.choice(COMMENTS),
                    created_at=_between(rng, proposal.submitted_at, end[proposal.id]),
                )
            )
    db.add_all(tops)
    db.flush()
    author_of = {p.id: p.author_id for p in proposals}
    replies = []
    for top in tops:
        for n in range(rng.choice((0, 0, 1, 1, 2))):
            who = author_of[top.proposal_id] if n == 0 else rng.choice(cast.experts).id
            replies.append(
                ProposalComment(
                    proposal_id=top.proposal_id,
                    parent_id=top.id,
                    author_id=who,
                    body=rng.choice(REPLIES),
                    created_at=top.created_at + timedelta(hours=rng.randint(3, 40)),
                )
            )
    db.add_all(replies)
    db.flush()
    for comment in [*tops, *replies]:
        entry = record(
            db,
            actor=cast.person(comment.author_id),
            action="proposal.comment_added",
            target=comment,
            after={"proposal": comment.proposal_id, "parent": comment.parent_id},
        )
        entry.created_at = comment.created_at
    return [*tops, *replies]


def _moderation(
    db: Session,
    rng: random.Random,
    theme: str,
    cast: Cast,
    proposals: list[Proposal],
    comments: list[ProposalComment],
) -> int:
    """One comment waits in the chef's queue (in about half the groups); in Ruud's group
    a rude one was flagged and hidden with a reason its author reads."""
    added = 0
    candidates = [c for c in comments if c.parent_id is None]
    if candidates and rng.random() < 0.5:
        comment = rng.choice(candidates)
        reporter = next(e for e in cast.experts if e.id != comment.author_id)
        comment.flag_count = 1
        db.add(CommentFlag(comment_id=comment.id, user_id=reporter.id, reason=FLAG_REASON))
        added += 1
    discussed = [p for p in proposals if p.state in DISCUSSED]
    if theme == HIDDEN_IN and discussed:
        proposal = discussed[0]
        assert proposal.submitted_at is not None  # noqa: S101 - public proposals only
        at = proposal.submitted_at + timedelta(days=1, hours=3)
        author, reporter = cast.experts[-1], cast.experts[0]
        rude = ProposalComment(
            proposal_id=proposal.id, author_id=author.id, body=RUDE, created_at=at,
            flag_count=1, flags_handled=True, hidden_at=at + timedelta(hours=14),
            hidden_reason=HIDDEN_REASON, hidden_by=signature(cast.chef),
        )  # fmt: skip
        db.add(rude)
        db.flush()
        db.add(CommentFlag(comment_id=rude.id, user_id=reporter.id, reason=FLAG_REASON))
        for actor, action, when in (
            (author, "proposal.comment_added", at),
            (reporter, "proposal.comment_flagged", at + timedelta(hours=2)),
            (cast.chef, "proposal.comment_hidden", at + timedelta(hours=14)),
        ):
            entry = record(
                db, actor=actor, action=action, target=rude,
                reason=HIDDEN_REASON if action.endswith("hidden") else None,
            )  # fmt: skip
            entry.created_at = when
        added += 2
    db.flush()
    return added


def _supports(rng: random.Random, cast: Cast, proposal: Proposal) -> list[Any]:
    most = 14 if proposal.state in DISCUSSED else 5
    people = rng.sample(cast.experts, min(len(cast.experts), rng.randint(0, most)))
    proposal.support_count = len(people)
    assert proposal.submitted_at is not None  # noqa: S101 - public proposals only
    return [
        ProposalSupport(
            proposal_id=proposal.id,
            user_id=user.id,
            created_at=_between(rng, proposal.submitted_at, proposal.updated_at),
        )
        for user in people
    ]


def _questions(
    rng: random.Random, cast: Cast, proposal: Proposal, line: BudgetLine | None
) -> list[Any]:
    if line is None or rng.random() < 0.55:
        return []
    assert proposal.submitted_at is not None  # noqa: S101 - public proposals only
    asked = proposal.submitted_at + timedelta(days=1, hours=rng.randint(0, 30))
    question = OfficialQuestion(
        proposal_id=proposal.id,
        asked_by_id=proposal.author_id,
        question=rng.choice(QUESTIONS).format(line=line.name.lower()),
        created_at=asked,
    )
    # A few still wait for the official: the demo's inbox is not empty.
    if proposal.state != S.IN_DISCUSSION or rng.random() < 0.7:
        index = rng.randrange(len(ANSWERS))
        question.answer = ANSWERS[index].format(
            line=line.name.lower(), budget=euro(line.budget), controllable=euro(line.controllable)
        )
        question.answered_by = signature(cast.official)
        question.answered_at = asked + timedelta(days=rng.randint(1, 4), hours=rng.randint(1, 8))
    return [question]


def _reviews(rng: random.Random, cast: Cast, proposal: Proposal) -> list[Any]:
    reviews: list[Any] = []
    when = proposal.updated_at - timedelta(hours=rng.randint(6, 30))
    for kind, reviewer, notes in (
        (ReviewKind.LEGAL, cast.lawyer, LEGAL_NOTES),
        (ReviewKind.FINANCIAL, cast.adviser, FINANCIAL_NOTES),
    ):
        conditional = rng.random() < 0.3
        stale = proposal.version > 1 and rng.random() < 0.25
        review = Review(
            proposal_id=proposal.id,
            kind=kind.value,
            verdict=(Verdict.ON_CONDITIONS if conditional else Verdict.FEASIBLE).value,
            notes=rng.choice(notes) if conditional or rng.random() < 0.5 else "",
            reviewer_id=reviewer.id,
            reviewer_label=signature(reviewer),
            reviewed_version=proposal.version - 1 if stale else proposal.version,
            needs_another_look=stale,
            created_at=when,
            updated_at=when,
            amounts=[],
        )
        if kind == ReviewKind.FINANCIAL:
            factor = rng.choice((0.8, 0.85, 0.9, 0.95, 1.0))
            review.amounts = [
                ValidatedAmount(
                    year=a.year, structural=int(round(a.structural * factor, -3)), one_off=a.one_off
                )
                for a in proposal.amounts
            ]
        reviews.append(review)
    return reviews


def _audit(db: Session, cast: Cast, proposals: dict[int, Proposal], row: Any) -> None:
    """The entry each row's use case writes, dated as the row."""
    if isinstance(row, ProposalSupport):
        entry = record(
            db, actor=cast.person(row.user_id), action="proposal.supported",
            target=proposals[row.proposal_id],
        )  # fmt: skip
        entry.created_at = row.created_at
    elif isinstance(row, OfficialQuestion):
        entry = record(db, actor=cast.person(row.asked_by_id), action="question.asked", target=row)
        entry.created_at = row.created_at
        if row.answered_at is not None:
            entry = record(db, actor=cast.official, action="question.answered", target=row)
            entry.created_at = row.answered_at
    elif isinstance(row, Review):
        entry = record(
            db,
            actor=cast.lawyer if row.kind == ReviewKind.LEGAL else cast.adviser,
            action="review.given",
            target=row,
            after={"verdict": row.verdict, "version": row.reviewed_version},
        )
        entry.created_at = row.created_at
