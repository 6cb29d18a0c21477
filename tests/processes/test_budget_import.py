from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import organization_scope
from app.models import BudgetLine, Organization, Theme
from app.processes.budget_import import import_budget_lines, parse_amount
from tests.factories import SMALL_BUDGET, make_process


def test_a_good_import_creates_lines_and_themes_and_can_be_repeated(
    db: Session, organization: Organization
) -> None:
    process = make_process(db, organization)
    with organization_scope(db, organization.id):
        first = import_budget_lines(db, "x", process, SMALL_BUDGET.encode())
        assert (first.created, first.themes_created, first.problems) == (3, 2, [])
        again = import_budget_lines(db, "x", process, SMALL_BUDGET.encode())
        assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
        assert db.scalar(select(func.count(BudgetLine.id))) == 3
        assert set(db.scalars(select(Theme.name))) == {"Onderwijs", "Sport"}


def test_bad_rows_are_all_reported_with_their_line_and_nothing_is_imported(
    db: Session, organization: Organization
) -> None:
    process = make_process(db, organization)
    bad = (
        "code,naam,begroting,beinvloedbaar,taakveld\n"
        "A,Goed,100,50,0.1\n"
        "B,,100,50,0.1\n"
        "A,Dubbel,100,50,0.1\n"
        "C,Te veel,100,150,0.1\n"
        "D,Geen getal,honderd,50,9.9\n"
    )
    with organization_scope(db, organization.id):
        result = import_budget_lines(db, "x", process, bad.encode())
        assert db.scalar(select(func.count(BudgetLine.id))) == 0
    lines = dict(result.problems)
    assert set(lines) == {3, 4, 5, 6}
    assert "de naam is leeg" in lines[3]
    assert "staat ook op regel 2" in lines[4]
    assert "hoger dan de begroting" in lines[5]
    assert "geen bedrag" in lines[6]
    assert "taakveld 9.9 bestaat niet" in lines[6]


def test_dutch_excel_files_are_read(db: Session, organization: Organization) -> None:
    process = make_process(db, organization)
    dutch = (
        "\ufeffCode;Naam;Begroting;Beïnvloedbare kosten\nX-1;Bibliotheek;€ 1.200.000;900.000,00\n"
    )
    with organization_scope(db, organization.id):
        result = import_budget_lines(db, "x", process, dutch.encode())
        assert result.problems == []
        line = db.scalar(select(BudgetLine))
        assert line is not None
        assert (line.budget, line.controllable) == (1_200_000, 900_000)


def test_missing_columns_and_wrong_encodings_are_explained(
    db: Session, organization: Organization
) -> None:
    process = make_process(db, organization)
    with organization_scope(db, organization.id):
        no_columns = import_budget_lines(db, "x", process, b"code,naam\nA,B\n")
        latin = import_budget_lines(
            db, "x", process, "code,naam,begroting,beinvloedbaar\nA,Caf\xe9,1,1\n".encode("latin-1")
        )
        empty = import_budget_lines(db, "x", process, b"")
    assert no_columns.problems == [(1, "Deze kolommen ontbreken: begroting, beinvloedbaar.")]
    assert "UTF-8" in latin.problems[0][1]
    assert "leeg" in empty.problems[0][1]


def test_amounts_in_dutch_notation() -> None:
    assert parse_amount("€ 6.200.000") == 6_200_000
    assert parse_amount("6200000") == 6_200_000
    assert parse_amount("1.000,00") == 1000
    assert parse_amount("1.000,50") is None
    assert parse_amount("-5") is None
    assert parse_amount("") is None
