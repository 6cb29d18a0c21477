"""Use cases of a proposal's discussion: comment and reply, support (one each, toggled),
flag a comment for the chef, and the chef's moderation (hide with a reason, or keep).
Each is audited; the author of a hidden comment is told why."""

from __future__ import annotations

from jinja2 import Environment
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.audit.service import record, signature
from app.db import utcnow
from app.errors import Conflict
from app.i18n import gettext as _
from app.models import (
    CommentFlag,
    Process,
    Proposal,
    ProposalComment,
    ProposalSupport,
    User,
)
from app.notifications.kinds import NotificationKind
from app.notifications.service import notify
from app.phases.guard import require_phase
from app.phases.kinds import Action
from app.proposals.service import proposal_path


def add_comment(
    db: Session,
    by: Actor,
    process: Process,
    proposal: Proposal,
    body: str,
    parent: ProposalComment | None,
) -> ProposalComment:
    """Replies go one level deep: a reply to a reply would make threads nobody can follow
    on a phone."""
    require_phase(process, list(process.phases), Action.DISCUSS_PROPOSAL)
    if parent is not None and (parent.proposal_id != proposal.id or parent.parent_id is not None):
        raise Conflict(_("You can only reply to a comment on this proposal, not to a reply."))
    comment = ProposalComment(
        proposal_id=proposal.id,
        parent_id=parent.id if parent else None,
        author_id=by.id,
        body=body,
    )
    db.add(comment)
    db.flush()
    record(
        db,
        actor=by,
        action="proposal.comment_added",
        target=comment,
        after={"proposal": proposal.id, "parent": parent.id if parent else None},
    )
    return comment


def _change_support_count(db: Session, proposal: Proposal, delta: int) -> None:
    # One UPDATE that adds in the database: two people pressing at once both count.
    db.execute(
        update(Proposal)
        .where(Proposal.id == proposal.id)
        .values(support_count=Proposal.support_count + delta)
        .execution_options(synchronize_session=False)
    )
    db.refresh(proposal, ["support_count"])


def toggle_support(db: Session, by: Actor, process: Process, proposal: Proposal) -> bool:
    """Support the proposal, or take one's support back; True when it is supported now."""
    require_phase(process, list(process.phases), Action.DISCUSS_PROPOSAL)
    existing = db.scalar(
        select(ProposalSupport).where(
            ProposalSupport.proposal_id == proposal.id, ProposalSupport.user_id == by.id
        )
    )
    if existing is not None:
        db.delete(existing)
        db.flush()
        _change_support_count(db, proposal, -1)
        record(db, actor=by, action="proposal.support_withdrawn", target=proposal)
        return False
    try:
        # A double click from two tabs: the unique constraint keeps it to one.
        with db.begin_nested():
            db.add(ProposalSupport(proposal_id=proposal.id, user_id=by.id))
            db.flush()
    except IntegrityError:
        return True
    _change_support_count(db, proposal, 1)
    record(db, actor=by, action="proposal.supported", target=proposal)
    return True


def flag_comment(db: Session, by: Actor, comment: ProposalComment, reason: str) -> None:
    """Ask the chef to look at a comment, once per person. A new flag on a comment the
    chef chose to keep puts it back in the queue: someone else objects now."""
    if comment.hidden_at is not None:
        raise Conflict(_("The chef has hidden this comment already."))
    already = db.scalar(
        select(CommentFlag.id).where(
            CommentFlag.comment_id == comment.id, CommentFlag.user_id == by.id
        )
    )
    if already is not None:
        raise Conflict(_("You have reported this comment already. The chef will look at it."))
    try:
        with db.begin_nested():
            db.add(CommentFlag(comment_id=comment.id, user_id=by.id, reason=reason))
            db.flush()
    except IntegrityError:
        raise Conflict(
            _("You have reported this comment already. The chef will look at it.")
        ) from None
    db.execute(
        update(ProposalComment)
        .where(ProposalComment.id == comment.id)
        .values(flag_count=ProposalComment.flag_count + 1, flags_handled=False)
        .execution_options(synchronize_session=False)
    )
    db.refresh(comment, ["flag_count", "flags_handled"])
    record(
        db,
        actor=by,
        action="proposal.comment_flagged",
        target=comment,
        reason=reason or None,
    )


def hide_comment(
    db: Session,
    jinja: Environment,
    by: Actor,
    process: Process,
    proposal: Proposal,
    comment: ProposalComment,
    reason: str,
    base_url: str,
) -> None:
    if comment.hidden_at is not None:
        raise Conflict(_("This comment is hidden already."))
    if not reason.strip():
        raise Conflict(_("Give a reason; the author will read it."))
    comment.hidden_at, comment.hidden_reason, comment.hidden_by = utcnow(), reason, signature(by)
    comment.flags_handled = True
    db.flush()
    record(db, actor=by, action="proposal.comment_hidden", target=comment, reason=reason)
    notify(
        db,
        jinja,
        [db.get_one(User, comment.author_id)],
        NotificationKind.PROPOSAL_COMMENT_HIDDEN,
        link=f"{proposal_path(process, proposal)}#reactie-{comment.id}",
        params={"proposal": proposal.title, "reason": reason},
        base_url=base_url,
    )


def keep_comment(db: Session, by: Actor, comment: ProposalComment) -> None:
    """The chef read the flags and keeps the comment: it leaves the queue."""
    if comment.flags_handled:
        raise Conflict(_("This comment has been handled already."))
    comment.flags_handled = True
    db.flush()
    record(
        db,
        actor=by,
        action="proposal.comment_kept",
        target=comment,
        after={"flags": comment.flag_count},
    )
