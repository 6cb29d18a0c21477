"""What the search index holds: the kinds of published item, one document per item, and
what a flush or a rebuild asks to (re)index."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from app.council.states import AMENDMENT_STATE_LABELS, DECISION_STATE_LABELS
from app.green_papers.states import STATUS_LABELS as GREEN_PAPER_STATUS_LABELS
from app.green_papers.states import GreenPaperStatus
from app.i18n import lazy_gettext as _l
from app.i18n import translations
from app.product_sheets.states import STEP_LABELS
from app.proposals.states import STATE_LABELS as PROPOSAL_STATE_LABELS
from app.proposals.states import ProposalState


class Kind(StrEnum):
    PROPOSAL = "proposal"
    GREEN_PAPER = "green_paper"
    WHITE_PAPER = "white_paper"
    EDITION = "edition"
    PRODUCT_SHEET = "product_sheet"
    AMENDMENT = "amendment"
    DECISION = "decision"


KIND_LABELS: dict[str, str] = {
    Kind.PROPOSAL: _l("Proposal"),
    Kind.GREEN_PAPER: _l("Green paper"),
    Kind.WHITE_PAPER: _l("White paper"),
    Kind.EDITION: _l("Central white paper"),
    Kind.PRODUCT_SHEET: _l("Product sheet"),
    Kind.AMENDMENT: _l("Amendment"),
    Kind.DECISION: _l("Council decision"),
}

# The state labels of each kind, for the results.
STATE_LABELS: dict[str, dict[str, str]] = {
    Kind.PROPOSAL: PROPOSAL_STATE_LABELS,
    Kind.GREEN_PAPER: GREEN_PAPER_STATUS_LABELS,
    Kind.PRODUCT_SHEET: STEP_LABELS,
    Kind.AMENDMENT: AMENDMENT_STATE_LABELS,
    Kind.DECISION: DECISION_STATE_LABELS,
}

# The states the filter offers, per kind: "kind.state" in the URL, as two kinds share a
# word (a withdrawn proposal, a withdrawn amendment).
FILTER_STATES: dict[str, list[str]] = {
    Kind.PROPOSAL: [s.value for s in ProposalState if s != ProposalState.DRAFT],
    Kind.GREEN_PAPER: [GreenPaperStatus.CONTINUED.value, GreenPaperStatus.STOPPED.value],
    Kind.AMENDMENT: list(AMENDMENT_STATE_LABELS),
}


def state_key(kind: str, state: str) -> str:
    return f"{kind}.{state}"


def state_label(kind: str, state: str | None) -> str | None:
    if state is None:
        return None
    label = STATE_LABELS.get(kind, {}).get(state)
    return str(label) if label is not None else None


def dutch(message: str, **variables: object) -> str:
    """A text in Dutch whatever the request's language: the index is Dutch, like what it
    indexes, so "groenboek" finds a green paper for everyone."""
    text = translations("nl").ugettext(message)
    return text % variables if variables else text


@dataclass(frozen=True)
class Document:
    """One published item as it goes into the index."""

    organization_id: int
    kind: str
    object_id: int
    process_id: int
    theme_id: int | None
    state: str | None
    amount: int | None
    title: str
    body: str
    url: str
    published_at: datetime

    def values(self) -> dict[str, object]:
        return {
            "organization_id": self.organization_id,
            "kind": self.kind,
            "object_id": self.object_id,
            "process_id": self.process_id,
            "theme_id": self.theme_id,
            "state": self.state,
            "amount": self.amount,
            "title": self.title[:400],
            "body": self.body,
            "url": self.url,
            "published_at": self.published_at,
        }


@dataclass
class Wanted:
    """What to (re)index: items by id per kind, and the items that depend on others
    (a group's papers, a proposal's product sheet, the sheets of an edition). With
    ``organization_id`` set: everything of that organization."""

    organization_id: int | None = None
    ids: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    groups: set[int] = field(default_factory=set)  # their green and white papers
    white_paper_groups: set[int] = field(default_factory=set)  # their white papers
    proposals: set[int] = field(default_factory=set)  # their product sheets
    editions: set[int] = field(default_factory=set)  # the product sheets in them

    def __bool__(self) -> bool:
        return self.organization_id is not None or any(
            (
                any(self.ids.values()),
                self.groups,
                self.white_paper_groups,
                self.proposals,
                self.editions,
            )
        )


@dataclass
class Found:
    """What a source found: every item it looked at (public or not), and the documents of
    those that are public. An entry of a looked-at item without a document goes."""

    checked: set[int] = field(default_factory=set)
    documents: list[Document] = field(default_factory=list)
