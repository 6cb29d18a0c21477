"""The application factory: settings, database, templates, middleware, routes, errors."""

from __future__ import annotations

from fastapi import Depends, FastAPI

from app.config import Settings, get_settings
from app.db import make_engine, make_session_factory
from app.logging_setup import configure_logging
from app.organizations.routes import router as organization_router
from app.pages import permissions as _page_permissions  # noqa: F401 - registers predicates
from app.pages.routes import router as page_router
from app.web.csrf import verify_csrf
from app.web.errors import install_error_handlers
from app.web.middleware import RequestContextMiddleware
from app.web.routes import router as web_router
from app.web.static import VersionedStaticFiles
from app.web.templating import STATIC_DIR, make_environment


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings)
    app = FastAPI(
        title="Dialoog",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,  # the public API (a later revision) publishes its own document
        dependencies=[Depends(verify_csrf)],
    )
    engine = make_engine(settings.database_url, settings)
    app.state.settings = settings
    app.state.engine = engine
    app.state.session_factory = make_session_factory(engine)
    app.state.jinja = make_environment()

    app.add_middleware(RequestContextMiddleware, settings=settings)
    install_error_handlers(app)
    app.mount("/static", VersionedStaticFiles(directory=STATIC_DIR), name="static")
    for router in (web_router, organization_router, page_router):
        app.include_router(router)
    return app
