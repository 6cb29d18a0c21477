"""The application factory: settings, database, templates, middleware, routes, errors."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from starlette.middleware.sessions import SessionMiddleware

from app.accounts import permissions as _account_permissions  # noqa: F401
from app.accounts.oidc import make_oauth
from app.accounts.oidc import router as oidc_router
from app.accounts.routes import router as account_router
from app.accounts.second_factor_routes import router as second_factor_router
from app.admin import permissions as _admin_permissions  # noqa: F401
from app.admin.routes import router as admin_router
from app.api.app import mount_api
from app.api.page_routes import router as open_data_router
from app.attachments import permissions as _attachment_permissions  # noqa: F401
from app.attachments.routes import router as attachment_router
from app.cache import versions as _content_versions  # noqa: F401 - its session hooks
from app.cache.pages import PageCacheMiddleware, PageStore
from app.cache.views import ViewStore
from app.config import Settings, get_settings

# Importing these registers their permission predicates and jobs.
from app.council import permissions as _council_permissions  # noqa: F401
from app.council.amendment_routes import router as amendment_router
from app.council.decision_routes import router as decision_router
from app.council.party_routes import router as party_router
from app.council.routes import router as council_router
from app.council.vote_routes import router as vote_router
from app.db import make_engine, make_session_factory
from app.discussion import permissions as _discussion_permissions  # noqa: F401
from app.discussion.routes import router as discussion_router
from app.documents import jobs as _document_jobs  # noqa: F401
from app.documents import permissions as _document_permissions  # noqa: F401
from app.documents.routes import router as document_router
from app.editions import permissions as _edition_permissions  # noqa: F401
from app.editions.routes import router as edition_router
from app.feeds.routes import router as feed_router
from app.green_papers import permissions as _green_paper_permissions  # noqa: F401
from app.green_papers.arrange_routes import router as green_paper_arrange_router
from app.green_papers.public_routes import router as green_paper_public_router
from app.green_papers.routes import router as green_paper_router
from app.jobs.runner import JobRunner
from app.logging_setup import configure_logging
from app.mail import sending as _mail_jobs  # noqa: F401
from app.mail.routes import router as mail_router
from app.meetings import jobs as _meeting_jobs  # noqa: F401
from app.meetings import permissions as _meeting_permissions  # noqa: F401
from app.meetings.routes import router as meeting_router
from app.notifications import permissions as _notification_permissions  # noqa: F401
from app.notifications.routes import router as notification_router
from app.organizations.routes import router as organization_router
from app.pages import permissions as _page_permissions  # noqa: F401
from app.pages.routes import router as page_router
from app.privacy import export_job as _export_jobs  # noqa: F401
from app.privacy import permissions as _privacy_permissions  # noqa: F401
from app.privacy.erasure_routes import router as erasure_router
from app.privacy.export_routes import router as privacy_export_router
from app.privacy.register_routes import router as privacy_register_router
from app.privacy.retention import ensure_scheduled as ensure_retention_scheduled
from app.processes import permissions as _process_permissions  # noqa: F401
from app.processes.admin_routes import router as process_admin_router
from app.processes.routes import router as process_router
from app.product_sheets import permissions as _product_sheet_permissions  # noqa: F401
from app.product_sheets.routes import router as product_sheet_router
from app.proposals import permissions as _proposal_permissions  # noqa: F401
from app.proposals.routes import router as proposal_router
from app.questions import permissions as _question_permissions  # noqa: F401
from app.questions.routes import router as question_router
from app.recruitment import permissions as _recruitment_permissions  # noqa: F401
from app.recruitment.chef_routes import router as chef_call_router
from app.recruitment.routes import router as recruitment_router
from app.reviews import permissions as _review_permissions  # noqa: F401
from app.reviews.routes import router as review_router
from app.search.routes import router as search_router
from app.sprint import permissions as _sprint_permissions  # noqa: F401
from app.sprint.listener import LiveHub
from app.sprint.routes import router as sprint_router
from app.statement.routes import router as statement_router
from app.web.admission import AdmissionGate
from app.web.csrf import verify_csrf
from app.web.errors import install_error_handlers
from app.web.middleware import RequestContextMiddleware
from app.web.routes import router as web_router
from app.web.static import VersionedStaticFiles
from app.web.templating import STATIC_DIR, make_environment
from app.white_papers import permissions as _white_paper_permissions  # noqa: F401
from app.white_papers.routes import router as white_paper_router


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings = app.state.settings
    if settings.environment == "production" and settings.jobs_mode != "inline":
        # The nightly retention run queues its successor; this starts the chain. Only in
        # production: the demo's people last signed in in 2011, so a development server
        # left running overnight would erase them (`python -m app.privacy.retention`
        # runs it by hand, `--dry-run` to see what it would do).
        ensure_retention_scheduled(app.state.session_factory, settings)
    app.state.jobs.start()
    app.state.sprint_live.start()
    try:
        yield
    finally:
        app.state.sprint_live.stop()
        app.state.jobs.stop()


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings)
    app = FastAPI(
        title="Dialoog",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,  # the open-data API (app.api, at /api/v1) publishes its own
        dependencies=[Depends(verify_csrf)],
        lifespan=lifespan,
    )
    engine = make_engine(settings.database_url, settings)
    app.state.settings = settings
    app.state.engine = engine
    app.state.session_factory = make_session_factory(engine)
    app.state.jinja = make_environment(auto_reload=settings.environment == "development")
    app.state.jobs = JobRunner(app.state.session_factory, settings)
    # Wakes this server process's open sprint streams (app.sprint.live_routes).
    app.state.sprint_live = LiveHub(engine.url)
    app.state.oauth = make_oauth(settings)

    if settings.caches_pages:
        # Inside the request context: it needs the locale and the CSRF token set there.
        app.add_middleware(PageCacheMiddleware, settings=settings)
        app.state.fragments = PageStore()  # parts of signed-in pages (app.cache.fragments)
        app.state.views = ViewStore()  # what addresses name (app.cache.views)
    # Outside the page cache: its lookup is a query in a thread too (app.web.admission).
    app.add_middleware(AdmissionGate, limit=settings.concurrent_reads)
    app.add_middleware(RequestContextMiddleware, settings=settings)
    # Only for the OpenID Connect flow's state (ten minutes); see app.accounts.oidc.
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie="dialoog_oidc",
        max_age=600,
        same_site="lax",
        https_only=settings.secure_cookies,
    )
    install_error_handlers(app)
    app.mount("/static", VersionedStaticFiles(directory=STATIC_DIR), name="static")
    mount_api(app)
    # Every request the page cache does not answer tries the routers in this order, and
    # each route tried costs a few microseconds (240 routes; the 12th router's pages paid
    # 90 us to be found, a twentieth of a page; issue #13). So what is asked for most
    # comes first: the polls of open tabs (the bell, a theme's progress), then the pages
    # people read and work in. No two routers answer the same address
    # (tests/web/test_router_order.py): the order changes speed only, never which answers.
    for router in (
        notification_router,
        review_router,
        proposal_router,
        discussion_router,
        recruitment_router,
        process_router,
        green_paper_public_router,
        search_router,
        web_router,
        organization_router,
        page_router,
        account_router,
        second_factor_router,
        oidc_router,
        admin_router,
        mail_router,
        process_admin_router,
        chef_call_router,
        meeting_router,
        green_paper_router,
        green_paper_arrange_router,
        question_router,
        white_paper_router,
        edition_router,
        product_sheet_router,
        attachment_router,
        document_router,
        council_router,
        amendment_router,
        vote_router,
        party_router,
        decision_router,
        open_data_router,
        feed_router,
        statement_router,
        sprint_router,
        erasure_router,
        privacy_export_router,
        privacy_register_router,
    ):
        app.include_router(router)
    return app
