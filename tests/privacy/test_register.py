"""The record of processing: generated from the models' annotations, complete (a column
that looks personal, or points at a person, must say what it holds), and shown only to
the privacy officer and the admin."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Column
from sqlalchemy.orm import Session

from app.access.roles import Role
from app.config import Settings
from app.db import Base
from app.i18n import set_locale
from app.models import Organization
from app.models.personal import INFO_KEY, KINDS, PersonalData, Retention
from app.privacy.register import BASES, CATEGORIES, PURPOSES, TITLES, register_rows
from tests.factories import make_user
from tests.privacy.export_support import settings  # noqa: F401 - a fixture
from tests.web.helpers import sign_in

# Names that say a column holds something about a person. A new column with such a name
# must carry ``info=personal(KIND)`` (app.models.personal), or be listed below with why not.
PERSONAL_NAME = re.compile(
    r"(^|_)(email|ip_address|user_agent|display_name|motivation|phone|telephone|address"
    r"|recipient|password|totp|competencies|expertise|experience|stake|birth|street"
    r"|postcode|zip_code)(_|$)"
    r"|_label$|^label$|_by$|^organization_name$"
)
NOT_PERSONAL = {
    # An organization's own public host name, not a person's address.
    "organization_hosts.host": "a municipality's host name",
}


def _columns() -> list[Column[object]]:
    return [c for t in Base.metadata.tables.values() for c in t.columns]


def _name(column: Column[object]) -> str:
    return f"{column.table.name}.{column.name}"


def test_every_column_that_points_at_a_person_is_annotated() -> None:
    missing = [
        _name(c)
        for c in _columns()
        if any(fk.column.table.name == "users" for fk in c.foreign_keys) and INFO_KEY not in c.info
    ]
    assert missing == [], "annotate with info=personal(KIND) (app.models.personal)"


def test_every_column_whose_name_suggests_personal_data_is_annotated() -> None:
    missing = [
        _name(c)
        for c in _columns()
        if PERSONAL_NAME.search(c.name) and INFO_KEY not in c.info and _name(c) not in NOT_PERSONAL
    ]
    assert missing == [], "annotate with info=personal(KIND) (app.models.personal)"


def test_the_known_personal_columns_are_in_the_register() -> None:
    """A few that must never drop out, whatever the name patterns say."""
    annotated = {_name(c) for c in _columns() if INFO_KEY in c.info}
    assert {
        "users.email",
        "users.display_name",
        "users.password_hash",
        "user_sessions.ip_address",
        "user_sessions.user_agent",
        "sign_in_failures.email",
        "sign_in_failures.ip_address",
        "expert_applications.motivation",
        "chef_applications.motivation",
        "proposal_comments.body",
        "section_comments.body",
        "mails.recipient",
        "audit_entries.actor_id",
    } <= annotated


def test_every_kind_in_use_is_described() -> None:
    used = {c.info[INFO_KEY] for c in _columns() if INFO_KEY in c.info}
    assert all(isinstance(kind, PersonalData) for kind in used)
    assert used <= set(KINDS), "add the new kind to app.models.personal.KINDS"
    for kind in KINDS:
        assert kind.key in TITLES
        assert kind.key in PURPOSES
        assert kind.category in CATEGORIES
        assert kind.basis in BASES
    assert len({kind.key for kind in KINDS}) == len(KINDS)


def test_the_rows_take_their_numbers_from_the_settings(settings: Settings) -> None:  # noqa: F811
    set_locale("en")
    changed = settings.model_copy(
        update={
            "privacy": settings.privacy.model_copy(
                update={"export_days": 3, "inactive_account_months": 30}
            ),
            "accounts": settings.accounts.model_copy(update={"absolute_days": 9}),
        }
    )
    rows = {row.kind.key: row for row in register_rows(changed)}
    assert "3 days" in rows["export"].retention
    assert "at most 9 days" in rows["session"].retention
    assert rows["application"].kind.retention is Retention.CLOSED_PROCESS
    assert "months after the process closed" in rows["application"].retention
    assert "not used for 30 months is erased" in rows["account"].retention
    users = next(h for h in rows["account"].held_in if h.table == "users")
    assert {"email", "display_name"} <= set(users.columns)
    assert rows["contribution"].basis == "Public task (AVG art. 6(1)(e))"
    off = changed.model_copy(
        update={"privacy": changed.privacy.model_copy(update={"inactive_account_months": 0})}
    )
    account = next(row for row in register_rows(off) if row.kind.key == "account")
    assert account.retention == "As long as the account exists, until the person deletes it."


@pytest.mark.parametrize("role", [Role.PRIVACY, Role.ADMIN])
def test_the_privacy_officer_and_the_admin_read_the_register(
    client: TestClient, db: Session, organization: Organization, role: Role
) -> None:
    make_user(db, organization, email="officer@example.org", roles=[role])
    sign_in(client, "officer@example.org")
    home = client.get("/")
    assert 'href="/beheer/privacy"' in home.text
    page = client.get("/beheer/privacy")
    assert page.status_code == 200
    for key in ("account", "session", "application", "contribution", "audit", "export"):
        assert f'data-kind="{key}"' in page.text
    assert '<li data-table="users"><code>users</code>' in page.text
    assert "<code>ip_address</code>" in page.text
    assert 'data-basis="public_task"' in page.text
    assert "Gemeente Testdorp" in page.text


@pytest.mark.parametrize("role", [None, Role.OFFICIAL, Role.CLERK])
def test_others_are_refused_and_not_shown_the_link(
    client: TestClient,
    db: Session,
    organization: Organization,
    role: Role | None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    make_user(db, organization, email="iemand@example.org", roles=[role] if role else [])
    sign_in(client, "iemand@example.org")
    assert 'href="/beheer/privacy"' not in client.get("/").text
    assert client.get("/beheer/privacy").status_code == 403
    assert "security.access.refused" in caplog.text
    assert "privacy.view_register" in caplog.text


def test_a_visitor_is_sent_to_sign_in(client: TestClient) -> None:
    response = client.get("/beheer/privacy", follow_redirects=False)
    assert response.status_code in (303, 401)
