from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.models import Organization
from tests.factories import make_user
from tests.mailbox import Mailbox
from tests.web.helpers import post_form, sign_in

NEW = "een nieuwe zin voor het wachtwoord"


def test_a_reset_link_works_once_and_signs_out_other_devices(
    app_client_pair: tuple[TestClient, TestClient],
    caplog: pytest.LogCaptureFixture,
    db: Session,
    organization: Organization,
    mailbox: Mailbox,
) -> None:
    browser, other_device = app_client_pair
    make_user(db, organization, email="fatma@zeist.example", display_name="Fatma")
    sign_in(other_device, "fatma@zeist.example")

    response = post_form(
        browser,
        "/wachtwoord-vergeten",
        {"email": "fatma@zeist.example"},
        form_page="/wachtwoord-vergeten",
    )
    assert response.status_code == 200
    assert "hebben we een link gestuurd" in response.text
    link = mailbox.link_in_last("fatma@zeist.example", "/wachtwoord-herstellen/")
    assert browser.get(link).status_code == 200
    token = link.rsplit("/", 1)[1]
    request_log = " ".join(str(r.msg) for r in caplog.records if r.name == "dialoog.request")
    assert "/wachtwoord-herstellen/" in request_log
    assert token not in request_log  # the request log leaves the secret out

    weak = post_form(browser, link, {"password": "password1"}, form_page=link)
    assert weak.status_code == 400
    done = post_form(browser, link, {"password": NEW}, form_page=link)
    assert done.status_code == 303
    assert "Fatma" in browser.get("/profiel").text

    assert other_device.get("/profiel", follow_redirects=False).status_code == 303
    again = browser.get(link)
    assert again.status_code == 400
    assert "al gebruikt" in again.text
    sign_in(other_device, "fatma@zeist.example", NEW)


def test_the_answer_is_the_same_for_an_unknown_address(
    client: TestClient, mailbox: Mailbox
) -> None:
    response = post_form(
        client,
        "/wachtwoord-vergeten",
        {"email": "niemand@example.org"},
        form_page="/wachtwoord-vergeten",
    )
    assert response.status_code == 200
    assert "hebben we een link gestuurd" in response.text
    assert mailbox.messages == []


def test_a_tampered_reset_link_is_refused(client: TestClient) -> None:
    response = client.get("/wachtwoord-herstellen/abc.def.ghi")
    assert response.status_code == 400
    assert "klopt niet" in response.text


def test_reset_mails_to_one_address_are_limited(
    client: TestClient, db: Session, organization: Organization, mailbox: Mailbox
) -> None:
    make_user(db, organization, email="fatma@zeist.example")
    for _ in range(5):
        response = post_form(
            client,
            "/wachtwoord-vergeten",
            {"email": "fatma@zeist.example"},
            form_page="/wachtwoord-vergeten",
        )
        assert response.status_code == 200  # the same answer every time
    assert len(mailbox.to("fatma@zeist.example")) == 3
