"""The web shell: language, CSRF, security headers, error pages, the unit of work."""

from __future__ import annotations

import pytest
from fastapi import APIRouter, FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import organization_scope
from app.deps import CurrentOrg, DbSession
from app.errors import Forbidden, PhaseClosed
from app.models import Organization, Page
from app.pages.service import create_page
from app.web.redirects import safe_next
from tests.web.helpers import csrf_token

probe = APIRouter()


@probe.get("/test/fase")
def closed_phase(organization: CurrentOrg) -> None:
    raise PhaseClosed()


@probe.get("/test/verboden")
def forbidden(organization: CurrentOrg) -> None:
    raise Forbidden()


@probe.get("/test/kapot")
def broken(organization: CurrentOrg) -> None:
    raise RuntimeError("boom")


@probe.post("/test/pagina")
def add_page(db: DbSession, organization: CurrentOrg, fail: bool = False) -> dict[str, bool]:
    create_page(db, actor="test", slug="uow", title="Unit of work", body="")
    if fail:
        raise RuntimeError("after the write")
    return {"saved": True}


@pytest.fixture
def probed(app: FastAPI, client: TestClient) -> TestClient:
    app.include_router(probe)
    return client


def test_pages_are_dutch_by_default_with_landmarks_and_skip_link(client: TestClient) -> None:
    html = client.get("/").text
    assert '<html lang="nl"' in html
    assert 'href="#main">Naar de inhoud</a>' in html
    for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
        assert landmark in html


def test_the_language_switch_is_remembered(client: TestClient) -> None:
    token = csrf_token(client)
    response = client.post(
        "/taal",
        data={"locale": "en", "next": "/pagina/x?y=1", "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/pagina/x?y=1"
    assert "dialoog_lang=en" in response.headers["set-cookie"]
    html = client.get("/").text
    assert '<html lang="en"' in html
    assert "Skip to content" in html
    assert client.get("/").text.count('lang="nl"') == 1  # the switch back is labelled in Dutch


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/pagina/a", "/pagina/a"),
        ("https://evil.example/", "/"),
        ("//evil.example", "/"),
        ("", "/"),
    ],
)
def test_redirects_stay_on_the_site(target: str, expected: str) -> None:
    assert safe_next(target) == expected


def test_a_post_without_csrf_token_is_refused_and_logged(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    client.get("/")  # has the cookie, but sends no token
    response = client.post("/taal", data={"locale": "en"}, follow_redirects=False)
    assert response.status_code == 403
    assert "Het formulier is verlopen" in response.text
    assert "csrf.refused" in caplog.text
    assert "dialoog_lang" not in response.headers.get("set-cookie", "")


def test_a_token_for_another_cookie_is_refused(client: TestClient, app: FastAPI) -> None:
    token = csrf_token(client)
    with TestClient(app, base_url="http://testdorp.test") as stranger:
        stranger.get("/")
        response = stranger.post("/taal", data={"locale": "en", "csrf_token": token})
    assert response.status_code == 403


def test_htmx_requests_send_the_token_in_a_header(client: TestClient) -> None:
    token = csrf_token(client)
    response = client.post(
        "/taal",
        data={"locale": "en"},
        headers={"X-CSRF-Token": token, "HX-Request": "true"},
        follow_redirects=False,
    )
    assert response.status_code == 303


def test_security_headers(client: TestClient) -> None:
    headers = client.get("/").headers
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert len(headers["x-request-id"]) >= 8
    cookie = headers["set-cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_no_inline_script_or_style_in_pages(client: TestClient) -> None:
    html = client.get("/").text
    assert "<script>" not in html
    assert " style=" not in html
    assert " on" + "click=" not in html


def test_404_is_a_full_page(client: TestClient) -> None:
    response = client.get("/bestaat-niet")
    assert response.status_code == 404
    assert "<html" in response.text
    assert "Pagina niet gevonden" in response.text
    assert "Gemeente Testdorp" in response.text  # still in the organization's own frame


def test_an_htmx_request_gets_an_error_fragment(client: TestClient) -> None:
    response = client.get("/bestaat-niet", headers={"HX-Request": "true"})
    assert response.status_code == 404
    assert "<html" not in response.text
    assert "Pagina niet gevonden" in response.text
    assert response.headers["hx-retarget"] == "#messages"


def test_not_in_this_phase_has_its_own_page(probed: TestClient) -> None:
    response = probed.get("/test/fase")
    assert response.status_code == 409
    assert "Kan niet in deze fase" in response.text


def test_forbidden_is_refused_and_logged(
    probed: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    response = probed.get("/test/verboden")
    assert response.status_code == 403
    assert "Dit mag niet" in response.text
    assert "forbidden" in caplog.text


def test_an_unexpected_error_gets_a_500_page_with_headers(
    app: FastAPI, organization: Organization
) -> None:
    app.include_router(probe)
    with TestClient(app, base_url="http://testdorp.test", raise_server_exceptions=False) as client:
        response = client.get("/test/kapot")
    assert response.status_code == 500
    assert "Er ging bij ons iets mis" in response.text
    assert "boom" not in response.text
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_the_unit_of_work_commits_on_success(
    probed: TestClient, db: Session, organization: Organization
) -> None:
    token = csrf_token(probed)
    assert probed.post("/test/pagina", headers={"X-CSRF-Token": token}).status_code == 200
    with organization_scope(db, organization.id):
        assert db.scalar(select(Page.slug)) == "uow"


def test_the_unit_of_work_rolls_back_on_error(
    app: FastAPI, db: Session, organization: Organization
) -> None:
    app.include_router(probe)
    with TestClient(app, base_url="http://testdorp.test", raise_server_exceptions=False) as client:
        token = csrf_token(client)
        response = client.post("/test/pagina?fail=true", headers={"X-CSRF-Token": token})
    assert response.status_code == 500
    with organization_scope(db, organization.id):
        assert db.scalar(select(Page.slug)) is None


def test_health_check(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.json() == {"status": "ok"}


def test_only_pages_set_the_csrf_cookie(client: TestClient) -> None:
    assert "set-cookie" not in client.get("/static/css/app.css").headers
    assert "set-cookie" not in client.get("/huisstijl.css").headers
    assert "dialoog_csrf=" in client.get("/").headers["set-cookie"]


@pytest.mark.parametrize(
    ("method", "path", "data", "headers"),
    [
        ("POST", "/taal", {"locale": "en", "csrf_token": "é-not-ascii"}, {"X-Keep": "1"}),
        ("GET", "/aanmelden?volgende=http://[x", None, {}),
        ("POST", "/taal", {"locale": "en", "next": "http://[x"}, {}),
    ],
)
def test_odd_input_never_gives_a_500(
    client: TestClient, method: str, path: str, data: dict[str, str] | None, headers: dict[str, str]
) -> None:
    if method == "POST" and "csrf_token" not in (data or {}):
        data = {**(data or {}), "csrf_token": csrf_token(client)}
    client.get("/")  # the CSRF cookie
    response = client.request(method, path, data=data, headers=headers, follow_redirects=False)
    assert response.status_code < 500
