"""Rows as the API shows them: from what :mod:`app.api.queries` loaded to the models of
:mod:`app.api.schemas`, with absolute links to the pages and to the API itself."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from app.api import schemas
from app.api.queries import Amounts, Council, ProposalDetail, ProposalRow, SheetRow, ThemeFigures
from app.council.queries import AdoptedMeasure, AmendmentView, PackageRow, amounts_of
from app.documents.decision_data import applied_labels, measure_status
from app.models import CouncilVote, Process, Review
from app.proposals.states import COUNTED
from app.reviews.kinds import SOUND, ReviewKind
from app.web.redirects import site_url
from app.web.templating import person_name

API_PREFIX = "/api/v1"
_SOUND = frozenset(verdict.value for verdict in SOUND)


@dataclass(frozen=True)
class Links:
    """Absolute addresses on the site the request reached."""

    base: str
    process: Process

    @classmethod
    def of(cls, request: Request, process: Process) -> Links:
        return cls(site_url(request), process)

    @property
    def page(self) -> str:
        return f"{self.base}/processen/{self.process.slug}"

    @property
    def api(self) -> str:
        return f"{self.base}{API_PREFIX}/processes/{self.process.slug}"

    def proposal(self, proposal_id: int) -> str:
        return f"{self.page}/voorstellen/{proposal_id}"


def years_of(process: Process) -> list[int]:
    return list(range(process.first_year, process.last_year + 1))


def year_amounts(amounts: Amounts, years: list[int]) -> list[schemas.YearAmount]:
    """Every year of the horizon, a year without an amount as zeros, and any year outside
    it that has one (so nothing stored is hidden)."""
    every = sorted(set(years) | set(amounts))
    return [
        schemas.YearAmount(
            year=y, structural=amounts.get(y, (0, 0))[0], one_off=amounts.get(y, (0, 0))[1]
        )
        for y in every
    ]


def _review_amounts(review: Review) -> Amounts:
    return {a.year: (int(a.structural), int(a.one_off)) for a in review.amounts}


# --- processes and themes -----------------------------------------------------------------------


def process_summary(request: Request, process: Process) -> schemas.ProcessSummary:
    links = Links.of(request, process)
    return schemas.ProcessSummary(**_process_fields(process, links))


def _process_fields(process: Process, links: Links) -> dict[str, object]:
    return {
        "slug": process.slug,
        "title": process.title,
        "kind": process.kind,
        "summary": process.summary,
        "target_total": process.target_total,
        "target_current_year": process.target_current_year,
        "first_year": process.first_year,
        "last_year": process.last_year,
        "current_phase": process.current_phase,
        "url": links.page,
        "api_url": links.api,
    }


def theme(request: Request, process: Process, figures: ThemeFigures) -> schemas.ThemeOut:
    item = figures.theme
    years = figures.progress.years if figures.progress else []
    return schemas.ThemeOut(
        slug=item.slug,
        name=item.name,
        description=item.description,
        position=item.position,
        budget_lines=figures.lines,
        controllable=figures.controllable,
        target=figures.target,
        target_set_by_hand=item.target_override is not None,
        target_reason=item.override_reason if item.target_override is not None else None,
        years=[
            schemas.ThemeYear(year=y.year, claimed=y.claimed, validated=y.validated) for y in years
        ],
        url=f"{Links.of(request, process).page}/themas/{item.slug}",
    )


def process_detail(
    request: Request, process: Process, figures: list[ThemeFigures]
) -> schemas.ProcessDetail:
    return schemas.ProcessDetail(
        **_process_fields(process, Links.of(request, process)),
        phases=[
            schemas.PhaseOut(
                kind=phase.kind,
                position=phase.position,
                starts_on=phase.starts_on,
                ends_on=phase.ends_on,
                current=phase.kind == process.current_phase,
            )
            for phase in process.phases
        ],
        themes=[theme(request, process, f) for f in figures],
    )


# --- proposals and reviews ------------------------------------------------------------------


def review(request: Request, process: Process, item: Review) -> schemas.ReviewOut:
    financial = item.kind == ReviewKind.FINANCIAL.value
    return schemas.ReviewOut(
        proposal_id=item.proposal_id,
        kind=item.kind,
        verdict=item.verdict,
        notes=item.notes,
        reviewed_version=item.reviewed_version,
        needs_another_look=item.needs_another_look,
        reviewed_at=item.updated_at,
        validated=year_amounts(_review_amounts(item), years_of(process)) if financial else None,
        proposal_url=Links.of(request, process).proposal(item.proposal_id),
    )


def _proposal_fields(request: Request, process: Process, row: ProposalRow) -> dict[str, object]:
    item, financial = row.proposal, row.financial
    links = Links.of(request, process)
    years = years_of(process)
    return {
        "id": item.id,
        "title": item.title,
        "summary": item.summary,
        "state": item.state,
        "state_reason": item.state_reason,
        "merged_into": item.merged_into_id,
        "theme": row.theme.slug,
        "theme_name": row.theme.name,
        "group": row.group.slug,
        "group_name": row.group.name,
        "version": item.version,
        "submitted_at": item.submitted_at,
        "claimed_total": item.claimed_total,
        "claimed": year_amounts(row.claimed, years),
        "validated": (
            year_amounts(_review_amounts(financial), years) if financial is not None else None
        ),
        "validated_counts": (
            financial is not None
            and financial.verdict in _SOUND
            and not financial.needs_another_look
            and item.state in COUNTED
        ),
        "url": links.proposal(item.id),
        "api_url": f"{links.api}/proposals/{item.id}",
    }


def proposal_summary(
    request: Request, process: Process, row: ProposalRow
) -> schemas.ProposalSummary:
    return schemas.ProposalSummary(**_proposal_fields(request, process, row))


def proposal_detail(
    request: Request, process: Process, detail: ProposalDetail
) -> schemas.ProposalDetail:
    return schemas.ProposalDetail(
        **_proposal_fields(request, process, detail.row),
        measure=detail.row.proposal.measure,
        consequences=detail.row.proposal.consequences,
        budget_lines=[
            schemas.BudgetLineRef(code=line.code, name=line.name) for line in detail.budget_lines
        ],
        reviews=[review(request, process, r) for r in detail.reviews],
    )


# --- product sheets -----------------------------------------------------------------------------


def product_sheet(request: Request, process: Process, row: SheetRow) -> schemas.ProductSheetOut:
    sheet = row.sheet
    links = Links.of(request, process)
    return schemas.ProductSheetOut(
        proposal_id=sheet.proposal_id,
        title=row.title,
        theme=row.theme.slug,
        theme_name=row.theme.name,
        step=sheet.step,
        version=sheet.version,
        updated_at=sheet.updated_at,
        budget_lines=sheet.budget_lines,
        financial_effect=year_amounts(amounts_of(sheet.financial_effect), years_of(process)),
        staff_effect=sheet.staff_effect,
        legal_aspects=sheet.legal_aspects,
        consequences=sheet.consequences,
        risks=sheet.risks,
        implementation=sheet.implementation,
        advice=sheet.advice,
        url=f"{links.page}/productbladen/{sheet.proposal_id}",
        proposal_url=links.proposal(sheet.proposal_id),
    )


# --- the council ------------------------------------------------------------------------------


def vote(item: CouncilVote) -> schemas.VoteOut:
    return schemas.VoteOut(
        mode=item.mode,
        votes_for=item.votes_for,
        votes_against=item.votes_against,
        carried=item.carried,
        parties=(
            [
                schemas.PartyVoteOut(party=p["party"], seats=p["seats"], vote=p["vote"])
                for p in item.parties
            ]
            if item.parties is not None
            else None
        ),
        correction=item.corrects_id is not None,
        reason=item.reason,
        recorded_at=item.recorded_at,
    )


def amendment(
    request: Request, process: Process, council: Council, view: AmendmentView
) -> schemas.AmendmentOut:
    item = view.amendment
    theme_ = council.themes.get(view.measure.theme_id)
    return schemas.AmendmentOut(
        number=item.number,
        label=view.label,
        kind=item.kind,
        state=item.state,
        proposal_id=item.proposal_id,
        measure_number=view.measure.number,
        measure_title=view.measure.title,
        theme=theme_.slug if theme_ else "",
        explanation=item.explanation,
        condition=item.condition,
        amounts=(
            year_amounts(view.amounts, council.book.years) if item.amounts is not None else None
        ),
        filed_by=person_name(item.filer_label),
        party=item.party,
        filed_at=item.filed_at,
        withdrawn_at=item.withdrawn_at,
        cosigners=[
            schemas.Signer(name=person_name(s.label), party=s.party) for s in view.signatures
        ],
        votes=[vote(v) for v in view.votes],
        effect=[schemas.YearEffect(year=y, change=c) for y, c in sorted(view.effect.items())],
        url=f"{Links.of(request, process).page}/raad/amendementen/{item.number}",
    )


def _package_row(council: Council, row: PackageRow, name: str) -> schemas.PackageTheme:
    theme_ = council.themes.get(row.theme_id) if row.theme_id is not None else None
    return schemas.PackageTheme(
        theme=theme_.slug if theme_ else None,
        name=theme_.name if theme_ else name,
        target=row.target,
        measures=row.measures,
        struck=row.struck,
        years=[
            schemas.PackageYear(
                year=y,
                submitted=row.submitted.get(y, 0),
                adopted=row.adopted.get(y, 0),
                short=row.short(y),
            )
            for y in council.book.years
        ],
    )


def _adopted_measure(council: Council, item: AdoptedMeasure) -> schemas.AdoptedMeasureOut:
    measure = item.measure
    theme_ = council.themes.get(measure.theme_id)
    years = council.book.years
    return schemas.AdoptedMeasureOut(
        proposal_id=measure.proposal_id,
        number=measure.number,
        title=measure.title,
        theme=theme_.slug if theme_ else "",
        status=measure_status(item),
        amendments=applied_labels(item),
        conditions=[text for _label, text in item.conditions],
        submitted=year_amounts(measure.base, years),
        adopted=year_amounts({} if item.struck else item.amounts, years),
    )


def decision(request: Request, process: Process, council: Council) -> schemas.DecisionOut:
    book, package = council.book, council.book.package
    published_at = council.decision.published_at
    assert published_at is not None  # noqa: S101 - only a published decision is shown
    return schemas.DecisionOut(
        state=council.decision.state,
        edition=book.edition.number,
        meeting_on=council.decision.meeting_on,
        published_at=published_at,
        adopted=book.adopted,
        final_votes=[vote(v) for v in book.final_votes],
        years=book.years,
        themes=[_package_row(council, row, row.title) for row in package.themes],
        total=_package_row(council, package.total, process.title),
        measures=[_adopted_measure(council, item) for item in package.measures],
        url=f"{Links.of(request, process).page}/raad/besluit",
    )
