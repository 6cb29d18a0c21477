"""The kinds of notification, what each says under the bell, and its label on the
preferences page. Each kind also has a mail template ``templates/mail/<kind>.txt``."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any

from app.i18n import gettext as _
from app.i18n import lazy_gettext as _l
from app.product_sheets.states import STEP_LABELS as SHEET_STEP_LABELS
from app.proposals.states import STATE_LABELS


class NotificationKind(StrEnum):
    APPLICATION_RECEIVED = "application_received"  # to the chef
    APPLICATION_DECIDED = "application_decided"  # to the applicant
    CHEF_CALL_DECIDED = "chef_call_decided"  # to a staff member who answered the call
    MEMBER_REMOVED = "member_removed"  # to an expert the chef took off the group
    MEETING_INVITATION = "meeting_invitation"
    MEETING_CHANGED = "meeting_changed"
    MEETING_REMINDER = "meeting_reminder"
    MEETING_PLACE_FREE = "meeting_place_free"  # moved up from the waiting list
    MINUTES_SHARED = "minutes_shared"
    GREEN_PAPER_DECIDED = "green_paper_decided"  # to the group
    WORKSHOP_INPUT_GIVEN = "workshop_input_given"  # to the chef
    COMMENT_HIDDEN = "comment_hidden"  # to the comment's author
    REVIEW_NEEDS_LOOK = "review_needs_look"  # to a reviewer: the proposal changed since
    PROPOSAL_OVERLAP = "proposal_overlap"  # to both chefs: same budget line, two themes
    PROPOSAL_COMMENT_HIDDEN = "proposal_comment_hidden"  # to the comment's author
    QUESTION_ASKED = "question_asked"  # to every official
    QUESTION_ANSWERED = "question_answered"  # to whoever asked
    PROPOSAL_MOVED = "proposal_moved"  # to a proposal's authors, when the chef moves it
    WHITE_PAPER_SUBMITTED = "white_paper_submitted"  # to the group
    PRODUCT_SHEET_WAITING = "product_sheet_waiting"  # to whoever acts at its next step
    PRODUCT_SHEET_RETURNED = "product_sheet_returned"  # to the official who last edited it
    COUNCIL_SUBMITTED = "council_submitted"  # to the councillors: amendments can be filed
    AMENDMENT_FILED = "amendment_filed"  # to the other councillors, who may co-sign
    AMENDMENT_VOTED = "amendment_voted"  # to the filer and co-signers
    DECISION_PUBLISHED = "decision_published"  # to the councillors


KIND_LABELS: dict[NotificationKind, str] = {
    NotificationKind.APPLICATION_RECEIVED: _l("Someone applied to a group I run"),
    NotificationKind.APPLICATION_DECIDED: _l("A decision on my application"),
    NotificationKind.CHEF_CALL_DECIDED: _l("A decision on my application as chef"),
    NotificationKind.MEMBER_REMOVED: _l("The chef took me off a group"),
    NotificationKind.MEETING_INVITATION: _l("An invitation to a meeting"),
    NotificationKind.MEETING_CHANGED: _l("A meeting I was invited to changed"),
    NotificationKind.MEETING_REMINDER: _l("A reminder the day before a meeting"),
    NotificationKind.MEETING_PLACE_FREE: _l("A place came free at a meeting"),
    NotificationKind.MINUTES_SHARED: _l("The minutes of a meeting were shared"),
    NotificationKind.GREEN_PAPER_DECIDED: _l("The board decided on my group's green paper"),
    NotificationKind.WORKSHOP_INPUT_GIVEN: _l("A councillor gave input on a green paper I run"),
    NotificationKind.COMMENT_HIDDEN: _l("The chef hid a comment of mine"),
    NotificationKind.REVIEW_NEEDS_LOOK: _l("A proposal I reviewed has changed"),
    NotificationKind.PROPOSAL_OVERLAP: _l(
        "A proposal of another theme touches the same budget line as one of my group"
    ),
    NotificationKind.PROPOSAL_COMMENT_HIDDEN: _l("The chef hid a comment of mine on a proposal"),
    NotificationKind.QUESTION_ASKED: _l("A group asked the officials a question"),
    NotificationKind.QUESTION_ANSWERED: _l("An official answered my question"),
    NotificationKind.PROPOSAL_MOVED: _l("The chef moved a proposal of mine"),
    NotificationKind.WHITE_PAPER_SUBMITTED: _l("The chef submitted my group's white paper"),
    NotificationKind.PRODUCT_SHEET_WAITING: _l("A product sheet waits for me to act"),
    NotificationKind.PRODUCT_SHEET_RETURNED: _l("A product sheet I worked on was sent back"),
    NotificationKind.COUNCIL_SUBMITTED: _l("A central white paper was submitted to the council"),
    NotificationKind.AMENDMENT_FILED: _l("A councillor filed an amendment"),
    NotificationKind.AMENDMENT_VOTED: _l("The vote on an amendment I filed or co-signed"),
    NotificationKind.DECISION_PUBLISHED: _l("The council's decision was published"),
}

# What the bell says; made when shown, in the reader's language, from the stored params.
_TEXTS: dict[NotificationKind, Callable[[dict[str, Any]], str]] = {
    NotificationKind.APPLICATION_RECEIVED: lambda p: _(
        "%(name)s applied to join %(group)s.", name=p.get("name", ""), group=p.get("group", "")
    ),
    NotificationKind.APPLICATION_DECIDED: lambda p: (
        _("You have been accepted in %(group)s.", group=p.get("group", ""))
        if p.get("accepted")
        else _("Your application for %(group)s was not accepted.", group=p.get("group", ""))
    ),
    NotificationKind.CHEF_CALL_DECIDED: lambda p: (
        _("You are now chef of %(group)s.", group=p.get("group", ""))
        if p.get("selected")
        else _("You were not chosen as chef in %(process)s.", process=p.get("process", ""))
    ),
    NotificationKind.MEMBER_REMOVED: lambda p: _(
        "The chef has taken you off %(group)s.", group=p.get("group", "")
    ),
    NotificationKind.MEETING_INVITATION: lambda p: _(
        "You are invited to %(title)s on %(when)s.",
        title=p.get("title", ""),
        when=p.get("when", ""),
    ),
    NotificationKind.MEETING_CHANGED: lambda p: (
        _("%(title)s is cancelled.", title=p.get("title", ""))
        if p.get("cancelled")
        else _(
            "%(title)s has changed: now %(when)s.",
            title=p.get("title", ""),
            when=p.get("when", ""),
        )
    ),
    NotificationKind.MEETING_REMINDER: lambda p: _(
        "Tomorrow: %(title)s, %(when)s.", title=p.get("title", ""), when=p.get("when", "")
    ),
    NotificationKind.MEETING_PLACE_FREE: lambda p: _(
        "A place came free: you can come to %(title)s.", title=p.get("title", "")
    ),
    NotificationKind.MINUTES_SHARED: lambda p: _(
        "The minutes of %(title)s are ready.", title=p.get("title", "")
    ),
    NotificationKind.GREEN_PAPER_DECIDED: lambda p: (
        _("The board lets %(group)s go on to the white paper.", group=p.get("group", ""))
        if p.get("continued")
        else _("The board has stopped the theme %(group)s.", group=p.get("group", ""))
    ),
    NotificationKind.WORKSHOP_INPUT_GIVEN: lambda p: _(
        "%(name)s gave input on the green paper of %(group)s.",
        name=p.get("name", ""),
        group=p.get("group", ""),
    ),
    NotificationKind.COMMENT_HIDDEN: lambda p: _(
        "The chef hid your comment on %(section)s.", section=p.get("section", "")
    ),
    NotificationKind.REVIEW_NEEDS_LOOK: lambda p: _(
        "%(title)s has changed since your review: it needs another look.",
        title=p.get("title", ""),
    ),
    NotificationKind.PROPOSAL_OVERLAP: lambda p: _(
        "%(title)s and %(other)s (%(group)s) touch the same budget line: agree who counts it.",
        title=p.get("title", ""),
        other=p.get("other", ""),
        group=p.get("other_group", ""),
    ),
    NotificationKind.PROPOSAL_COMMENT_HIDDEN: lambda p: _(
        "The chef hid your comment on the proposal %(proposal)s.", proposal=p.get("proposal", "")
    ),
    NotificationKind.QUESTION_ASKED: lambda p: _(
        "New question to the officials about %(proposal)s.", proposal=p.get("proposal", "")
    ),
    NotificationKind.QUESTION_ANSWERED: lambda p: _(
        "%(name)s answered your question about %(proposal)s.",
        name=p.get("name", ""),
        proposal=p.get("proposal", ""),
    ),
    NotificationKind.PROPOSAL_MOVED: lambda p: _(
        "The chef moved your proposal %(title)s: %(state)s.",
        title=p.get("title", ""),
        state=str(STATE_LABELS.get(p.get("state", ""), p.get("state", ""))).lower(),
    ),
    NotificationKind.WHITE_PAPER_SUBMITTED: lambda p: _(
        "The chef submitted the white paper of %(group)s.", group=p.get("group", "")
    ),
    NotificationKind.PRODUCT_SHEET_WAITING: lambda p: _(
        "The product sheet for %(title)s waits for you (step: %(step)s).",
        title=p.get("title", ""),
        step=str(SHEET_STEP_LABELS.get(p.get("step", ""), p.get("step", ""))).lower(),
    ),
    NotificationKind.PRODUCT_SHEET_RETURNED: lambda p: _(
        "%(name)s sent the product sheet for %(title)s back to you.",
        name=p.get("name", ""),
        title=p.get("title", ""),
    ),
    NotificationKind.COUNCIL_SUBMITTED: lambda p: _(
        "Edition %(number)s of %(process)s is with the council: amendments can be filed.",
        number=p.get("number", ""),
        process=p.get("process", ""),
    ),
    NotificationKind.AMENDMENT_FILED: lambda p: _(
        "%(name)s filed amendment A%(number)s on %(title)s.",
        name=p.get("name", ""),
        number=p.get("number", ""),
        title=p.get("title", ""),
    ),
    NotificationKind.AMENDMENT_VOTED: lambda p: (
        _(
            "Amendment A%(number)s is carried (%(yes)s for, %(no)s against).",
            number=p.get("number", ""),
            yes=p.get("yes", 0),
            no=p.get("no", 0),
        )
        if p.get("carried")
        else _(
            "Amendment A%(number)s is defeated (%(yes)s for, %(no)s against).",
            number=p.get("number", ""),
            yes=p.get("yes", 0),
            no=p.get("no", 0),
        )
    ),
    NotificationKind.DECISION_PUBLISHED: lambda p: _(
        "The council's decision on %(process)s is published.", process=p.get("process", "")
    ),
}


def notification_text(kind: str, params: dict[str, Any]) -> str:
    try:
        return _TEXTS[NotificationKind(kind)](params)
    except ValueError:
        return _("A notification")
