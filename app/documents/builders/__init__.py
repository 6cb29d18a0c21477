"""One builder per kind of document. Each writes a whole file to the path it is given
and reports progress as it goes; none touches the database (they get plain data)."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from app.documents.kinds import DocumentKind
from app.documents.queries import EditionData

# progress(done, total): called as the work advances; the job stores it for the page.
Progress = Callable[[int, int], None]
Builder = Callable[[EditionData, Path, Progress], None]

# Imported when used: WeasyPrint loads Pango on import, and a web process that never
# builds a PDF need not pay for it (or fail where the system libraries are missing).
_BUILDERS: dict[DocumentKind, tuple[str, str]] = {
    DocumentKind.EDITION_PDF: ("app.documents.builders.pdf", "build_pdf"),
    DocumentKind.EDITION_DOCX: ("app.documents.builders.docx", "build_docx"),
    DocumentKind.MEASURES_CSV: ("app.documents.builders.measures", "build_csv"),
    DocumentKind.MEASURES_XLSX: ("app.documents.builders.measures", "build_xlsx"),
}


def builder_for(kind: DocumentKind) -> Builder:
    module, name = _BUILDERS[kind]
    built: Builder = getattr(import_module(module), name)
    return built
