"""Cache headers that are honest about change: an ETag of the body, a 304 while it holds,
a new ETag as soon as anything shown changes."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.api.caching import matches
from app.db import organization_scope
from tests.api.conftest import API, PROCESS, OpenData

PATHS = (
    f"{API}/processes",
    PROCESS,
    f"{PROCESS}/themes",
    f"{PROCESS}/proposals",
    f"{PROCESS}/reviews",
    f"{PROCESS}/product-sheets",
    f"{PROCESS}/amendments",
    f"{PROCESS}/decision",
    f"{PROCESS}/proposals.csv",
    f"{PROCESS}/amendments.csv",
)


@pytest.mark.parametrize("path", PATHS)
def test_an_unchanged_answer_is_a_304(client: TestClient, open_data: OpenData, path: str) -> None:
    first = client.get(path)
    etag = first.headers["etag"]
    assert etag.startswith('"')
    assert etag.endswith('"')
    assert first.headers["cache-control"] == "public, no-cache"
    assert "last-modified" not in first.headers
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    assert again.headers["cache-control"] == "public, no-cache"
    assert client.get(path).headers["etag"] == etag  # the same data, the same tag


def test_a_change_makes_a_new_etag(client: TestClient, db: Session, open_data: OpenData) -> None:
    """A state change touches no ``updated_at``; the tag changes all the same."""
    path = f"{PROCESS}/proposals"
    etag = client.get(path).headers["etag"]
    detail_etag = client.get(f"{path}/{open_data.in_discussion.id}").headers["etag"]
    with organization_scope(db, open_data.in_discussion.organization_id):
        open_data.in_discussion.state = "merged"
        db.flush()
    changed = client.get(path, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["etag"] != etag
    detail = client.get(
        f"{path}/{open_data.in_discussion.id}", headers={"If-None-Match": detail_etag}
    )
    assert detail.status_code == 200


def test_the_page_and_the_filters_have_their_own_etags(
    client: TestClient, open_data: OpenData
) -> None:
    path = f"{PROCESS}/proposals"
    tags = {
        client.get(f"{path}?{query}").headers["etag"]
        for query in ("", "per_page=2", "per_page=2&page=2", "theme=sport")
    }
    assert len(tags) == 4
    assert client.get(path).headers["etag"] != client.get(f"{path}.csv").headers["etag"]


def test_if_none_match_as_rfc_9110_compares() -> None:
    tag = '"abc"'
    assert matches('"abc"', tag)
    assert matches('W/"abc"', tag)  # weak comparison
    assert matches('"x", "abc"', tag)
    assert matches("*", tag)
    assert not matches('"abd"', tag)
    assert not matches("", tag)
    assert not matches(None, tag)


def test_errors_are_not_cached(client: TestClient, open_data: OpenData) -> None:
    response = client.get(f"{PROCESS}/proposals/999999")
    assert response.status_code == 404
    assert "etag" not in response.headers
