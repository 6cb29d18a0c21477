"""What a process has published, newest first, for its Atom feed: one statement per kind
of publication (each already cut to the feed's length) and the merge in Python, so the
feed costs the same few statements however much the process has published.

Only what the public may read is selected: the conditions are the ones the read
predicates of each domain ask (``proposal.read``, ``green_paper.read``, ``white_paper.read``,
``edition.read``, ``council.read_decision``) put as SQL, and the tests hold them to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.council.states import DecisionState
from app.green_papers.states import PUBLISHED
from app.models import (
    CentralWhitePaper,
    CouncilDecision,
    GreenPaper,
    Group,
    Process,
    Proposal,
    WhitePaper,
)
from app.white_papers.permissions import SUBMITTED

FEED_LENGTH = 50


class Kind(StrEnum):
    PROPOSAL = "proposal"
    GREEN_PAPER = "green-paper"
    WHITE_PAPER = "white-paper"
    EDITION = "edition"
    DECISION = "decision"


@dataclass(frozen=True)
class Publication:
    """One event in the feed: something became public at ``at``."""

    kind: Kind
    id: int  # the row's id: with the kind, the entry's stable identity
    name: str  # the proposal's title, the group's name, the edition's number
    path: str  # the public page
    at: datetime  # when it became public
    updated: datetime  # its last change the reader should hear of (at the earliest ``at``)
    text: str  # Markdown for the summary
    status: str = ""  # a green paper's verdict

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind.value, self.id)


def process_for_feed(db: Session, slug: str) -> Process | None:
    """The process alone: the feed needs none of its phases."""
    return db.scalar(select(Process).where(Process.slug == slug))


def _proposals(db: Session, process: Process, limit: int) -> list[Publication]:
    rows = db.execute(
        select(
            Proposal.id,
            Proposal.title,
            Proposal.summary,
            Proposal.submitted_at,
            Proposal.updated_at,
        )
        .where(Proposal.process_id == process.id, Proposal.submitted_at.is_not(None))
        .order_by(Proposal.submitted_at.desc(), Proposal.id.desc())
        .limit(limit)
    ).all()
    base = f"/processen/{process.slug}/voorstellen/"
    return [
        Publication(
            kind=Kind.PROPOSAL,
            id=row.id,
            name=row.title,
            path=f"{base}{row.id}",
            at=row.submitted_at,
            updated=max(row.submitted_at, row.updated_at),
            text=row.summary,
        )
        for row in rows
    ]


def _green_papers(db: Session, process: Process, limit: int) -> list[Publication]:
    rows = db.execute(
        select(
            GreenPaper.id,
            GreenPaper.status,
            GreenPaper.decided_at,
            GreenPaper.decision_reason,
            Group.name,
            Group.slug,
        )
        .join(Group, Group.id == GreenPaper.group_id)
        .where(
            GreenPaper.process_id == process.id,
            GreenPaper.status.in_(PUBLISHED),
            GreenPaper.decided_at.is_not(None),
        )
        .order_by(GreenPaper.decided_at.desc(), GreenPaper.id.desc())
        .limit(limit)
    ).all()
    base = f"/processen/{process.slug}/groenboeken/"
    return [
        Publication(
            kind=Kind.GREEN_PAPER,
            id=row.id,
            name=row.name,
            path=f"{base}{row.slug}",
            at=row.decided_at,
            updated=row.decided_at,
            text=row.decision_reason or "",
            status=row.status,
        )
        for row in rows
    ]


def _white_papers(db: Session, process: Process, limit: int) -> list[Publication]:
    rows = db.execute(
        select(
            WhitePaper.id,
            WhitePaper.introduction,
            WhitePaper.submitted_at,
            Group.name,
            Group.slug,
        )
        .join(Group, Group.id == WhitePaper.group_id)
        .where(
            WhitePaper.process_id == process.id,
            WhitePaper.status == SUBMITTED,
            WhitePaper.submitted_at.is_not(None),
        )
        .order_by(WhitePaper.submitted_at.desc(), WhitePaper.id.desc())
        .limit(limit)
    ).all()
    base = f"/processen/{process.slug}/witboeken/"
    return [
        Publication(
            kind=Kind.WHITE_PAPER,
            id=row.id,
            name=row.name,
            path=f"{base}{row.slug}",
            at=row.submitted_at,
            updated=row.submitted_at,
            text=row.introduction,
        )
        for row in rows
    ]


def _editions(db: Session, process: Process, limit: int) -> list[Publication]:
    rows = db.execute(
        select(
            CentralWhitePaper.id,
            CentralWhitePaper.number,
            CentralWhitePaper.note,
            CentralWhitePaper.published_at,
        )
        .where(
            CentralWhitePaper.process_id == process.id, CentralWhitePaper.published_at.is_not(None)
        )
        .order_by(CentralWhitePaper.published_at.desc(), CentralWhitePaper.id.desc())
        .limit(limit)
    ).all()
    base = f"/processen/{process.slug}/witboek-edities/"
    return [
        Publication(
            kind=Kind.EDITION,
            id=row.id,
            name=str(row.number),
            path=f"{base}{row.number}",
            at=row.published_at,
            updated=row.published_at,
            text=row.note,
        )
        for row in rows
    ]


def _decisions(db: Session, process: Process, limit: int) -> list[Publication]:
    rows = db.execute(
        select(
            CouncilDecision.id,
            CouncilDecision.note,
            CouncilDecision.published_at,
            CentralWhitePaper.number,
        )
        .join(CentralWhitePaper, CentralWhitePaper.id == CouncilDecision.edition_id)
        .where(
            CouncilDecision.process_id == process.id,
            CouncilDecision.state == DecisionState.PUBLISHED,
            CouncilDecision.published_at.is_not(None),
        )
        .order_by(CouncilDecision.published_at.desc(), CouncilDecision.id.desc())
        .limit(limit)
    ).all()
    path = f"/processen/{process.slug}/raad/besluit"
    return [
        Publication(
            kind=Kind.DECISION,
            id=row.id,
            name=str(row.number),
            path=path,
            at=row.published_at,
            updated=row.published_at,
            text=row.note,
        )
        for row in rows
    ]


def publications(db: Session, process: Process, limit: int = FEED_LENGTH) -> list[Publication]:
    """The newest ``limit`` publications of the process, newest first: five statements.
    Each kind is cut to ``limit`` in SQL, so the merge never sees more than five times
    that."""
    found = [
        *_proposals(db, process, limit),
        *_green_papers(db, process, limit),
        *_white_papers(db, process, limit),
        *_editions(db, process, limit),
        *_decisions(db, process, limit),
    ]
    found.sort(key=lambda p: (p.at, p.kind.value, p.id), reverse=True)
    return found[:limit]
