"""Cells of a CSV or XLSX export that a spreadsheet will never run as a formula.

A proposal title such as ``=HYPERLINK("http://…", "click")`` or ``@SUM(…)`` is text the
person typed, but Excel and LibreOffice read a cell that starts with ``= + - @`` (or a tab
or carriage return before one) as a formula: the OWASP "CSV injection". Such text gets a
leading apostrophe, the spreadsheets' own mark for "this is text". Numbers are left
alone: a negative amount stays a number a reader can add up.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import TypeVar

from openpyxl.worksheet.worksheet import Worksheet

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

T = TypeVar("T")


def neutralise(value: T) -> T | str:
    """The value itself, or for text that a spreadsheet would run, that text behind an
    apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values: Iterable[T]) -> list[T | str]:
    return [neutralise(value) for value in values]


def append_row(sheet: Worksheet, values: Iterable[object]) -> None:
    """``sheet.append`` for rows with text people wrote: openpyxl stores any string that
    starts with ``=`` as a formula, so every text cell is also marked as a string."""
    sheet.append(safe_row(values))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"


Cell = str | int | bool | date | datetime | None


def _cell(value: Cell) -> str | int:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | datetime):
        return value.isoformat()
    return neutralise(value)


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """Semicolons and a byte-order mark: what Excel with Dutch settings opens as columns
    and reads as UTF-8 (see app.api.csv_routes). Text cells are neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
