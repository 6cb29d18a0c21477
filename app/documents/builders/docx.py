"""The edition as a Word file (python-docx): for officials who work the text further.
Headings per chapter and proposal (Word's own heading styles, so its navigation pane
and contents field work), the amounts as Word tables, and the product sheet's fields.
Markdown is given as plain paragraphs: Word cannot render it, and a stray ``**`` is
easier to fix than a lost sentence."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject

from app.documents.builders import Progress
from app.documents.queries import ChapterData, EditionData, EntryData
from app.i18n import gettext as _
from app.web.templating import euro

SHEET_FIELDS = (
    ("budget_lines", "Budget lines"),
    ("staff_effect", "Effect on staff"),
    ("legal_aspects", "Legal aspects"),
    ("consequences", "Consequences for society"),
    ("risks", "Risks"),
    ("implementation", "Implementation"),
    ("advice", "Advice"),
)


def _text(document: DocumentObject, text: str) -> None:
    for block in text.replace("\r\n", "\n").split("\n\n"):
        if block.strip():
            document.add_paragraph(block.strip())


def _amounts(document: DocumentObject, data: EditionData, entry: EntryData) -> None:
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    heading = table.rows[0].cells
    for cell, label in zip(
        heading,
        (
            _("Year"), _("Claimed structural"), _("Claimed one-off"),
            _("Validated structural"), _("Validated one-off"),
        ),
        strict=True,
    ):  # fmt: skip
        cell.text = label
    for year in data.years:
        structural, one_off = entry.claimed.get(year, (0, 0))
        validated = entry.validated.get(year, (0, 0)) if entry.validated is not None else None
        cells = table.add_row().cells
        cells[0].text = str(year)
        cells[1].text = euro(structural)
        cells[2].text = euro(one_off)
        cells[3].text = euro(validated[0] if validated else None)
        cells[4].text = euro(validated[1] if validated else None)


def _entry(document: DocumentObject, data: EditionData, entry: EntryData) -> None:
    document.add_heading(f"{entry.number} {entry.title}", level=2)
    if entry.summary:
        document.add_paragraph(entry.summary).runs[0].bold = True
    if entry.measure:
        document.add_heading(_("The measure"), level=3)
        _text(document, entry.measure)
    if entry.consequences:
        document.add_heading(_("Consequences for society"), level=3)
        _text(document, entry.consequences)
    if entry.budget_lines:
        lines = "; ".join(f"{b.get('code', '')} {b.get('name', '')}" for b in entry.budget_lines)
        document.add_paragraph(f"{_('Budget lines:')} {lines}")
    _amounts(document, data, entry)
    document.add_heading(_("Product sheet"), level=3)
    if entry.sheet is None:
        document.add_paragraph(_("The product sheet has not been written yet."))
        return
    for name, label in SHEET_FIELDS:
        document.add_paragraph(_(label)).runs[0].bold = True
        text = getattr(entry.sheet, name)
        if text:
            _text(document, text)
        else:
            document.add_paragraph(_("Not filled in."))


def _chapter(document: DocumentObject, data: EditionData, chapter: ChapterData) -> None:
    document.add_page_break()  # type: ignore[no-untyped-call]
    document.add_heading(f"{chapter.number}. {chapter.title}", level=1)
    document.add_paragraph(
        _(
            "Theme: %(theme)s. Target: %(target)s a year.",
            theme=chapter.theme,
            target=euro(chapter.target),
        )
    )
    if chapter.introduction:
        _text(document, chapter.introduction)


def _summary(document: DocumentObject, data: EditionData) -> None:
    document.add_page_break()  # type: ignore[no-untyped-call]
    document.add_heading(_("Summary of the savings"), level=1)
    for caption, of_chapter, of_all in (
        (_("Claimed savings per year"), "claimed", data.claimed),
        (_("Validated savings per year"), "validated", data.validated),
    ):
        document.add_heading(caption, level=2)
        table = document.add_table(rows=1, cols=2 + len(data.years))
        table.style = "Table Grid"
        header = table.rows[0].cells
        header[0].text, header[1].text = _("Theme"), _("Target a year")
        for index, year in enumerate(data.years, start=2):
            header[index].text = str(year)
        for chapter in data.chapters:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = chapter.title, euro(chapter.target)
            for index, year in enumerate(data.years, start=2):
                cells[index].text = euro(getattr(chapter, of_chapter)(year))
        cells = table.add_row().cells
        cells[0].text, cells[1].text = _("Total"), euro(data.target_of_chapters)
        for index, year in enumerate(data.years, start=2):
            cells[index].text = euro(of_all(year))
    document.add_paragraph(f"{_('Total claimed, all years')}: {euro(data.claimed_total)}")


def build_docx(data: EditionData, target: Path, progress: Progress) -> None:
    total = data.entry_count + 1
    done = 0
    document = Document()
    document.core_properties.title = _(
        "Central white paper, edition %(number)d", number=data.number
    )
    document.core_properties.author = data.organization
    document.add_paragraph(data.organization)
    document.add_paragraph(data.process_title)
    document.add_heading(_("Central white paper, edition %(number)d", number=data.number), level=0)
    if data.note:
        _text(document, data.note)
    for chapter in data.chapters:
        _chapter(document, data, chapter)
        for entry in chapter.entries:
            _entry(document, data, entry)
            done += 1
            progress(done, total)
    _summary(document, data)
    document.save(str(target))
    progress(total, total)
