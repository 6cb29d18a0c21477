"""The life of an application, as tables: (state, step) -> next state. A step not in the
table is refused with InvalidTransition; nothing else decides what may follow what."""

from __future__ import annotations

from enum import StrEnum

from app.errors import InvalidTransition
from app.i18n import gettext as _
from app.i18n import lazy_gettext as _l


class ApplicationStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"
    LEFT = "left"  # a member who left the group, or whom the chef took off it


class ApplicationStep(StrEnum):
    ACCEPT = "accept"  # the chef
    DECLINE = "decline"  # the chef, with a message
    WITHDRAW = "withdraw"  # the applicant
    REAPPLY = "reapply"  # the applicant, after withdrawing or being declined
    LEAVE = "leave"  # the member, or the chef with a reason


EXPERT_TRANSITIONS: dict[tuple[ApplicationStatus, ApplicationStep], ApplicationStatus] = {
    (ApplicationStatus.PENDING, ApplicationStep.ACCEPT): ApplicationStatus.ACCEPTED,
    (ApplicationStatus.PENDING, ApplicationStep.DECLINE): ApplicationStatus.DECLINED,
    (ApplicationStatus.PENDING, ApplicationStep.WITHDRAW): ApplicationStatus.WITHDRAWN,
    (ApplicationStatus.WITHDRAWN, ApplicationStep.REAPPLY): ApplicationStatus.PENDING,
    (ApplicationStatus.DECLINED, ApplicationStep.REAPPLY): ApplicationStatus.PENDING,
    (ApplicationStatus.ACCEPTED, ApplicationStep.LEAVE): ApplicationStatus.LEFT,
    (ApplicationStatus.LEFT, ApplicationStep.REAPPLY): ApplicationStatus.PENDING,
}


class ChefApplicationStatus(StrEnum):
    PENDING = "pending"
    SELECTED = "selected"
    NOT_SELECTED = "not_selected"
    WITHDRAWN = "withdrawn"


class ChefStep(StrEnum):
    SELECT = "select"  # the admin, naming the group
    DECLINE = "decline"  # the admin, with a message
    WITHDRAW = "withdraw"  # the applicant


CHEF_TRANSITIONS: dict[tuple[ChefApplicationStatus, ChefStep], ChefApplicationStatus] = {
    (ChefApplicationStatus.PENDING, ChefStep.SELECT): ChefApplicationStatus.SELECTED,
    (ChefApplicationStatus.PENDING, ChefStep.DECLINE): ChefApplicationStatus.NOT_SELECTED,
    (ChefApplicationStatus.PENDING, ChefStep.WITHDRAW): ChefApplicationStatus.WITHDRAWN,
}

STATUS_LABELS: dict[str, str] = {
    ApplicationStatus.PENDING: _l("Waiting for a decision"),
    ApplicationStatus.ACCEPTED: _l("Accepted"),
    ApplicationStatus.DECLINED: _l("Not accepted"),
    ApplicationStatus.WITHDRAWN: _l("Withdrawn"),
    ApplicationStatus.LEFT: _l("No longer in the group"),
    ChefApplicationStatus.SELECTED: _l("Chosen as chef"),
    ChefApplicationStatus.NOT_SELECTED: _l("Not chosen"),
}


def next_status(status: str, step: ApplicationStep) -> ApplicationStatus:
    try:
        return EXPERT_TRANSITIONS[(ApplicationStatus(status), step)]
    except KeyError:
        raise InvalidTransition(_("This application has been decided on already.")) from None


def next_chef_status(status: str, step: ChefStep) -> ChefApplicationStatus:
    try:
        return CHEF_TRANSITIONS[(ChefApplicationStatus(status), step)]
    except KeyError:
        raise InvalidTransition(_("This application has been decided on already.")) from None
