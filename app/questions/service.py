"""Use cases of the questions to officials: a group member asks about a proposal (every
official is told), an official answers (the asker is told; the answer shows on the
proposal). Both are audited."""

from __future__ import annotations

from jinja2 import Environment
from sqlalchemy import update
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.audit.service import record, signature
from app.db import utcnow
from app.errors import Conflict
from app.i18n import gettext as _
from app.models import Group, OfficialQuestion, Process, Proposal, User
from app.notifications.kinds import NotificationKind
from app.notifications.service import notify
from app.phases.guard import require_phase
from app.phases.kinds import Action
from app.proposals.service import proposal_path
from app.questions.queries import officials
from app.web.templating import person_name


def ask(
    db: Session,
    jinja: Environment,
    by: Actor,
    process: Process,
    proposal: Proposal,
    text: str,
    base_url: str,
) -> OfficialQuestion:
    """Asked while proposals are written and discussed; the officials hear of it at once,
    each in their own language."""
    require_phase(process, list(process.phases), Action.DISCUSS_PROPOSAL)
    question = OfficialQuestion(proposal_id=proposal.id, asked_by_id=by.id, question=text)
    db.add(question)
    db.flush()
    record(db, actor=by, action="proposal.question_asked", target=question)
    group = db.get_one(Group, proposal.group_id)
    notify(
        db,
        jinja,
        [official for official in officials(db) if official.id != by.id],
        NotificationKind.QUESTION_ASKED,
        link=f"/vragen#vraag-{question.id}",
        params={"proposal": proposal.title, "group": group.name, "question": text},
        base_url=base_url,
    )
    return question


def answer(
    db: Session,
    jinja: Environment,
    by: Actor,
    question: OfficialQuestion,
    text: str,
    base_url: str,
) -> None:
    """One answer per question: a second official who had the inbox open at the same
    moment is told, and nothing is overwritten."""
    # One UPDATE that checks and sets, so two answers at the same moment cannot both win.
    result = db.execute(
        update(OfficialQuestion)
        .where(OfficialQuestion.id == question.id, OfficialQuestion.answered_at.is_(None))
        .values(answer=text, answered_at=utcnow(), answered_by=signature(by))
        .execution_options(synchronize_session=False)
    )
    db.refresh(question)
    if getattr(result, "rowcount", 0) != 1:
        raise Conflict(
            _(
                "%(name)s answered this question already.",
                name=person_name(question.answered_by or ""),
            )
        )
    proposal = db.get_one(Proposal, question.proposal_id)
    process = db.get_one(Process, proposal.process_id)
    record(db, actor=by, action="proposal.question_answered", target=question)
    notify(
        db,
        jinja,
        [db.get_one(User, question.asked_by_id)],
        NotificationKind.QUESTION_ANSWERED,
        link=f"{proposal_path(process, proposal)}#vraag-{question.id}",
        params={
            "proposal": proposal.title,
            "name": by.display_name,
            "question": question.question,
            "answer": text,
        },
        base_url=base_url,
    )
