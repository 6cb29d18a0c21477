from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db import AppendOnly, Base, OrganizationScoped, utcnow
from app.models.personal import COUNCIL, STAFF_RECORD, personal


class CouncilParty(OrganizationScoped, Base):
    """A party (fractie) in the municipal council with its seats: a vote recorded per
    party counts its seats. The clerk keeps the list; a party that left the council is
    marked inactive rather than deleted, because earlier votes name it."""

    __tablename__ = "council_parties"
    __table_args__ = (UniqueConstraint("organization_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    seats: Mapped[int]
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CouncilMember(OrganizationScoped, Base):
    """The party a councillor sits for: an amendment is filed in a party's name."""

    __tablename__ = "council_members"
    __table_args__ = (UniqueConstraint("organization_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), info=personal(COUNCIL)
    )
    party_id: Mapped[int] = mapped_column(ForeignKey("council_parties.id"))


class CouncilDecision(OrganizationScoped, Base):
    """The council's handling of one published edition of the central white paper. The
    admin's submission opens it (and the council-decision phase); councillors file
    amendments on its product sheets; the clerk records each vote, then the vote on the
    whole edition as amended, and publishes the decision. ``state`` is changed only by
    :mod:`app.council.states`."""

    __tablename__ = "council_decisions"
    __table_args__ = (UniqueConstraint("edition_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        ForeignKey("processes.id", ondelete="CASCADE"), index=True
    )
    edition_id: Mapped[int] = mapped_column(
        ForeignKey("central_white_papers.id", ondelete="CASCADE")
    )
    state: Mapped[str] = mapped_column(String(20), default="open")  # DecisionState
    meeting_on: Mapped[date | None]  # the council meeting that decides, when known
    note: Mapped[str] = mapped_column(Text, default="")  # the admin's covering words
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)
    submitted_by: Mapped[str] = mapped_column(String(200), info=personal(STAFF_RECORD))
    published_at: Mapped[datetime | None]
    published_by: Mapped[str | None] = mapped_column(String(200), info=personal(STAFF_RECORD))
    version: Mapped[int] = mapped_column(default=1)


class Amendment(OrganizationScoped, Base):
    """A councillor's amendment on one product sheet: strike the measure, change its
    amount per year, or attach a condition. Co-signed by other councillors, withdrawn by
    its filer before the vote, carried or defeated by the vote. ``state`` is changed only
    by :mod:`app.council.states`."""

    __tablename__ = "amendments"
    __table_args__ = (
        UniqueConstraint("decision_id", "number"),
        Index("ix_amendments_decision_state", "decision_id", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("processes.id", ondelete="CASCADE"))
    decision_id: Mapped[int] = mapped_column(ForeignKey("council_decisions.id", ondelete="CASCADE"))
    entry_id: Mapped[int] = mapped_column(ForeignKey("edition_entries.id"), index=True)
    sheet_id: Mapped[int] = mapped_column(ForeignKey("product_sheets.id"), index=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id"))
    number: Mapped[int]  # A1, A2, ... within the decision, in the order filed
    kind: Mapped[str] = mapped_column(String(20))  # AmendmentKind
    state: Mapped[str] = mapped_column(String(20), default="filed")  # AmendmentState
    explanation: Mapped[str] = mapped_column(Text)  # Markdown: why
    condition: Mapped[str] = mapped_column(Text, default="")  # for a condition
    # For a change of amount: {"2012": [structural, one_off], ...} replacing the sheet's.
    amounts: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    filer_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), info=personal(COUNCIL)
    )
    filer_label: Mapped[str] = mapped_column(String(200), info=personal(COUNCIL))
    party: Mapped[str] = mapped_column(String(100), default="")  # the filer's, when filed
    filed_at: Mapped[datetime] = mapped_column(default=utcnow)
    withdrawn_at: Mapped[datetime | None]


class AmendmentSignature(OrganizationScoped, Base):
    """A councillor co-signs an amendment (and may take the signature back before the
    vote; the audit trail keeps both)."""

    __tablename__ = "amendment_signatures"
    __table_args__ = (UniqueConstraint("amendment_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    amendment_id: Mapped[int] = mapped_column(ForeignKey("amendments.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), info=personal(COUNCIL)
    )
    label: Mapped[str] = mapped_column(String(200), info=personal(COUNCIL))
    party: Mapped[str] = mapped_column(String(100), default="")
    signed_at: Mapped[datetime] = mapped_column(default=utcnow)


class CouncilVote(AppendOnly, OrganizationScoped, Base):
    """A vote as the clerk recorded it: on an amendment, or (``amendment_id`` empty) on
    the whole edition as amended. Never changed: a mistake is put right by a new row that
    ``corrects`` the earlier one, with a reason. The newest row of a subject counts."""

    __tablename__ = "council_votes"
    __table_args__ = (Index("ix_council_votes_decision", "decision_id", "amendment_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("council_decisions.id", ondelete="CASCADE"))
    amendment_id: Mapped[int | None] = mapped_column(
        ForeignKey("amendments.id", ondelete="CASCADE")
    )
    mode: Mapped[str] = mapped_column(String(20))  # VoteMode: counts | parties
    votes_for: Mapped[int]
    votes_against: Mapped[int]
    # Per party, when voted per party: [{"party": name, "seats": n, "vote": for|against|absent}]
    parties: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    carried: Mapped[bool] = mapped_column(Boolean)
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("council_votes.id"))
    reason: Mapped[str | None] = mapped_column(Text)  # why a correction
    recorded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), info=personal(STAFF_RECORD)
    )
    recorded_by: Mapped[str] = mapped_column(String(200), info=personal(STAFF_RECORD))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
