"""What the open-data API answers, as pydantic models: every field named and explained,
so the OpenAPI document is the reference for whoever reuses the data.

Amounts are whole euros. A saving is positive; a cost is a negative saving. "Structural"
recurs every year from the year it starts; "one-off" counts in that year only. Personal
names of residents and staff are left out on purpose (data minimisation): the pages name
the authors and reviewers, a bulk download need not. Councillors act in public office, so
an amendment names who filed and co-signed it, as the council's own records do.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from app.council.states import AmendmentKind, AmendmentState, DecisionState, PartyVote, VoteMode
from app.documents.decision_data import MeasureStatus
from app.phases.kinds import PhaseKind, ProcessKind
from app.product_sheets.states import SheetStep
from app.reviews.kinds import ReviewKind, Verdict


class PublicState(StrEnum):
    """A proposal's state once it is public: every state but ``draft``
    (app.proposals.states.ProposalState)."""

    SUBMITTED = "submitted"
    IN_DISCUSSION = "in_discussion"
    INCLUDED = "included"
    MERGED = "merged"
    WITHDRAWN = "withdrawn"
    REJECTED = "rejected"


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class YearAmount(Model):
    """Euros in one year of the process's horizon."""

    year: int = Field(description="The budget year.")
    structural: int = Field(description="Structural euros: recurring from this year on.")
    one_off: int = Field(description="One-off euros: in this year only.")


class PageLinks(Model):
    self: str = Field(description="This page.")
    next: str | None = Field(description="The next page; null on the last page.")
    prev: str | None = Field(description="The previous page; null on the first page.")


class ListPage(Model):
    total: int = Field(description="How many items the list holds, over all its pages.")
    page: int = Field(description="This page's number, from 1.")
    per_page: int = Field(description="Items per page (at most 100).")
    links: PageLinks


# --- processes and themes -----------------------------------------------------------------------


class PhaseOut(Model):
    kind: PhaseKind = Field(description="What happens in this phase.")
    position: int = Field(description="Its place in the timeline, from 1.")
    starts_on: date
    ends_on: date
    current: bool = Field(description="Whether the process is in this phase now.")


class ProcessSummary(Model):
    slug: str = Field(description="The process's name in URLs.")
    title: str
    kind: ProcessKind = Field(description="A savings dialogue, or a sprint.")
    summary: str = Field(description="What the process is about (Markdown).")
    target_total: int = Field(description="The savings target: euros a year, structurally.")
    target_current_year: int | None = Field(
        description="For a sprint: what must be saved in the current year as well."
    )
    first_year: int = Field(description="The first budget year of the horizon.")
    last_year: int = Field(description="The last budget year of the horizon.")
    current_phase: PhaseKind | None = Field(description="The phase it is in; null before.")
    url: str = Field(description="The process's page.")
    api_url: str = Field(description="This process in the API.")


class ThemeYear(Model):
    year: int
    claimed: int = Field(
        description="Euros the public proposals of the theme claim to save this year "
        "(submitted, in discussion or in the white paper)."
    )
    validated: int = Field(
        description="Of those, the euros the financial adviser validated (a verdict that "
        "lets them stand, on the proposal as it is now)."
    )


class ThemeOut(Model):
    slug: str = Field(description="The theme's name in URLs; the proposals' theme filter.")
    name: str
    description: str = Field(description="Markdown.")
    position: int
    budget_lines: int = Field(description="How many budget lines the theme holds.")
    controllable: int = Field(description="Euros a year of its lines that can be influenced.")
    target: int = Field(
        description="Its savings target, euros a year: the process's percentage of the "
        "controllable costs, unless set by hand."
    )
    target_set_by_hand: bool
    target_reason: str | None = Field(description="Why the target was set by hand.")
    years: list[ThemeYear] = Field(description="Every year of the horizon.")
    url: str = Field(description="The theme's page.")


class ProcessDetail(ProcessSummary):
    phases: list[PhaseOut] = Field(description="The timeline, in order.")
    themes: list[ThemeOut] = Field(description="The themes with their targets, in order.")


class ProcessList(ListPage):
    items: list[ProcessSummary]


class ThemeList(ListPage):
    items: list[ThemeOut]


# --- proposals and reviews ------------------------------------------------------------------


class ReviewOut(Model):
    proposal_id: int
    kind: ReviewKind = Field(description="Legal (may it be done) or financial (what it saves).")
    verdict: Verdict
    notes: str = Field(description="The reviewer's conditions or objections (Markdown).")
    reviewed_version: int = Field(description="The proposal's version the verdict is about.")
    needs_another_look: bool = Field(
        description="The proposal changed after the review; the verdict is about an "
        "earlier version, and validated amounts do not count until it is reviewed again."
    )
    reviewed_at: datetime
    validated: list[YearAmount] | None = Field(
        description="For a financial review: the euros the adviser holds it saves, per "
        "year. Null for a legal review."
    )
    proposal_url: str = Field(description="The proposal's page, where the review is shown.")


class ProposalSummary(Model):
    id: int
    title: str
    summary: str
    state: PublicState
    state_reason: str | None = Field(description="Why it was rejected or merged.")
    merged_into: int | None = Field(description="The proposal it was merged into.")
    theme: str = Field(description="The slug of its theme.")
    theme_name: str
    group: str = Field(description="The slug of the group that wrote it.")
    group_name: str
    version: int = Field(description="Goes up with every change after submission.")
    submitted_at: datetime
    claimed_total: int = Field(description="Claimed euros over all years of the horizon.")
    claimed: list[YearAmount] = Field(
        description="What its authors claim it saves, every year of the horizon."
    )
    validated: list[YearAmount] | None = Field(
        description="What the financial adviser validated, per year; null before a "
        "financial review."
    )
    validated_counts: bool = Field(
        description="Whether the validated euros count towards the theme's total: a "
        "verdict that lets them stand, no other look needed, and a state that counts."
    )
    url: str = Field(description="The proposal's page.")
    api_url: str = Field(description="This proposal in the API, with its reviews.")


class BudgetLineRef(Model):
    code: str
    name: str


class ProposalDetail(ProposalSummary):
    measure: str = Field(description="What changes (Markdown).")
    consequences: str = Field(description="What it means for people (Markdown).")
    budget_lines: list[BudgetLineRef] = Field(description="The budget lines it touches.")
    reviews: list[ReviewOut]


class ProposalList(ListPage):
    items: list[ProposalSummary]


class ReviewList(ListPage):
    items: list[ReviewOut]


# --- product sheets -----------------------------------------------------------------------------


class ProductSheetOut(Model):
    proposal_id: int
    title: str = Field(description="The proposal's title.")
    theme: str = Field(description="The slug of the proposal's theme.")
    theme_name: str
    step: SheetStep = Field(description="Where its sign-off stands.")
    version: int
    updated_at: datetime
    budget_lines: str = Field(description="The budget lines it touches, as written.")
    financial_effect: list[YearAmount] = Field(description="The effect the sheet states.")
    staff_effect: str
    legal_aspects: str
    consequences: str
    risks: str
    implementation: str
    advice: str
    url: str = Field(description="The product sheet's page.")
    proposal_url: str


class ProductSheetList(ListPage):
    items: list[ProductSheetOut]


# --- the council ------------------------------------------------------------------------------


class PartyVoteOut(Model):
    party: str
    seats: int
    vote: PartyVote


class VoteOut(Model):
    mode: VoteMode = Field(description="Counted in votes, or per party with its seats.")
    votes_for: int
    votes_against: int
    carried: bool
    parties: list[PartyVoteOut] | None = Field(description="Per party, when voted so.")
    correction: bool = Field(description="Whether it corrects the vote recorded before it.")
    reason: str | None = Field(description="Why a correction.")
    recorded_at: datetime


class Signer(Model):
    name: str
    party: str = Field(description="Empty when the councillor's party is not recorded.")


class YearEffect(Model):
    year: int
    change: int = Field(description="How carrying it changes the savings of this year.")


class AmendmentOut(Model):
    number: int
    label: str = Field(description='As the council names it: "A1", "A2", ...')
    kind: AmendmentKind = Field(
        description="Strike the measure, change its amounts, or attach a condition."
    )
    state: AmendmentState
    proposal_id: int
    measure_number: str = Field(description='The measure\'s place in the edition ("3.2").')
    measure_title: str
    theme: str = Field(description="The slug of the measure's theme.")
    explanation: str = Field(description="Why (Markdown).")
    condition: str = Field(description="The condition, for that kind.")
    amounts: list[YearAmount] | None = Field(description="The new amounts, for a change.")
    filed_by: str
    party: str
    filed_at: datetime
    withdrawn_at: datetime | None
    cosigners: list[Signer]
    votes: list[VoteOut] = Field(description="The vote, then its corrections; the last counts.")
    effect: list[YearEffect] = Field(description="Every year of the horizon.")
    url: str = Field(description="The amendment's page.")


class AmendmentList(ListPage):
    items: list[AmendmentOut]


class PackageYear(Model):
    year: int
    submitted: int = Field(description="Savings as the edition put them to the council.")
    adopted: int = Field(description="Savings as adopted, after the carried amendments.")
    short: int = Field(description="How far the adopted savings fall short of the target.")


class PackageTheme(Model):
    theme: str | None = Field(description="The theme's slug; null for the whole process.")
    name: str
    target: int = Field(description="Euros a year.")
    measures: int
    struck: int = Field(description="How many of its measures the council struck.")
    years: list[PackageYear]


class AdoptedMeasureOut(Model):
    proposal_id: int
    number: str = Field(description='Its place in the edition ("3.2").')
    title: str
    theme: str = Field(description="The slug of its theme.")
    status: MeasureStatus
    amendments: list[str] = Field(description="The carried amendments that shape it.")
    conditions: list[str] = Field(description="Conditions attached to it.")
    submitted: list[YearAmount] = Field(description="As put to the council.")
    adopted: list[YearAmount] = Field(description="As adopted; zeros when struck.")


class DecisionOut(Model):
    state: DecisionState
    edition: int = Field(description="The number of the central white paper edition.")
    meeting_on: date | None
    published_at: datetime
    adopted: bool | None = Field(description="Whether the council adopted the edition as amended.")
    final_votes: list[VoteOut] = Field(description="The vote, then its corrections.")
    years: list[int]
    themes: list[PackageTheme] = Field(description="The adopted package per theme and year.")
    total: PackageTheme = Field(description="The whole process, against its target.")
    measures: list[AdoptedMeasureOut]
    url: str = Field(description="The decision's page.")
