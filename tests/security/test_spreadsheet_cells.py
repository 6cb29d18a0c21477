"""Exports never hand a spreadsheet a formula someone typed (OWASP CSV injection)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.security.spreadsheets import append_row, csv_bytes, neutralise, safe_row

DANGEROUS = ["=1+1", "+31 6 1234", "-2+3", "@SUM(A1)", "\t=cmd", "\r=cmd", '=HYPERLINK("x")']


@pytest.mark.parametrize("text", DANGEROUS)
def test_text_a_spreadsheet_would_run_gets_an_apostrophe(text: str) -> None:
    assert neutralise(text) == "'" + text


def test_harmless_text_and_numbers_stay_as_they_are() -> None:
    assert safe_row(["Bibliotheek", "", "a=b", 12, -350_000, 0, None]) == [
        "Bibliotheek", "", "a=b", 12, -350_000, 0, None,
    ]  # fmt: skip


def test_the_open_data_csv_neutralises_text_but_not_negative_amounts() -> None:
    body = csv_bytes(["title", "amount"], [['=HYPERLINK("x")', -500], ["Sport", 20]])
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert rows[1] == ['\'=HYPERLINK("x")', "-500"]
    assert rows[2] == ["Sport", "20"]


def test_an_xlsx_row_holds_strings_not_formulas(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    append_row(sheet, ["Titel", 1])
    append_row(sheet, ["=1+1", -42, "@A1"])
    target = tmp_path / "export.xlsx"
    book.save(target)

    loaded = load_workbook(target).active
    assert loaded is not None
    cells = next(loaded.iter_rows(min_row=2))
    assert [c.value for c in cells] == ["'=1+1", -42, "'@A1"]
    assert [c.data_type for c in cells] == ["s", "n", "s"]
