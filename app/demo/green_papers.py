"""The Zeist green papers: one per theme group, written in March and April 2011 by the
group's experts (every save a revision), commented on, submitted by the chef, continued by
the board on 19 April with a reason, and discussed in the council workshop.

Rows are inserted directly, with their dates in 2011: the use cases are gated by phase and
stamp the present time, and their notifications would fill today's bell with 2011 news.
Each row gets the audit entry its use case writes. Revisions are append-only, so each is
made once with its final values; a section's text is its last revision's. A paper is found
again by its group: a group that has one is left alone, and a second run adds nothing.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.roles import Role, ScopeType
from app.audit.service import SYSTEM_ACTOR, record, signature
from app.demo.green_paper_texts import (
    COMMENTS,
    DECISIONS,
    DRAFT_NOTES,
    PAPERS,
    USUAL_SECTIONS,
    WORKSHOP,
    Author,
    DemoComment,
)
from app.demo.meetings import ROUNDS
from app.demo.people import ANNELIES, SEED, local
from app.demo.processes import ZEIST, ZEIST_CHEFS
from app.demo.recruitment import zeist_process
from app.green_papers.states import GreenPaperStatus
from app.models import (
    GreenPaper,
    GreenPaperSection,
    Group,
    Process,
    RoleAssignment,
    SectionComment,
    SectionRevision,
    User,
    WorkshopInput,
)
from app.phases.kinds import PhaseKind
from app.processes import service as processes

BOARD = "wethouder@zeist.example"
COUNCILLOR = "joost@zeist.example"
# Ruud's group: the fullest example, every section rewritten after each evening.
RICHEST = "Burger en Bestuur"
SUBMITTED_ON = date(2011, 4, 15)


@dataclass
class Cast:
    """Who takes part in one group's green paper."""

    chef: User
    writers: list[User]  # the group's most active experts, in a fixed order
    annelies: User | None
    board: User
    councillor: User

    def who(self, author: Author) -> User:
        if author == "chef":
            return self.chef
        if author == "annelies" and self.annelies is not None:
            return self.annelies
        return self.writers[author if isinstance(author, int) else 0]


def ensure_green_papers(db: Session, organization_slug: str) -> int:
    """The Zeist green papers; returns rows added (papers, sections, revisions, comments,
    workshop inputs)."""
    if organization_slug != "zeist":
        return 0
    found = zeist_process(db)
    if found is None:
        return 0
    process, groups = found
    have = set(db.scalars(select(GreenPaper.group_id).where(GreenPaper.process_id == process.id)))
    todo = [(i, theme) for i, theme in enumerate(ZEIST.themes) if groups[theme].id not in have]
    if not todo:
        return 0
    emails = [BOARD, COUNCILLOR, ANNELIES, *(ZEIST_CHEFS[theme] for _i, theme in todo)]
    people = {u.email: u for u in db.scalars(select(User).where(User.email.in_(emails)))}
    board, councillor = people.get(BOARD), people.get(COUNCILLOR)
    if board is None or councillor is None:
        return 0
    experts = _experts(db, [groups[theme].id for _i, theme in todo])
    added = 0
    for index, theme in todo:
        chef, group = people.get(ZEIST_CHEFS[theme]), groups[theme]
        mine = experts.get(group.id, [])
        if chef is None or len(mine) < 6:
            continue
        rng = random.Random(f"{SEED}:groenboek:{theme}")  # noqa: S311 - demo data
        annelies = people.get(ANNELIES)
        cast = Cast(
            chef=chef,
            writers=rng.sample(mine, min(len(mine), 8)),
            annelies=annelies if annelies in mine else None,
            board=board,
            councillor=councillor,
        )
        added += _create(db, rng, process, group, index, theme, cast)
    if added and process.current_phase == PhaseKind.GREEN_PAPER:
        # A demo database from before the green papers: the process moves on with them.
        processes.set_current_phase(db, SYSTEM_ACTOR, process, ZEIST.current)
    return added


def _experts(db: Session, group_ids: list[int]) -> dict[int, list[User]]:
    """The accepted experts of each group, by user id."""
    rows = db.execute(
        select(RoleAssignment.scope_id, User)
        .join(User, RoleAssignment.user_id == User.id)
        .where(
            RoleAssignment.role == Role.EXPERT,
            RoleAssignment.scope_type == ScopeType.GROUP,
            RoleAssignment.scope_id.in_(group_ids),
            RoleAssignment.revoked_at.is_(None),
        )
        .order_by(User.id)
    ).all()
    experts: dict[int, list[User]] = {}
    for group_id, user in rows:
        if group_id is not None:
            experts.setdefault(group_id, []).append(user)
    return experts


def _evening_in(rng: random.Random, first: date, until: date) -> datetime:
    """An evening from ``first`` (after that day's meeting, which ends at 22:00) to the day
    before ``until``, as the UTC moment."""
    day = first + timedelta(days=rng.randrange(max(1, (until - first).days)))
    if day == first:
        start, minutes = local(day.year, day.month, day.day, 22, 20), 90
    else:
        start, minutes = local(day.year, day.month, day.day, 19), 270
    return start + timedelta(minutes=rng.randint(0, minutes))


def _create(
    db: Session,
    rng: random.Random,
    process: Process,
    group: Group,
    index: int,
    theme: str,
    cast: Cast,
) -> int:
    # The theme's three green-paper evenings, as meetings.py plans them.
    evenings = [monday + timedelta(days=index % 4 + 7 * (index // 4)) for monday in ROUNDS]
    windows = list(zip(evenings, [*evenings[1:], SUBMITTED_ON], strict=True))
    started = local(2011, 3, 1, 9 + index % 4, 5 * index)
    submitted = local(2011, 4, 15, 9 + index, 30)
    paper = GreenPaper(
        process_id=process.id,
        group_id=group.id,
        status=GreenPaperStatus.CONTINUED.value,
        submitted_at=submitted,
        decided_at=local(2011, 4, 19, 10, 5 * index),
        decided_by=signature(cast.board),
        decision_reason=DECISIONS[theme],
        created_at=started,
        sections=[],
    )
    db.add(paper)
    db.flush()
    record(db, actor=cast.chef, action="green_paper.started", target=paper, after={"group": theme})

    # Per section: who saved which text when. The first revision is the empty section the
    # chef opened (start() makes the usual four; the chef added a fifth after evening one).
    drafts: list[list[tuple[User, str, datetime]]] = []
    for position, (title, text) in enumerate(PAPERS[theme], start=1):
        opened = (
            started
            if position <= USUAL_SECTIONS
            else local(evenings[0].year, evenings[0].month, evenings[0].day, 22, 15)
        )
        saves = 3 if theme == RICHEST else rng.choice((1, 2, 2, 3))
        rounds = sorted(rng.sample(range(3), saves))
        authors = rng.sample(cast.writers, saves)
        if theme == "Onderwijs" and title == "Het probleem" and cast.annelies not in authors:
            authors[-1] = cast.annelies or authors[-1]  # the demo's expert on her subject
        blocks = text.split("\n\n")
        rows = [(cast.chef, "", opened)]
        for n, (author, window) in enumerate(zip(authors, rounds, strict=True), start=1):
            body = "\n\n".join(blocks[: math.ceil(len(blocks) * n / saves)])
            if n < saves:
                body += "\n\n" + DRAFT_NOTES[(position + n) % len(DRAFT_NOTES)]
            rows.append((author, body, _evening_in(rng, *windows[window])))
        drafts.append(rows)

    sections = [
        GreenPaperSection(
            green_paper_id=paper.id,
            position=position,
            title=title,
            body=rows[-1][1],
            version=len(rows),
            updated_by=signature(rows[-1][0]),
            updated_at=rows[-1][2],
        )
        for position, ((title, _text), rows) in enumerate(
            zip(PAPERS[theme], drafts, strict=True), start=1
        )
    ]
    db.add_all(sections)
    db.flush()
    added = 1 + len(sections)
    for section, rows in zip(sections, drafts, strict=True):
        if section.position > USUAL_SECTIONS:
            record(
                db,
                actor=cast.chef,
                action="green_paper.section_added",
                target=section,
                after={"title": section.title},
            )
        for number, (author, body, at) in enumerate(rows, start=1):
            db.add(
                SectionRevision(
                    section_id=section.id,
                    number=number,
                    title=section.title,
                    body=body,
                    author_id=author.id,
                    author_label=signature(author),
                    created_at=at,
                )
            )
            if number > 1:
                record(
                    db,
                    actor=author,
                    action="green_paper.section_saved",
                    target=section,
                    after={"version": number},
                )
        added += len(rows)

    first_text = {s.title: rows[1][2] for s, rows in zip(sections, drafts, strict=True)}
    by_title = {s.title: s for s in sections}
    for comment in COMMENTS.get(theme, ()):
        added += _comment(db, rng, cast, by_title[comment.section], comment, first_text, submitted)

    record(db, actor=cast.chef, action="green_paper.submitted", target=paper)
    record(
        db,
        actor=cast.board,
        action=f"green_paper.{paper.status}",
        target=paper,
        before={"status": GreenPaperStatus.SUBMITTED.value},
        after={"status": paper.status},
        reason=paper.decision_reason,
    )
    return added + _workshop(db, paper, theme, cast)


def _comment(
    db: Session,
    rng: random.Random,
    cast: Cast,
    section: GreenPaperSection,
    demo: DemoComment,
    first_text: dict[str, datetime],
    submitted: datetime,
) -> int:
    """A comment with its replies, an evening some days after the section got its first
    text, and before the paper went to the board."""
    latest = submitted - timedelta(hours=2)
    at = min(
        first_text[section.title] + timedelta(days=demo.days_after, minutes=rng.randint(-50, 50)),
        latest,
    )
    author = cast.who(demo.author)
    comment = SectionComment(section_id=section.id, author_id=author.id, body=demo.body)
    comment.created_at = at
    if demo.hidden_reason:
        # The next morning, in the chef's office hours.
        comment.hidden_at = at + timedelta(hours=11, minutes=rng.randint(0, 50))
        comment.hidden_reason, comment.hidden_by = demo.hidden_reason, signature(cast.chef)
    db.add(comment)
    db.flush()
    record(db, actor=author, action="green_paper.comment_added", target=comment)
    if demo.hidden_reason:
        record(
            db,
            actor=cast.chef,
            action="green_paper.comment_hidden",
            target=comment,
            reason=demo.hidden_reason,
        )
    replies = []
    for who, body in demo.replies:
        # The next day, between the morning and the evening.
        at = min(at + timedelta(hours=rng.randint(14, 26)), latest + timedelta(minutes=90))
        replies.append(
            SectionComment(
                section_id=section.id,
                parent_id=comment.id,
                author_id=cast.who(who).id,
                body=body,
                created_at=at,
            )
        )
    db.add_all(replies)
    db.flush()
    for reply, (who, _body) in zip(replies, demo.replies, strict=True):
        record(db, actor=cast.who(who), action="green_paper.comment_added", target=reply)
    return 1 + len(replies)


def _workshop(db: Session, paper: GreenPaper, theme: str, cast: Cast) -> int:
    inputs = [
        WorkshopInput(
            green_paper_id=paper.id,
            author_id=cast.councillor.id,
            body=demo.body,
            created_at=local(*demo.given_at),
            answer=demo.answer,
            answered_at=local(*demo.answered_at),
            answered_by=signature(cast.chef),
        )
        for demo in WORKSHOP.get(theme, ())
    ]
    if not inputs:
        return 0
    db.add_all(inputs)
    db.flush()
    for given in inputs:
        record(db, actor=cast.councillor, action="green_paper.workshop_input", target=given)
        record(
            db,
            actor=cast.chef,
            action="green_paper.workshop_answer",
            target=given,
            after={"answer": given.answer},
        )
    return len(inputs)
