"""All measures of an edition with their yearly amounts, as CSV and as an Excel sheet:
one row per measure per year, for people who want to count for themselves."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from app.documents.builders import Progress
from app.documents.queries import EditionData
from app.i18n import gettext as _
from app.security.spreadsheets import append_row, safe_row

EURO_FORMAT = '"€" #,##0;"€" -#,##0'


@dataclass(frozen=True)
class MeasureYear:
    theme: str
    number: str
    title: str
    year: int
    claimed_structural: int
    claimed_one_off: int
    validated_structural: int | None  # None: not validated (no sound financial review)
    validated_one_off: int | None


def headers() -> list[str]:
    return [
        _("Theme"),
        _("Proposal number"),
        _("Title"),
        _("Year"),
        _("Claimed structural"),
        _("Claimed one-off"),
        _("Validated structural"),
        _("Validated one-off"),
    ]


def rows(data: EditionData) -> list[MeasureYear]:
    """Every year of the horizon for every measure, a year without amounts as zeros, so
    that each measure has the same rows and a filter on one year shows them all."""
    result = []
    for chapter in data.chapters:
        for entry in chapter.entries:
            for year in data.years:
                structural, one_off = entry.claimed.get(year, (0, 0))
                if entry.validated is None:
                    v_structural, v_one_off = None, None
                else:
                    v_structural, v_one_off = entry.validated.get(year, (0, 0))
                result.append(
                    MeasureYear(
                        chapter.theme,
                        entry.number,
                        entry.title,
                        year,
                        structural,
                        one_off,
                        v_structural,
                        v_one_off,
                    )
                )
    return result


def _cells(row: MeasureYear) -> list[str | int | None]:
    return [
        row.theme, row.number, row.title, row.year, row.claimed_structural,
        row.claimed_one_off, row.validated_structural, row.validated_one_off,
    ]  # fmt: skip


def build_csv(data: EditionData, target: Path, progress: Progress) -> None:
    """Semicolons and a byte-order mark: what Excel with Dutch settings opens as columns
    and as UTF-8 without asking. Amounts are whole euros without separators."""
    measures = rows(data)
    with target.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(headers())
        for row in measures:
            writer.writerow(safe_row("" if cell is None else cell for cell in _cells(row)))
    progress(1, 1)


def build_xlsx(data: EditionData, target: Path, progress: Progress) -> None:
    """The same rows as numbers in euros, the header frozen, and a sheet of totals per
    theme and year (as numbers, not formulas: a reader sees them without recalculating)."""
    measures = rows(data)
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # noqa: S101 - a new workbook has one sheet
    sheet.title = _("Measures")[:31]
    sheet.append(headers())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in measures:
        append_row(sheet, _cells(row))
    for column in "EFGH":
        for cell in sheet[column][1:]:
            cell.number_format = EURO_FORMAT
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for column, width in zip("ABCDEFGH", (28, 12, 60, 8, 18, 18, 18, 18), strict=True):
        sheet.column_dimensions[column].width = width
    progress(1, 2)

    totals = book.create_sheet(_("Totals")[:31])
    totals.append([_("Theme"), _("Target a year"), *_year_headers(data), _("Total claimed")])
    for cell in totals[1]:
        cell.font = Font(bold=True)
    for chapter in data.chapters:
        append_row(
            totals,
            [
                chapter.theme,
                chapter.target,
                *(chapter.claimed(year) for year in data.years),
                chapter.claimed_total,
            ],
        )
    totals.append(
        [
            _("Total"),
            data.target_of_chapters,
            *(data.claimed(year) for year in data.years),
            data.claimed_total,
        ]
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


def _year_headers(data: EditionData) -> list[str]:
    return [_("Claimed %(year)d", year=year) for year in data.years]
