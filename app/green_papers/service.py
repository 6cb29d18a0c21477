"""Use cases of the green paper: start it, write its sections together (every save a
revision, no save over another's), comment, submit, the board's decision, and the
council workshop. Each is audited; the people concerned are told."""

from __future__ import annotations

from jinja2 import Environment
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.access.roles import Role
from app.audit.service import record, signature
from app.db import utcnow
from app.errors import Conflict
from app.green_papers.states import GreenPaperStatus, GreenPaperStep, next_status
from app.i18n import get_locale, set_locale
from app.i18n import gettext as _
from app.i18n import lazy_gettext as _l
from app.models import (
    GreenPaper,
    GreenPaperSection,
    Group,
    Phase,
    Process,
    SectionComment,
    SectionRevision,
    User,
    WorkshopInput,
)
from app.notifications.kinds import NotificationKind
from app.notifications.service import notify
from app.phases.guard import require_phase
from app.phases.kinds import Action
from app.recruitment.membership import members
from app.web.templating import person_name

# What a groenboek holds (Zeist): the context, the problem, the frameworks, directions.
DEFAULT_SECTIONS = (
    _l("Context"),
    _l("The problem"),
    _l("Frameworks"),
    _l("Directions to explore"),
)


def paper_path(process: Process, group: Group) -> str:
    return f"/processen/{process.slug}/groepen/{group.slug}/groenboek"


class EditConflict(Conflict):
    """Someone saved the section after this person started editing: their save is not
    applied. The page shows both texts; nothing typed is lost."""

    def __init__(self, section: GreenPaperSection) -> None:
        super().__init__(
            _(
                "%(name)s saved this section while you were writing.",
                name=person_name(section.updated_by),
            )
        )
        self.section = section


def _new_revision(
    db: Session,
    section: GreenPaperSection,
    author: Actor | None,
    *,
    restored_from: int | None = None,
) -> SectionRevision:
    revision = SectionRevision(
        section_id=section.id,
        number=section.version,
        title=section.title,
        body=section.body,
        author_id=author.id if author else None,
        author_label=section.updated_by,
        restored_from=restored_from,
    )
    db.add(revision)
    return revision


def _require_draft(paper: GreenPaper) -> None:
    if paper.status != GreenPaperStatus.DRAFT:
        raise Conflict(_("The green paper is submitted: it can no longer be changed."))


def start(
    db: Session, by: Actor, process: Process, phases: list[Phase], group: Group, locale: str
) -> GreenPaper:
    """The chef opens the green paper with the usual sections, titled in the
    organization's language (they are content, not interface)."""
    require_phase(process, phases, Action.EDIT_GREEN_PAPER)
    if db.scalar(select(GreenPaper.id).where(GreenPaper.group_id == group.id)) is not None:
        raise Conflict(_("This group has a green paper already."))
    paper = GreenPaper(process_id=process.id, group_id=group.id, sections=[])
    db.add(paper)
    db.flush()
    previous = get_locale()
    set_locale(locale)
    try:
        titles = [str(title) for title in DEFAULT_SECTIONS]
    finally:
        set_locale(previous)
    for position, title in enumerate(titles, start=1):
        _add_section(db, by, paper, title, position)
    record(db, actor=by, action="green_paper.started", target=paper, after={"group": group.name})
    return paper


def _add_section(
    db: Session, by: Actor, paper: GreenPaper, title: str, position: int
) -> GreenPaperSection:
    section = GreenPaperSection(
        green_paper_id=paper.id,
        position=position,
        title=title,
        body="",
        version=1,
        updated_by=signature(by),
    )
    db.add(section)
    db.flush()
    _new_revision(db, section, by)
    return section


def add_section(
    db: Session, by: Actor, process: Process, phases: list[Phase], paper: GreenPaper, title: str
) -> GreenPaperSection:
    require_phase(process, phases, Action.EDIT_GREEN_PAPER)
    _require_draft(paper)
    last = db.scalar(
        select(func.max(GreenPaperSection.position)).where(
            GreenPaperSection.green_paper_id == paper.id
        )
    )
    section = _add_section(db, by, paper, title, (last or 0) + 1)
    record(db, actor=by, action="green_paper.section_added", target=section, after={"title": title})
    return section


def _compare_and_set(
    db: Session, section: GreenPaperSection, base_version: int, by: Actor, **values: str
) -> None:
    """Write only if nobody saved since ``base_version``: one UPDATE that checks and sets,
    so two saves at the same moment cannot both win (also across app processes)."""
    result = db.execute(
        update(GreenPaperSection)
        .where(GreenPaperSection.id == section.id, GreenPaperSection.version == base_version)
        .values(version=base_version + 1, updated_at=utcnow(), updated_by=signature(by), **values)
        .execution_options(synchronize_session=False)
    )
    db.refresh(section)
    if getattr(result, "rowcount", 0) != 1:
        raise EditConflict(section)


def save_section(
    db: Session,
    by: Actor,
    process: Process,
    phases: list[Phase],
    paper: GreenPaper,
    section: GreenPaperSection,
    *,
    body: str,
    base_version: int,
) -> bool:
    """Save a member's text as a new revision; False when nothing changed."""
    require_phase(process, phases, Action.EDIT_GREEN_PAPER)
    _require_draft(paper)
    if body == section.body and base_version == section.version:
        return False
    _compare_and_set(db, section, base_version, by, body=body)
    _new_revision(db, section, by)
    record(
        db,
        actor=by,
        action="green_paper.section_saved",
        target=section,
        after={"version": section.version},
    )
    return True


def rename_section(
    db: Session,
    by: Actor,
    process: Process,
    phases: list[Phase],
    paper: GreenPaper,
    section: GreenPaperSection,
    title: str,
) -> None:
    require_phase(process, phases, Action.EDIT_GREEN_PAPER)
    _require_draft(paper)
    before = section.title
    _compare_and_set(db, section, section.version, by, title=title)
    _new_revision(db, section, by)
    record(
        db,
        actor=by,
        action="green_paper.section_renamed",
        target=section,
        before={"title": before},
        after={"title": title},
    )


def move_section(
    db: Session,
    by: Actor,
    process: Process,
    phases: list[Phase],
    paper: GreenPaper,
    section: GreenPaperSection,
    offset: int,
) -> None:
    """Swap a section with its neighbour above (-1) or below (+1)."""
    require_phase(process, phases, Action.EDIT_GREEN_PAPER)
    _require_draft(paper)
    ordered = list(
        db.scalars(
            select(GreenPaperSection)
            .where(GreenPaperSection.green_paper_id == paper.id)
            .order_by(GreenPaperSection.position)
        )
    )
    index = next(i for i, s in enumerate(ordered) if s.id == section.id)
    other = index + offset
    if not 0 <= other < len(ordered):
        return
    ordered[index], ordered[other] = ordered[other], ordered[index]
    for position, item in enumerate(ordered, start=1):
        item.position = position
    db.flush()
    record(
        db,
        actor=by,
        action="green_paper.sections_reordered",
        target=paper,
        after={"order": [s.id for s in ordered]},
    )


def restore_revision(
    db: Session,
    by: Actor,
    process: Process,
    phases: list[Phase],
    paper: GreenPaper,
    section: GreenPaperSection,
    revision: SectionRevision,
) -> None:
    """Bring back an earlier text as a new revision: history is never rewritten."""
    require_phase(process, phases, Action.EDIT_GREEN_PAPER)
    _require_draft(paper)
    _compare_and_set(db, section, section.version, by, title=revision.title, body=revision.body)
    _new_revision(db, section, by, restored_from=revision.number)
    record(
        db,
        actor=by,
        action="green_paper.revision_restored",
        target=section,
        after={"version": section.version, "restored_from": revision.number},
    )


def add_comment(
    db: Session,
    by: Actor,
    process: Process,
    phases: list[Phase],
    section: GreenPaperSection,
    body: str,
    parent: SectionComment | None,
) -> SectionComment:
    require_phase(process, phases, Action.EDIT_GREEN_PAPER)
    if parent is not None and (parent.section_id != section.id or parent.parent_id is not None):
        raise Conflict(_("You can only reply to a comment on this section."))
    comment = SectionComment(
        section_id=section.id,
        parent_id=parent.id if parent else None,
        author_id=by.id,
        body=body,
    )
    db.add(comment)
    db.flush()
    record(db, actor=by, action="green_paper.comment_added", target=comment)
    return comment


def hide_comment(
    db: Session,
    jinja: Environment,
    by: Actor,
    process: Process,
    group: Group,
    section: GreenPaperSection,
    comment: SectionComment,
    reason: str,
    base_url: str,
) -> None:
    if comment.hidden_at is not None:
        raise Conflict(_("This comment is hidden already."))
    if not reason.strip():
        raise Conflict(_("Give a reason; the author will read it."))
    comment.hidden_at, comment.hidden_reason, comment.hidden_by = utcnow(), reason, signature(by)
    db.flush()
    record(db, actor=by, action="green_paper.comment_hidden", target=comment, reason=reason)
    notify(
        db,
        jinja,
        [db.get_one(User, comment.author_id)],
        NotificationKind.COMMENT_HIDDEN,
        link=f"{paper_path(process, group)}#section-{section.id}",
        params={"section": section.title, "reason": reason},
        base_url=base_url,
    )


def submit(
    db: Session, by: Actor, process: Process, phases: list[Phase], paper: GreenPaper
) -> None:
    require_phase(process, phases, Action.SUBMIT_GREEN_PAPER)
    paper.status = next_status(paper.status, GreenPaperStep.SUBMIT)
    paper.submitted_at = utcnow()
    db.flush()
    record(db, actor=by, action="green_paper.submitted", target=paper)


def decide(
    db: Session,
    jinja: Environment,
    by: Actor,
    process: Process,
    phases: list[Phase],
    paper: GreenPaper,
    group: Group,
    *,
    go_on: bool,
    reason: str,
    base_url: str,
) -> None:
    """The board's decision per theme: go on to the white paper, or stop (the theme then
    takes no further part; the public reads why)."""
    require_phase(process, phases, Action.DECIDE_GREEN_PAPER)
    if not reason.strip():
        raise Conflict(_("Give the reason for the decision; the group and the public read it."))
    step = GreenPaperStep.CONTINUE if go_on else GreenPaperStep.STOP
    paper.status = next_status(paper.status, step)
    paper.decided_at, paper.decided_by, paper.decision_reason = utcnow(), signature(by), reason
    db.flush()
    record(
        db,
        actor=by,
        action=f"green_paper.{paper.status}",
        target=paper,
        before={"status": GreenPaperStatus.SUBMITTED.value},
        after={"status": paper.status},
        reason=reason,
    )
    notify(
        db,
        jinja,
        members(db, [group.id]),
        NotificationKind.GREEN_PAPER_DECIDED,
        link=f"/processen/{process.slug}/groenboeken/{group.slug}",
        params={"group": group.name, "continued": go_on, "reason": reason},
        base_url=base_url,
    )


def give_input(
    db: Session,
    jinja: Environment,
    by: Actor,
    process: Process,
    phases: list[Phase],
    paper: GreenPaper,
    group: Group,
    body: str,
    base_url: str,
) -> WorkshopInput:
    require_phase(process, phases, Action.GIVE_WORKSHOP_INPUT)
    if paper.status != GreenPaperStatus.CONTINUED:
        raise Conflict(_("Only a green paper whose theme goes on takes input."))
    given = WorkshopInput(green_paper_id=paper.id, author_id=by.id, body=body)
    db.add(given)
    db.flush()
    record(db, actor=by, action="green_paper.workshop_input", target=given)
    notify(
        db,
        jinja,
        members(db, [group.id], roles=[Role.CHEF]),
        NotificationKind.WORKSHOP_INPUT_GIVEN,
        link=f"/processen/{process.slug}/groenboeken/{group.slug}#workshop",
        params={"name": by.display_name, "group": group.name},
        base_url=base_url,
    )
    return given


def answer_input(
    db: Session,
    by: Actor,
    process: Process,
    phases: list[Phase],
    given: WorkshopInput,
    answer: str,
) -> None:
    require_phase(process, phases, Action.GIVE_WORKSHOP_INPUT)
    before = given.answer
    given.answer, given.answered_at, given.answered_by = answer, utcnow(), signature(by)
    db.flush()
    record(
        db,
        actor=by,
        action="green_paper.workshop_answer",
        target=given,
        before={"answer": before} if before else None,
        after={"answer": answer},
    )
