"""Importing budget lines from a municipality's own spreadsheet (CSV).

All or nothing: every bad row is reported with its line number and nothing is written
until the whole file is good. Importing the same file again changes nothing: lines are
matched by their code. Both comma and semicolon files are read (Dutch Excel writes ';'),
and amounts may use Dutch notation ("€ 1.234.567").
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.actor import Actor
from app.audit.service import record
from app.i18n import gettext as _
from app.models import BudgetLine, Process, Taakveld, Theme
from app.processes.service import add_theme

MAX_BYTES = 2_000_000
COLUMNS = {
    "code": "code",
    "naam": "name",
    "name": "name",
    "programma": "programme",
    "programme": "programme",
    "begroting": "budget",
    "budget": "budget",
    "beinvloedbaar": "controllable",
    "beïnvloedbaar": "controllable",
    "beinvloedbare kosten": "controllable",
    "beïnvloedbare kosten": "controllable",
    "controllable": "controllable",
    "taakveld": "taakveld",
    "thema": "theme",
    "theme": "theme",
}
REQUIRED = ("code", "name", "budget", "controllable")
# The column names a person sees in their spreadsheet, for messages about them.
HEADER_NAMES = {
    "code": "code",
    "name": "naam",
    "budget": "begroting",
    "controllable": "beinvloedbaar",
}


@dataclass(frozen=True)
class ParsedLine:
    line: int
    code: str
    name: str
    programme: str
    budget: int
    controllable: int
    taakveld: str | None
    theme: str | None


@dataclass
class ImportResult:
    lines: list[ParsedLine] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    themes_created: int = 0


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80] or "thema"


def parse_amount(raw: str) -> int | None:
    """Whole euros from '1234567', '1.234.567', '€ 1.234.567' or '1234567,00'."""
    text = raw.replace("€", "").replace(" ", "").replace("\u00a0", "")
    if "," in text:
        text, cents = text.split(",", 1)
        if cents.strip("0"):
            return None
    text = text.replace(".", "")
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 15 else None


def parse_budget_csv(data: bytes, taakvelden: set[str]) -> ImportResult:
    result = ImportResult()
    if len(data) > MAX_BYTES:
        result.problems.append((0, _("The file is too large (at most 2 MB).")))
        return result
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        result.problems.append((0, _("The file is not UTF-8 text. Save it as 'CSV UTF-8'.")))
        return result
    if not text.strip():
        result.problems.append((0, _("The file is empty.")))
        return result
    delimiter = ";" if text.splitlines()[0].count(";") > text.splitlines()[0].count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [COLUMNS.get(h.strip().lower()) for h in next(reader)]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        names = ", ".join(HEADER_NAMES[c] for c in missing)
        result.problems.append((1, _("Columns missing: %(columns)s.", columns=names)))
        return result
    seen: dict[str, int] = {}
    for line_number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        values = {name: row[i].strip() for i, name in enumerate(header) if name and i < len(row)}
        problems = []
        code = values.get("code", "")
        if not code:
            problems.append(_("the code is empty"))
        elif code in seen:
            problems.append(_("code %(code)s is also on line %(line)d", code=code, line=seen[code]))
        if not values.get("name"):
            problems.append(_("the name is empty"))
        budget = parse_amount(values.get("budget", ""))
        controllable = parse_amount(values.get("controllable", ""))
        if budget is None:
            problems.append(_("the budget is not an amount in whole euros"))
        if controllable is None:
            problems.append(_("the controllable costs are not an amount in whole euros"))
        if budget is not None and controllable is not None and controllable > budget:
            problems.append(_("the controllable costs are more than the budget"))
        taakveld = values.get("taakveld") or None
        if taakveld and taakveld not in taakvelden:
            problems.append(_("taakveld %(code)s does not exist", code=taakveld))
        if problems or budget is None or controllable is None:
            result.problems.append((line_number, "; ".join(problems)))
            continue
        seen[code] = line_number
        result.lines.append(
            ParsedLine(
                line=line_number,
                code=code,
                name=values["name"],
                programme=values.get("programme", ""),
                budget=budget,
                controllable=controllable,
                taakveld=taakveld,
                theme=values.get("theme") or None,
            )
        )
    if not result.lines and not result.problems:
        result.problems.append((0, _("The file has no budget lines.")))
    return result


def known_taakvelden(db: Session) -> set[str]:
    return set(db.scalars(select(Taakveld.code)))


def import_budget_lines(
    db: Session, by: Actor | str, process: Process, data: bytes
) -> ImportResult:
    result = parse_budget_csv(data, known_taakvelden(db))
    if result.problems:
        return result
    themes = {
        t.name.lower(): t for t in db.scalars(select(Theme).where(Theme.process_id == process.id))
    }
    existing = {
        b.code: b for b in db.scalars(select(BudgetLine).where(BudgetLine.process_id == process.id))
    }
    for parsed in result.lines:
        theme_id = None
        if parsed.theme:
            theme = themes.get(parsed.theme.lower())
            if theme is None:
                # The same use case as a theme made by hand: audited, and in a
                # dialogue it gets its group.
                theme = add_theme(db, by, process, slug=slugify(parsed.theme), name=parsed.theme)
                themes[parsed.theme.lower()] = theme
                result.themes_created += 1
            theme_id = theme.id
        wanted = {
            "name": parsed.name,
            "programme": parsed.programme,
            "budget": parsed.budget,
            "controllable": parsed.controllable,
            "taakveld_code": parsed.taakveld,
        }
        if parsed.theme:
            wanted["theme_id"] = theme_id
        line = existing.get(parsed.code)
        if line is None:
            db.add(BudgetLine(process_id=process.id, code=parsed.code, **wanted))
            result.created += 1
        elif any(getattr(line, k) != v for k, v in wanted.items()):
            for key, value in wanted.items():
                setattr(line, key, value)
            result.updated += 1
        else:
            result.unchanged += 1
    db.flush()
    if result.created or result.updated or result.themes_created:
        record(
            db,
            actor=by,
            action="budget.imported",
            target=process,
            after={
                "created": result.created,
                "updated": result.updated,
                "themes_created": result.themes_created,
            },
        )
    return result
