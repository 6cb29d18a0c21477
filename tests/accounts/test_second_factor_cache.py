"""The page cache (on in production) keeps pages for visitors who are not signed in;
someone half-way through signing in is such a visitor. The enrol page holds a secret key:
it must never be kept and shown to the next visitor."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.access.roles import Role
from app.config import Settings
from app.models import Organization
from tests.accounts.second_factor_support import password_step, secret_from, with_second_factor
from tests.factories import make_user


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return with_second_factor(settings).model_copy(update={"page_cache": True})


def test_the_enrol_page_is_never_kept_for_the_next_visitor(
    app: FastAPI, db: Session, organization: Organization
) -> None:
    make_user(db, organization, email="sanne@zeist.example", roles=[Role.OFFICIAL])
    make_user(db, organization, email="fatma@zeist.example", roles=[Role.FINANCE])
    with (
        TestClient(app, base_url="http://testdorp.test") as sanne,
        TestClient(app, base_url="http://testdorp.test") as fatma,
        TestClient(app, base_url="http://testdorp.test") as stranger,
    ):
        password_step(sanne, "sanne@zeist.example")
        page = sanne.get("/aanmelden/tweede-stap")
        assert page.headers["cache-control"] == "no-store"
        sanne_key = secret_from(page.text)
        password_step(fatma, "fatma@zeist.example")
        assert secret_from(fatma.get("/aanmelden/tweede-stap").text) != sanne_key
        elsewhere = stranger.get("/aanmelden/tweede-stap", follow_redirects=False)
        assert elsewhere.status_code == 303
        assert sanne_key not in elsewhere.text
