"""The Zeist demo's council: the parties of 2010 with their 31 seats, edition 2 submitted
with every sheet signed off, sixteen amendments of which eight carried, the vote on the
whole, and the published decision, all dated in the autumn of 2011."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.access.roles import Role, ScopeType
from app.council import queries
from app.council.states import AmendmentKind, AmendmentState, DecisionState, PartyVote
from app.db import ORGANIZATION_KEY
from app.demo.data import ZEIST
from app.demo.loader import load_demo
from app.models import (
    Amendment,
    AmendmentSignature,
    AuditEntry,
    CentralWhitePaper,
    CouncilDecision,
    CouncilMember,
    CouncilParty,
    CouncilVote,
    DocumentBuild,
    EditionEntry,
    Job,
    Mail,
    Notification,
    ProductSheet,
    ProductSheetStep,
    RoleAssignment,
    User,
)
from app.phases.kinds import PhaseKind
from tests.demo.test_loader import _zeist

AUTUMN = datetime(2011, 9, 1, tzinfo=UTC)
WINTER = datetime(2011, 12, 1, tzinfo=UTC)


def _decision(db: Session) -> CouncilDecision:
    process, _groups = _zeist(db)
    decision = queries.decision_of(db, process)
    assert decision is not None
    return decision


def test_the_council_has_its_parties_and_a_councillor_of_each(db: Session) -> None:
    _zeist(db)
    parties = queries.parties(db)
    assert [(p.name, p.seats) for p in parties] == [(p.name, p.seats) for p in ZEIST.parties]
    assert queries.council_seats(db) == 31
    rows = db.execute(
        select(User.email, CouncilParty.name)
        .join(CouncilMember, CouncilMember.user_id == User.id)
        .join(CouncilParty, CouncilParty.id == CouncilMember.party_id)
    )
    seated = {row.email: row.name for row in rows}
    assert seated == {c.email: c.party for c in ZEIST.councillors}
    assert set(seated.values()) == {p.name for p in parties}
    roles = {
        (email, role)
        for email, role in db.execute(
            select(User.email, RoleAssignment.role)
            .join(RoleAssignment, RoleAssignment.user_id == User.id)
            .where(RoleAssignment.scope_type == ScopeType.ORGANIZATION)
        )
    }
    assert {(email, Role.COUNCIL.value) for email in seated} <= roles
    assert ("griffie@zeist.example", Role.CLERK.value) in roles


def test_sixteen_amendments_eight_carried_and_the_adopted_package(db: Session) -> None:
    decision = _decision(db)
    assert decision.state == DecisionState.PUBLISHED
    assert decision.meeting_on == date(2011, 11, 8)
    book = queries.council_book(db, decision)
    assert book.edition.number == 2
    assert len(book.amendments) == 16
    assert [v.amendment.number for v in book.amendments] == list(range(1, 17))
    assert book.counts() == {AmendmentState.CARRIED: 8, AmendmentState.DEFEATED: 8}
    assert {v.amendment.kind for v in book.amendments} == {k.value for k in AmendmentKind}
    assert book.adopted is True

    seats = {p.name: p.seats for p in queries.parties(db)}
    corrected = []
    for view in book.amendments:
        amendment = view.amendment
        assert amendment.explanation
        assert amendment.party
        assert view.signatures, f"A{amendment.number} has no co-signers"
        assert amendment.filer_id not in {s.user_id for s in view.signatures}
        if amendment.kind == AmendmentKind.CONDITION:
            assert amendment.condition
        if amendment.kind == AmendmentKind.CHANGE:
            assert set(amendment.amounts or {}) == {str(y) for y in book.years}
        vote = view.vote
        assert vote is not None
        assert (amendment.state == AmendmentState.CARRIED) is vote.carried
        assert vote.carried is (vote.votes_for > vote.votes_against)
        for recorded in view.votes:
            if recorded.parties is not None:
                assert {r["party"]: r["seats"] for r in recorded.parties} == seats
                cast = Counter[str]()
                for row in recorded.parties:
                    cast[row["vote"]] += row["seats"]
                assert cast["for"] == recorded.votes_for
                assert cast["against"] == recorded.votes_against
            assert recorded.votes_for + recorded.votes_against <= 31
        if len(view.votes) > 1:
            corrected.append(view)
    assert len(corrected) == 1
    first, correction = corrected[0].votes
    assert correction.corrects_id == first.id
    assert correction.reason
    assert first.carried is False
    assert correction.carried is True
    modes = Counter(v.votes[-1].mode for v in book.amendments)
    assert modes["parties"] > modes["counts"] > 0
    final = book.final_vote
    assert final is not None
    assert final.carried
    assert any(r["vote"] == PartyVote.AGAINST for r in final.parties or [])

    # The adopted package, worked out again from the rows: every measure with its product
    # sheet's amounts, the carried strikes taken out and the carried changes put in.
    second = db.get_one(CentralWhitePaper, decision.edition_id)
    entries = db.scalars(select(EditionEntry).where(EditionEntry.edition_id == second.id)).all()
    sheets = {s.proposal_id: s for s in db.scalars(select(ProductSheet))}
    carried = [
        a
        for a in db.scalars(select(Amendment).where(Amendment.decision_id == decision.id))
        if a.state == AmendmentState.CARRIED
    ]
    adopted = dict.fromkeys(book.years, 0)
    submitted = dict.fromkeys(book.years, 0)
    for entry in entries:
        amounts = sheets[entry.proposal_id].financial_effect
        mine = [a for a in carried if a.entry_id == entry.id]
        for year in book.years:
            base = sum(amounts[str(year)])
            submitted[year] += base
            if any(a.kind == AmendmentKind.STRIKE for a in mine):
                continue
            changed = [a for a in mine if a.kind == AmendmentKind.CHANGE]
            adopted[year] += sum((changed[-1].amounts or {})[str(year)]) if changed else base
    package = book.package
    assert package.total.submitted == submitted
    assert package.total.adopted == adopted
    for year in book.years:
        assert sum(row.adopted[year] for row in package.themes) == adopted[year]
        effect = sum(v.effect[year] for v in book.amendments if v.amendment in carried)
        assert adopted[year] == submitted[year] + effect
    assert adopted[2012] < submitted[2012]  # the library stays open, among others
    assert package.total.struck == 1
    assert package.total.target == 6_200_000


def test_the_council_story_is_dated_and_in_order(db: Session) -> None:
    decision = _decision(db)
    process = decision.process_id
    assert _zeist(db)[0].current_phase == PhaseKind.COUNCIL_DECISION
    second = db.get_one(CentralWhitePaper, decision.edition_id)
    assert second.published_at is not None
    # Every sheet was signed off, the last ones in September, before the submission.
    sheets = db.scalars(select(ProductSheet).where(ProductSheet.process_id == process)).all()
    assert {s.step for s in sheets} == {"signed_off"}
    last_step = db.scalar(select(func.max(ProductSheetStep.created_at)))
    assert last_step is not None
    assert AUTUMN < last_step < decision.submitted_at
    assert second.published_at < decision.submitted_at
    amendments = db.scalars(select(Amendment).where(Amendment.decision_id == decision.id)).all()
    signatures = db.scalars(select(AmendmentSignature)).all()
    votes = db.scalars(select(CouncilVote).order_by(CouncilVote.id)).all()
    deadline = datetime(2011, 11, 8, 17, tzinfo=UTC)  # 18.00 on the day of the meeting
    filed = {a.id: a.filed_at for a in amendments}
    assert all(decision.submitted_at < at < deadline for at in filed.values())
    assert [a.filed_at for a in sorted(amendments, key=lambda a: a.number)] == sorted(
        filed.values()
    )
    first_vote = votes[0].recorded_at
    assert all(filed[s.amendment_id] < s.signed_at < first_vote for s in signatures)
    assert all(deadline < v.recorded_at < datetime(2011, 11, 9, tzinfo=UTC) for v in votes)
    assert [v.recorded_at for v in votes] == sorted(v.recorded_at for v in votes)
    assert votes[-1].amendment_id is None  # the vote on the whole comes last
    assert decision.published_at is not None
    assert votes[-1].recorded_at < decision.published_at < WINTER

    # The audit trail tells the same story, dated as it happened.
    entries = db.scalars(
        select(AuditEntry).where(
            AuditEntry.action.like("amendment.%") | AuditEntry.action.like("council.%")
        )
    ).all()
    actions = Counter(e.action for e in entries)
    assert actions["council.submitted"] == 1
    assert actions["amendment.filed"] == 16
    assert actions["amendment.cosigned"] == len(signatures)
    assert actions["council.vote_recorded"] == 16
    assert actions["council.vote_corrected"] == 1
    assert actions["council.final_vote_recorded"] == 1
    assert actions["council.decision_published"] == 1
    assert actions["council.party_added"] == len(ZEIST.parties)
    history = [e for e in entries if not e.action.startswith("council.party")]
    history = [e for e in history if e.action != "council.member_party_set"]
    assert all(AUTUMN < e.created_at < WINTER for e in history)
    phase = db.scalars(
        select(AuditEntry).where(
            AuditEntry.action == "process.phase_changed",
            AuditEntry.after["phase"].as_string() == PhaseKind.COUNCIL_DECISION.value,
        )
    ).one()
    assert phase.created_at == decision.submitted_at

    # History, not news: no bell, no mail, no documents queued for it.
    council_kinds = ["council_submitted", "amendment_filed", "amendment_voted",
                     "decision_published"]  # fmt: skip
    assert not db.scalar(select(Notification.id).where(Notification.kind.in_(council_kinds)))
    assert not db.scalar(select(Mail.id).where(Mail.kind.in_(council_kinds)))
    assert not db.scalar(select(DocumentBuild.id).where(DocumentBuild.edition_id == second.id))
    assert not db.scalar(select(Job.id).where(Job.name == "documents.build"))


def _council_counts(db: Session) -> dict[str, int]:
    return {
        model.__name__: db.scalar(select(func.count()).select_from(model)) or 0
        for model in (
            CouncilParty,
            CouncilMember,
            CouncilDecision,
            Amendment,
            AmendmentSignature,
            CouncilVote,
            ProductSheetStep,
            AuditEntry,
        )
    }


def test_a_second_load_changes_nothing_in_the_council(db: Session) -> None:
    decision = _decision(db)
    before = _council_counts(db)
    state, version = decision.state, decision.version
    zeist = db.info[ORGANIZATION_KEY]
    report = load_demo(db)
    db.flush()
    db.info[ORGANIZATION_KEY] = zeist
    assert (report.created, report.updated) == (0, 0)
    assert _council_counts(db) == before
    assert (decision.state, decision.version) == (state, version)
