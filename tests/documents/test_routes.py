"""The documents block, downloads and who may do what: a file is offered only when its
build is done and the file is whole; the public downloads only published editions."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import Settings
from app.db import organization_scope, utcnow
from app.documents import storage
from app.models import DocumentBuild
from tests.conftest import QueryCounter
from tests.documents.conftest import Edition
from tests.web.helpers import post_form, sign_in


def _build_all(client: TestClient, compiled: Edition) -> None:
    sign_in(client, compiled.admin.email)
    assert post_form(client, compiled.path, {}).status_code == 303
    client.cookies.clear()


def _done(db: Session, compiled: Edition, kind: str = "edition_pdf") -> DocumentBuild:
    with organization_scope(db, compiled.organization.id):
        db.expire_all()
        build = db.scalar(
            select(DocumentBuild)
            .where(DocumentBuild.kind == kind)
            .order_by(DocumentBuild.id.desc())
            .limit(1)
        )
    assert build is not None
    return build


def test_the_block_shows_the_state_and_offers_the_files(
    client: TestClient, db: Session, compiled: Edition
) -> None:
    sign_in(client, compiled.admin.email)
    before = client.get(compiled.path)
    assert before.status_code == 200
    assert "Nog niet gemaakt." in before.text
    assert 'action="' + compiled.path + '"' in before.text
    assert "Documenten maken" in before.text
    assert "every 2s" not in before.text
    assert post_form(client, compiled.path, {}).status_code == 303
    build = _done(db, compiled)
    after = client.get(compiled.path)
    assert f'href="{compiled.path}/{build.id}"' in after.text
    assert "kB)" in after.text
    assert "every 2s" not in after.text  # everything finished: no more polling
    assert "Documenten opnieuw maken" in after.text


def test_the_block_polls_while_a_build_is_under_way(
    client: TestClient, db: Session, compiled: Edition
) -> None:
    with organization_scope(db, compiled.organization.id):
        db.add(
            DocumentBuild(
                edition_id=compiled.edition.id, kind="edition_pdf", status="running",
                progress_done=3, progress_total=12,
            )
        )  # fmt: skip
        db.flush()
    sign_in(client, compiled.official.email)
    block = client.get(compiled.path)
    assert 'data-hx-trigger="every 2s"' in block.text
    assert "Wordt gemaakt: stap 3 van 12." in block.text
    assert "Documenten maken" not in block.text  # not the admin


def test_the_download_streams_the_file_with_its_name_and_etag(
    client: TestClient, db: Session, compiled: Edition, settings: Settings
) -> None:
    _build_all(client, compiled)
    build = _done(db, compiled, "measures_csv")
    sign_in(client, compiled.official.email)
    response = client.get(f"{compiled.path}/{build.id}")
    assert response.status_code == 200
    assert response.headers["etag"] == f'"{build.sha256}"'
    assert response.headers["content-disposition"].startswith("attachment;")
    assert "maatregelen-dialoog-editie-1.csv" in response.headers["content-disposition"]
    assert len(response.content) == build.size
    again = client.get(
        f"{compiled.path}/{build.id}", headers={"If-None-Match": f'"{build.sha256}"'}
    )
    assert again.status_code == 304


def test_a_half_built_file_is_never_offered(
    client: TestClient, db: Session, compiled: Edition, settings: Settings
) -> None:
    _build_all(client, compiled)
    build = _done(db, compiled)
    sign_in(client, compiled.admin.email)
    url = f"{compiled.path}/{build.id}"
    assert client.get(url).status_code == 200
    with organization_scope(db, compiled.organization.id):
        build.status = "running"  # as while a rebuild of the same row runs
        db.flush()
    assert client.get(url).status_code == 404
    assert url not in client.get(compiled.path).text
    with organization_scope(db, compiled.organization.id):
        build.status = "done"
        db.flush()
    assert build.storage_key is not None
    path = storage.path_of(settings.documents_dir, build.storage_key)
    path.write_bytes(path.read_bytes()[:100])  # cut short behind our back
    assert client.get(url).status_code == 404
    assert url not in client.get(compiled.path).text


def test_only_the_admin_builds_and_retries(
    client: TestClient, db: Session, compiled: Edition
) -> None:
    sign_in(client, compiled.official.email)
    assert post_form(client, compiled.path, {}).status_code == 403
    with organization_scope(db, compiled.organization.id):
        failed = DocumentBuild(edition_id=compiled.edition.id, kind="edition_pdf", status="failed")
        db.add(failed)
        db.flush()
    assert post_form(client, f"{compiled.path}/{failed.id}/opnieuw", {}).status_code == 403
    assert "Opnieuw proberen" not in client.get(compiled.path).text
    with organization_scope(db, compiled.organization.id):
        assert db.scalar(select(DocumentBuild.status).where(DocumentBuild.id == failed.id)) == (
            "failed"
        )


@pytest.mark.parametrize("published", [False, True])
def test_the_public_downloads_only_a_published_edition(
    client: TestClient, db: Session, compiled: Edition, published: bool
) -> None:
    _build_all(client, compiled)
    build = _done(db, compiled)
    if published:
        with organization_scope(db, compiled.organization.id):
            compiled.edition.published_at, compiled.edition.published_by = utcnow(), "Ada (#1)"
            db.flush()
    download = client.get(f"{compiled.path}/{build.id}", follow_redirects=False)
    block = client.get(compiled.path, follow_redirects=False)
    if published:
        assert download.status_code == 200
        assert download.content.startswith(b"%PDF")
        assert block.status_code == 200
        assert "Documenten maken" not in block.text
    else:
        assert download.status_code in (302, 303, 401)  # sent to sign in
        assert block.status_code in (302, 303, 401)
        expert = compiled.expert
        sign_in(client, expert.email)
        assert client.get(f"{compiled.path}/{build.id}").status_code == 403


def test_the_blocks_statement_count_does_not_grow_with_builds(
    client: TestClient, db: Session, compiled: Edition, queries: QueryCounter
) -> None:
    sign_in(client, compiled.admin.email)
    assert post_form(client, compiled.path, {}).status_code == 303
    client.get(compiled.path)
    queries.statements.clear()
    client.get(compiled.path)
    once = queries.count
    for _ in range(3):
        assert post_form(client, compiled.path, {}).status_code == 303
    queries.statements.clear()
    client.get(compiled.path)
    assert queries.count == once
