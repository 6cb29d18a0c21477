"""The Zeist demo's central white paper: two editions, the second published and with
something to compare; a product sheet for every proposal in it, most signed off."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.demo.processes import ZEIST_CHEFS
from app.editions import queries
from app.editions.diff import compare
from app.models import (
    AuditEntry,
    CentralWhitePaper,
    EditionEntry,
    ProductSheet,
    ProductSheetStep,
    User,
)
from app.phases.kinds import PhaseKind
from tests.demo.test_loader import _zeist


def test_edition_2_is_published_and_supersedes_edition_1(db: Session) -> None:
    process, groups = _zeist(db)
    assert process.current_phase == PhaseKind.PRODUCT_SHEETS
    first, second = db.scalars(select(CentralWhitePaper).order_by(CentralWhitePaper.number))
    assert (first.number, second.number) == (1, 2)
    assert first.published_at is not None
    assert second.published_at is not None
    assert first.compiled_at < first.published_at < second.compiled_at < second.published_at
    assert second.published_at < datetime(2011, 7, 10, tzinfo=UTC)
    assert second.note
    assert queries.latest_edition(db, process) is second
    old = queries.edition_with_entries(db, first)
    new = queries.edition_with_entries(db, second)
    assert old.superseded_by == 2
    assert [c.chapter.title for c in new.chapters] == list(groups)  # every group, in order
    diff = compare(old, new)
    assert len(diff.added) == 1
    assert len(diff.changed) == 1
    assert diff.removed == []
    (changed,) = diff.changed
    assert {t.name for t in changed.texts} == {"summary"}
    assert changed.years  # the first year's saving went down, claimed and validated
    assert changed.years[0].after.claimed < changed.years[0].before.claimed
    summary = queries.summary_table(new)
    assert summary.total is not None
    assert summary.total.year(2015).claimed > 0
    assert 0 < summary.total.validated_entries < summary.total.entries
    actions = Counter(
        db.scalars(select(AuditEntry.action).where(AuditEntry.action.like("edition.%")))
    )
    assert actions == {"edition.compiled": 2, "edition.published": 2}


def test_every_entry_has_a_product_sheet_most_signed_off(db: Session) -> None:
    process, groups = _zeist(db)
    second = db.scalars(select(CentralWhitePaper).where(CentralWhitePaper.number == 2)).one()
    entries = db.scalars(select(EditionEntry).where(EditionEntry.edition_id == second.id)).all()
    sheets = {s.proposal_id: s for s in db.scalars(select(ProductSheet))}
    assert set(sheets) == {e.proposal_id for e in entries}
    steps = Counter(s.step for s in sheets.values())
    assert steps["signed_off"] > 0.75 * len(sheets)
    assert steps["finance"] >= 3
    assert steps["chef"] >= 3
    sent_back = [s for s in sheets.values() if s.step == "official"]
    assert len(sent_back) == 2
    assert all(s.returned_reason for s in sent_back)
    for sheet in sheets.values():
        assert sheet.process_id == process.id
        assert sheet.staff_effect
        assert sheet.legal_aspects
        assert sheet.risks
        assert sheet.implementation
        assert sheet.advice
        assert sheet.consequences
        assert sheet.financial_effect
        assert sheet.version == 2
    assert any("fte" in s.staff_effect for s in sheets.values())

    # Signed off: official, financial adviser and the group's own chef, in that order.
    people = {u.id: u.email for u in db.scalars(select(User))}
    chef_of = {group.id: ZEIST_CHEFS[name] for name, group in groups.items()}
    log: dict[int, list[ProductSheetStep]] = {}
    for step in db.scalars(select(ProductSheetStep).order_by(ProductSheetStep.created_at)):
        log.setdefault(step.sheet_id, []).append(step)
    for sheet in sheets.values():
        path = log[sheet.id]
        assert path[-1].to_step == sheet.step
        assert [s.created_at for s in path] == sorted(s.created_at for s in path)
        assert path[0].created_at > second.compiled_at
        if sheet.step == "signed_off":
            assert [(s.from_step, s.to_step) for s in path] == [
                ("official", "finance"),
                ("finance", "chef"),
                ("chef", "signed_off"),
            ]
            assert [people[s.actor_id or 0] for s in path] == [
                "ambtenaar@zeist.example",
                "fatma@zeist.example",
                chef_of[sheet.group_id],
            ]
        if sheet.step == "official":
            assert path[-1].reason == sheet.returned_reason
    stepped = db.scalars(
        select(AuditEntry.id).where(AuditEntry.action == "product_sheet.step")
    ).all()
    assert len(stepped) == sum(len(path) for path in log.values())
