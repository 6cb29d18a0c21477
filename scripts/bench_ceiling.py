"""The ceiling of the load benchmark: the same stack doing almost nothing.

FastAPI with a plain (threadpool) route as the app's are, one SQLAlchemy ORM query of 12
rows through the app's own session factory (its organization filter included), rendered
with Jinja2 (autoescape on), behind the app's admission gate with the same setting.
Served by ``scripts/bench_load.py`` with the same uvicorn flags and workers as the app,
so a page's throughput divided by this one's says how much of the stack's room it uses.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from jinja2 import Environment
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.config import Settings
from app.db import ALL_ORGANIZATIONS, make_engine, make_session_factory, organization_scope
from app.models import Organization, Theme
from app.web.admission import AdmissionGate

TEMPLATE = Environment(autoescape=True).from_string(
    '<!doctype html><html lang="nl"><head><title>Thema\'s</title></head><body><ul>'
    '{% for theme in themes %}<li><a href="/themas/{{ theme.slug }}">{{ theme.name }}</a>'
    "</li>{% endfor %}</ul></body></html>"
)


def create_app() -> FastAPI:
    settings = Settings()
    engine = make_engine(settings.database_url, settings)
    sessions = make_session_factory(engine)
    with sessions() as db:  # as the app's middleware finds it, once per request there
        zeist = db.scalars(
            select(Organization.id).where(Organization.slug == "zeist"),
            execution_options={ALL_ORGANIZATIONS: True},
        ).one()
    app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)
    app.add_middleware(AdmissionGate, limit=settings.concurrent_reads)

    @app.get("/", response_class=HTMLResponse)
    def twelve_rows() -> str:
        # The app's session and its organization filter: the same ORM path, one query.
        with sessions() as db, organization_scope(db, zeist):
            themes = db.scalars(select(Theme).order_by(Theme.id).limit(12)).all()
            return TEMPLATE.render(themes=themes)

    return app
