"""Sign-in through OpenID Connect (Authlib): authorization code flow with PKCE (S256);
Authlib checks the state against the browser's session and the nonce in the ID token.

The flow's short-lived state lives in Starlette's signed session cookie (``dialoog_oidc``,
ten minutes); the sign-in session that follows is our own (app.accounts.sessions).
"""

from __future__ import annotations

from typing import Any

import httpx2
import structlog
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.starlette_client import OAuth, OAuthError
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from joserfc.errors import JoseError
from starlette.concurrency import run_in_threadpool

from app.accounts.oidc_service import OidcAccountProblem, account_for_claims
from app.accounts.sessions import signed_in_response
from app.config import OidcProviderSettings, Settings
from app.deps import CurrentOrg, DbSession
from app.errors import NotFound
from app.i18n import gettext as _
from app.web.flash import flash
from app.web.redirects import safe_next
from app.web.templating import render

router = APIRouter()
log = structlog.get_logger("dialoog.oidc")

NEXT_KEY = "dialoog_oidc_next"


def make_oauth(settings: Settings) -> OAuth:
    oauth = OAuth()
    for provider in settings.oidc_providers:
        oauth.register(
            name=provider.name,
            client_id=provider.client_id,
            client_secret=provider.client_secret,
            server_metadata_url=provider.discovery_url,
            client_kwargs={"scope": provider.scopes, "code_challenge_method": "S256"},
        )
    return oauth


def _provider(request: Request, name: str) -> OidcProviderSettings:
    """Only the providers of this request's organization: another municipality's staff
    sign-in is not offered here."""
    settings: Settings = request.app.state.settings
    for provider in settings.providers_for(request.state.organization.slug):
        if provider.name == name:
            return provider
    raise NotFound()


def _problem(request: Request, message: str) -> HTMLResponse:
    return render(request, "accounts/oidc_problem.html", {"message": message}, status_code=400)


@router.get("/aanmelden/oidc/{name}", name="oidc_start")
async def start(
    request: Request, name: str, organization: CurrentOrg, volgende: str = "/"
) -> Response:
    provider = _provider(request, name)
    client = request.app.state.oauth.create_client(provider.name)
    request.session[NEXT_KEY] = safe_next(volgende)
    redirect_uri = str(request.url_for("oidc_callback", name=provider.name))
    try:
        response: Response = await client.authorize_redirect(request, redirect_uri)
    except (httpx2.HTTPError, OAuthError) as exc:
        log.warning("oidc.provider_unreachable", provider=provider.name, error=str(exc))
        return _problem(request, _("The sign-in service cannot be reached now. Try again later."))
    return response


@router.get("/aanmelden/oidc/{name}/terug", name="oidc_callback")
async def callback(
    request: Request, name: str, db: DbSession, organization: CurrentOrg
) -> Response:
    provider = _provider(request, name)
    client = request.app.state.oauth.create_client(provider.name)
    try:
        token: dict[str, Any] = await client.authorize_access_token(request)
    except OAuthError as exc:
        # A wrong or replayed state, a code already used, the person said no, ...
        log.warning(
            "oidc.refused", provider=provider.name, error=exc.error, description=exc.description
        )
        return _problem(request, _("Signing in did not work. Please start again."))
    except (AuthlibBaseError, JoseError, httpx2.HTTPError, ValueError) as exc:
        log.warning("oidc.invalid_response", provider=provider.name, error=str(exc))
        return _problem(
            request, _("The sign-in service gave an answer we cannot trust. Please start again.")
        )
    claims = dict(token.get("userinfo") or {})
    try:
        user = await run_in_threadpool(account_for_claims, db, provider, claims)
    except OidcAccountProblem as exc:
        return _problem(request, exc.message)
    target = safe_next(request.session.pop(NEXT_KEY, "/"))
    response = await run_in_threadpool(
        signed_in_response, request, db, user, f"oidc:{provider.name}", target
    )
    flash(response, request, _("You are signed in."))
    log.info("oidc.signed_in", provider=provider.name, user_id=user.id)
    return response
