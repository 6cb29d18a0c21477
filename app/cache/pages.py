"""Rendered pages for visitors who are not signed in, kept under the organization's content
version (app.cache.versions) and the minute.

The day the central white paper is published, or the council votes, most visitors come
from a link in the local paper: not signed in, all reading the same few pages. The first
of them in each worker renders a page; the others get the same bytes for the price of
the one query that finds the organization and its version. A write to the organization's
content moves the version on, so the next visitor gets a fresh page; what depends on the
clock alone (a phase that opens, "3 days left") is rendered again each minute.

Only a plain GET without a session, a message to show or an htmx header is served from
here, and only an answer of 200 without cookies of its own is kept. The one thing in such
a page that is the visitor's own, the CSRF token in its forms, is kept as a placeholder
and filled in for each visitor. Off in tests and development (``Settings.caches_pages``).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.accounts.sessions import cookie_name as session_cookie_name
from app.config import Settings
from app.i18n import get_locale
from app.organizations.queries import host_of, organization_for_host
from app.web import csrf, flash

KEPT_TYPES = ("text/html", "application/json", "text/csv", "application/atom+xml")
MAX_PAGE_BYTES = 1_000_000  # a page larger than this (an edition with 250 measures) is not kept
MAX_BYTES = 48_000_000  # per worker, least recently used first out
TOKEN_HOLE = b"\x00csrf-token\x00"  # where the visitor's CSRF token goes in a kept body
# Files (their own caching), the health check (must ask the database), and links from
# mails that carry a secret or act when followed: never looked up, never kept.
_PASSED_BY = ("/static/", "/healthz", "/wachtwoord-herstellen/", "/bevestigen/", "/dev/")
_NOT_REPLAYED = frozenset({b"set-cookie", b"x-request-id", b"date", b"content-length"})


def moment(organization_id: int, content_version: int) -> tuple[object, ...]:
    """What every kept page or part is keyed by besides its own name: the content as it
    is, the minute (for what depends on the clock alone) and the language."""
    return (organization_id, content_version, int(time.time() // 60), get_locale())


@dataclass(frozen=True, slots=True)
class Kept:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes  # with TOKEN_HOLE where the visitor's CSRF token goes


@dataclass(frozen=True, slots=True)
class _Served:
    slug: str


class PageStore:
    """Least recently used pages (or parts of pages) within a byte budget. The middleware
    uses it from the event loop, page routes from their threads: hence the lock."""

    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self._pages: OrderedDict[tuple[object, ...], Kept] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: tuple[object, ...]) -> Kept | None:
        with self._lock:
            kept = self._pages.get(key)
            if kept is None:
                self.misses += 1
                return None
            self._pages.move_to_end(key)
            self.hits += 1
            return kept

    def put(self, key: tuple[object, ...], kept: Kept) -> None:
        with self._lock:
            if key in self._pages:
                self.bytes -= len(self._pages.pop(key).body)
            self._pages[key] = kept
            self.bytes += len(kept.body)
            while self.bytes > self.max_bytes and self._pages:
                _key, old = self._pages.popitem(last=False)
                self.bytes -= len(old.body)


class PageCacheMiddleware:
    """Sits inside RequestContextMiddleware: that one has set the locale and the CSRF
    cookie's token by now, and adds the security headers and the cookie on the way out."""

    def __init__(self, app: ASGIApp, settings: Settings, store: PageStore | None = None) -> None:
        self.app = app
        self.settings = settings
        self.store = store or PageStore()
        self.session_cookie = session_cookie_name(settings)
        self._rendering: dict[tuple[object, ...], asyncio.Future[None]] = {}

    def _cacheable(self, scope: Scope) -> bool:
        if scope["type"] != "http" or scope["method"] != "GET":
            return False
        if scope["path"].startswith(_PASSED_BY) or scope["path"].endswith(".css"):
            return False
        connection = HTTPConnection(scope)
        if self.session_cookie in connection.cookies or flash.COOKIE_NAME in connection.cookies:
            return False
        headers = connection.headers
        # htmx asks for parts of pages; conditional requests get their 304 from the app.
        return not any(
            name in headers for name in ("hx-request", "if-none-match", "if-modified-since")
        )

    def _version(self, scope: Scope, host: str) -> tuple[str, int, int] | None:
        with scope["app"].state.session_factory() as db:
            organization = organization_for_host(db, host, self.settings)
            if organization is None:
                return None
            return organization.slug, organization.id, organization.content_version

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._cacheable(scope):
            await self.app(scope, receive, send)
            return
        host = host_of(Headers(scope=scope).get("host", ""))
        found = await run_in_threadpool(self._version, scope, host)
        if found is None:
            await self.app(scope, receive, send)
            return
        slug, organization_id, version = found
        key = (
            scope["scheme"], host, *moment(organization_id, version),
            scope["path"], scope.get("query_string", b""),
        )  # fmt: skip
        token = csrf.form_token(self.settings.secret_key, scope["state"]["csrf_raw"]).encode()
        kept = self.store.get(key)
        if kept is None and key in self._rendering:
            # Another visitor's request is rendering this very page (the first after a
            # change, or as the minute turns): wait for it rather than render it again.
            await asyncio.shield(self._rendering[key])
            kept = self.store.get(key)
        if kept is not None:
            scope["state"]["organization"] = _Served(slug)  # for the request's log line
            await self._replay(kept, token, send)
            return
        done = self._rendering.setdefault(key, asyncio.get_running_loop().create_future())
        try:
            await self._render_and_keep(scope, receive, send, key, token)
        finally:
            if self._rendering.get(key) is done:
                del self._rendering[key]
            if not done.done():
                done.set_result(None)

    async def _replay(self, kept: Kept, token: bytes, send: Send) -> None:
        body = kept.body.replace(TOKEN_HOLE, token)
        headers = [*kept.headers, (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": kept.status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def _render_and_keep(
        self, scope: Scope, receive: Receive, send: Send, key: tuple[object, ...], token: bytes
    ) -> None:
        start: Message | None = None
        chunks: list[bytes] = []
        keep = False

        async def capture(message: Message) -> None:
            nonlocal start, keep
            if message["type"] == "http.response.start":
                start = message
                headers = Headers(raw=message.get("headers", []))
                keep = (
                    message["status"] == 200
                    and "set-cookie" not in headers
                    # A page that holds a secret (the second factor's key) says so.
                    and "no-store" not in headers.get("cache-control", "")
                    and headers.get("content-type", "").startswith(KEPT_TYPES)
                )
            elif message["type"] == "http.response.body" and keep:
                chunks.append(message.get("body", b""))
                if sum(map(len, chunks)) > MAX_PAGE_BYTES:
                    keep = False
                    chunks.clear()
                elif not message.get("more_body", False) and start is not None:
                    self.store.put(
                        key,
                        Kept(
                            status=200,
                            headers=[
                                (name, value)
                                for name, value in start.get("headers", [])
                                if name.lower() not in _NOT_REPLAYED
                            ],
                            body=b"".join(chunks).replace(token, TOKEN_HOLE),
                        ),
                    )
            await send(message)

        await self.app(scope, receive, capture)
