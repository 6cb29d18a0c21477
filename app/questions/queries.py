"""Questions to the officials: those on one proposal (for its page), and the officials'
inbox across every process of the organization. Each in a fixed number of statements."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Row, Select, func, select
from sqlalchemy.orm import Session

from app.access.roles import Role, ScopeType
from app.models import Group, OfficialQuestion, Process, Proposal, RoleAssignment, User
from app.web.templating import person_name

# The inbox shows this many answered questions under the open ones: enough to look back
# on the last days' work without the page growing for ever.
RECENTLY_ANSWERED = 20


@dataclass(frozen=True)
class QuestionView:
    id: int
    question: str
    asked_by: str
    asked_at: datetime
    answer: str | None
    answered_by: str | None  # a name, as people read it
    answered_at: datetime | None


@dataclass
class Questions:
    items: list[QuestionView]

    @property
    def open_count(self) -> int:
        return sum(1 for item in self.items if item.answered_at is None)


def _view(question: OfficialQuestion, asker: str) -> QuestionView:
    return QuestionView(
        id=question.id,
        question=question.question,
        asked_by=asker,
        asked_at=question.created_at,
        answer=question.answer,
        answered_by=person_name(question.answered_by) if question.answered_by else None,
        answered_at=question.answered_at,
    )


def questions_for(db: Session, proposal: Proposal) -> Questions:
    """The proposal's questions, oldest first, with who asked: one statement."""
    rows = db.execute(
        select(OfficialQuestion, User.display_name)
        .join(User, User.id == OfficialQuestion.asked_by_id)
        .where(OfficialQuestion.proposal_id == proposal.id)
        .order_by(OfficialQuestion.created_at, OfficialQuestion.id)
    ).all()
    return Questions([_view(question, name) for question, name in rows])


@dataclass(frozen=True)
class InboxItem:
    question: QuestionView
    proposal_id: int
    proposal_title: str
    group_name: str
    process_slug: str
    process_title: str

    @property
    def proposal_path(self) -> str:
        return f"/processen/{self.process_slug}/voorstellen/{self.proposal_id}"


@dataclass
class Inbox:
    open: list[InboxItem]
    answered: list[InboxItem]


def _inbox_select() -> Select[OfficialQuestion, str, int, str, str, str, str]:
    return (
        select(
            OfficialQuestion,
            User.display_name,
            Proposal.id,
            Proposal.title,
            Group.name,
            Process.slug,
            Process.title,
        )
        .join(User, User.id == OfficialQuestion.asked_by_id)
        .join(Proposal, Proposal.id == OfficialQuestion.proposal_id)
        .join(Group, Group.id == Proposal.group_id)
        .join(Process, Process.id == Proposal.process_id)
    )


def _items(rows: Sequence[Row[OfficialQuestion, str, int, str, str, str, str]]) -> list[InboxItem]:
    return [
        InboxItem(_view(q, asker), proposal_id, title, group, slug, process)
        for q, asker, proposal_id, title, group, slug, process in rows
    ]


def inbox(db: Session) -> Inbox:
    """Open questions oldest first (who waits longest comes first), then the most recently
    answered ones: two statements."""
    open_rows = db.execute(
        _inbox_select()
        .where(OfficialQuestion.answered_at.is_(None))
        .order_by(OfficialQuestion.created_at, OfficialQuestion.id)
    ).all()
    answered_rows = db.execute(
        _inbox_select()
        .where(OfficialQuestion.answered_at.is_not(None))
        .order_by(OfficialQuestion.answered_at.desc(), OfficialQuestion.id.desc())
        .limit(RECENTLY_ANSWERED)
    ).all()
    return Inbox(_items(open_rows), _items(answered_rows))


def inbox_item(db: Session, question_id: int) -> InboxItem | None:
    row = db.execute(_inbox_select().where(OfficialQuestion.id == question_id)).first()
    return _items([row])[0] if row else None


def open_question_count(db: Session) -> int:
    """How many questions wait for an answer in this organization (for the link to the
    inbox in the header)."""
    return int(
        db.scalar(
            select(func.count(OfficialQuestion.id)).where(OfficialQuestion.answered_at.is_(None))
        )
        or 0
    )


def officials(db: Session) -> list[User]:
    """Everyone who holds the official role for the whole organization (the predicate
    proposal.answer_question counts only those)."""
    return list(
        db.scalars(
            select(User)
            .join(RoleAssignment, RoleAssignment.user_id == User.id)
            .where(
                RoleAssignment.role == Role.OFFICIAL.value,
                RoleAssignment.scope_type == ScopeType.ORGANIZATION.value,
                RoleAssignment.revoked_at.is_(None),
            )
            .distinct()
            .order_by(User.display_name, User.id)
        )
    )
