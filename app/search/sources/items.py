"""The sources of the items the groups write: proposals, green papers and white papers."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.permissions import can
from app.models import (
    GreenPaper,
    GreenPaperSection,
    Group,
    Process,
    Proposal,
    ProposalAmount,
    WhitePaper,
)
from app.proposals.states import ProposalState
from app.search.documents import Document, Found, Kind, Wanted, dutch
from app.search.sources.common import condition_for, ids_in, read
from app.search.text import join_texts, plain_text


def proposals(db: Session, wanted: Wanted) -> Found:
    where = condition_for(wanted, Kind.PROPOSAL, Proposal.id, Proposal.organization_id)
    if where is None:
        return Found()
    rows = read(
        db,
        select(
            Proposal.id,
            Proposal.organization_id,
            Proposal.process_id,
            Proposal.title,
            Proposal.summary,
            Proposal.measure,
            Proposal.consequences,
            Proposal.state,
            Proposal.submitted_at,
            Group.theme_id,
            Process.slug,
            ProposalAmount.structural,
            ProposalAmount.one_off,
        )
        .join(Group, Group.id == Proposal.group_id)
        .join(Process, Process.id == Proposal.process_id)
        .outerjoin(
            ProposalAmount,
            (ProposalAmount.proposal_id == Proposal.id)
            & (ProposalAmount.year == Process.last_year),
        )
        .where(where),
    )
    found = Found(checked={r.id for r in rows})
    for r in rows:
        if not can(None, "proposal.read", r):
            continue
        found.documents.append(
            Document(
                organization_id=r.organization_id,
                kind=Kind.PROPOSAL,
                object_id=r.id,
                process_id=r.process_id,
                theme_id=r.theme_id,
                state=r.state,
                amount=(r.structural or 0) + (r.one_off or 0),
                title=r.title,
                body=join_texts([r.summary, plain_text(r.measure), plain_text(r.consequences)]),
                url=f"/processen/{r.slug}/voorstellen/{r.id}",
                published_at=r.submitted_at,
            )
        )
    return found


def green_papers(db: Session, wanted: Wanted) -> Found:
    where = condition_for(
        wanted,
        Kind.GREEN_PAPER,
        GreenPaper.id,
        GreenPaper.organization_id,
        ids_in(GreenPaper.group_id, wanted.groups),
    )
    if where is None:
        return Found()
    rows = read(
        db,
        select(
            GreenPaper.id,
            GreenPaper.organization_id,
            GreenPaper.process_id,
            GreenPaper.group_id,
            GreenPaper.status,
            GreenPaper.decided_at,
            GreenPaper.submitted_at,
            GreenPaper.decision_reason,
            Group.name.label("group_name"),
            Group.slug.label("group_slug"),
            Group.theme_id,
            Process.slug,
        )
        .join(Group, Group.id == GreenPaper.group_id)
        .join(Process, Process.id == GreenPaper.process_id)
        .where(where),
    )
    found = Found(checked={r.id for r in rows})
    public = [r for r in rows if can(None, "green_paper.read", r)]
    texts: dict[int, list[str]] = defaultdict(list)
    if public:
        for paper_id, title, body in read(
            db,
            select(
                GreenPaperSection.green_paper_id, GreenPaperSection.title, GreenPaperSection.body
            )
            .where(GreenPaperSection.green_paper_id.in_([r.id for r in public]))
            .order_by(GreenPaperSection.green_paper_id, GreenPaperSection.position),
        ):
            texts[paper_id] += [title, plain_text(body)]
    for r in public:
        found.documents.append(
            Document(
                organization_id=r.organization_id,
                kind=Kind.GREEN_PAPER,
                object_id=r.id,
                process_id=r.process_id,
                theme_id=r.theme_id,
                state=r.status,
                amount=None,
                title=f"{dutch('Green paper')}: {r.group_name}",
                body=join_texts([*texts[r.id], r.decision_reason]),
                url=f"/processen/{r.slug}/groenboeken/{r.group_slug}",
                published_at=r.decided_at or r.submitted_at,
            )
        )
    return found


def white_papers(db: Session, wanted: Wanted) -> Found:
    where = condition_for(
        wanted,
        Kind.WHITE_PAPER,
        WhitePaper.id,
        WhitePaper.organization_id,
        ids_in(WhitePaper.group_id, wanted.groups | wanted.white_paper_groups),
    )
    if where is None:
        return Found()
    rows = read(
        db,
        select(
            WhitePaper.id,
            WhitePaper.organization_id,
            WhitePaper.process_id,
            WhitePaper.group_id,
            WhitePaper.status,
            WhitePaper.introduction,
            WhitePaper.submitted_at,
            WhitePaper.updated_at,
            Group.name.label("group_name"),
            Group.slug.label("group_slug"),
            Group.theme_id,
            Process.slug,
        )
        .join(Group, Group.id == WhitePaper.group_id)
        .join(Process, Process.id == WhitePaper.process_id)
        .where(where),
    )
    found = Found(checked={r.id for r in rows})
    public = [r for r in rows if can(None, "white_paper.read", r)]
    titles: dict[int, list[str]] = defaultdict(list)
    if public:
        # The proposals it holds, in the chef's order (as app.white_papers.queries.included).
        for group_id, title in read(
            db,
            select(Proposal.group_id, Proposal.title)
            .where(
                Proposal.group_id.in_([r.group_id for r in public]),
                Proposal.state == ProposalState.INCLUDED.value,
            )
            .order_by(
                Proposal.group_id,
                Proposal.white_paper_position.is_(None),
                Proposal.white_paper_position,
                Proposal.submitted_at,
                Proposal.id,
            ),
        ):
            titles[group_id].append(title)
    for r in public:
        found.documents.append(
            Document(
                organization_id=r.organization_id,
                kind=Kind.WHITE_PAPER,
                object_id=r.id,
                process_id=r.process_id,
                theme_id=r.theme_id,
                state=r.status,
                amount=None,
                title=f"{dutch('White paper')}: {r.group_name}",
                body=join_texts([plain_text(r.introduction), *titles[r.group_id]]),
                url=f"/processen/{r.slug}/witboeken/{r.group_slug}",
                published_at=r.submitted_at or r.updated_at,
            )
        )
    return found
