"""A signed-in person's pages and downloads are never stored by a browser or proxy
(``Cache-Control: no-store``); an anonymous visitor's public pages keep their caching."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.models import Organization
from tests.factories import make_page, make_user
from tests.web.helpers import csrf_token, sign_in


def test_signed_in_pages_are_not_stored(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_page(db, organization)
    make_user(db, organization, email="ruud@example.org")
    anonymous = client.get("/pagina/over")
    assert anonymous.status_code == 200
    assert "no-store" not in anonymous.headers.get("cache-control", "")

    answer = client.post(
        "/aanmelden",
        data={
            "email": "ruud@example.org",
            "password": "een lange zin als wachtwoord",
            "csrf_token": csrf_token(client, "/aanmelden"),
        },
        follow_redirects=False,
    )
    assert answer.status_code == 303
    assert answer.headers["cache-control"] == "no-store"  # it sets the session cookie

    for path in ("/", "/pagina/over", "/profiel", "/meldingen", "/bestaat-niet"):
        response = client.get(path)
        assert response.headers.get("cache-control") == "no-store", path


def test_a_download_with_its_own_caching_is_not_stored_when_signed_in(
    client: TestClient, db: Session, organization: Organization
) -> None:
    """The organization's style sheet says ``public, max-age``: for an anonymous visitor it
    keeps that; a signed-in person's copy is not stored either."""
    anonymous = client.get("/huisstijl.css")
    assert anonymous.status_code == 200
    assert "public" in anonymous.headers["cache-control"]
    make_user(db, organization, email="ruud@example.org")
    sign_in(client, "ruud@example.org")
    assert client.get("/huisstijl.css").headers["cache-control"] == "no-store"


def test_static_files_stay_cacheable_when_signed_in(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_user(db, organization, email="ruud@example.org")
    sign_in(client, "ruud@example.org")
    response = client.get("/static/css/app.css")
    assert response.status_code == 200
    assert response.headers.get("cache-control") != "no-store"
