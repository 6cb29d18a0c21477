"""Use cases of a group's white paper: the chef writes the introduction, orders the
included proposals and submits it; from then on it is read-only. Each is audited, and
the group is told when it goes in."""

from __future__ import annotations

from jinja2 import Environment
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.audit.service import record, signature
from app.db import utcnow
from app.errors import Conflict
from app.green_papers.queries import stopped_group_ids
from app.i18n import gettext as _
from app.models import Group, Phase, Process, Proposal, WhitePaper
from app.notifications.kinds import NotificationKind
from app.notifications.service import notify
from app.phases.guard import require_phase
from app.phases.kinds import Action
from app.recruitment.membership import members
from app.white_papers import queries
from app.white_papers.permissions import DRAFT, SUBMITTED


def editor_path(process: Process, group: Group) -> str:
    return f"/processen/{process.slug}/groepen/{group.slug}/witboek"


def public_path(process: Process, group: Group) -> str:
    return f"/processen/{process.slug}/witboeken/{group.slug}"


def _open(db: Session, process: Process, phases: list[Phase], group: Group) -> WhitePaper:
    """The paper to change: refused outside the phase, for a theme the board stopped, or
    once submitted; made on the first save (one per group)."""
    require_phase(process, phases, Action.SUBMIT_WHITE_PAPER)
    if group.id in stopped_group_ids(db, [group.id]):
        raise Conflict(_("The board stopped this theme: it writes no white paper."))
    paper = queries.paper_of(db, group)
    if paper is None:
        paper = WhitePaper(process_id=process.id, group_id=group.id, introduction="", status=DRAFT)
        db.add(paper)
        db.flush()
    elif paper.status != DRAFT:
        raise Conflict(_("The white paper is submitted: it can no longer be changed."))
    return paper


def save_introduction(
    db: Session, by: Actor, process: Process, phases: list[Phase], group: Group, text: str
) -> bool:
    """False when nothing changed (no audit entry for a save of the same text)."""
    paper = _open(db, process, phases, group)
    if paper.introduction == text:
        return False
    paper.introduction, paper.updated_at = text, utcnow()
    db.flush()
    record(db, actor=by, action="white_paper.introduction_saved", target=paper)
    return True


def _place_all(proposals: list[Proposal]) -> None:
    """Number the included proposals 1..n in their current order, so that a move swaps
    two positions and newly included ones get a place at the end."""
    for position, proposal in enumerate(proposals, start=1):
        if proposal.white_paper_position != position:
            proposal.white_paper_position = position


def move(
    db: Session,
    by: Actor,
    process: Process,
    phases: list[Phase],
    group: Group,
    proposal_id: int,
    offset: int,
) -> bool:
    """Swap an included proposal with its neighbour above (-1) or below (+1); False when
    it is first or last already."""
    paper = _open(db, process, phases, group)
    ordered = queries.included(db, group)
    index = next((i for i, p in enumerate(ordered) if p.id == proposal_id), None)
    if index is None:
        raise Conflict(_("This proposal is not in the white paper (any more)."))
    other = index + offset
    if not 0 <= other < len(ordered):
        return False
    ordered[index], ordered[other] = ordered[other], ordered[index]
    _place_all(ordered)
    paper.updated_at = utcnow()
    db.flush()
    record(
        db,
        actor=by,
        action="white_paper.reordered",
        target=paper,
        after={"order": [p.id for p in ordered]},
    )
    return True


def submit(
    db: Session,
    jinja: Environment,
    by: Actor,
    process: Process,
    phases: list[Phase],
    group: Group,
    base_url: str,
) -> WhitePaper:
    paper = _open(db, process, phases, group)
    ordered = queries.included(db, group)
    if not ordered:
        raise Conflict(
            _("No proposal is in the white paper yet. Include at least one before you submit.")
        )
    _place_all(ordered)  # the order as the chef saw it is the order that is submitted
    paper.status, paper.submitted_at, paper.submitted_by = SUBMITTED, utcnow(), signature(by)
    paper.updated_at = paper.submitted_at
    db.flush()
    record(
        db,
        actor=by,
        action="white_paper.submitted",
        target=paper,
        before={"status": DRAFT},
        after={"status": SUBMITTED, "proposals": [p.id for p in ordered]},
    )
    notify(
        db,
        jinja,
        members(db, [group.id]),
        NotificationKind.WHITE_PAPER_SUBMITTED,
        link=public_path(process, group),
        params={"group": group.name, "count": len(ordered)},
        base_url=base_url,
    )
    return paper
