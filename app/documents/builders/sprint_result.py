"""A sprint's published result as one PDF (WeasyPrint, laid out like the council
decision's: the same print stylesheets) and as an Excel file: the chosen package's totals
against both targets, per year, and per team each measure with its validated amounts per
year. The teams are rendered one at a time so the job can report progress."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup
from openpyxl import Workbook
from openpyxl.styles import Font

from app.documents.builders import Progress
from app.documents.builders.measures import EURO_FORMAT
from app.documents.sprint_result_data import SprintResultData
from app.i18n import gettext as _
from app.security.spreadsheets import append_row
from app.sprint.kinds import ORIGIN_LABELS
from app.web.templating import STATIC_DIR, make_environment

STYLESHEETS = ("css/edition-print.css", "css/decision-print.css")


@lru_cache(maxsize=1)
def _environment() -> Environment:
    # The job has no request: an environment of its own, with the app's filters.
    return make_environment()


def render_html(data: SprintResultData, progress: Progress, total: int) -> str:
    env = _environment()
    team_template = env.get_template("documents/pdf/_sprint_team.html")
    teams = []
    for done, contribution in enumerate(data.contributions, start=1):
        html = team_template.render(result=data, team=contribution, origin_labels=ORIGIN_LABELS)
        teams.append(Markup(html))  # noqa: S704 - autoescaped template output
        progress(done, total)
    return env.get_template("documents/pdf/sprint_result.html").render(
        result=data, teams=teams, stylesheets=STYLESHEETS
    )


def build_pdf(data: SprintResultData, target: Path, progress: Progress) -> None:
    # WeasyPrint loads Pango on import: only a build that makes a PDF pays for it.
    from weasyprint import HTML

    from app.green_papers.pdf import StaticOnlyFetcher

    # Steps: each team's HTML, then the layout, then writing the file.
    total = len(data.contributions) + 2
    html = render_html(data, progress, total)
    document = HTML(
        string=html, base_url=f"{STATIC_DIR.resolve().as_uri()}/", url_fetcher=StaticOnlyFetcher()
    ).render()
    progress(total - 1, total)
    document.write_pdf(target)
    progress(total, total)


def measure_headers() -> list[str]:
    return [
        _("Team"),
        _("Measure"),
        _("Origin"),
        _("Option"),
        _("Year"),
        _("Validated structural"),
        _("Validated one-off"),
    ]


def measure_rows(data: SprintResultData) -> list[list[str | int]]:
    """One row per chosen measure per year of the horizon (a year without amounts as
    zeros, so a filter on one year shows every measure)."""
    rows: list[list[str | int]] = []
    for team in data.contributions:
        for measure in team.measures:
            origin = str(ORIGIN_LABELS.get(measure.origin or "", "")) if measure.origin else ""
            option = (
                f"{measure.option_number}. {measure.option_title}"
                if measure.option_number is not None
                else ""
            )
            for year in data.years:
                structural, one_off = measure.validated.get(year, (0, 0))
                rows.append([team.team, measure.title, origin, option, year, structural, one_off])
    return rows


def build_xlsx(data: SprintResultData, target: Path, progress: Progress) -> None:
    """The chosen measures per year as numbers in euros (header frozen, filter on), a sheet
    per team's contribution, and the totals against both targets (numbers, not formulas:
    a reader sees them without recalculating)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # noqa: S101 - a new workbook has one sheet
    sheet.title = _("Measures")[:31]
    sheet.append(measure_headers())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in measure_rows(data):
        append_row(sheet, row)
    for column in "FG":
        for cell in sheet[column][1:]:
            cell.number_format = EURO_FORMAT
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for column, width in zip("ABCDEFG", (14, 60, 22, 40, 8, 20, 20), strict=True):
        sheet.column_dimensions[column].width = width
    progress(1, 3)

    teams = book.create_sheet(_("Teams")[:31])
    teams.append([_("Team"), _("Measures"), _("Structural"), _("Current year")])
    for cell in teams[1]:
        cell.font = Font(bold=True)
    for team in data.contributions:
        append_row(teams, [team.team, len(team.measures), team.structural, team.current_year])
    for row_cells in teams.iter_rows(min_row=2, min_col=3):
        for cell in row_cells:
            cell.number_format = EURO_FORMAT
    teams.column_dimensions["A"].width = 14
    progress(2, 3)

    totals = book.create_sheet(_("Totals")[:31])
    totals.append(["", _("Chosen package"), _("Target"), _("Above or short of the target")])
    for cell in totals[1]:
        cell.font = Font(bold=True)
    t = data.totals
    totals.append([_("Structural"), t.structural, t.target_structural, t.gap_structural])
    totals.append(
        [
            _("Current year (%(year)d)", year=data.first_year),
            t.current_year,
            t.target_current_year,
            t.gap_current_year,
        ]
    )
    totals.append([])
    totals.append([_("Year"), _("Validated structural"), _("Validated one-off")])
    for cell in totals[totals.max_row]:
        cell.font = Font(bold=True)
    for year in data.years:
        structural, one_off = data.per_year[year]
        totals.append([year, structural, one_off])
    for row_cells in totals.iter_rows(min_row=2, min_col=2):
        for cell in row_cells:
            cell.number_format = EURO_FORMAT
    totals.column_dimensions["A"].width = 24
    for column in "BCD":
        totals.column_dimensions[column].width = 20
    book.save(target)
    progress(3, 3)
