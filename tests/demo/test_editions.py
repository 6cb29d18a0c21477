"""The Zeist demo's central white paper: two editions, the second published and with
something to compare; a product sheet for every proposal in it, most signed off by the end
of August and the rest (two of them put right first) in September, before the council."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from itertools import pairwise

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
    assert process.current_phase == PhaseKind.COUNCIL_DECISION  # since its submission
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


def test_every_entry_has_a_product_sheet_signed_off(db: Session) -> None:
    process, groups = _zeist(db)
    second = db.scalars(select(CentralWhitePaper).where(CentralWhitePaper.number == 2)).one()
    entries = db.scalars(select(EditionEntry).where(EditionEntry.edition_id == second.id)).all()
    sheets = {s.proposal_id: s for s in db.scalars(select(ProductSheet))}
    assert set(sheets) == {e.proposal_id for e in entries}
    assert {s.step for s in sheets.values()} == {"signed_off"}
    for sheet in sheets.values():
        assert sheet.process_id == process.id
        assert sheet.staff_effect
        assert sheet.legal_aspects
        assert sheet.risks
        assert sheet.implementation
        assert sheet.advice
        assert sheet.consequences
        assert sheet.financial_effect
        assert sheet.returned_reason is None
    assert any("fte" in s.staff_effect for s in sheets.values())

    # Official, financial adviser and the group's own chef, in that order; by the end of
    # August most were signed off, some waited, and two were sent back with a reason. The
    # official put those two right (a new version) before they went round again.
    people = {u.id: u.email for u in db.scalars(select(User))}
    chef_of = {group.id: ZEIST_CHEFS[name] for name, group in groups.items()}
    by_step = {"official": "ambtenaar@zeist.example", "finance": "fatma@zeist.example"}
    log: dict[int, list[ProductSheetStep]] = {}
    for step in db.scalars(select(ProductSheetStep).order_by(ProductSheetStep.created_at)):
        log.setdefault(step.sheet_id, []).append(step)
    august = datetime(2011, 9, 1, tzinfo=UTC)
    signed_by_august = 0
    sent_back = []
    for sheet in sheets.values():
        path = log[sheet.id]
        assert [s.created_at for s in path] == sorted(s.created_at for s in path)
        assert path[0].created_at > second.compiled_at
        assert path[0].from_step == "official"
        assert all(a.to_step == b.from_step for a, b in pairwise(path))
        assert [(s.from_step, s.to_step) for s in path[-3:]] == [
            ("official", "finance"),
            ("finance", "chef"),
            ("chef", "signed_off"),
        ]
        for s in path:
            expected = chef_of[sheet.group_id] if s.from_step == "chef" else by_step[s.from_step]
            assert people[s.actor_id or 0] == expected
        backs = [s for s in path if s.to_step == "official"]
        if backs:
            assert all(s.reason for s in backs)
            sent_back.append(sheet)
            assert sheet.version == 3
        else:
            assert sheet.version == 2
        signed_by_august += path[-1].created_at < august
    assert len(sent_back) == 2
    assert signed_by_august > 0.75 * len(sheets)
    assert len(sheets) - signed_by_august >= 6
    stepped = db.scalars(
        select(AuditEntry.id).where(AuditEntry.action == "product_sheet.step")
    ).all()
    assert len(stepped) == sum(len(path) for path in log.values())
