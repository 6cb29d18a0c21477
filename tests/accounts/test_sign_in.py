"""Signing in and out, sessions, and slowing down guessing."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import organization_scope
from app.models import Organization, UserSession
from tests.factories import make_organization, make_user
from tests.web.helpers import csrf_token, post_form, sign_in


def _sessions(db: Session, organization: Organization) -> int:
    with organization_scope(db, organization.id):
        return db.scalar(select(func.count(UserSession.id))) or 0


def test_signing_in_and_out(client: TestClient, db: Session, organization: Organization) -> None:
    make_user(db, organization, email="ruud@zeist.example", display_name="Ruud")
    response = post_form(
        client,
        "/aanmelden",
        {
            "email": "Ruud@Zeist.example",
            "password": "een lange zin als wachtwoord",
            "volgende": "/profiel",
        },
        form_page="/aanmelden",
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/profiel"
    cookie = response.headers["set-cookie"]
    assert "dialoog_session=" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    assert "Ruud" in client.get("/").text
    assert _sessions(db, organization) == 1

    stolen = client.cookies.get("dialoog_session")
    out = post_form(client, "/afmelden", {})
    assert out.status_code == 303
    assert _sessions(db, organization) == 0
    # The old cookie is worthless now: the session it named is gone.
    client.cookies.set("dialoog_session", stolen or "")
    assert client.get("/profiel", follow_redirects=False).status_code == 303


def test_signing_in_again_gives_a_new_session(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_user(db, organization, email="ruud@zeist.example", display_name="Ruud")
    sign_in(client, "ruud@zeist.example")
    first = client.cookies.get("dialoog_session")
    sign_in(client, "ruud@zeist.example")
    assert client.cookies.get("dialoog_session") != first
    assert _sessions(db, organization) == 1


def test_a_wrong_password_says_so_without_telling_which_part(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_user(db, organization, email="ruud@zeist.example")
    wrong = post_form(
        client,
        "/aanmelden",
        {"email": "ruud@zeist.example", "password": "verkeerd!!"},
        form_page="/aanmelden",
    )
    unknown = post_form(
        client,
        "/aanmelden",
        {"email": "niemand@zeist.example", "password": "verkeerd!!"},
        form_page="/aanmelden",
    )
    for response in (wrong, unknown):
        assert response.status_code == 400
        assert "Het e-mailadres of het wachtwoord klopt niet." in response.text
    assert 'value="ruud@zeist.example"' in wrong.text


def test_repeated_failures_are_slowed_and_logged(
    client: TestClient, db: Session, organization: Organization, caplog: pytest.LogCaptureFixture
) -> None:
    make_user(db, organization, email="ruud@zeist.example")
    token = csrf_token(client, "/aanmelden")
    statuses = [
        client.post(
            "/aanmelden",
            data={"email": "ruud@zeist.example", "password": f"fout {n}", "csrf_token": token},
        ).status_code
        for n in range(7)
    ]
    assert statuses[:5] == [400] * 5
    assert statuses[6] == 429
    # Even the right password waits now: guessing is what is being slowed.
    right = client.post(
        "/aanmelden",
        data={
            "email": "ruud@zeist.example",
            "password": "een lange zin als wachtwoord",
            "csrf_token": token,
        },
    )
    assert right.status_code == 429
    assert "Te veel mislukte pogingen" in right.text
    assert "security.sign_in.failed" in caplog.text
    assert "security.rate_limited" in caplog.text
    assert "ruud@zeist.example" not in caplog.text  # no addresses in the logs


def test_an_account_of_one_municipality_does_not_sign_in_at_another(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_organization(db, slug="hoogeveen", hosts=("hoogeveen.test",))
    make_user(db, organization, email="ruud@zeist.example")
    token = csrf_token(client, "/aanmelden")
    response = client.post(
        "/aanmelden",
        data={
            "email": "ruud@zeist.example",
            "password": "een lange zin als wachtwoord",
            "csrf_token": token,
        },
        headers={"Host": "hoogeveen.test"},
    )
    assert response.status_code == 400


def test_a_session_cookie_does_not_work_on_another_municipalitys_host(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_organization(db, slug="hoogeveen", hosts=("hoogeveen.test",))
    make_user(db, organization, email="ruud@zeist.example", display_name="Ruud")
    sign_in(client, "ruud@zeist.example")
    cookie = client.cookies.get("dialoog_session") or ""
    response = client.get(
        "/profiel",
        headers={"Host": "hoogeveen.test", "Cookie": f"dialoog_session={cookie}"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"].startswith("/aanmelden")


def test_a_page_for_signed_in_people_sends_others_to_sign_in_and_back(client: TestClient) -> None:
    response = client.get("/profiel", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/aanmelden?volgende=%2Fprofiel"
    form = client.get(response.headers["location"]).text
    assert 'name="volgende" value="/profiel"' in form


def test_the_next_page_after_sign_in_stays_on_this_site(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_user(db, organization, email="ruud@zeist.example")
    response = post_form(
        client,
        "/aanmelden",
        {
            "email": "ruud@zeist.example",
            "password": "een lange zin als wachtwoord",
            "volgende": "https://evil.example/x",
        },
        form_page="/aanmelden",
    )
    assert response.headers["location"] == "/x"
