"""A process with one of every kind of publication, and next to each something of the
same kind that is not public (yet): made straight with the ORM on the documents' test
edition, as the feed only reads what the use cases leave behind."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import organization_scope
from app.models import (
    CentralWhitePaper,
    CouncilDecision,
    GreenPaper,
    Group,
    Organization,
    Proposal,
    WhitePaper,
)
from tests.documents.conftest import Edition, make_edition

# Far enough in the past that anything the test adds "now" is newer.
T0 = datetime(2011, 5, 1, 9, 0, tzinfo=UTC)
SECRET = "Geheim concept"


def at(hours: int) -> datetime:
    return T0 + timedelta(hours=hours)


@dataclass
class Published:
    book: Edition
    groups: list[Group]
    draft: Proposal
    green_paper: GreenPaper
    white_paper: WhitePaper
    decision: CouncilDecision
    hidden: list[str] = field(default_factory=list)  # words that must never be in the feed

    @property
    def organization(self) -> Organization:
        return self.book.organization

    @property
    def slug(self) -> str:
        return self.book.process.slug

    @property
    def feed(self) -> str:
        return f"/processen/{self.slug}/publicaties.atom"


def add_proposals(db: Session, made: Edition, count: int, *, start: int = 100) -> None:
    """``count`` more submitted proposals, an hour apart after ``start`` hours."""
    with organization_scope(db, made.organization.id):
        group = db.scalar(select(Group).where(Group.process_id == made.process.id))
        assert group is not None
        for n in range(count):
            db.add(
                Proposal(
                    process_id=made.process.id,
                    group_id=group.id,
                    author_id=made.expert.id,
                    title=f"Extra voorstel {n}",
                    summary=f"Extra **{n}**.",
                    state="submitted",
                    submitted_at=at(start + n),
                    updated_at=at(start + n),
                )
            )
        db.flush()


def make_published(db: Session, organization: Organization) -> Published:
    made = make_edition(db, organization)
    with organization_scope(db, organization.id):
        groups = list(db.scalars(select(Group).order_by(Group.position, Group.id)))
        first, second = groups[0], groups[1]
        # The edition's proposals were submitted at T0 (+ an hour each).
        proposals = list(
            db.scalars(
                select(Proposal).where(Proposal.process_id == made.process.id).order_by(Proposal.id)
            )
        )
        for n, proposal in enumerate(proposals):
            proposal.submitted_at = proposal.updated_at = at(n)
        draft = Proposal(
            process_id=made.process.id,
            group_id=first.id,
            author_id=made.expert.id,
            title=SECRET,
            summary="Nog niet openbaar.",
            state="draft",
        )
        green = GreenPaper(
            process_id=made.process.id,
            group_id=first.id,
            status="continued",
            submitted_at=at(10),
            decided_at=at(11),
            decided_by="Bert (#3)",
            decision_reason="Het groenboek geeft **genoeg** richting.",
        )
        green_draft = GreenPaper(
            process_id=made.process.id,
            group_id=second.id,
            status="submitted",
            submitted_at=at(12),
            decision_reason="Geheime overweging.",
        )
        white = WhitePaper(
            process_id=made.process.id,
            group_id=first.id,
            status="submitted",
            introduction="Onze *inleiding*.",
            submitted_at=at(20),
            submitted_by="Ruud (#4)",
        )
        white_draft = WhitePaper(
            process_id=made.process.id,
            group_id=second.id,
            introduction="Geheime inleiding.",
        )
        made.edition.published_at, made.edition.published_by = at(30), "Ada (#1)"
        made.edition.note = "De eerste editie."
        later = CentralWhitePaper(
            process_id=made.process.id,
            number=2,
            compiled_by="Ada (#1)",
            note="Geheime tweede editie.",
        )
        db.add_all([draft, green, green_draft, white, white_draft, later])
        db.flush()
        decision = CouncilDecision(
            process_id=made.process.id,
            edition_id=made.edition.id,
            state="published",
            submitted_at=at(31),
            submitted_by="Ada (#1)",
            published_at=at(40),
            published_by="Griet (#5)",
            note="Het besluit van de raad.",
        )
        open_decision = CouncilDecision(
            process_id=made.process.id,
            edition_id=later.id,
            state="decided",
            submitted_at=at(41),
            submitted_by="Ada (#1)",
            note="Geheim besluit.",
        )
        db.add_all([decision, open_decision])
        db.flush()
    hidden = [
        SECRET,
        "Geheime overweging",
        "Geheime inleiding",
        "Geheime tweede editie",
        "Geheim besluit",
        f"/witboeken/{second.slug}",
        f"/groenboeken/{second.slug}",
    ]
    return Published(made, groups, draft, green, white, decision, hidden)


@pytest.fixture
def published(db: Session, organization: Organization) -> Published:
    return make_published(db, organization)
