"""A bound on what an upload route reads of a request body.

Every POST's form is parsed before its handler runs (the CSRF check reads the token from
it), and Starlette spools a multipart file to disk however large it is. Routes that take
files use :class:`BoundedBodyRoute`: it hands the parser at most the upload limit plus a
little room for the other fields, and drops the rest unread. The handler then sees
``body_cut_short(request)`` and answers with a message in the page instead of a file
that was cut off. The form's fields come before its file (the templates put the CSRF
token first), so they arrive whole.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute
from starlette.types import Message, Receive, Scope

# Room for the CSRF token, the other fields and the multipart boundaries and headers.
FORM_ROOM = 64 * 1024
_CUT_SHORT = "body_cut_short"


def body_cut_short(request: Request) -> bool:
    """Whether this request's body was longer than its route reads."""
    return bool(request.scope.get(_CUT_SHORT, False))


def _bounded(receive: Receive, scope: Scope, limit: int) -> Receive:
    seen = 0
    done = False

    async def bounded_receive() -> Message:
        nonlocal seen, done
        if done:
            return {"type": "http.request", "body": b"", "more_body": False}
        message = await receive()
        if message["type"] != "http.request":
            return message
        body: bytes = message.get("body", b"")
        seen += len(body)
        if seen > limit:
            # Keep what fits, end the body here; the rest is never read.
            scope[_CUT_SHORT] = True
            done = True
            kept = body[: len(body) - (seen - limit)]
            return {"type": "http.request", "body": kept, "more_body": False}
        if not message.get("more_body", False):
            done = True
        return message

    return bounded_receive


class BoundedBodyRoute(APIRoute):
    """Reads at most ``settings.uploads.max_bytes`` plus FORM_ROOM of a request body."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def bounded_handler(request: Request) -> Response:
            limit = request.app.state.settings.uploads.max_bytes + FORM_ROOM
            scope = request.scope
            return await handler(Request(scope, _bounded(request.receive, scope, limit)))

        return bounded_handler
