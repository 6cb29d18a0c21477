"""The export's pages and download: only the owner downloads (another person gets a
logged 403, another organization a 404), the download is an attachment that no cache
keeps, and asking is audited and logged with the account id only."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import organization_scope
from app.models import AuditEntry, DataExport, Job, Organization
from tests.factories import make_organization, make_user
from tests.privacy.export_support import settings  # noqa: F401 - a fixture
from tests.web.helpers import post_form, sign_in

PAGE = "/profiel/gegevens"


def _latest(db: Session, organization: Organization) -> DataExport:
    with organization_scope(db, organization.id):
        db.expire_all()
        export = db.scalar(select(DataExport).order_by(DataExport.id.desc()).limit(1))
    assert export is not None
    return export


def _ask(client: TestClient) -> None:
    response = post_form(client, PAGE, {}, form_page=PAGE)
    assert response.status_code == 303
    assert response.headers["location"] == f"{PAGE}#exports"


def test_the_profile_links_to_the_page_which_offers_to_collect(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_user(db, organization)
    sign_in(client, "annelies@example.org")
    assert f'href="{PAGE}"' in client.get("/profiel").text
    page = client.get(PAGE)
    assert page.status_code == 200
    assert f'<form method="post" action="{PAGE}">' in page.text
    assert 'id="exports"' in page.text
    assert "every 2s" not in page.text
    assert "<code>profile</code>" in page.text


def test_asking_queues_builds_audits_and_logs_the_account_only(
    client: TestClient,
    db: Session,
    organization: Organization,
    caplog: pytest.LogCaptureFixture,
) -> None:
    user = make_user(db, organization)
    sign_in(client, user.email)
    _ask(client)
    export = _latest(db, organization)
    assert export.user_id == user.id
    assert export.status == "ready"
    with organization_scope(db, organization.id):
        entry = db.scalar(select(AuditEntry).where(AuditEntry.action == "privacy.export_requested"))
    assert entry is not None
    assert entry.actor_id == user.id
    assert entry.object_id == str(export.id)
    requested = [r for r in caplog.records if "security.export.requested" in r.getMessage()]
    assert requested
    assert "annelies" not in requested[0].getMessage().lower()
    page = client.get(PAGE)
    assert f'href="{PAGE}/{export.id}/download"' in page.text
    assert "every 2s" not in page.text  # ready: no more asking

    download = client.get(f"{PAGE}/{export.id}/download")
    assert download.status_code == 200
    assert download.headers["content-type"] == "application/zip"
    assert re.fullmatch(
        r'attachment; filename="dialoog-export-\d{4}-\d{2}-\d{2}\.zip"',
        download.headers["content-disposition"],
    )
    assert download.headers["cache-control"] == "no-store"
    assert "README.txt" in zipfile.ZipFile(io.BytesIO(download.content)).namelist()
    downloaded = [r for r in caplog.records if "security.export.downloaded" in r.getMessage()]
    assert downloaded
    assert f"account={user.id}" in downloaded[0].getMessage() or str(user.id) in str(
        downloaded[0].msg
    )


def test_the_list_polls_while_an_export_is_under_way(
    client: TestClient, db: Session, organization: Organization
) -> None:
    user = make_user(db, organization)
    with organization_scope(db, organization.id):
        job = Job(name="privacy.export", organization_id=organization.id, status="running",
                  progress_done=3, progress_total=12, arguments={})  # fmt: skip
        db.add(job)
        db.flush()
        db.add(DataExport(user_id=user.id, status="queued", job_id=job.id))
        db.flush()
    sign_in(client, user.email)
    part = client.get(f"{PAGE}/overzicht")
    assert part.status_code == 200
    assert 'data-hx-get="/profiel/gegevens/overzicht"' in part.text
    assert 'data-hx-trigger="every 2s"' in part.text
    assert 'data-state="running"' in part.text
    assert '<progress max="12" value="3"' in part.text
    assert "<h1" not in part.text  # only the part
    # One under way: asking again is refused, and nothing new is queued.
    _ask(client)
    with organization_scope(db, organization.id):
        assert len(db.scalars(select(DataExport)).all()) == 1


def test_another_persons_export_is_refused_and_logged(
    client: TestClient,
    db: Session,
    organization: Organization,
    caplog: pytest.LogCaptureFixture,
) -> None:
    make_user(db, organization)
    make_user(db, organization, email="bram@example.org", display_name="Bram")
    sign_in(client, "annelies@example.org")
    _ask(client)
    export = _latest(db, organization)
    client.cookies.clear()
    sign_in(client, "bram@example.org")
    assert client.get(f"{PAGE}/{export.id}/download").status_code == 403
    assert "security.access.refused" in caplog.text
    assert "privacy.export_own" in caplog.text
    assert f'data-export="{export.id}"' not in client.get(PAGE).text


def test_another_organizations_export_is_not_found(
    client: TestClient, db: Session, organization: Organization
) -> None:
    elsewhere = make_organization(db, slug="elders", hosts=("elders.test",))
    other = make_user(db, elsewhere, email="iemand@elders.example")
    with organization_scope(db, elsewhere.id):
        foreign = DataExport(user_id=other.id, status="ready", file_name="x/y.zip", size_bytes=1)
        db.add(foreign)
        db.flush()
    make_user(db, organization)
    sign_in(client, "annelies@example.org")
    assert client.get(f"{PAGE}/{foreign.id}/download").status_code == 404


def test_a_visitor_is_sent_to_sign_in(client: TestClient) -> None:
    for path in (PAGE, f"{PAGE}/overzicht", f"{PAGE}/1/download"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code in (303, 401), path
