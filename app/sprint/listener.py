"""Waking the open sprint streams of this server process when a sprint's log grows.

Each stream (app.sprint.live_routes) reads the event log in a short session of its own and
then waits here, holding no database connection. What wakes it:

* On PostgreSQL, one listener per server process: a thread with its own connection does
  ``LISTEN dialoog_sprint``; ``live.publish`` sends ``NOTIFY`` inside the writing
  transaction, which PostgreSQL delivers to every listening process when it commits. So an
  event written by another server process (or machine) wakes this one's streams at once.
  While the listener is down (the database restarted), the streams look every second.
* On SQLite (the embedded, single-machine default) the streams look at the log once a
  second.

The hub also ends the streams when the app shuts down. Uvicorn waits for open responses
to finish before it runs the lifespan's shutdown, and a stream never finishes by itself:
so the hub hooks the termination signals the server handles and ends its streams first.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

import psycopg
import structlog
from sqlalchemy.engine import URL

from app.sprint.live import CHANNEL

log = structlog.get_logger("dialoog.sprint.live")

POLL_SECONDS = 1.0  # how often a stream looks at the log when nothing can wake it
KEEPALIVE_SECONDS = 15.0  # a comment line at least this often keeps proxies from closing it
# A stream ends after this long; the browser reconnects at once with the last id it saw,
# and the person's right to see the sprint is checked again.
STREAM_SECONDS = 30 * 60.0
LISTEN_TIMEOUT = 1.0  # the listener thread checks for shutdown this often
RECONNECT_SECONDS = 2.0

_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class LiveHub:
    """Per server process: the waiting streams, by sprint process id."""

    def __init__(self, database_url: URL | None = None) -> None:
        self.database_url = database_url
        self.poll_seconds = POLL_SECONDS
        self.keepalive_seconds = KEEPALIVE_SECONDS
        self.stream_seconds = STREAM_SECONDS
        self._waiters: dict[int, set[asyncio.Event]] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping = threading.Event()
        self._listening = threading.Event()  # the PostgreSQL listener is connected
        self._thread: threading.Thread | None = None
        self._previous_handlers: dict[int, Any] = {}

    # --- what streams use ------------------------------------------------------------

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    @property
    def listening(self) -> bool:
        return self._listening.is_set()

    def wait_seconds(self) -> float:
        """How long a stream may wait before it looks at the log again by itself."""
        return self.keepalive_seconds if self.listening else self.poll_seconds

    def waiter(self, process_id: int) -> asyncio.Event:
        """Register before reading the log, so an event that lands while the stream reads
        still wakes it afterwards."""
        event = asyncio.Event()
        if self.stopping:
            event.set()
        self._waiters.setdefault(process_id, set()).add(event)
        return event

    def forget(self, process_id: int, event: asyncio.Event) -> None:
        waiting = self._waiters.get(process_id)
        if waiting is not None:
            waiting.discard(event)
            if not waiting:
                del self._waiters[process_id]

    def waiting(self, process_id: int | None = None) -> int:
        """How many streams wait (for one sprint, or in all): for tests and the log."""
        if process_id is not None:
            return len(self._waiters.get(process_id, ()))
        return sum(len(events) for events in self._waiters.values())

    # --- what wakes them -------------------------------------------------------------

    def wake(self, process_id: int) -> None:
        """Wake the streams of one sprint; safe to call from any thread."""
        self._call_in_loop(self._wake_now, process_id)

    def wake_all(self) -> None:
        self._call_in_loop(self._wake_all_now)

    def _call_in_loop(
        self, function: Callable[..., None], *args: int, from_signal: bool = False
    ) -> None:
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        # A signal handler interrupts the loop's own thread anywhere: go through the
        # thread-safe door there too.
        if running is loop and not from_signal:
            function(*args)
        else:
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                loop.call_soon_threadsafe(function, *args)

    def _wake_now(self, process_id: int) -> None:
        for event in self._waiters.get(process_id, ()):
            event.set()

    def _wake_all_now(self) -> None:
        for events in self._waiters.values():
            for event in events:
                event.set()

    # --- the app's lifespan ----------------------------------------------------------

    def start(self) -> None:
        """Called in the app's lifespan, on the server's event loop."""
        self._loop = asyncio.get_running_loop()
        self._stopping.clear()
        self._hook_signals()
        if self.database_url is not None and self.database_url.get_backend_name() == "postgresql":
            self._thread = threading.Thread(
                target=self._listen, name="dialoog-sprint-listener", daemon=True
            )
            self._thread.start()

    def stop(self) -> None:
        """End every stream and the listener. Called by a termination signal (before the
        server waits for open responses) and again in the lifespan's shutdown."""
        self._stopping.set()
        self.wake_all()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=LISTEN_TIMEOUT * 3)
        self._unhook_signals()

    def _hook_signals(self) -> None:
        # Signals can only be handled in the main thread (a server run in a test's thread
        # stops through ``should_exit`` and its clients closing their pages).
        if threading.current_thread() is not threading.main_thread():
            return
        for sig in _SIGNALS:
            previous = signal.getsignal(sig)
            self._previous_handlers[sig] = previous

            def handler(number: int, frame: FrameType | None, previous: Any = previous) -> None:
                self._stopping.set()
                self._call_in_loop(self._wake_all_now, from_signal=True)
                if callable(previous):
                    previous(number, frame)
                elif previous == signal.SIG_DFL and number == signal.SIGINT:
                    raise KeyboardInterrupt

            signal.signal(sig, handler)

    def _unhook_signals(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        for sig, previous in self._previous_handlers.items():
            with contextlib.suppress(TypeError, ValueError):
                signal.signal(sig, previous)
        self._previous_handlers.clear()

    # --- the PostgreSQL listener -----------------------------------------------------

    def _conninfo(self) -> str:
        assert self.database_url is not None  # noqa: S101 - only started with one
        return self.database_url.set(drivername="postgresql").render_as_string(hide_password=False)

    def _listen(self) -> None:
        while not self._stopping.is_set():
            try:
                with psycopg.connect(self._conninfo(), autocommit=True) as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    self._listening.set()
                    # Anything sent while no one listened is in the log: look now.
                    self.wake_all()
                    log.info("sprint.listener_connected")
                    while not self._stopping.is_set():
                        for notice in connection.notifies(timeout=LISTEN_TIMEOUT):
                            if notice.payload.isdigit():
                                self.wake(int(notice.payload))
            except psycopg.Error:
                log.warning("sprint.listener_lost", exc_info=True)
            finally:
                self._listening.clear()
            self._stopping.wait(RECONNECT_SECONDS)
