"""Use cases of the central white paper: the admin compiles the submitted white papers into
a numbered edition, and publishes it. An edition is a snapshot: its chapters and entries
are copied from the white papers and proposals as they were, so a proposal changed later
does not move it; compiling again makes the next number, which supersedes the last.

Compiling also makes the product sheet of every proposal in the edition that has none,
prefilled from the snapshot, so the officials find them waiting."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.access.actor import Actor
from app.audit.service import record, signature
from app.db import utcnow
from app.documents.service import request_build
from app.editions.queries import latest_number
from app.errors import Conflict
from app.i18n import gettext as _
from app.models import (
    BudgetLine,
    CentralWhitePaper,
    EditionChapter,
    EditionEntry,
    Group,
    Process,
    ProductSheet,
    Proposal,
    ProposalBudgetLine,
    Review,
    Theme,
    User,
    WhitePaper,
)
from app.phases.guard import require_phase
from app.phases.kinds import Action
from app.processes.targets import theme_target
from app.proposals.states import ProposalState
from app.reviews.kinds import SOUND, ReviewKind
from app.white_papers.permissions import SUBMITTED

NOTE_LIMIT = 2_000  # characters: why this edition, not a second introduction
FIRST_STEP = "official"  # app.product_sheets.states.SheetStep.OFFICIAL

By = Actor | User | str


def admin_path(process: Process) -> str:
    return f"/beheer/processen/{process.slug}/edities"


def list_path(process: Process) -> str:
    return f"/processen/{process.slug}/witboek-edities"


def edition_path(process: Process, number: int) -> str:
    return f"{list_path(process)}/{number}"


def diff_path(process: Process, a: int, b: int) -> str:
    return f"{edition_path(process, a)}/verschil/{b}"


def sheet_path(process: Process, proposal_id: int) -> str:
    return f"/processen/{process.slug}/productbladen/{proposal_id}"


# --- compiling ---------------------------------------------------------------------------------


def compile_edition(db: Session, actor: Actor, process: Process, note: str) -> CentralWhitePaper:
    """The next edition of ``process``: refused outside its phases, and when no white
    paper is submitted yet."""
    require_phase(process, list(process.phases), Action.COMPILE_EDITION)
    edition = snapshot(db, process, note=note, by=signature(actor))
    record(
        db,
        actor=actor,
        action="edition.compiled",
        target=edition,
        after={"number": edition.number},
        reason=note or None,
    )
    ensure_product_sheets(db, actor, edition)
    return edition


def _targets(db: Session, process: Process, theme_ids: set[int]) -> dict[int, int]:
    """Each theme's yearly target, as app.reviews.progress computes it."""
    rows = db.execute(
        select(Theme, func.coalesce(func.sum(BudgetLine.controllable), 0))
        .outerjoin(BudgetLine, BudgetLine.theme_id == Theme.id)
        .where(Theme.process_id == process.id, Theme.id.in_(theme_ids))
        .group_by(Theme.id)
    ).all()
    return {
        theme.id: theme_target(int(total), process.target_percentage, theme.target_override)
        for theme, total in rows
    }


def _lines(db: Session, group_ids: list[int]) -> dict[int, list[dict[str, str]]]:
    rows = db.execute(
        select(ProposalBudgetLine.proposal_id, BudgetLine.code, BudgetLine.name)
        .join(BudgetLine, BudgetLine.id == ProposalBudgetLine.budget_line_id)
        .join(Proposal, Proposal.id == ProposalBudgetLine.proposal_id)
        .where(Proposal.group_id.in_(group_ids), Proposal.state == ProposalState.INCLUDED.value)
        .order_by(BudgetLine.code)
    ).all()
    lines: dict[int, list[dict[str, str]]] = defaultdict(list)
    for proposal_id, code, name in rows:
        lines[proposal_id].append({"code": code, "name": name})
    return lines


def _validated(db: Session, group_ids: list[int]) -> dict[int, dict[str, list[int]]]:
    """Per proposal, the amounts of its financial review when the verdict lets them stand
    and the proposal has not changed since (a review that needs another look is not one)."""
    reviews = db.scalars(
        select(Review)
        .join(Proposal, Proposal.id == Review.proposal_id)
        .where(
            Proposal.group_id.in_(group_ids),
            Proposal.state == ProposalState.INCLUDED.value,
            Review.kind == ReviewKind.FINANCIAL.value,
            Review.verdict.in_([verdict.value for verdict in SOUND]),
            Review.needs_another_look.is_(False),
        )
        .options(selectinload(Review.amounts))
    )
    return {
        review.proposal_id: {str(a.year): [a.structural, a.one_off] for a in review.amounts}
        for review in reviews
    }


def snapshot(
    db: Session, process: Process, *, note: str, by: str, at: datetime | None = None
) -> CentralWhitePaper:
    """Copy the submitted white papers into the next edition, in a fixed number of
    statements. Without audit entry: the use case (or the demo) writes it."""
    db.flush()  # the queries below must see changes a session without autoflush holds
    papers = db.execute(
        select(WhitePaper, Group)
        .join(Group, Group.id == WhitePaper.group_id)
        .where(WhitePaper.process_id == process.id, WhitePaper.status == SUBMITTED)
        .order_by(Group.position, Group.id)
    ).all()
    if not papers:
        raise Conflict(
            _("No white paper is submitted yet. An edition needs at least one submitted paper.")
        )
    group_ids = [group.id for _paper, group in papers]
    proposals: dict[int, list[Proposal]] = defaultdict(list)
    for proposal in db.scalars(
        select(Proposal)
        .where(Proposal.group_id.in_(group_ids), Proposal.state == ProposalState.INCLUDED.value)
        .order_by(
            Proposal.white_paper_position.is_(None),
            Proposal.white_paper_position,
            Proposal.submitted_at,
            Proposal.id,
        )
        .options(selectinload(Proposal.amounts))
    ):
        proposals[proposal.group_id].append(proposal)
    lines, validated = _lines(db, group_ids), _validated(db, group_ids)
    targets = _targets(db, process, {group.theme_id for _paper, group in papers})
    edition = CentralWhitePaper(
        process_id=process.id,
        number=latest_number(db, process.id) + 1,
        note=note,
        compiled_at=at or utcnow(),
        compiled_by=by,
    )
    db.add(edition)
    db.flush()
    chapters = [
        EditionChapter(
            edition_id=edition.id,
            group_id=group.id,
            theme_id=group.theme_id,
            position=position,
            title=group.name,
            introduction=paper.introduction,
            target=targets.get(group.theme_id, 0),
        )
        for position, (paper, group) in enumerate(papers, start=1)
    ]
    db.add_all(chapters)
    db.flush()
    entries = []
    for chapter in chapters:
        for position, proposal in enumerate(proposals[chapter.group_id], start=1):
            claimed = {str(a.year): [a.structural, a.one_off] for a in proposal.amounts}
            entries.append(
                EditionEntry(
                    edition_id=edition.id,
                    chapter_id=chapter.id,
                    proposal_id=proposal.id,
                    proposal_version=proposal.version,
                    position=position,
                    title=proposal.title,
                    summary=proposal.summary,
                    measure=proposal.measure,
                    consequences=proposal.consequences,
                    budget_lines=lines.get(proposal.id, []),
                    claimed=claimed,
                    validated=validated.get(proposal.id),
                    claimed_total=sum(s + o for s, o in claimed.values()),
                )
            )
    db.add_all(entries)
    db.flush()
    return edition


# --- product sheets waiting for the officials --------------------------------------------------


def _lines_text(lines: list[dict[str, Any]]) -> str:
    return "\n".join(f"{line['code']} {line['name']}" for line in lines)


def ensure_product_sheets(
    db: Session, actor: By, edition: CentralWhitePaper, *, at: datetime | None = None
) -> list[ProductSheet]:
    """A product sheet at its first step for every proposal of the edition that has none,
    prefilled from the entry: budget lines, consequences, and the financial effect as
    validated (or else as claimed). A sheet that exists is left as the officials have it.
    Returns the sheets made."""
    db.flush()
    rows = db.execute(
        select(EditionEntry, EditionChapter.group_id)
        .join(EditionChapter, EditionChapter.id == EditionEntry.chapter_id)
        .where(EditionEntry.edition_id == edition.id)
        .order_by(EditionChapter.position, EditionEntry.position)
    ).all()
    have = set(
        db.scalars(
            select(ProductSheet.proposal_id)
            .join(EditionEntry, EditionEntry.proposal_id == ProductSheet.proposal_id)
            .where(EditionEntry.edition_id == edition.id)
        )
    )
    when, by = at or utcnow(), signature(actor)
    made = [
        ProductSheet(
            process_id=edition.process_id,
            group_id=group_id,
            proposal_id=entry.proposal_id,
            step=FIRST_STEP,
            budget_lines=_lines_text(entry.budget_lines),
            financial_effect=dict(
                entry.validated if entry.validated is not None else entry.claimed
            ),
            consequences=entry.consequences,
            updated_at=when,
            updated_by=by,
        )
        for entry, group_id in rows
        if entry.proposal_id not in have
    ]
    db.add_all(made)
    db.flush()
    for sheet in made:
        audit = record(
            db,
            actor=actor,
            action="product_sheet.created",
            target=sheet,
            after={"proposal": sheet.proposal_id, "edition": edition.number},
        )
        audit.created_at = when
    return made


# --- publishing ------------------------------------------------------------------------------


def publish(db: Session, actor: Actor, edition: CentralWhitePaper) -> None:
    """Once, and only the latest edition: a superseded one is history, not news. Nobody is
    notified; the public finds it on the process's page."""
    if edition.published_at is not None:
        raise Conflict(_("This edition is published already."))
    latest = latest_number(db, edition.process_id)
    if latest > edition.number:
        raise Conflict(
            _("Edition %(n)d supersedes this one: publish that edition instead.", n=latest)
        )
    edition.published_at, edition.published_by = utcnow(), signature(actor)
    db.flush()
    record(
        db,
        actor=actor,
        action="edition.published",
        target=edition,
        before={"published": False},
        after={"published": True, "number": edition.number},
    )
    # The public downloads its documents: start building them now (in the background,
    # after this transaction commits); kinds already built or building are left alone.
    request_build(db, actor, edition)
