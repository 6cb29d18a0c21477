"""The council's decision as one PDF (WeasyPrint), laid out like the edition's: a title
page, the outcome of the final vote, the adopted savings per year against the target and
per theme, every amendment with its vote and effect, and the measures as adopted.

One HTML document, laid out once; the amendments are rendered one at a time so the job
can report progress. Only files under static/ can be fetched."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup
from weasyprint import HTML

from app.council.states import AMENDMENT_STATE_LABELS, KIND_LABELS, PARTY_VOTE_LABELS
from app.documents.builders import Progress
from app.documents.decision_data import MEASURE_STATUS_LABELS, DecisionData
from app.green_papers.pdf import StaticOnlyFetcher
from app.web.templating import STATIC_DIR, make_environment

STYLESHEETS = ("css/edition-print.css", "css/decision-print.css")


@lru_cache(maxsize=1)
def _environment() -> Environment:
    # The job has no request: an environment of its own, with the app's filters.
    return make_environment()


def render_html(data: DecisionData, progress: Progress, total: int) -> str:
    env = _environment()
    labels = {
        "kind_labels": KIND_LABELS,
        "state_labels": AMENDMENT_STATE_LABELS,
        "party_vote_labels": PARTY_VOTE_LABELS,
        "status_labels": MEASURE_STATUS_LABELS,
    }
    amendment_template = env.get_template("documents/pdf/_decision_amendment.html")
    amendments = []
    for done, amendment in enumerate(data.amendments, start=1):
        html = amendment_template.render(decision=data, amendment=amendment, **labels)
        amendments.append(Markup(html))  # noqa: S704 - autoescaped template output
        progress(done, total)
    return env.get_template("documents/pdf/decision.html").render(
        decision=data, amendments=amendments, stylesheets=STYLESHEETS, **labels
    )


def build_decision_pdf(data: DecisionData, target: Path, progress: Progress) -> None:
    # Steps: each amendment's HTML, then the layout, then writing the file.
    total = len(data.amendments) + 2
    html = render_html(data, progress, total)
    document = HTML(
        string=html, base_url=f"{STATIC_DIR.resolve().as_uri()}/", url_fetcher=StaticOnlyFetcher()
    ).render()
    progress(total - 1, total)
    document.write_pdf(target)
    progress(total, total)
