"""Admission: a server process works on a few page reads at a time and queues the rest.

Handlers run in a thread pool, and a page holds a database connection from its first query
(the organization, in a dependency) until its unit of work commits. Under a burst (the
local paper links to the central white paper) every waiting request would otherwise hold
a thread, take turns at the GIL with all the others and keep a connection while waiting
for a thread, so each page takes as long as all of them together, and at the pool's size
requests wait for connections that the waiting ones hold. Measured with ``make bench`` on
two cores: unbounded, the ceiling page's p99 was 400 to 1,000 ms; admitting a few at a
time per process it is about 100 ms, with more pages served per second.

So GET and HEAD requests pass one gate per process, first come, first served, that lets
``settings.concurrent_reads`` through at once. A request leaves the gate when its answer
starts: the queries, the rendering and the commit are done by then; a stream's long tail
(the sprint's live standings) and the sending of the bytes are not work the gate bounds.
Writes (POST) do not pass the gate: their bodies arrive at the client's pace (an upload of
10 MiB), and a slow sender must not hold a reader's place.

The gate sits outside the page cache (app.main): a page served from the cache still asks
the database for the organization's content version, in a thread, so it passes the gate
too, for the fraction of a millisecond that takes.
"""

from __future__ import annotations

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

READS = frozenset({"GET", "HEAD"})


class AdmissionGate:
    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit
        # Made on first use: an anyio semaphore belongs to the event loop that runs it.
        self._slots: anyio.Semaphore | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in READS:
            await self.app(scope, receive, send)
            return
        if self._slots is None:
            self._slots = anyio.Semaphore(self.limit, fast_acquire=True)
        slots = self._slots
        await slots.acquire()
        held = True

        async def send_and_leave(message: Message) -> None:
            nonlocal held
            if held and message["type"] == "http.response.start":
                held = False
                slots.release()
            await send(message)

        try:
            await self.app(scope, receive, send_and_leave)
        finally:
            if held:
                slots.release()
