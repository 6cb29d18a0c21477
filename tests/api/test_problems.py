"""What the mounted API shares with the site and what it does not: the site's middleware
(request id, security headers), the organization by host name; no cookies, no CSRF, no
HTML error pages: problem details instead, as its document declares."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.api.conftest import API, PROCESS, OpenData

PROBLEM = "application/problem+json"


def test_an_unknown_process_is_a_404_problem(client: TestClient, open_data: OpenData) -> None:
    response = client.get(f"{API}/processes/bestaat-niet")
    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM
    assert response.json() == {
        "type": "about:blank",
        "title": "Not Found",
        "status": 404,
        "detail": "No process with this slug.",
        "instance": f"{API}/processes/bestaat-niet",
        "invalid_params": [],
    }


def test_an_unknown_address_below_the_api_is_a_problem_too(
    client: TestClient, open_data: OpenData
) -> None:
    for path in (f"{API}/nergens", f"{PROCESS}/voorstellen", f"{API}/processes/a%0Ab"):
        response = client.get(path)
        assert response.status_code in (404, 422), path
        assert response.headers["content-type"] == PROBLEM, path


def test_invalid_parameters_are_a_422_that_names_them(
    client: TestClient, open_data: OpenData
) -> None:
    response = client.get(f"{PROCESS}/proposals?per_page=500&state=concept&theme=Geen%20Slug")
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    names = {p["name"] for p in response.json()["invalid_params"]}
    assert names == {"query.per_page", "query.state", "query.theme"}
    assert client.get(f"{PROCESS}/proposals/0").status_code == 422
    assert client.get(f"{PROCESS}/proposals/2147483648").status_code == 422


def test_only_get_is_answered(client: TestClient, open_data: OpenData) -> None:
    """No CSRF token is asked for: nothing is accepted that could change anything."""
    response = client.post(f"{PROCESS}/proposals", json={})
    assert response.status_code == 405
    assert response.headers["content-type"] == PROBLEM
    assert response.headers["allow"] == "GET"


def test_an_unknown_host_is_a_404_problem(app: FastAPI, open_data: OpenData) -> None:
    with TestClient(app, base_url="http://nergens.test") as stranger:
        response = stranger.get(f"{API}/processes")
    assert response.status_code == 404
    assert response.json()["detail"] == "No municipality publishes data at this address."


def test_the_sites_middleware_applies_and_sets_no_cookie(
    client: TestClient, open_data: OpenData
) -> None:
    client.cookies.set("dialoog_lang", "en")
    response = client.get(f"{API}/processes")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-request-id"]
    assert "set-cookie" not in response.headers
    problem = client.get(f"{API}/processes/bestaat-niet")
    assert "set-cookie" not in problem.headers


def test_the_answers_do_not_depend_on_the_language(client: TestClient, open_data: OpenData) -> None:
    dutch = client.get(PROCESS)
    client.cookies.set("dialoog_lang", "en")
    english = client.get(PROCESS)
    assert dutch.headers["etag"] == english.headers["etag"]


def test_the_document_declares_the_problems_and_the_address(
    client: TestClient, open_data: OpenData
) -> None:
    document = client.get(f"{API}/openapi.json").json()
    assert document["servers"] == [{"url": API}]
    assert "Problem" in document["components"]["schemas"]
    assert "HTTPValidationError" not in document["components"]["schemas"]
    operations = [op for ops in document["paths"].values() for op in ops.values()]
    assert len(operations) == 14
    for operation in operations:
        responses = operation["responses"]
        for status in ("404", "422"):
            assert list(responses[status]["content"]) == [PROBLEM]
        assert "304" in responses
        assert set(responses["200"]["headers"]) == {"ETag", "Cache-Control"}
    csv = document["paths"]["/processes/{slug}/proposals.csv"]["get"]["responses"]["200"]
    assert list(csv["content"]) == ["text/csv"]
    assert client.get("/openapi.json").status_code == 404  # the site publishes none
