"""The sources of the central white paper (its editions and product sheets) and of the
council (amendments and the decision)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.access.permissions import can
from app.council.queries import Amounts, amounts_of, year_total
from app.council.states import AmendmentKind
from app.editions.permissions import EditionSubject
from app.models import (
    Amendment,
    CentralWhitePaper,
    CouncilDecision,
    EditionChapter,
    EditionEntry,
    Group,
    Process,
    ProductSheet,
    Proposal,
)
from app.search.documents import Document, Found, Kind, Wanted, dutch
from app.search.sources.common import condition_for, ids_in, read
from app.search.text import join_texts, plain_text


def editions(db: Session, wanted: Wanted) -> Found:
    where = condition_for(
        wanted, Kind.EDITION, CentralWhitePaper.id, CentralWhitePaper.organization_id
    )
    if where is None:
        return Found()
    rows = read(
        db,
        select(
            CentralWhitePaper.id,
            CentralWhitePaper.organization_id,
            CentralWhitePaper.process_id,
            CentralWhitePaper.number,
            CentralWhitePaper.note,
            CentralWhitePaper.published_at,
            Process.slug,
        )
        .join(Process, Process.id == CentralWhitePaper.process_id)
        .where(where),
    )
    found = Found(checked={r.id for r in rows})
    public = [
        r
        for r in rows
        if can(None, "edition.read", EditionSubject(r.published_at is not None, frozenset()))
    ]
    chapters: dict[int, list[str]] = defaultdict(list)
    if public:
        for edition_id, title, introduction in read(
            db,
            select(EditionChapter.edition_id, EditionChapter.title, EditionChapter.introduction)
            .where(EditionChapter.edition_id.in_([r.id for r in public]))
            .order_by(EditionChapter.edition_id, EditionChapter.position),
        ):
            chapters[edition_id] += [title, plain_text(introduction)]
    for r in public:
        found.documents.append(
            Document(
                organization_id=r.organization_id,
                kind=Kind.EDITION,
                object_id=r.id,
                process_id=r.process_id,
                theme_id=None,
                state="published",
                amount=None,
                title=dutch("Central white paper, edition %(n)d", n=r.number),
                body=join_texts([plain_text(r.note), *chapters[r.id]]),
                url=f"/processen/{r.slug}/witboek-edities/{r.number}",
                published_at=r.published_at,
            )
        )
    return found


@dataclass(frozen=True)
class _SheetSubject:
    """What ``product_sheet.read`` asks about (as the sheet page's SheetPage)."""

    group_id: int
    published: bool


def _sheet_texts(r: Any) -> list[str]:
    return [
        r.summary,
        r.budget_lines,
        *(
            plain_text(t)
            for t in (
                r.staff_effect,
                r.legal_aspects,
                r.consequences,
                r.risks,
                r.implementation,
                r.advice,
            )
        ),
    ]


def product_sheets(db: Session, wanted: Wanted) -> Found:
    in_editions = (
        ProductSheet.proposal_id.in_(
            select(EditionEntry.proposal_id).where(
                EditionEntry.edition_id.in_(sorted(wanted.editions))
            )
        )
        if wanted.editions
        else None
    )
    where = condition_for(
        wanted,
        Kind.PRODUCT_SHEET,
        ProductSheet.id,
        ProductSheet.organization_id,
        ids_in(ProductSheet.proposal_id, wanted.proposals),
        in_editions,
    )
    if where is None:
        return Found()
    rows = read(
        db,
        select(
            ProductSheet.id,
            ProductSheet.organization_id,
            ProductSheet.process_id,
            ProductSheet.group_id,
            ProductSheet.proposal_id,
            ProductSheet.step,
            ProductSheet.financial_effect,
            ProductSheet.budget_lines,
            ProductSheet.staff_effect,
            ProductSheet.legal_aspects,
            ProductSheet.consequences,
            ProductSheet.risks,
            ProductSheet.implementation,
            ProductSheet.advice,
            Proposal.title,
            Proposal.summary,
            Group.theme_id,
            Process.slug,
            Process.last_year,
        )
        .join(Proposal, Proposal.id == ProductSheet.proposal_id)
        .join(Group, Group.id == ProductSheet.group_id)
        .join(Process, Process.id == ProductSheet.process_id)
        .where(where),
    )
    found = Found(checked={r.id for r in rows})
    published: dict[int, datetime] = {}
    if rows:
        # A sheet is public once an edition holding its proposal is: since the first.
        published = dict(
            read(
                db,
                select(EditionEntry.proposal_id, func.min(CentralWhitePaper.published_at))
                .join(CentralWhitePaper, CentralWhitePaper.id == EditionEntry.edition_id)
                .where(
                    CentralWhitePaper.published_at.is_not(None),
                    EditionEntry.proposal_id.in_(sorted({r.proposal_id for r in rows})),
                )
                .group_by(EditionEntry.proposal_id),
            )
        )
    for r in rows:
        since = published.get(r.proposal_id)
        if since is None or not can(
            None, "product_sheet.read", _SheetSubject(r.group_id, published=True)
        ):
            continue
        found.documents.append(
            Document(
                organization_id=r.organization_id,
                kind=Kind.PRODUCT_SHEET,
                object_id=r.id,
                process_id=r.process_id,
                theme_id=r.theme_id,
                state=r.step,
                amount=(
                    year_total(amounts_of(r.financial_effect), r.last_year)
                    if r.financial_effect
                    else None
                ),
                title=f"{dutch('Product sheet')}: {r.title}",
                body=join_texts(_sheet_texts(r)),
                url=f"/processen/{r.slug}/productbladen/{r.proposal_id}",
                published_at=since,
            )
        )
    return found


def _effect(kind: str, raw_amounts: Any, base: Amounts, year: int) -> int:
    """What carrying the amendment alone does to the year's savings (as
    app.council.queries.effect_of): a strike loses the measure, a change sets its amounts,
    a condition moves nothing."""
    if kind == AmendmentKind.STRIKE:
        return -year_total(base, year)
    if kind == AmendmentKind.CHANGE:
        return year_total(amounts_of(raw_amounts), year) - year_total(base, year)
    return 0


def amendments(db: Session, wanted: Wanted) -> Found:
    where = condition_for(wanted, Kind.AMENDMENT, Amendment.id, Amendment.organization_id)
    if where is None:
        return Found()
    rows = read(
        db,
        select(
            Amendment.id,
            Amendment.organization_id,
            Amendment.process_id,
            Amendment.number,
            Amendment.kind,
            Amendment.state,
            Amendment.explanation,
            Amendment.condition,
            Amendment.amounts,
            Amendment.party,
            Amendment.filed_at,
            EditionEntry.title,
            EditionEntry.claimed,
            EditionEntry.validated,
            ProductSheet.financial_effect,
            Group.theme_id,
            Process.slug,
            Process.last_year,
        )
        .join(EditionEntry, EditionEntry.id == Amendment.entry_id)
        .join(ProductSheet, ProductSheet.id == Amendment.sheet_id)
        .join(Group, Group.id == ProductSheet.group_id)
        .join(Process, Process.id == Amendment.process_id)
        .where(where),
    )
    found = Found(checked={r.id for r in rows})
    for r in rows:
        # The measure's amounts as the council decides on them (council.queries._base).
        base = amounts_of(
            r.financial_effect or (r.validated if r.validated is not None else r.claimed)
        )
        found.documents.append(
            Document(
                organization_id=r.organization_id,
                kind=Kind.AMENDMENT,
                object_id=r.id,
                process_id=r.process_id,
                theme_id=r.theme_id,
                state=r.state,
                amount=_effect(r.kind, r.amounts, base, r.last_year),
                title=f"{dutch('Amendment %(label)s', label=f'A{r.number}')}: {r.title}",
                body=join_texts([plain_text(r.explanation), plain_text(r.condition), r.party]),
                url=f"/processen/{r.slug}/raad/amendementen/{r.number}",
                published_at=r.filed_at,
            )
        )
    return found


def decisions(db: Session, wanted: Wanted) -> Found:
    where = condition_for(
        wanted, Kind.DECISION, CouncilDecision.id, CouncilDecision.organization_id
    )
    if where is None:
        return Found()
    rows = read(
        db,
        select(
            CouncilDecision.id,
            CouncilDecision.organization_id,
            CouncilDecision.process_id,
            CouncilDecision.state,
            CouncilDecision.note,
            CouncilDecision.published_at,
            CouncilDecision.submitted_at,
            Process.slug,
        )
        .join(Process, Process.id == CouncilDecision.process_id)
        .where(where),
    )
    found = Found(checked={r.id for r in rows})
    for r in rows:
        if not can(None, "council.read_decision", r):
            continue
        found.documents.append(
            Document(
                organization_id=r.organization_id,
                kind=Kind.DECISION,
                object_id=r.id,
                process_id=r.process_id,
                theme_id=None,
                state=r.state,
                amount=None,
                title=dutch("The council's decision on the central white paper"),
                body=plain_text(r.note),
                url=f"/processen/{r.slug}/raad/besluit",
                published_at=r.published_at or r.submitted_at,
            )
        )
    return found
