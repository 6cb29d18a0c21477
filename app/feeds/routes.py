"""The Atom feed of a process's publications, with cache headers that tell the truth:
the ETag changes exactly when the entries do (app.feeds.atom.etag), and a reader that
already has the current feed gets a 304 without the document being built."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime, parsedate_to_datetime

from fastapi import APIRouter, Request
from fastapi.responses import Response

from app.deps import CurrentOrg, DbSession
from app.errors import NotFound
from app.feeds import atom
from app.feeds.queries import process_for_feed, publications
from app.i18n import get_locale
from app.web.redirects import site_url

router = APIRouter()

MEDIA_TYPE = "application/atom+xml; charset=utf-8"


def _matches(if_none_match: str, tag: str) -> bool:
    """RFC 9110's weak comparison, as If-None-Match asks: ``W/`` does not count."""
    wanted = tag.removeprefix("W/")
    given = [t.strip() for t in if_none_match.split(",")]
    return "*" in given or any(t.removeprefix("W/") == wanted for t in given)


def _unchanged_since(if_modified_since: str, last: datetime) -> bool:
    try:
        since = parsedate_to_datetime(if_modified_since)
    except (TypeError, ValueError):
        return False
    if since.tzinfo is None:
        return False
    return last.replace(microsecond=0) <= since


def not_modified(request: Request, tag: str, last: datetime) -> bool:
    """If-None-Match decides when it is there; If-Modified-Since only without it."""
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None:
        return _matches(if_none_match, tag)
    if_modified_since = request.headers.get("if-modified-since")
    return if_modified_since is not None and _unchanged_since(if_modified_since, last)


@router.get("/processen/{slug}/publicaties.atom", name="process_feed")
def process_feed(request: Request, slug: str, db: DbSession, organization: CurrentOrg) -> Response:
    process = process_for_feed(db, slug)
    if process is None:
        raise NotFound()
    items = publications(db, process)
    place = atom.FeedPlace(
        site=site_url(request),
        host=request.url.hostname or "localhost",
        organization=organization.name,
        locale=get_locale(),
        process=process,
    )
    tag = atom.etag(place, items)
    last = atom.last_change(place, items)
    headers = {
        "ETag": tag,
        "Last-Modified": format_datetime(last, usegmt=True),
        # Only published data, the same for everyone: any cache may keep it, but must ask
        # whether it is still current (a cheap 304). The language comes from a cookie.
        "Cache-Control": "public, no-cache",
        "Vary": "Cookie",
    }
    if not_modified(request, tag, last):
        return Response(status_code=304, headers=headers)
    return Response(atom.build(place, items), media_type=MEDIA_TYPE, headers=headers)
