"""The measures as the council adopted them, with their yearly amounts, as CSV and as an
Excel sheet: one row per measure per year, what the decision did to it, and what its
product sheet stated before, for people who want to count for themselves."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from app.documents.builders import Progress
from app.documents.builders.measures import EURO_FORMAT
from app.documents.decision_data import MEASURE_STATUS_LABELS, DecisionData
from app.i18n import gettext as _
from app.security.spreadsheets import append_row, safe_row


@dataclass(frozen=True)
class AdoptedYear:
    theme: str
    number: str
    title: str
    year: int
    status: str  # the label, in the reader's language
    applied: str  # "A3, A7"
    structural: int
    one_off: int
    before_structural: int
    before_one_off: int

    @property
    def total(self) -> int:
        return self.structural + self.one_off

    @property
    def before_total(self) -> int:
        return self.before_structural + self.before_one_off


def headers() -> list[str]:
    return [
        _("Theme"),
        _("Measure number"),
        _("Title"),
        _("Year"),
        _("Status"),
        _("Amendments applied"),
        _("Adopted structural"),
        _("Adopted one-off"),
        _("Adopted total"),
        _("Structural before the decision"),
        _("One-off before the decision"),
        _("Total before the decision"),
    ]


def rows(data: DecisionData) -> list[AdoptedYear]:
    """Every year of the horizon for every measure, struck ones with zeros adopted, so
    that each measure has the same rows and a filter on one year shows them all."""
    result = []
    for measure in data.measures:
        status = str(MEASURE_STATUS_LABELS[measure.status])
        applied = ", ".join(measure.applied)
        for year in data.years:
            structural, one_off = measure.adopted.get(year, (0, 0))
            before_structural, before_one_off = measure.before.get(year, (0, 0))
            result.append(
                AdoptedYear(
                    measure.theme,
                    measure.number,
                    measure.title,
                    year,
                    status,
                    applied,
                    structural,
                    one_off,
                    before_structural,
                    before_one_off,
                )
            )
    return result


def _cells(row: AdoptedYear) -> list[str | int]:
    return [
        row.theme, row.number, row.title, row.year, row.status, row.applied, row.structural,
        row.one_off, row.total, row.before_structural, row.before_one_off, row.before_total,
    ]  # fmt: skip


def build_csv(data: DecisionData, target: Path, progress: Progress) -> None:
    """Semicolons and a byte-order mark, as the edition's CSV: what Excel with Dutch
    settings opens as columns and as UTF-8 without asking. Whole euros, no separators."""
    measures = rows(data)
    with target.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(headers())
        for row in measures:
            writer.writerow(safe_row(_cells(row)))
    progress(1, 1)


def build_xlsx(data: DecisionData, target: Path, progress: Progress) -> None:
    """The same rows as numbers in euros, the header frozen, and a sheet of the package per
    theme and year: submitted and adopted, against the target (numbers, not formulas)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # noqa: S101 - a new workbook has one sheet
    sheet.title = _("Adopted measures")[:31]
    sheet.append(headers())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows(data):
        append_row(sheet, _cells(row))
    for column in "GHIJKL":
        for cell in sheet[column][1:]:
            cell.number_format = EURO_FORMAT
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    widths = (28, 12, 60, 8, 16, 18, 18, 18, 18, 18, 18, 18)
    for column, width in zip("ABCDEFGHIJKL", widths, strict=True):
        sheet.column_dimensions[column].width = width
    progress(1, 2)

    totals = book.create_sheet(_("Totals")[:31])
    totals.append(
        [
            _("Theme"),
            _("Target a year"),
            *(_("Submitted %(year)d", year=year) for year in data.years),
            *(_("Adopted %(year)d", year=year) for year in data.years),
            _("Adopted total"),
        ]
    )
    for cell in totals[1]:
        cell.font = Font(bold=True)
    for title, theme in [*((t.title, t) for t in data.themes), (_("Total"), data.total)]:
        append_row(
            totals,
            [
                title,
                theme.target,
                *(theme.submitted.get(year, 0) for year in data.years),
                *(theme.adopted.get(year, 0) for year in data.years),
                theme.adopted_total,
            ],
        )
    for cell in totals[totals.max_row]:
        cell.font = Font(bold=True)
    for row_cells in totals.iter_rows(min_row=2, min_col=2):
        for cell in row_cells:
            cell.number_format = EURO_FORMAT
    totals.freeze_panes = "B2"
    totals.column_dimensions["A"].width = 28
    book.save(target)
    progress(2, 2)
