from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import AppendOnly, Base, OrganizationScoped, utcnow
from app.models.account import User
from app.models.personal import CONTRIBUTION, PARTICIPATION, STAFF_RECORD, personal


class Proposal(OrganizationScoped, Base):
    """A savings proposal (bezuinigingsvoorstel) of a group: a concrete measure, what it
    saves each year, and what it means for people. Its state changes only through the
    table in app.proposals.states; ``version`` goes up with every saved change."""

    __tablename__ = "proposals"
    __table_args__ = (
        Index("ix_proposals_group_state", "group_id", "state"),
        Index("ix_proposals_process_state", "process_id", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("processes.id", ondelete="CASCADE"))
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(
        ForeignKey("users.id"), index=True, info=personal(CONTRIBUTION)
    )
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    measure: Mapped[str] = mapped_column(Text, default="")  # Markdown
    consequences: Mapped[str] = mapped_column(Text, default="")  # societal, Markdown
    state: Mapped[str] = mapped_column(String(20), default="draft")  # ProposalState
    state_reason: Mapped[str | None] = mapped_column(Text)  # why rejected, or merged
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("proposals.id", ondelete="SET NULL")
    )
    # Where it stands in its group's white paper, once included.
    white_paper_position: Mapped[int | None]
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    submitted_at: Mapped[datetime | None]
    # Kept up to date by the use cases (sum over the years of the horizon), so lists can
    # filter and sort on the amount without adding up rows for every proposal.
    claimed_total: Mapped[int] = mapped_column(BigInteger, default=0)
    support_count: Mapped[int] = mapped_column(default=0)

    author: Mapped[User] = relationship(lazy="raise", foreign_keys=[author_id])
    amounts: Mapped[list[ProposalAmount]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="ProposalAmount.year"
    )


class ProposalAmount(OrganizationScoped, Base):
    """What the proposal saves in one year of the horizon, as its authors claim it:
    structural and one-off apart. A cost is a negative saving."""

    __tablename__ = "proposal_amounts"
    __table_args__ = (UniqueConstraint("proposal_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"))
    year: Mapped[int]
    structural: Mapped[int] = mapped_column(BigInteger, default=0)
    one_off: Mapped[int] = mapped_column(BigInteger, default=0)


class ProposalBudgetLine(OrganizationScoped, Base):
    """A budget line the measure touches; two proposals of different themes touching the
    same line are flagged to both chefs, so no euro is counted twice."""

    __tablename__ = "proposal_budget_lines"
    __table_args__ = (UniqueConstraint("proposal_id", "budget_line_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"))
    budget_line_id: Mapped[int] = mapped_column(
        ForeignKey("budget_lines.id", ondelete="CASCADE"), index=True
    )


class ProposalFramework(OrganizationScoped, Base):
    """A council framework the proposal touches, and how (the authors explain)."""

    __tablename__ = "proposal_frameworks"
    __table_args__ = (UniqueConstraint("proposal_id", "framework_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"))
    framework_id: Mapped[int] = mapped_column(ForeignKey("frameworks.id", ondelete="CASCADE"))
    explanation: Mapped[str] = mapped_column(Text)


class ProposalCoauthor(OrganizationScoped, Base):
    """A member of the group who writes the proposal with its first author."""

    __tablename__ = "proposal_coauthors"
    __table_args__ = (UniqueConstraint("proposal_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id"), index=True, info=personal(CONTRIBUTION)
    )

    user: Mapped[User] = relationship(lazy="raise")


class ProposalRevision(AppendOnly, OrganizationScoped, Base):
    """The proposal as it was saved, once submitted: every later change is a new one, so
    anyone can see what changed since a review or a comment."""

    __tablename__ = "proposal_revisions"
    __table_args__ = (UniqueConstraint("proposal_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"))
    number: Mapped[int]
    # title, summary, measure, consequences, amounts, budget lines, frameworks
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id"), info=personal(CONTRIBUTION)
    )
    author_label: Mapped[str] = mapped_column(String(200), info=personal(CONTRIBUTION))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ProposalTransition(AppendOnly, OrganizationScoped, Base):
    """One move of the proposal through its states: the timeline on its page."""

    __tablename__ = "proposal_transitions"
    __table_args__ = (Index("ix_proposal_transitions_proposal", "proposal_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"))
    from_state: Mapped[str | None] = mapped_column(String(20))
    to_state: Mapped[str] = mapped_column(String(20))
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id"), info=personal(STAFF_RECORD)
    )
    actor_label: Mapped[str] = mapped_column(String(200), info=personal(STAFF_RECORD))
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ProposalComment(OrganizationScoped, Base):
    """A comment in the proposal's discussion, or a reply (``parent_id``). Anyone may
    flag it for the chef; the chef may hide it with a reason its author reads."""

    __tablename__ = "proposal_comments"
    __table_args__ = (Index("ix_proposal_comments_proposal", "proposal_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("proposal_comments.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int] = mapped_column(
        ForeignKey("users.id"), index=True, info=personal(CONTRIBUTION)
    )
    body: Mapped[str] = mapped_column(Text, info=personal(CONTRIBUTION))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    flag_count: Mapped[int] = mapped_column(default=0)
    flags_handled: Mapped[bool] = mapped_column(Boolean, default=False)
    hidden_at: Mapped[datetime | None]
    hidden_reason: Mapped[str | None] = mapped_column(Text)
    hidden_by: Mapped[str | None] = mapped_column(String(200), info=personal(STAFF_RECORD))

    author: Mapped[User] = relationship(lazy="raise")


class CommentFlag(OrganizationScoped, Base):
    """Someone asks the chef to look at a comment; once per person per comment."""

    __tablename__ = "comment_flags"
    __table_args__ = (UniqueConstraint("comment_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(ForeignKey("proposal_comments.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), info=personal(PARTICIPATION))
    reason: Mapped[str] = mapped_column(Text, default="", info=personal(PARTICIPATION))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ProposalSupport(OrganizationScoped, Base):
    """One person's support for a proposal (one each)."""

    __tablename__ = "proposal_supports"
    __table_args__ = (UniqueConstraint("proposal_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id"), index=True, info=personal(PARTICIPATION)
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class OfficialQuestion(OrganizationScoped, Base):
    """An expert's question to the organization's officials about a proposal ("what do
    the school buses cost?"), and the answer, shown on the proposal."""

    __tablename__ = "official_questions"
    __table_args__ = (Index("ix_official_questions_open", "answered_at", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("proposals.id", ondelete="CASCADE"), index=True
    )
    asked_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"), info=personal(CONTRIBUTION))
    question: Mapped[str] = mapped_column(Text, info=personal(CONTRIBUTION))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    answer: Mapped[str | None] = mapped_column(Text)
    answered_by: Mapped[str | None] = mapped_column(String(200), info=personal(STAFF_RECORD))
    answered_at: Mapped[datetime | None]

    asked_by: Mapped[User] = relationship(lazy="raise")
