"""The two kinds of review and their verdicts, as data: which role gives which kind, what
each is called in a URL, and what the verdicts say."""

from __future__ import annotations

from enum import StrEnum

from app.access.roles import Role
from app.i18n import lazy_gettext as _l


class ReviewKind(StrEnum):
    LEGAL = "legal"
    FINANCIAL = "financial"


class Verdict(StrEnum):
    FEASIBLE = "feasible"
    ON_CONDITIONS = "on_conditions"
    NOT_FEASIBLE = "not_feasible"


# Lawyers judge whether it may be done, financial advisers what it saves (DESIGN.md).
ROLE_OF: dict[ReviewKind, Role] = {
    ReviewKind.LEGAL: Role.LEGAL,
    ReviewKind.FINANCIAL: Role.FINANCE,
}

# The kind as it reads in a Dutch URL, both ways.
SLUGS: dict[ReviewKind, str] = {ReviewKind.LEGAL: "juridisch", ReviewKind.FINANCIAL: "financieel"}
KIND_OF_SLUG: dict[str, ReviewKind] = {slug: kind for kind, slug in SLUGS.items()}

KIND_LABELS: dict[str, str] = {
    ReviewKind.LEGAL: _l("Legal review"),
    ReviewKind.FINANCIAL: _l("Financial review"),
}

VERDICT_LABELS: dict[str, str] = {
    Verdict.FEASIBLE: _l("Feasible"),
    Verdict.ON_CONDITIONS: _l("Feasible on conditions"),
    Verdict.NOT_FEASIBLE: _l("Not feasible"),
}

# A verdict that is not a plain yes needs its why: the conditions, or the objection.
NEEDS_NOTES: frozenset[Verdict] = frozenset({Verdict.ON_CONDITIONS, Verdict.NOT_FEASIBLE})

# Validated amounts count towards the totals only under a verdict that lets them stand.
SOUND: frozenset[Verdict] = frozenset({Verdict.FEASIBLE, Verdict.ON_CONDITIONS})
