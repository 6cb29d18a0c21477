"""The budget's CSV import (app.processes.admin_routes) asks who is importing before it
reads the file, and reads no more than the upload limit."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.access.roles import Role
from app.db import organization_scope
from app.models import BudgetLine, Organization
from tests.factories import SMALL_BUDGET, make_process, make_user
from tests.web.helpers import csrf_token, sign_in

IMPORT = "/beheer/processen/dialoog/begroting"


def _lines(db: Session, organization: Organization) -> int:
    with organization_scope(db, organization.id):
        return db.scalar(select(func.count(BudgetLine.id))) or 0


@pytest.mark.parametrize("size", [5_000, 200_000])
def test_a_budget_file_over_the_limit_is_refused_unread(
    client: TestClient, app: FastAPI, db: Session, organization: Organization, size: int
) -> None:
    app.state.settings.uploads.max_bytes = 4_096
    make_process(db, organization, slug="dialoog")
    make_user(db, organization, email="beheer@example.org", roles=[Role.ADMIN])
    sign_in(client, "beheer@example.org")
    client.cookies.set("dialoog_lang", "en")
    big = SMALL_BUDGET + "".join(
        f"X-{n},Regel {n},Sport,1000,500,5.1,Sport\n" for n in range(size // 35)
    )
    response = client.post(
        IMPORT,
        data={"csrf_token": csrf_token(client, "/beheer/processen/dialoog")},
        files={"file": ("begroting.csv", big.encode(), "text/csv")},
    )
    assert response.status_code == 400
    assert "The file is larger than 4 kB" in response.text
    assert _lines(db, organization) == 0


def test_only_an_admin_s_budget_file_is_read(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_process(db, organization, slug="dialoog")
    make_user(db, organization, email="ambtenaar@example.org", roles=[Role.OFFICIAL])
    sign_in(client, "ambtenaar@example.org")
    response = client.post(
        IMPORT,
        data={"csrf_token": csrf_token(client)},
        files={"file": ("begroting.csv", SMALL_BUDGET.encode(), "text/csv")},
    )
    assert response.status_code == 403
    assert _lines(db, organization) == 0
