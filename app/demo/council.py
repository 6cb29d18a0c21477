"""Zeist's council decides on the central white paper, autumn 2011. In September the last
product sheets are signed off (the two sent back are put right first); on 18 October the
admin submits edition 2, for the council meeting of 8 November. Councillors of every party
file sixteen amendments in the week before, and co-sign each other's; on the evening of
the 8th the clerk records the votes (eight carried, eight defeated, one vote corrected with
a reason before the vote on the whole) and the vote on the edition as amended; two days
later she publishes the decision.

The parties and who sits for which are the council's present composition, set through
the clerk's own use cases. The rest is history: inserted directly with its 2011 dates and
the audit entries the use cases write, as the editions demo does (the use cases stamp the
present, tell every councillor by bell and mail, and publishing would queue the decision's
documents; the demo does none of that, as it leaves edition 2's documents unbuilt). States
still move only through the council's transition tables. Once the process has a decision
this adds nothing."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit.service import SYSTEM_ACTOR, signature
from app.council import party_service
from app.council.queries import decision_of
from app.council.states import (
    AmendmentKind,
    AmendmentState,
    DecisionEvent,
    DecisionState,
    PartyVote,
    VoteMode,
    amendment_transition,
    decision_transition,
    vote_event,
)
from app.council.vote_service import Tally
from app.demo import council_texts as texts
from app.demo import product_sheet_texts as sheet_texts
from app.demo.data import ORGANIZATIONS, DemoOrganization
from app.demo.editions import ADMIN, ADVISER, OFFICIAL, _action, _audit
from app.demo.people import SEED, local
from app.demo.processes import ZEIST_CHEFS
from app.demo.recruitment import zeist_process
from app.models import (
    Amendment,
    AmendmentSignature,
    CentralWhitePaper,
    CouncilDecision,
    CouncilMember,
    CouncilParty,
    CouncilVote,
    EditionEntry,
    Process,
    ProductSheet,
    ProductSheetStep,
    User,
)
from app.phases.kinds import PhaseKind
from app.product_sheets.queries import SAVED
from app.product_sheets.service import STEPPED
from app.product_sheets.states import SheetStep

CLERK = "griffie@zeist.example"
SIGN_OFF_FROM = local(2011, 9, 5, 9)
SUBMITTED_AT = local(2011, 10, 18, 14)
MEETING_ON = date(2011, 11, 8)
VOTES_FROM = local(2011, 11, 8, 20, 35)  # the first amendment's vote; one every few minutes
CORRECTED_AT = local(2011, 11, 8, 22, 50)
FINAL_VOTE_AT = local(2011, 11, 8, 23, 5)
PUBLISHED_AT = local(2011, 11, 10, 11)
PHASE_REASON = "Aangeboden aan de raad"


def ensure_council(db: Session, organization_slug: str) -> int:
    """Returns rows added."""
    demo = next((d for d in ORGANIZATIONS if d.slug == organization_slug), None)
    if demo is None:
        return 0
    added = _ensure_parties(db, demo)
    if organization_slug != "zeist":
        return added
    found = zeist_process(db)
    if found is None:
        return added
    process, groups = found
    if decision_of(db, process) is not None:
        return added
    edition = db.scalar(
        select(CentralWhitePaper)
        .where(CentralWhitePaper.process_id == process.id)
        .order_by(CentralWhitePaper.number.desc())
        .limit(1)
    )
    if edition is None or edition.published_at is None:
        return added
    councillors = {c.email for c in demo.councillors}
    emails = [ADMIN, CLERK, OFFICIAL, ADVISER, *ZEIST_CHEFS.values(), *councillors]
    people = {u.email: u for u in db.scalars(select(User).where(User.email.in_(emails)))}
    if any(email not in people for email in emails):
        return added
    chefs = {group.id: people[ZEIST_CHEFS[name]] for name, group in groups.items()}
    added += _sign_off_the_rest(db, edition, chefs, people)
    decision = _submit(db, process, edition, people[ADMIN])
    amendments = _file(db, process, decision, edition, people)
    added += 1 + sum(1 + len(plan.cosigners) for _amendment, plan in amendments)
    added += _vote(db, decision, amendments, people[CLERK])
    _publish(db, decision, people[CLERK])
    return added


# --- the council's composition ---------------------------------------------------------------


def _ensure_parties(db: Session, demo: DemoOrganization) -> int:
    """The parties with their seats, and the party of each demo councillor: what the clerk
    keeps on the parties page. Once there are parties, the clerk's list is left as it is."""
    if not demo.parties:
        return 0
    added = 0
    parties = {p.name: p for p in db.scalars(select(CouncilParty))}
    if not parties:
        for wanted in demo.parties:
            parties[wanted.name] = party_service.add_party(
                db, SYSTEM_ACTOR, wanted.name, wanted.seats
            )
            added += 1
    emails = [c.email for c in demo.councillors]
    users = {u.email: u for u in db.scalars(select(User).where(User.email.in_(emails)))}
    seated = set(db.scalars(select(CouncilMember.user_id)))
    for councillor in demo.councillors:
        user, party = users.get(councillor.email), parties.get(councillor.party)
        if user is not None and party is not None and user.id not in seated:
            party_service.set_member_party(db, SYSTEM_ACTOR, user, party)
            added += 1
    return added


# --- the last sign-offs ----------------------------------------------------------------------


def _sign_off_the_rest(
    db: Session, edition: CentralWhitePaper, chefs: dict[int, User], people: dict[str, User]
) -> int:
    """Every sheet of the edition still under way goes the rest of its way, after the
    summer: the official puts a sheet sent back right and passes it on, the financial
    adviser approves, the group's chef signs off."""
    sheets = db.scalars(
        select(ProductSheet)
        .join(EditionEntry, EditionEntry.proposal_id == ProductSheet.proposal_id)
        .where(
            EditionEntry.edition_id == edition.id,
            ProductSheet.step != SheetStep.SIGNED_OFF.value,
        )
        .order_by(ProductSheet.id)
    ).all()
    if not sheets:
        return 0
    last: dict[int, datetime] = {}
    for step in db.scalars(
        select(ProductSheetStep).where(ProductSheetStep.sheet_id.in_([s.id for s in sheets]))
    ):
        last[step.sheet_id] = max(step.created_at, last.get(step.sheet_id, step.created_at))
    rng = random.Random(f"{SEED}:aftekenen")  # noqa: S311 - demo data
    official, adviser = people[OFFICIAL], people[ADVISER]
    moves: list[tuple[ProductSheet, ProductSheetStep]] = []
    for sheet in sheets:
        at = max(last.get(sheet.id, SIGN_OFF_FROM), SIGN_OFF_FROM)
        at += timedelta(days=rng.randint(0, 6), hours=rng.randint(0, 6))
        path: list[tuple[SheetStep, SheetStep, User]] = []
        if sheet.step == SheetStep.OFFICIAL:
            _put_right(db, sheet, official, at)
            at += timedelta(days=rng.randint(1, 3))
            path.append((SheetStep.OFFICIAL, SheetStep.FINANCE, official))
        if sheet.step in (SheetStep.OFFICIAL, SheetStep.FINANCE):
            path.append((SheetStep.FINANCE, SheetStep.CHEF, adviser))
        path.append((SheetStep.CHEF, SheetStep.SIGNED_OFF, chefs[sheet.group_id]))
        for from_step, to_step, actor in path:
            step = ProductSheetStep(
                sheet_id=sheet.id, from_step=from_step.value, to_step=to_step.value,
                actor_id=actor.id, actor_label=signature(actor), reason=None, created_at=at,
            )  # fmt: skip
            moves.append((sheet, step))
            sheet.step, sheet.returned_reason = to_step.value, None
            at += timedelta(days=rng.randint(2, 6), hours=rng.randint(0, 5))
    db.add_all([step for _sheet, step in moves])
    db.flush()
    actors = {u.id: u for u in (official, adviser, *chefs.values())}
    for sheet, step in moves:
        action = _action(SheetStep(step.from_step), SheetStep(step.to_step))
        _audit(
            db, actors[step.actor_id or 0], STEPPED, sheet, step.created_at,
            before={"step": step.from_step}, after={"step": step.to_step, "action": action.value},
        )  # fmt: skip
    return len(moves)


def _put_right(db: Session, sheet: ProductSheet, official: User, at: datetime) -> None:
    """The official answers the reason the sheet came back with."""
    reason = sheet.returned_reason or ""
    if reason == sheet_texts.SENT_BACK[0]:
        # The measure starts in April: three quarters of the first year's saving.
        effect = {year: list(pair) for year, pair in sheet.financial_effect.items()}
        first = min(effect)
        effect[first][0] = int(round(effect[first][0] * 0.75, -3))
        sheet.financial_effect, fields = effect, ["financial_effect"]
    elif reason == sheet_texts.SENT_BACK[1]:
        sheet.staff_effect += sheet_texts.PUT_RIGHT[1]
        fields = ["staff_effect"]
    else:
        sheet.legal_aspects += sheet_texts.PUT_RIGHT[2]
        fields = ["legal_aspects"]
    before = {"version": sheet.version}
    sheet.version += 1
    sheet.updated_at, sheet.updated_by = at, signature(official)
    _audit(db, official, SAVED, sheet, at, before=before,
           after={"version": sheet.version, "fields": fields})  # fmt: skip


# --- submission, amendments, votes, publication ------------------------------------------------


def _submit(
    db: Session, process: Process, edition: CentralWhitePaper, admin: User
) -> CouncilDecision:
    decision = CouncilDecision(
        process_id=process.id,
        edition_id=edition.id,
        state=DecisionState.OPEN.value,
        meeting_on=MEETING_ON,
        note=texts.NOTE,
        submitted_at=SUBMITTED_AT,
        submitted_by=signature(admin),
    )
    db.add(decision)
    db.flush()
    _audit(db, admin, "council.submitted", decision, SUBMITTED_AT,
           after={"edition": edition.number, "meeting_on": MEETING_ON.isoformat()})  # fmt: skip
    before = process.current_phase
    process.current_phase = PhaseKind.COUNCIL_DECISION
    _audit(db, admin, "process.phase_changed", process, SUBMITTED_AT, before={"phase": before},
           after={"phase": PhaseKind.COUNCIL_DECISION.value}, reason=PHASE_REASON)  # fmt: skip
    return decision


def _file(
    db: Session,
    process: Process,
    decision: CouncilDecision,
    edition: CentralWhitePaper,
    people: dict[str, User],
) -> list[tuple[Amendment, texts.DemoAmendment]]:
    """The amendments in the order filed, each with its co-signatures."""
    entries = {
        e.title: e
        for e in db.scalars(select(EditionEntry).where(EditionEntry.edition_id == edition.id))
    }
    sheets = {
        s.proposal_id: s
        for s in db.scalars(select(ProductSheet).where(ProductSheet.process_id == process.id))
    }
    party_of = {
        row.user_id: row.name
        for row in db.execute(
            select(CouncilMember.user_id, CouncilParty.name).join(
                CouncilParty, CouncilParty.id == CouncilMember.party_id
            )
        )
    }
    rng = random.Random(f"{SEED}:amendementen")  # noqa: S311 - demo data
    made: list[tuple[Amendment, texts.DemoAmendment]] = []
    for plan in texts.AMENDMENTS:
        entry = entries.get(plan.measure)
        sheet = sheets.get(entry.proposal_id) if entry is not None else None
        if entry is None or sheet is None:
            continue
        filer, filed_at = people[plan.filer], local(2011, 11, *plan.filed)
        kind = AmendmentKind(plan.kind)
        amounts = {y: list(pair) for y, pair in plan.amounts.items()} if plan.amounts else None
        amendment = Amendment(
            process_id=process.id, decision_id=decision.id, entry_id=entry.id,
            sheet_id=sheet.id, proposal_id=entry.proposal_id, number=len(made) + 1,
            kind=kind.value, state=AmendmentState.FILED.value, explanation=plan.explanation,
            condition=plan.condition if kind == AmendmentKind.CONDITION else "",
            amounts=amounts if kind == AmendmentKind.CHANGE else None,
            filer_id=filer.id, filer_label=signature(filer),
            party=party_of.get(filer.id, ""), filed_at=filed_at,
        )  # fmt: skip
        db.add(amendment)
        db.flush()
        _audit(db, filer, "amendment.filed", amendment, filed_at,
               after={"number": amendment.number, "kind": amendment.kind,
                      "proposal": entry.proposal_id, "amounts": amendment.amounts})  # fmt: skip
        for email in plan.cosigners:
            cosigner = people[email]
            window = (VOTES_FROM - timedelta(hours=1) - filed_at).total_seconds()
            signed_at = filed_at + timedelta(minutes=int(window * rng.uniform(0.05, 0.6) / 60))
            db.add(
                AmendmentSignature(
                    amendment_id=amendment.id, user_id=cosigner.id, label=signature(cosigner),
                    party=party_of.get(cosigner.id, ""), signed_at=signed_at,
                )
            )  # fmt: skip
            _audit(db, cosigner, "amendment.cosigned", amendment, signed_at,
                   after={"number": amendment.number})  # fmt: skip
        made.append((amendment, plan))
    db.flush()
    return made


def _tally(votes: texts.Votes, parties: list[CouncilParty]) -> Tally:
    if votes.counts is not None:
        return Tally(VoteMode.COUNTS, *votes.counts)
    rows: list[dict[str, Any]] = []
    for party in parties:
        vote = (
            PartyVote.FOR
            if party.name in votes.parties_for
            else PartyVote.ABSENT
            if party.name in votes.absent
            else PartyVote.AGAINST
        )
        rows.append({"party": party.name, "seats": party.seats, "vote": vote.value})
    seats = {v: sum(r["seats"] for r in rows if r["vote"] == v) for v in PartyVote}
    return Tally(VoteMode.PARTIES, seats[PartyVote.FOR], seats[PartyVote.AGAINST], rows)


def _vote_row(
    decision: CouncilDecision,
    amendment: Amendment | None,
    tally: Tally,
    clerk: User,
    at: datetime,
    corrects: CouncilVote | None = None,
    reason: str | None = None,
) -> CouncilVote:
    return CouncilVote(
        decision_id=decision.id, amendment_id=amendment.id if amendment else None,
        mode=tally.mode.value, votes_for=tally.votes_for, votes_against=tally.votes_against,
        parties=tally.parties, carried=tally.carried,
        corrects_id=corrects.id if corrects else None, reason=reason,
        recorded_by_id=clerk.id, recorded_by=signature(clerk), recorded_at=at,
    )  # fmt: skip


def _summary(tally: Tally) -> dict[str, Any]:
    return {
        "for": tally.votes_for,
        "against": tally.votes_against,
        "carried": tally.carried,
        "mode": tally.mode.value,
    }


def _vote(
    db: Session,
    decision: CouncilDecision,
    amendments: list[tuple[Amendment, texts.DemoAmendment]],
    clerk: User,
) -> int:
    """The evening of 8 November: each amendment's vote in turn, the one correction, then
    the vote on the whole. Returns the votes recorded."""
    parties = list(
        db.scalars(
            select(CouncilParty)
            .where(CouncilParty.active.is_(True))
            .order_by(CouncilParty.position, CouncilParty.name)
        )
    )
    rng = random.Random(f"{SEED}:stemmingen")  # noqa: S311 - demo data
    corrections: list[tuple[Amendment, CouncilVote, texts.DemoAmendment]] = []
    for index, (amendment, plan) in enumerate(amendments):
        at = VOTES_FROM + timedelta(minutes=7 * index + rng.randint(0, 3))
        first = _record(db, decision, amendment, plan.recorded_first or plan.vote, parties,
                        clerk, at)  # fmt: skip
        if plan.recorded_first is not None:
            corrections.append((amendment, first, plan))
    for amendment, previous, plan in corrections:
        _record(db, decision, amendment, plan.vote, parties, clerk, CORRECTED_AT,
                corrects=previous, reason=plan.correction)  # fmt: skip
    tally = _tally(texts.FINAL_VOTE, parties)
    before = decision.state
    decision.state = decision_transition(decision.state, DecisionEvent.FINAL_VOTE).value
    decision.version += 1
    vote = _vote_row(decision, None, tally, clerk, FINAL_VOTE_AT)
    db.add(vote)
    db.flush()
    _audit(db, clerk, "council.final_vote_recorded", decision, FINAL_VOTE_AT,
           before={"state": before}, after={"state": decision.state, "vote": vote.id,
                                            **_summary(tally)})  # fmt: skip
    return len(amendments) + len(corrections) + 1


def _record(
    db: Session,
    decision: CouncilDecision,
    amendment: Amendment,
    votes: texts.Votes,
    parties: list[CouncilParty],
    clerk: User,
    at: datetime,
    *,
    corrects: CouncilVote | None = None,
    reason: str | None = None,
) -> CouncilVote:
    tally = _tally(votes, parties)
    correction = corrects is not None
    before = amendment.state
    amendment.state = amendment_transition(
        amendment.state, vote_event(tally.carried, correction=correction)
    ).value
    vote = _vote_row(decision, amendment, tally, clerk, at, corrects, reason)
    db.add(vote)
    db.flush()
    _audit(
        db, clerk, "council.vote_corrected" if correction else "council.vote_recorded",
        amendment, at,
        before={"state": before, **({"vote": corrects.id} if corrects else {})},
        after={"state": amendment.state, "vote": vote.id, **_summary(tally)}, reason=reason,
    )  # fmt: skip
    return vote


def _publish(db: Session, decision: CouncilDecision, clerk: User) -> None:
    """Public as it stands. The decision's documents are built when someone asks for them,
    as edition 2's are."""
    before = decision.state
    decision.state = decision_transition(decision.state, DecisionEvent.PUBLISH).value
    decision.published_at, decision.published_by = PUBLISHED_AT, signature(clerk)
    decision.version += 1
    db.flush()
    _audit(db, clerk, "council.decision_published", decision, PUBLISHED_AT,
           before={"state": before}, after={"state": decision.state})  # fmt: skip
