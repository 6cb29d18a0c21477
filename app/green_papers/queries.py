"""What the green-paper pages read, each in a fixed number of statements."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.green_papers.states import PUBLISHED
from app.models import (
    GreenPaper,
    GreenPaperSection,
    Group,
    Phase,
    Process,
    SectionComment,
    SectionRevision,
    WorkshopInput,
)
from app.phases.kinds import PhaseKind


def paper_of(db: Session, group: Group) -> GreenPaper | None:
    return db.scalar(select(GreenPaper).where(GreenPaper.group_id == group.id))


def sections_of(db: Session, paper: GreenPaper) -> list[GreenPaperSection]:
    return list(
        db.scalars(
            select(GreenPaperSection)
            .where(GreenPaperSection.green_paper_id == paper.id)
            .order_by(GreenPaperSection.position, GreenPaperSection.id)
        )
    )


def section_of(db: Session, paper: GreenPaper, section_id: int) -> GreenPaperSection | None:
    section = db.get(GreenPaperSection, section_id)
    return section if section is not None and section.green_paper_id == paper.id else None


@dataclass
class Thread:
    comment: SectionComment
    replies: list[SectionComment] = field(default_factory=list)


def threads_by_section(db: Session, section_ids: Sequence[int]) -> dict[int, list[Thread]]:
    """Per section, its comments oldest first, each with its replies; authors loaded."""
    if not section_ids:
        return {}
    comments = db.scalars(
        select(SectionComment)
        .where(SectionComment.section_id.in_(section_ids))
        .options(selectinload(SectionComment.author))
        .order_by(SectionComment.created_at, SectionComment.id)
    ).all()
    threads: dict[int, Thread] = {}
    by_section: dict[int, list[Thread]] = defaultdict(list)
    for comment in comments:
        if comment.parent_id is None:
            threads[comment.id] = Thread(comment)
            by_section[comment.section_id].append(threads[comment.id])
    for comment in comments:
        if comment.parent_id is not None and comment.parent_id in threads:
            threads[comment.parent_id].replies.append(comment)
    return dict(by_section)


def revisions_of(db: Session, section: GreenPaperSection) -> list[SectionRevision]:
    """Newest first."""
    return list(
        db.scalars(
            select(SectionRevision)
            .where(SectionRevision.section_id == section.id)
            .order_by(SectionRevision.number.desc())
        )
    )


def workshop_inputs(db: Session, paper: GreenPaper) -> list[WorkshopInput]:
    return list(
        db.scalars(
            select(WorkshopInput)
            .where(WorkshopInput.green_paper_id == paper.id)
            .options(selectinload(WorkshopInput.author))
            .order_by(WorkshopInput.created_at, WorkshopInput.id)
        )
    )


def papers_of_process(db: Session, process: Process) -> list[tuple[Group, GreenPaper | None]]:
    """Every group of the process with its green paper, if started, in the groups' order."""
    rows = db.execute(
        select(Group, GreenPaper)
        .outerjoin(GreenPaper, GreenPaper.group_id == Group.id)
        .where(Group.process_id == process.id)
        .order_by(Group.position)
    ).all()
    return [(group, paper) for group, paper in rows]


def is_published(paper: GreenPaper | None) -> bool:
    return paper is not None and paper.status in PUBLISHED


def workshop_over(process: Process, phases: Sequence[Phase]) -> bool:
    """The council workshop's exchange is public once the process has moved past it."""
    position = {p.kind: p.position for p in phases}
    current = position.get(process.current_phase or "", 0)
    return current > position.get(PhaseKind.COUNCIL_WORKSHOP, 10**6)


def stopped_group_ids(db: Session, group_ids: Sequence[int]) -> dict[int, str]:
    """Groups whose theme the board stopped, with the board's reason: they take no
    further part (later phases ask this)."""
    if not group_ids:
        return {}
    rows = db.execute(
        select(GreenPaper.group_id, GreenPaper.decision_reason).where(
            GreenPaper.group_id.in_(group_ids), GreenPaper.status == "stopped"
        )
    ).all()
    return {int(group_id): reason or "" for group_id, reason in rows}


def published_papers(db: Session, group_ids: Sequence[int]) -> dict[int, GreenPaper]:
    """The green papers of these groups that the board has decided on, by group."""
    if not group_ids:
        return {}
    papers = db.scalars(
        select(GreenPaper).where(
            GreenPaper.group_id.in_(group_ids), GreenPaper.status.in_(PUBLISHED)
        )
    )
    return {paper.group_id: paper for paper in papers}
