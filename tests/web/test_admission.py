"""The admission gate: a few page reads at a time per process, the rest in order of arrival;
a read leaves when its answer starts; writes pass by (app.web.admission)."""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable

import anyio
import pytest
from anyio.from_thread import start_blocking_portal
from starlette.types import Message, Receive, Scope, Send

from app.config import Settings
from app.web.admission import AdmissionGate


class Recorder:
    """An app whose requests wait until the test lets them answer."""

    def __init__(self) -> None:
        self.running = 0
        self.most = 0
        self.started: list[str] = []
        self.release: dict[str, anyio.Event] = {}

    def let(self, name: str) -> None:
        """Lets the request for ``name`` answer (now, or as soon as it starts)."""
        self.release.setdefault(name, anyio.Event()).set()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        name = scope["path"]
        self.running += 1
        self.most = max(self.most, self.running)
        self.started.append(name)
        try:
            await self.release.setdefault(name, anyio.Event()).wait()
            if name == "/fails":
                raise RuntimeError("the page failed")
            await send({"type": "http.response.start", "status": 200, "headers": []})
            await send({"type": "http.response.body", "body": b"ok"})
        finally:
            self.running -= 1


def _scope(path: str, method: str = "GET") -> Scope:
    return {"type": "http", "method": method, "path": path, "headers": []}


async def _receive() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


async def _send(message: Message) -> None:
    return None


async def _call(gate: AdmissionGate, path: str, method: str = "GET") -> None:
    with contextlib.suppress(RuntimeError):
        await gate(_scope(path, method), _receive, _send)


async def _settle() -> None:
    for _ in range(20):
        await anyio.sleep(0)


async def _reads_pass_a_few_at_a_time_in_order_of_arrival() -> None:
    app = Recorder()
    gate = AdmissionGate(app, limit=2)
    async with anyio.create_task_group() as tasks:
        for n in range(5):
            tasks.start_soon(_call, gate, f"/{n}")
            await _settle()
        assert app.started == ["/0", "/1"]
        app.let("/1")
        await _settle()
        assert app.started == ["/0", "/1", "/2"]
        for n in (0, 2, 3, 4):
            app.let(f"/{n}")
            await _settle()
    assert app.started == ["/0", "/1", "/2", "/3", "/4"]
    assert app.most == 2


async def _writes_do_not_queue_behind_reads() -> None:
    app = Recorder()
    gate = AdmissionGate(app, limit=1)
    async with anyio.create_task_group() as tasks:
        tasks.start_soon(_call, gate, "/read")
        await _settle()
        tasks.start_soon(_call, gate, "/write", "POST")
        await _settle()
        assert app.started == ["/read", "/write"]
        for name in ("/read", "/write"):
            app.let(name)


async def _a_failed_read_gives_its_place_back() -> None:
    app = Recorder()
    gate = AdmissionGate(app, limit=1)
    async with anyio.create_task_group() as tasks:
        tasks.start_soon(_call, gate, "/fails")
        await _settle()
        tasks.start_soon(_call, gate, "/next")
        await _settle()
        assert app.started == ["/fails"]
        app.let("/fails")
        await _settle()
        assert app.started == ["/fails", "/next"]
        app.let("/next")


async def _a_read_leaves_when_its_answer_starts() -> None:
    started = anyio.Event()
    finish = anyio.Event()

    async def stream(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        started.set()
        await finish.wait()
        await send({"type": "http.response.body", "body": b""})

    gate = AdmissionGate(stream, limit=1)
    async with anyio.create_task_group() as tasks:
        tasks.start_soon(_call, gate, "/stream")
        await started.wait()
        with anyio.fail_after(2):
            slots = gate._slots
            assert slots is not None
            await slots.acquire()  # free although the stream is still open
            slots.release()
        finish.set()


def _run(scenario: Callable[[], Awaitable[None]]) -> None:
    # An event loop of its own in a thread: the browser tests keep one running in the
    # test's thread, where a second one cannot start.
    with start_blocking_portal() as portal:
        portal.call(scenario)


def test_reads_pass_a_few_at_a_time_in_order_of_arrival() -> None:
    _run(_reads_pass_a_few_at_a_time_in_order_of_arrival)


def test_writes_do_not_queue_behind_reads() -> None:
    _run(_writes_do_not_queue_behind_reads)


def test_a_failed_read_gives_its_place_back() -> None:
    _run(_a_failed_read_gives_its_place_back)


def test_a_read_leaves_when_its_answer_starts() -> None:
    """A stream (the sprint's live standings) holds no place while it streams."""
    _run(_a_read_leaves_when_its_answer_starts)


def test_the_gate_admits_no_more_than_the_database_pool_holds() -> None:
    with pytest.raises(ValueError, match="pool"):
        Settings(concurrent_reads=40)
