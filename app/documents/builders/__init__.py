"""One builder per kind of document, and what it is built from. Each builder writes a
whole file to the path it is given and reports progress as it goes; none touches the
database: the kind's loader reads the plain data it gets (an edition's, or the council
decision's on it) before the builder starts."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.documents.decision_data import DecisionData, decision_data
from app.documents.kinds import DocumentKind
from app.documents.queries import EditionData, edition_data
from app.documents.sprint_result_data import SprintResultData, sprint_result_data

# progress(done, total): called as the work advances; the job stores it for the page.
Progress = Callable[[int, int], None]
# A builder takes the data its kind's loader returns (EditionData or DecisionData).
Builder = Callable[[Any, Path, Progress], None]
# loader(session, edition_id): the data, or None when the edition (or decision) is gone;
# for a sprint's result loader(session, sprint_id).
Loader = Callable[[Session, int], EditionData | DecisionData | SprintResultData | None]

# Imported when used: WeasyPrint loads Pango on import, and a web process that never
# builds a PDF need not pay for it (or fail where the system libraries are missing).
_BUILDERS: dict[DocumentKind, tuple[str, str]] = {
    DocumentKind.EDITION_PDF: ("app.documents.builders.pdf", "build_pdf"),
    DocumentKind.EDITION_DOCX: ("app.documents.builders.docx", "build_docx"),
    DocumentKind.MEASURES_CSV: ("app.documents.builders.measures", "build_csv"),
    DocumentKind.MEASURES_XLSX: ("app.documents.builders.measures", "build_xlsx"),
    DocumentKind.DECISION_PDF: ("app.documents.builders.decision_pdf", "build_decision_pdf"),
    DocumentKind.ADOPTED_CSV: ("app.documents.builders.adopted", "build_csv"),
    DocumentKind.ADOPTED_XLSX: ("app.documents.builders.adopted", "build_xlsx"),
    DocumentKind.SPRINT_RESULT_PDF: ("app.documents.builders.sprint_result", "build_pdf"),
    DocumentKind.SPRINT_RESULT_XLSX: ("app.documents.builders.sprint_result", "build_xlsx"),
}

_LOADERS: dict[DocumentKind, Loader] = {
    DocumentKind.EDITION_PDF: edition_data,
    DocumentKind.EDITION_DOCX: edition_data,
    DocumentKind.MEASURES_CSV: edition_data,
    DocumentKind.MEASURES_XLSX: edition_data,
    DocumentKind.DECISION_PDF: decision_data,
    DocumentKind.ADOPTED_CSV: decision_data,
    DocumentKind.ADOPTED_XLSX: decision_data,
    DocumentKind.SPRINT_RESULT_PDF: sprint_result_data,
    DocumentKind.SPRINT_RESULT_XLSX: sprint_result_data,
}


def builder_for(kind: DocumentKind) -> Builder:
    module, name = _BUILDERS[kind]
    built: Builder = getattr(import_module(module), name)
    return built


def loader_for(kind: DocumentKind) -> Loader:
    return _LOADERS[kind]
