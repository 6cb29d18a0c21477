"""What the proposal page shows of its discussion, and the chef's moderation queue, each
in a fixed number of statements however many comments, replies and flags there are."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from app.access.actor import Actor
from app.models import CommentFlag, Group, Process, Proposal, ProposalComment, ProposalSupport
from app.phases.guard import current_phase
from app.phases.kinds import Action, allows


@dataclass(frozen=True)
class CommentView:
    """A comment as this reader may see it. A hidden comment's text and the chef's reason
    are filled in for its author only: for anyone else they are not even loaded into the
    page's context, so no template slip can show them."""

    id: int
    parent_id: int | None
    author_id: int
    author_name: str
    created_at: datetime
    body: str | None
    hidden: bool
    hidden_reason: str | None
    flagged_by_me: bool
    own: bool


@dataclass
class Thread:
    comment: CommentView
    replies: list[CommentView] = field(default_factory=list)


@dataclass
class Discussion:
    threads: list[Thread]
    comment_count: int
    support_count: int
    supported: bool  # by the reader
    # The phase allows discussing: forms are shown only then (the use cases check too).
    open: bool


def _view(comment: ProposalComment, actor: Actor | None, flagged: set[int]) -> CommentView:
    own = actor is not None and comment.author_id == actor.id
    hidden = comment.hidden_at is not None
    return CommentView(
        id=comment.id,
        parent_id=comment.parent_id,
        author_id=comment.author_id,
        author_name=comment.author.display_name,
        created_at=comment.created_at,
        body=comment.body if own or not hidden else None,
        hidden=hidden,
        hidden_reason=comment.hidden_reason if own and hidden else None,
        flagged_by_me=comment.id in flagged,
        own=own,
    )


def discussion_for(db: Session, proposal: Proposal, actor: Actor | None) -> Discussion:
    """Comments oldest first, each with its replies; three statements at most (the
    process is in the session already when the page loaded it)."""
    comments = db.scalars(
        select(ProposalComment)
        .where(ProposalComment.proposal_id == proposal.id)
        .options(joinedload(ProposalComment.author))
        .order_by(ProposalComment.created_at, ProposalComment.id)
    ).all()
    supported, flagged = False, set[int]()
    if actor is not None:
        supported = (
            db.scalar(
                select(ProposalSupport.id).where(
                    ProposalSupport.proposal_id == proposal.id, ProposalSupport.user_id == actor.id
                )
            )
            is not None
        )
        if comments:
            flagged = set(
                db.scalars(
                    select(CommentFlag.comment_id)
                    .join(ProposalComment, ProposalComment.id == CommentFlag.comment_id)
                    .where(
                        ProposalComment.proposal_id == proposal.id, CommentFlag.user_id == actor.id
                    )
                )
            )
    threads: dict[int, Thread] = {}
    for comment in comments:
        if comment.parent_id is None:
            threads[comment.id] = Thread(_view(comment, actor, flagged))
    for comment in comments:
        if comment.parent_id is not None and comment.parent_id in threads:
            threads[comment.parent_id].replies.append(_view(comment, actor, flagged))
    return Discussion(
        threads=list(threads.values()),
        comment_count=len(comments),
        support_count=proposal.support_count,
        supported=supported,
        open=discussion_open(db.get_one(Process, proposal.process_id)),
    )


def discussion_open(process: Process) -> bool:
    return allows(current_phase(process), Action.DISCUSS_PROPOSAL)


def comment_of(db: Session, proposal: Proposal, comment_id: int) -> ProposalComment | None:
    comment = db.get(ProposalComment, comment_id)
    return comment if comment is not None and comment.proposal_id == proposal.id else None


def proposal_of(db: Session, process: Process, proposal_id: int) -> Proposal | None:
    proposal = db.get(Proposal, proposal_id)
    return proposal if proposal is not None and proposal.process_id == process.id else None


# --- the chef's moderation queue ---------------------------------------------------------


@dataclass(frozen=True)
class Flagged:
    comment: ProposalComment
    proposal_id: int
    proposal_title: str
    reasons: list[str]


def moderation_queue(db: Session, group: Group) -> list[Flagged]:
    """Flagged comments on the group's proposals that the chef has not handled, oldest
    first, each with the reasons people gave (empty reasons left out); two statements."""
    rows = db.execute(
        select(ProposalComment, Proposal.id, Proposal.title)
        .join(Proposal, Proposal.id == ProposalComment.proposal_id)
        .where(
            Proposal.group_id == group.id,
            ProposalComment.flag_count > 0,
            ProposalComment.flags_handled.is_(False),
        )
        .options(joinedload(ProposalComment.author))
        .order_by(ProposalComment.created_at, ProposalComment.id)
    ).all()
    reasons: dict[int, list[str]] = defaultdict(list)
    if rows:
        for comment_id, reason in db.execute(
            select(CommentFlag.comment_id, CommentFlag.reason)
            .where(CommentFlag.comment_id.in_([row[0].id for row in rows]))
            .order_by(CommentFlag.created_at, CommentFlag.id)
        ):
            if reason:
                reasons[comment_id].append(reason)
    return [
        Flagged(comment, proposal_id, title, reasons[comment.id])
        for comment, proposal_id, title in rows
    ]


def flagged_count(db: Session, group_ids: Sequence[int]) -> dict[int, int]:
    """Per group, how many flagged comments wait for its chef (for the group page)."""
    if not group_ids:
        return {}
    rows = db.execute(
        select(Proposal.group_id, func.count(ProposalComment.id))
        .join(Proposal, Proposal.id == ProposalComment.proposal_id)
        .where(
            Proposal.group_id.in_(group_ids),
            ProposalComment.flag_count > 0,
            ProposalComment.flags_handled.is_(False),
        )
        .group_by(Proposal.group_id)
    ).all()
    return {int(group_id): int(count) for group_id, count in rows}
