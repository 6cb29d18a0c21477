"""Cache headers that are honest about change.

The ETag is a hash of the body itself. No column records the last change of everything a
response shows (a proposal's state moves without touching its ``updated_at``; a vote has
no ``updated_at`` at all), so a version stamp made from the rows would miss changes; the
body cannot. For the same reason there is no ``Last-Modified``: a guessed date would let
``If-Modified-Since`` serve stale data.

``Cache-Control: public, no-cache``: anyone may store a response, but must ask again
before using it. Data here changes at any moment (a vote recorded, a proposal moved),
and a 304 answers an unchanged list without its body, so a client that polls pays little
and never reads stale figures.
"""

from __future__ import annotations

import hashlib

from fastapi import Request
from fastapi.responses import Response
from pydantic import BaseModel

CACHE_CONTROL = "public, no-cache"
JSON = "application/json"


def etag_of(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _opaque(tag: str) -> str:
    tag = tag.strip()
    return tag[2:] if tag.startswith("W/") else tag


def matches(if_none_match: str | None, etag: str) -> bool:
    """The weak comparison RFC 9110 prescribes for If-None-Match, with ``*`` and lists."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    return any(_opaque(tag) == etag for tag in if_none_match.split(","))


def cached(
    request: Request,
    body: bytes,
    media_type: str,
    headers: dict[str, str] | None = None,
) -> Response:
    """The body with its validators, or a bodiless 304 when the client has it already."""
    etag = etag_of(body)
    validators = {"ETag": etag, "Cache-Control": CACHE_CONTROL}
    if matches(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers=validators)
    return Response(body, media_type=media_type, headers={**validators, **(headers or {})})


def cached_json(request: Request, model: BaseModel) -> Response:
    return cached(request, model.model_dump_json().encode(), JSON)


CACHE_HEADERS = {
    "ETag": {
        "description": "A hash of the body: send it back in If-None-Match to get a 304 "
        "while nothing changed.",
        "schema": {"type": "string"},
    },
    "Cache-Control": {
        "description": "public, no-cache: store it, but ask again before using it.",
        "schema": {"type": "string"},
    },
}

NOT_MODIFIED = {
    "description": "Not modified: the ETag in If-None-Match is still current.",
    "headers": CACHE_HEADERS,
}
