from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime
from itertools import pairwise

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.access.roles import Role, ScopeType
from app.db import ALL_ORGANIZATIONS, ORGANIZATION_KEY, utcnow
from app.demo.data import ORGANIZATIONS
from app.demo.loader import load_demo
from app.demo.people import ANNELIES
from app.demo.processes import ZEIST
from app.green_papers.states import GreenPaperStatus
from app.models import (
    Amendment,
    AmendmentSignature,
    ApplicationBudgetLine,
    AuditEntry,
    CentralWhitePaper,
    ChefApplication,
    CouncilDecision,
    CouncilMember,
    CouncilParty,
    CouncilVote,
    EditionChapter,
    EditionEntry,
    ExpertApplication,
    GreenPaper,
    GreenPaperSection,
    Group,
    Meeting,
    MeetingRegistration,
    Notification,
    OfficialQuestion,
    Organization,
    OrganizationHost,
    Page,
    Process,
    ProductSheet,
    ProductSheetStep,
    Proposal,
    ProposalAmount,
    ProposalBudgetLine,
    ProposalComment,
    ProposalRevision,
    ProposalSupport,
    ProposalTransition,
    Review,
    RoleAssignment,
    SectionComment,
    SectionRevision,
    User,
    ValidatedAmount,
    WhitePaper,
    WorkshopInput,
)
from app.phases.kinds import PhaseKind
from app.proposals.states import ProposalState
from app.recruitment.queries import coverage
from app.recruitment.states import ApplicationStatus, ChefApplicationStatus


def _counts(db: Session) -> dict[str, int]:
    return {
        model.__name__: db.scalar(
            select(func.count()).select_from(model), execution_options={ALL_ORGANIZATIONS: True}
        )
        or 0
        for model in (
            Organization,
            OrganizationHost,
            Page,
            AuditEntry,
            User,
            RoleAssignment,
            ExpertApplication,
            ApplicationBudgetLine,
            ChefApplication,
            Meeting,
            MeetingRegistration,
            Notification,
            GreenPaper,
            GreenPaperSection,
            SectionRevision,
            SectionComment,
            WorkshopInput,
            Proposal,
            ProposalAmount,
            ProposalTransition,
            ProposalRevision,
            ProposalComment,
            ProposalSupport,
            OfficialQuestion,
            Review,
            ValidatedAmount,
            WhitePaper,
            CentralWhitePaper,
            EditionChapter,
            EditionEntry,
            ProductSheet,
            ProductSheetStep,
            CouncilParty,
            CouncilMember,
            CouncilDecision,
            Amendment,
            AmendmentSignature,
            CouncilVote,
        )
    }


def test_loading_twice_changes_nothing(db: Session) -> None:
    first = load_demo(db)
    db.flush()
    after_first = _counts(db)
    second = load_demo(db)
    db.flush()
    assert first.created > 0
    assert (second.created, second.updated) == (0, 0)
    assert _counts(db) == after_first
    assert after_first["ExpertApplication"] > 250
    assert after_first["Meeting"] == 26
    assert after_first["GreenPaper"] == 8
    assert after_first["Proposal"] >= 200
    assert after_first["WhitePaper"] == 8
    assert after_first["CentralWhitePaper"] == 2
    assert after_first["ProductSheet"] >= 60
    assert after_first["CouncilDecision"] == 1
    assert after_first["Amendment"] == 16


def test_the_demo_has_both_cases_on_their_own_hosts(db: Session) -> None:
    load_demo(db)
    db.flush()
    hosts = dict(
        db.execute(select(OrganizationHost.host, Organization.slug).join(Organization)).all()
    )
    assert hosts["localhost"] == "zeist"
    assert hosts["hoogeveen.localhost"] == "hoogeveen"
    assert {o.slug for o in ORGANIZATIONS} == {"zeist", "hoogeveen"}


def test_a_changed_demo_text_is_updated_not_duplicated(db: Session) -> None:
    load_demo(db)
    db.flush()
    zeist = db.scalar(select(Organization).where(Organization.slug == "zeist"))
    assert zeist is not None
    zeist.name = "Gemeente Zeist (oud)"
    db.flush()
    report = load_demo(db)
    db.flush()
    assert report.updated == 1
    assert zeist.name == "Gemeente Zeist"


def test_there_is_a_demo_account_for_every_role(db: Session) -> None:
    load_demo(db)
    db.flush()
    zeist = db.scalar(select(Organization).where(Organization.slug == "zeist"))
    assert zeist is not None
    roles = set(
        db.scalars(
            select(RoleAssignment.role).where(RoleAssignment.organization_id == zeist.id),
            execution_options={ALL_ORGANIZATIONS: True},
        )
    )
    assert roles == {r.value for r in Role}


# --- the Zeist case: recruitment, meetings, the bell --------------------------------------


def _zeist(db: Session) -> tuple[Process, dict[str, Group]]:
    """Load the demo and scope the session to Zeist, as a request there would be."""
    load_demo(db)
    db.flush()
    zeist = db.scalar(select(Organization).where(Organization.slug == "zeist"))
    assert zeist is not None
    db.info[ORGANIZATION_KEY] = zeist.id
    process = db.scalar(select(Process).where(Process.slug == ZEIST.slug))
    assert process is not None
    groups = db.scalars(select(Group).where(Group.process_id == process.id))
    return process, {group.name: group for group in groups}


def test_the_zeist_groups_are_filled_with_experts(db: Session) -> None:
    process, groups = _zeist(db)
    assert process.current_phase == PhaseKind.COUNCIL_DECISION  # its last phase
    applications = db.scalars(select(ExpertApplication)).all()
    accepted = [a for a in applications if a.status == ApplicationStatus.ACCEPTED]
    assert 200 <= len(accepted) <= 360
    for group in groups.values():
        mine = Counter(a.status for a in applications if a.group_id == group.id)
        assert 25 <= mine[ApplicationStatus.ACCEPTED] <= 45, group.name
        assert 2 <= mine[ApplicationStatus.PENDING] <= 4, group.name
        assert 1 <= mine[ApplicationStatus.DECLINED] + mine[ApplicationStatus.WITHDRAWN] <= 2
        # The chef's coverage view has something to show: claimed lines, and a gap.
        lines = coverage(db, group).lines
        assert any(line.claimed_by for line in lines), group.name
        assert any(not line.claimed_by for line in lines), group.name
    for application in applications:
        if application.status in (ApplicationStatus.ACCEPTED, ApplicationStatus.DECLINED):
            assert application.decided_by
            assert application.decided_by.endswith(")")
        if application.status == ApplicationStatus.DECLINED:
            assert application.decision_message
    assert len({a.motivation for a in applications}) > len(applications) // 2

    annelies = db.scalar(select(User).where(User.email == ANNELIES))
    assert annelies is not None
    assert any(a.user_id == annelies.id and a.group_id == groups["Onderwijs"].id for a in accepted)
    ruud_label = next(
        a.decided_by for a in accepted if a.group_id == groups["Burger en Bestuur"].id
    )
    assert ruud_label is not None
    assert ruud_label.startswith("Ruud (Chef Burger en Bestuur) (#")


def test_every_accepted_expert_holds_the_expert_role_on_their_group(db: Session) -> None:
    _zeist(db)
    accepted = {
        tuple(row)
        for row in db.execute(
            select(ExpertApplication.user_id, ExpertApplication.group_id).where(
                ExpertApplication.status == ApplicationStatus.ACCEPTED
            )
        )
    }
    held = {
        tuple(row)
        for row in db.execute(
            select(RoleAssignment.user_id, RoleAssignment.scope_id).where(
                RoleAssignment.role == Role.EXPERT,
                RoleAssignment.scope_type == ScopeType.GROUP,
                RoleAssignment.revoked_at.is_(None),
            )
        )
    }
    assert accepted
    assert accepted <= held


def test_the_chefs_came_from_the_open_call(db: Session) -> None:
    process, groups = _zeist(db)
    calls = db.scalars(
        select(ChefApplication).where(ChefApplication.process_id == process.id)
    ).all()
    selected = [c for c in calls if c.status == ChefApplicationStatus.SELECTED]
    assert {c.selected_group_id for c in selected} == {g.id for g in groups.values()}
    passed_over = [c for c in calls if c.status == ChefApplicationStatus.NOT_SELECTED]
    assert len(passed_over) == 2
    assert all(c.decision_message for c in passed_over)
    officials = set(
        db.scalars(
            select(RoleAssignment.user_id).where(
                RoleAssignment.role == Role.OFFICIAL, RoleAssignment.revoked_at.is_(None)
            )
        )
    )
    assert {c.user_id for c in calls} <= officials


def test_the_zeist_meetings(db: Session) -> None:
    process, groups = _zeist(db)
    meetings = db.scalars(
        select(Meeting).where(Meeting.process_id == process.id).order_by(Meeting.starts_at)
    ).all()
    now = utcnow()
    kickoffs = [m for m in meetings if m.group_id is None]
    evenings = [m for m in meetings if m.group_id is not None and m.starts_at < now]
    upcoming = [m for m in meetings if m.starts_at > now]
    assert len(kickoffs) == 1
    assert kickoffs[0].phase == PhaseKind.KICKOFF
    assert kickoffs[0].starts_at == datetime(2011, 2, 28, 18, 30, tzinfo=UTC)  # 19:30 CET
    assert kickoffs[0].minutes
    assert kickoffs[0].minutes_public
    assert len(evenings) == 24
    assert {m.phase for m in evenings} == {PhaseKind.GREEN_PAPER}
    for group in groups.values():
        own = [m for m in evenings if m.group_id == group.id]
        assert [bool(m.minutes) for m in own] == [True, True, False], group.name
    registrations = db.scalars(select(MeetingRegistration)).all()
    past_ids = {m.id for m in kickoffs + evenings}
    past = [r for r in registrations if r.meeting_id in past_ids]
    assert past
    assert all(r.attended is not None for r in past)
    assert any(r.attended for r in past)
    assert not all(r.attended for r in past)

    assert len(upcoming) == 1
    (reunion,) = upcoming
    assert reunion.group_id == groups["Onderwijs"].id
    assert reunion.capacity == 12
    coming = [r for r in registrations if r.meeting_id == reunion.id]
    assert len(coming) == 11
    assert all(r.attended is None for r in coming)
    # Annelies can take the last place.
    annelies = db.scalar(select(User.id).where(User.email == ANNELIES))
    assert annelies not in {r.user_id for r in coming}


def test_the_bell_shows_something_for_annelies_and_ruud(db: Session) -> None:
    process, _groups = _zeist(db)
    unread = db.execute(
        select(User.email, Notification.kind, Notification.link)
        .join(User, User.id == Notification.user_id)
        .where(Notification.read_at.is_(None))
    ).all()
    kinds = {(email, kind) for email, kind, _link in unread}
    assert ("ruud@zeist.example", "application_received") in kinds
    assert {(ANNELIES, "application_decided"), (ANNELIES, "meeting_invitation")} <= kinds
    assert all(link.startswith(f"/processen/{process.slug}/") for _e, _k, link in unread)


def test_every_zeist_theme_has_a_continued_green_paper(db: Session) -> None:
    process, groups = _zeist(db)
    papers = {p.group_id: p for p in db.scalars(select(GreenPaper))}
    assert set(papers) == {g.id for g in groups.values()}
    for paper in papers.values():
        assert paper.process_id == process.id
        assert paper.status == GreenPaperStatus.CONTINUED
        assert paper.decision_reason
        assert paper.decided_by is not None
        assert paper.decided_by.startswith("Wethouder Financiën (#")
        assert paper.submitted_at is not None
        assert paper.decided_at is not None
        assert datetime(2011, 4, 10, tzinfo=UTC) < paper.submitted_at < paper.decided_at
        assert paper.decided_at.date() == date(2011, 4, 19)

    sections = db.scalars(select(GreenPaperSection)).all()
    revisions: dict[int, list[SectionRevision]] = {}
    for revision in db.scalars(select(SectionRevision).order_by(SectionRevision.number)):
        revisions.setdefault(revision.section_id, []).append(revision)
    per_paper: Counter[int] = Counter()
    for section in sections:
        mine = revisions[section.id]
        assert 2 <= len(mine) <= 4, section.title
        assert [r.number for r in mine] == list(range(1, len(mine) + 1))
        last = mine[-1]
        assert section.version == last.number
        assert (section.body, section.title) == (last.body, last.title)
        assert (section.updated_by, section.updated_at) == (last.author_label, last.created_at)
        assert last.body
        assert all(a.created_at < b.created_at for a, b in pairwise(mine))
        assert all(r.author_label.endswith(f"(#{r.author_id})") for r in mine)
        assert len({r.author_id for r in mine[1:]}) == len(mine) - 1  # different writers
        per_paper[section.green_paper_id] += len(mine)
    titles = {s.title for s in sections}
    assert {"Context", "Het probleem", "Kaders", "Richtingen om te verkennen"} <= titles
    assert "Wat inwoners ons vertelden" in titles
    bestuur = papers[groups["Burger en Bestuur"].id]
    assert per_paper.most_common(1)[0][0] == bestuur.id
    # Nothing in the history is dated after the board's decision.
    assert bestuur.decided_at is not None
    assert max(r.created_at for rs in revisions.values() for r in rs) < bestuur.decided_at


def test_green_paper_comments_and_the_council_workshop(db: Session) -> None:
    _process, groups = _zeist(db)
    bestuur = db.scalar(
        select(GreenPaper).where(GreenPaper.group_id == groups["Burger en Bestuur"].id)
    )
    assert bestuur is not None
    comments = db.scalars(select(SectionComment)).all()
    assert any(c.parent_id for c in comments)
    hidden = [c for c in comments if c.hidden_at is not None]
    assert len(hidden) == 1
    assert hidden[0].hidden_reason
    assert hidden[0].hidden_by is not None
    assert hidden[0].hidden_by.startswith("Ruud (Chef Burger en Bestuur) (#")
    by_id = {c.id: c for c in comments}
    assert all(by_id[c.parent_id].created_at < c.created_at for c in comments if c.parent_id)

    inputs = db.scalars(select(WorkshopInput)).all()
    assert len(inputs) == 3
    assert sum(1 for i in inputs if i.green_paper_id == bestuur.id) == 2
    joost = db.scalar(select(User.id).where(User.email == "joost@zeist.example"))
    for given in inputs:
        assert given.author_id == joost
        assert given.answer
        assert given.answered_by is not None
        assert given.answered_by.endswith(")")
        assert given.answered_at is not None
        start, end = datetime(2011, 4, 20, tzinfo=UTC), datetime(2011, 4, 29, tzinfo=UTC)
        assert start < given.created_at < given.answered_at < end
    actions = Counter(
        db.scalars(select(AuditEntry.action).where(AuditEntry.action.like("green_paper.%")))
    )
    assert actions["green_paper.started"] == actions["green_paper.continued"] == 8
    assert actions["green_paper.workshop_answer"] == 3
    assert actions["green_paper.section_saved"] > 50


# --- proposals, their discussion and reviews, the white papers --------------------------------


def test_the_zeist_proposals_in_every_state(db: Session) -> None:
    _process, groups = _zeist(db)
    proposals = db.scalars(select(Proposal).options(selectinload(Proposal.amounts))).all()
    assert 200 <= len(proposals) <= 240
    assert {p.state for p in proposals} == {s.value for s in ProposalState}
    for group in groups.values():
        mine = Counter(p.state for p in proposals if p.group_id == group.id)
        assert 25 <= sum(mine.values()) <= 30, group.name
        assert mine["included"] + mine["in_discussion"] > sum(mine.values()) / 2, group.name
    by_id = {p.id: p for p in proposals}
    supports = Counter(db.scalars(select(ProposalSupport.proposal_id)))
    transitions: dict[int, list[ProposalTransition]] = {}
    for t in db.scalars(select(ProposalTransition).order_by(ProposalTransition.created_at)):
        transitions.setdefault(t.proposal_id, []).append(t)
    revisions = Counter(db.scalars(select(ProposalRevision.proposal_id)))
    # One proposal went into its white paper between the two editions, in late June.
    may, june = datetime(2011, 5, 1, tzinfo=UTC), datetime(2011, 7, 5, tzinfo=UTC)
    for p in proposals:
        assert [a.year for a in p.amounts] == [2012, 2013, 2014, 2015]
        assert p.claimed_total == sum(a.structural + a.one_off for a in p.amounts)
        assert p.support_count == supports[p.id]
        path = transitions[p.id]
        assert path[0].from_state is None
        assert path[-1].to_state == p.state
        assert all(a.to_state == b.from_state for a, b in pairwise(path))
        assert all(may < t.created_at < june for t in path)
        if p.state == "draft":
            assert p.submitted_at is None
            assert revisions[p.id] == 0
        else:
            assert p.version == revisions[p.id] >= 1
        if p.state in ("rejected", "merged"):
            assert p.state_reason
        if p.state == "merged":
            assert p.merged_into_id is not None
            assert by_id[p.merged_into_id].group_id == p.group_id
    assert max(revisions.values()) == 3
    actions = Counter(
        db.scalars(select(AuditEntry.action).where(AuditEntry.action.like("proposal.%")))
    )
    assert actions["proposal.drafted"] == len(proposals)
    assert actions["proposal.include"] == sum(1 for p in proposals if p.state == "included")
    assert actions["proposal.reject"] == sum(1 for p in proposals if p.state == "rejected")


def test_the_zeist_discussion_questions_and_reviews(db: Session) -> None:
    _zeist(db)
    comments = db.scalars(select(ProposalComment)).all()
    assert any(c.parent_id for c in comments)
    assert sum(1 for c in comments if c.flag_count and not c.flags_handled) >= 2
    hidden = [c for c in comments if c.hidden_at is not None]
    assert len(hidden) == 1
    assert hidden[0].hidden_reason
    questions = db.scalars(select(OfficialQuestion)).all()
    assert sum(1 for q in questions if q.answer is None) >= 2
    assert all(q.answered_by.startswith("Sanne") for q in questions if q.answered_by)
    reviews = db.scalars(select(Review).options(selectinload(Review.amounts))).all()
    kinds = Counter(r.kind for r in reviews)
    assert kinds["legal"] > 50
    assert kinds["financial"] > 50
    assert any(r.needs_another_look for r in reviews)
    claims = {(a.proposal_id, a.year): a.structural for a in db.scalars(select(ProposalAmount))}
    for review in reviews:
        if review.kind == "financial":
            assert [a.year for a in review.amounts] == [2012, 2013, 2014, 2015]
            assert all(a.structural <= claims[(review.proposal_id, a.year)] for a in review.amounts)
    # Some proposals of different themes touch the same budget line.
    rows = db.execute(
        select(ProposalBudgetLine.budget_line_id, Proposal.group_id).join(
            Proposal, Proposal.id == ProposalBudgetLine.proposal_id
        )
    ).all()
    groups_per_line: dict[int, set[int]] = {}
    for line_id, group_id in rows:
        groups_per_line.setdefault(line_id, set()).add(group_id)
    assert 3 <= sum(1 for g in groups_per_line.values() if len(g) > 1) <= 4


def test_every_zeist_white_paper_is_submitted(db: Session) -> None:
    """Six went in early June; Ruud's and Veiligheid's just before the phase ended."""
    _process, groups = _zeist(db)
    papers = {p.group_id: p for p in db.scalars(select(WhitePaper))}
    assert set(papers) == {g.id for g in groups.values()}
    assert {p.status for p in papers.values()} == {"submitted"}
    # Proposals changed after the first edition (between the two editions) are the exception.
    first_edition = db.scalars(
        select(CentralWhitePaper.compiled_at).order_by(CentralWhitePaper.number)
    ).first()
    assert first_edition is not None
    for paper in papers.values():
        assert paper.introduction
        included = db.scalars(
            select(Proposal).where(
                Proposal.group_id == paper.group_id, Proposal.state == "included"
            )
        ).all()
        assert sorted(p.white_paper_position or 0 for p in included) == list(
            range(1, len(included) + 1)
        )
        assert paper.submitted_at is not None
        assert datetime(2011, 5, 25, tzinfo=UTC) < paper.submitted_at
        assert paper.submitted_at < datetime(2011, 6, 7, tzinfo=UTC)
        assert paper.submitted_by
        assert all(
            p.updated_at < paper.submitted_at for p in included if p.updated_at < first_edition
        )
