from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.models import Organization
from tests.conftest import QueryCounter
from tests.factories import make_page


def _statements_for_home(client: TestClient, queries: QueryCounter) -> int:
    before = queries.count
    assert client.get("/").status_code == 200
    return queries.count - before


def test_the_home_page_query_count_does_not_grow_with_pages(
    client: TestClient, db: Session, organization: Organization, queries: QueryCounter
) -> None:
    make_page(db, organization, slug="een", title="Een")
    with_one = _statements_for_home(client, queries)
    for n in range(20):
        make_page(db, organization, slug=f"p{n}", title=f"Pagina {n}")
    with_many = _statements_for_home(client, queries)
    assert with_many == with_one
    assert with_one <= 5  # host, page links, processes, and the savepoint pair of the test


def test_the_home_page_lists_the_organizations_pages(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_page(db, organization, slug="over", title="Over deze dialoog")
    html = client.get("/").text
    assert 'href="/pagina/over"' in html
    assert "Over deze dialoog" in html


def test_static_files_with_a_version_are_cached_for_long(client: TestClient) -> None:
    html = client.get("/").text
    assert "/static/css/app.css?v=" in html
    versioned = client.get("/static/css/app.css?v=abc")
    assert "immutable" in versioned.headers["cache-control"]
    plain = client.get("/static/css/app.css")
    assert "must-revalidate" in plain.headers["cache-control"]
