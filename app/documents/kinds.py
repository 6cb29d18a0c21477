"""The documents an edition is made into (and, once the council has decided on it, the
decision's documents, kept on the same edition), a sprint's published result, and the
states of a build, as data."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.i18n import lazy_gettext as _l


class DocumentKind(StrEnum):
    EDITION_PDF = "edition_pdf"
    EDITION_DOCX = "edition_docx"
    MEASURES_CSV = "measures_csv"
    MEASURES_XLSX = "measures_xlsx"
    DECISION_PDF = "decision_pdf"
    ADOPTED_CSV = "adopted_csv"
    ADOPTED_XLSX = "adopted_xlsx"
    SPRINT_RESULT_PDF = "sprint_result_pdf"
    SPRINT_RESULT_XLSX = "sprint_result_xlsx"


# The edition's own documents (its page lists and its build button makes these), and the
# council's decision on it (the decision page's; publishing the decision builds them).
EDITION_KINDS: tuple[DocumentKind, ...] = (
    DocumentKind.EDITION_PDF,
    DocumentKind.EDITION_DOCX,
    DocumentKind.MEASURES_CSV,
    DocumentKind.MEASURES_XLSX,
)
DECISION_KINDS: tuple[DocumentKind, ...] = (
    DocumentKind.DECISION_PDF,
    DocumentKind.ADOPTED_CSV,
    DocumentKind.ADOPTED_XLSX,
)
# A sprint's result, once the board has published its chosen package: kept with the sprint
# (DocumentBuild.sprint_id), not with an edition.
SPRINT_KINDS: tuple[DocumentKind, ...] = (
    DocumentKind.SPRINT_RESULT_PDF,
    DocumentKind.SPRINT_RESULT_XLSX,
)


class BuildStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


# A build in one of these is still under way: it is not queued a second time, and the
# documents block keeps asking for news.
UNDER_WAY = frozenset({BuildStatus.QUEUED, BuildStatus.RUNNING})


@dataclass(frozen=True)
class KindInfo:
    label: str  # a lazy translation
    extension: str
    media_type: str


KINDS: dict[DocumentKind, KindInfo] = {
    DocumentKind.EDITION_PDF: KindInfo(_l("The edition as PDF"), "pdf", "application/pdf"),
    DocumentKind.EDITION_DOCX: KindInfo(
        _l("The edition as Word file"),
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    DocumentKind.MEASURES_CSV: KindInfo(
        _l("All measures per year as CSV"), "csv", "text/csv; charset=utf-8"
    ),
    DocumentKind.MEASURES_XLSX: KindInfo(
        _l("All measures per year as Excel file"),
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    DocumentKind.DECISION_PDF: KindInfo(_l("The decision as PDF"), "pdf", "application/pdf"),
    DocumentKind.ADOPTED_CSV: KindInfo(
        _l("The adopted measures per year as CSV"), "csv", "text/csv; charset=utf-8"
    ),
    DocumentKind.ADOPTED_XLSX: KindInfo(
        _l("The adopted measures per year as Excel file"),
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    DocumentKind.SPRINT_RESULT_PDF: KindInfo(
        _l("The sprint's result as PDF"), "pdf", "application/pdf"
    ),
    DocumentKind.SPRINT_RESULT_XLSX: KindInfo(
        _l("The chosen measures per year as Excel file"),
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
}

STATUS_LABELS: dict[str, str] = {
    BuildStatus.QUEUED: _l("Waiting to be built"),
    BuildStatus.RUNNING: _l("Being built"),
    BuildStatus.DONE: _l("Ready"),
    BuildStatus.FAILED: _l("Failed"),
}

# The base of each file's name; the measures files are about the measures, the others the
# whole edition, or the council's decision on it.
FILE_STEMS: dict[DocumentKind, str] = {
    DocumentKind.EDITION_PDF: "centraal-witboek",
    DocumentKind.EDITION_DOCX: "centraal-witboek",
    DocumentKind.MEASURES_CSV: "maatregelen",
    DocumentKind.MEASURES_XLSX: "maatregelen",
    DocumentKind.DECISION_PDF: "raadsbesluit",
    DocumentKind.ADOPTED_CSV: "vastgestelde-maatregelen",
    DocumentKind.ADOPTED_XLSX: "vastgestelde-maatregelen",
    DocumentKind.SPRINT_RESULT_PDF: "resultaat",
    DocumentKind.SPRINT_RESULT_XLSX: "gekozen-maatregelen",
}


def file_name(kind: DocumentKind, process_slug: str, number: int | None) -> str:
    """Like ``centraal-witboek-bezuinigingsdialoog-editie-2.pdf`` or
    ``raadsbesluit-bezuinigingsdialoog-editie-2.pdf``: what the download is saved as (kept
    ASCII: a slug is). A sprint has one result, so no number: ``resultaat-hackaton.pdf``."""
    if number is None:
        return f"{FILE_STEMS[kind]}-{process_slug}.{KINDS[kind].extension}"
    return f"{FILE_STEMS[kind]}-{process_slug}-editie-{number}.{KINDS[kind].extension}"


class FailReason(StrEnum):
    """Why a build failed, stored as a code and said in the reader's language when shown;
    the details (the traceback) stay in the job's row and the log."""

    STOPPED = "stopped"
    MISSING = "missing"
    NO_DECISION = "no_decision"
    NO_SPRINT = "no_sprint"
    DISK = "disk"
    BUILD = "build"


FAIL_REASONS: dict[str, str] = {
    FailReason.STOPPED: _l("The build stopped before it was finished (the server restarted)."),
    FailReason.MISSING: _l("The edition could not be found any more."),
    FailReason.NO_DECISION: _l("The council's decision on the edition could not be found."),
    FailReason.NO_SPRINT: _l("The sprint's published package could not be found."),
    FailReason.DISK: _l("The file could not be saved: the disk is full or may not be written."),
    FailReason.BUILD: _l("Something in the edition could not be put into this document."),
}


def fail_reason(code: str | None) -> str:
    if code is None:
        return ""
    return FAIL_REASONS.get(code, code)
