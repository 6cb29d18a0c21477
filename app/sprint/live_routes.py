"""The live stream of a sprint: server-sent events that tell a participant's open screen
what changed, so its parts (templates/sprint/_live.html) fetch themselves again.

Each event of the sprint's log (app.sprint.live) after the one the browser saw last (its
``Last-Event-ID``; a new page starts from the newest) goes out as ``event: <kind>`` with
``id: <event id>``, to those who may see it: a team's events to its members and the
steering group, mood checks to the steering group only.

The stream holds no database connection while it waits: the request's own session ends
when this handler returns (``DbSession`` is function-scoped), and each look at the log is a
short session of its own. app.sprint.listener wakes it, or it looks by itself every
second where nothing can wake it; a comment line every 15 seconds keeps proxies from
closing an idle stream."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from app.access.actor import Actor
from app.access.permissions import can, require
from app.db import ORGANIZATION_KEY, utcnow
from app.deps import CurrentActor, CurrentOrg, DbSession
from app.sprint import live
from app.sprint.kinds import EventKind
from app.sprint.listener import LiveHub
from app.sprint.loading import SprintPlace, sprint_place

router = APIRouter(prefix="/processen/{slug}/sprint")

RETRY_MILLISECONDS = 2000  # how soon a browser reconnects after the stream ends
# How long an event stays "recent": one committed later than a higher id was read
# (PostgreSQL) is still sent if it shows up within this time.
LATE_COMMIT = timedelta(seconds=30)
HEADERS = {
    "Cache-Control": "no-cache",
    "X-Accel-Buffering": "no",  # nginx and its kind: pass each event on at once
}


@dataclass(frozen=True)
class Audience:
    """Which events one person's stream carries, decided once when it connects (the
    stream ends within half an hour, and the reconnect decides again)."""

    organization_id: int
    process_id: int
    steering: bool
    # Lawyers and financial advisers: the shared queue changes with every team's
    # package and every verdict, so they hear those of all teams (not the channels).
    # So does everyone once the time is up: the final ranking and the board's package
    # totals, open to them then, move with every team's late verdicts.
    reviewer: bool
    teams: frozenset[int]  # teams whose channel and package events this person sees

    @classmethod
    def of(cls, actor: Actor, place: SprintPlace) -> Audience:
        return cls(
            organization_id=place.process.organization_id,
            process_id=place.process.id,
            steering=can(actor, "sprint.steer", place),
            reviewer=can(actor, "sprint.review", place) or place.has_ended(),
            teams=frozenset(team.id for team in place.teams if can(actor, "sprint.message", team)),
        )

    def sees(self, kind: str, group_id: int | None) -> bool:
        if kind == EventKind.MOOD:
            return self.steering
        if self.reviewer and kind in (EventKind.REVIEW, EventKind.PACKAGE):
            return True
        return group_id is None or self.steering or group_id in self.teams


def last_event_id(request: Request) -> int | None:
    raw = request.headers.get("last-event-id", "").strip()
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 18 else None


def format_event(event_id: int, kind: str, group_id: int | None) -> str:
    data = json.dumps({"group": group_id})
    return f"id: {event_id}\nevent: {kind}\ndata: {data}\n\n"


class _Log:
    """The stream's view of the log: where it is, and what it sent lately."""

    def __init__(self, factory: sessionmaker[Session], audience: Audience, after_id: int):
        self.factory = factory
        self.audience = audience
        self.after_id = after_id
        self.seen: dict[int, datetime] = {}
        self.first = True

    def read(self) -> list[str]:
        """The events to send now, as SSE text; runs in a worker thread."""
        now = utcnow()
        with self.factory() as db:
            db.info[ORGANIZATION_KEY] = self.audience.organization_id
            rows = live.events_since(db, self.audience.process_id, self.after_id, now - LATE_COMMIT)
        out: list[str] = []
        for event_id, kind, group_id, created_at in rows:
            if event_id in self.seen:
                continue
            self.seen[event_id] = created_at
            # What the browser saw before it connected is not sent again.
            if self.first and event_id <= self.after_id:
                continue
            self.after_id = max(self.after_id, event_id)
            if self.audience.sees(kind, group_id):
                out.append(format_event(event_id, kind, group_id))
        self.first = False
        horizon = now - LATE_COMMIT
        self.seen = {key: at for key, at in self.seen.items() if at >= horizon}
        return out


async def event_stream(hub: LiveHub, log: _Log) -> AsyncIterator[str]:
    """Events as they come, a comment when there are none, until the client goes, the
    app stops, or the stream's time is up."""
    process_id = log.audience.process_id
    started = last_sent = time.monotonic()
    # The first chunk goes out once the stream is registered and has looked at the log.
    opening = f"retry: {RETRY_MILLISECONDS}\n: {process_id}\n\n"
    while not hub.stopping:
        waiter = hub.waiter(process_id)
        try:
            events = await run_in_threadpool(log.read)
            now = time.monotonic()
            if opening or events:
                yield opening + "".join(events)
                opening = ""
                last_sent = now
            elif now - last_sent >= hub.keepalive_seconds:
                yield ": keep-alive\n\n"
                last_sent = now
            left = hub.stream_seconds - (now - started)
            if left <= 0 or hub.stopping:
                return
            timeout = min(hub.wait_seconds(), hub.keepalive_seconds - (now - last_sent), left)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(waiter.wait(), timeout=max(timeout, 0.01))
        finally:
            hub.forget(process_id, waiter)


@router.get("/live", name="sprint_live")
def sprint_live(
    request: Request, slug: str, db: DbSession, actor: CurrentActor, organization: CurrentOrg
) -> StreamingResponse:
    place = sprint_place(db, slug)
    require(actor, "sprint.take_part", place)
    after_id = last_event_id(request)
    if after_id is None:
        after_id = live.newest_event_id(db, place.process)
    log = _Log(request.app.state.session_factory, Audience.of(actor, place), after_id)
    hub: LiveHub = request.app.state.sprint_live
    return StreamingResponse(
        event_stream(hub, log), media_type="text/event-stream", headers=HEADERS
    )
