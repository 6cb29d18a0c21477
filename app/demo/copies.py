"""Copies of loaded rows, for bigger cases than the demo: the load benchmark's ten times
Zeist (scripts/bench_seed.py) and the query-budget tests' grown demo (tests/budgets).

One ``INSERT ... SELECT`` per table, written from the models' metadata: a copied row's id
moves by ``shift`` (an SQL expression), and so does every foreign key to a table that is
copied too; a foreign key to anything else stays, so the copy hangs from the same parent.
Values that must stay unique are the caller's ``overrides``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import Column, Connection, Integer, Table, TextClause, text


def _expression(
    table: Table, column: Column[object], copied: set[str], shift: str, overrides: Mapping[str, str]
) -> str:
    name = column.name
    if f"{table.name}.{name}" in overrides:
        return overrides[f"{table.name}.{name}"]
    if column.primary_key and isinstance(column.type, Integer):
        return f"{name} + {shift}"
    for key in column.foreign_keys:
        return f"{name} + {shift}" if key.column.table.name in copied else name
    if (table.name, name) == ("role_assignments", "scope_id") and "groups" in copied:
        # The one id without a foreign key: a group's, or the organization's.
        return f"CASE WHEN scope_type = 'group' THEN {name} + {shift} ELSE {name} END"
    return name


def copy_statement(
    table: Table,
    copied: set[str],
    *,
    shift: str,
    where: str,
    overrides: Mapping[str, str] | None = None,
) -> TextClause:
    """Copies the rows of ``table`` that ``where`` picks; ``copied`` names every table
    copied alongside, ``overrides`` maps ``"table.column"`` to the value's expression."""
    names = ", ".join(c.name for c in table.columns)
    values = ", ".join(_expression(table, c, copied, shift, overrides or {}) for c in table.columns)
    return text(
        f"INSERT INTO {table.name} ({names}) SELECT {values} FROM {table.name} WHERE {where}"  # noqa: S608 - names from the models, values bound
    )


def move_sequences_on(conn: Connection, tables: Iterable[Table]) -> None:
    """After copies with ids of their own, PostgreSQL's sequences go on after the highest
    (SQLite's autoincrement does so by itself)."""
    if conn.dialect.name != "postgresql":
        return
    for table in tables:
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "  # noqa: S608 - as above
                f"(SELECT max(id) FROM {table.name}))"
            )
        )
