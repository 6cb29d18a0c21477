"""One installation, several municipalities: the host name decides, and nothing crosses."""

from __future__ import annotations

import pytest
from fastapi import APIRouter
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import ALL_ORGANIZATIONS, ScopeViolation, organization_scope
from app.deps import CurrentOrg, DbSession
from app.models import Organization, Page
from app.organizations.queries import host_of
from tests.factories import make_organization, make_page
from tests.web.helpers import csrf_token

# A careless route: it loads by primary key across organizations and renames what it got.
careless = APIRouter()


@careless.post("/test/hernoem/{page_id}")
def rename_any_page(page_id: int, db: DbSession, organization: CurrentOrg) -> dict[str, str]:
    target = db.get(Page, page_id, execution_options={ALL_ORGANIZATIONS: True})
    assert target is not None
    target.title = "Gekaapt"
    db.flush()
    return {"renamed": target.title}


def test_the_host_name_chooses_the_organization(client: TestClient, db: Session) -> None:
    make_organization(db, slug="hoogeveen", name="Gemeente Hoogeveen", hosts=("hoogeveen.test",))
    assert "Gemeente Testdorp" in client.get("/").text
    other = client.get("/", headers={"Host": "hoogeveen.test"})
    assert other.status_code == 200
    assert "Gemeente Hoogeveen" in other.text
    assert "Gemeente Testdorp" not in other.text


def test_a_page_of_one_organization_is_not_found_through_another(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_organization(db, slug="hoogeveen", hosts=("hoogeveen.test",))
    make_page(db, organization, slug="geheim", title="Alleen Testdorp")
    assert client.get("/pagina/geheim").status_code == 200
    response = client.get("/pagina/geheim", headers={"Host": "hoogeveen.test"})
    assert response.status_code == 404
    assert "Alleen Testdorp" not in response.text


def test_a_page_of_one_organization_is_not_changed_through_another(
    client: TestClient, db: Session, organization: Organization
) -> None:
    """Until editing routes exist (accounts come next), the write path is the flush guard:
    a request scoped to Hoogeveen that touches Testdorp's page fails, and nothing changes."""
    make_organization(db, slug="hoogeveen", hosts=("hoogeveen.test",))
    page = make_page(db, organization, slug="over", title="Origineel")
    client.app.include_router(careless)  # type: ignore[attr-defined]
    token = csrf_token(client)
    with pytest.raises(ScopeViolation, match="written from organization"):
        client.post(
            f"/test/hernoem/{page.id}", headers={"Host": "hoogeveen.test", "X-CSRF-Token": token}
        )
    db.expire_all()
    with organization_scope(db, organization.id):
        assert db.scalar(select(Page.title).where(Page.id == page.id)) == "Origineel"


def test_an_unknown_host_gets_a_clear_404(client: TestClient) -> None:
    response = client.get("/", headers={"Host": "nergens.example"})
    assert response.status_code == 404
    assert "Onbekend adres" in response.text


def test_localhost_falls_back_to_the_default_organization(client: TestClient) -> None:
    response = client.get("/", headers={"Host": "localhost:8000"})
    assert response.status_code == 200
    assert "Gemeente Testdorp" in response.text


def test_host_of_strips_ports_and_brackets() -> None:
    assert host_of("Zeist.Localhost:8000") == "zeist.localhost"
    assert host_of("[::1]:8000") == "::1"
    assert host_of("127.0.0.1") == "127.0.0.1"


def test_each_organization_gets_its_own_colours(client: TestClient, db: Session) -> None:
    make_organization(db, slug="hoogeveen", hosts=("hoogeveen.test",))
    ours = client.get("/huisstijl.css")
    assert ours.status_code == 200
    assert ours.headers["content-type"].startswith("text/css")
    assert "--dialoog-brand-color: #123456;" in ours.text
    assert (
        client.get("/huisstijl.css", headers={"If-None-Match": ours.headers["etag"]}).status_code
        == 304
    )
