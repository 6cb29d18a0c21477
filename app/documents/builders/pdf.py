"""The edition as one PDF (WeasyPrint): cover, contents with page numbers, a chapter per
theme with each proposal and its product sheet, and the summary tables.

One HTML document, laid out once. The contents get their page numbers from CSS
(``target-counter``), so there is no second pass. The amounts tables are small and kept
whole on a page (``break-inside: avoid``), and a proposal's has fixed column widths
(edition-print.css): measuring every cell for the automatic table layout cost 1-2 s of a
441-page build. Only files under static/ can be fetched, as for the green paper's PDF."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup
from weasyprint import HTML

from app.documents.builders import Progress
from app.documents.queries import EditionData
from app.green_papers.pdf import StaticOnlyFetcher
from app.web.templating import STATIC_DIR, make_environment

STYLESHEET = "css/edition-print.css"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    # The job has no request: an environment of its own, with the app's filters.
    return make_environment()


def render_html(data: EditionData, progress: Progress, total: int) -> str:
    env = _environment()
    chapter_template = env.get_template("documents/pdf/_chapter.html")
    chapters = []
    for done, chapter in enumerate(data.chapters, start=1):
        chapters.append(Markup(chapter_template.render(edition=data, chapter=chapter)))  # noqa: S704 - autoescaped template output
        progress(done, total)
    return env.get_template("documents/pdf/edition.html").render(
        edition=data, chapters=chapters, stylesheet=STYLESHEET
    )


def build_pdf(data: EditionData, target: Path, progress: Progress) -> None:
    # Steps: each chapter's HTML, then the layout, then writing the file.
    total = len(data.chapters) + 2
    html = render_html(data, progress, total)
    document = HTML(
        string=html, base_url=f"{STATIC_DIR.resolve().as_uri()}/", url_fetcher=StaticOnlyFetcher()
    ).render()
    progress(total - 1, total)
    document.write_pdf(target)
    progress(total, total)
