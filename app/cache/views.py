"""Plain views of what a page finds by its address (a group by its process's slug and its
own), kept by the organization's content version (app.cache.versions).

A kept part (app.cache.fragments) spares a page the statements of what it shows; the
page still has to find what its address names before it can ask who may see it, and that
lookup, through the ORM, was a fifth of a member's group page under load (issue #13).
What is kept here is a small frozen value (ids, slugs, names), never an ORM row: it is
shared by the requests of one worker, across threads. A write to the organization's
content moves the version on, so a renamed group or a moved slug is found anew at once.
Off where the page cache is off (tests ask for it, development does not keep)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

from fastapi import Request

MAX_VIEWS = 4096  # per worker, least recently used first out; each is a few hundred bytes

T = TypeVar("T")


class ViewStore:
    """Least recently used views by key. Routes use it from their threads: hence the lock."""

    def __init__(self, max_views: int = MAX_VIEWS) -> None:
        self.max_views = max_views
        self._views: OrderedDict[tuple[object, ...], object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[object, ...]) -> tuple[bool, object]:
        with self._lock:
            if key not in self._views:
                return False, None
            self._views.move_to_end(key)
            return True, self._views[key]

    def put(self, key: tuple[object, ...], view: object) -> None:
        with self._lock:
            self._views[key] = view
            self._views.move_to_end(key)
            while len(self._views) > self.max_views:
                self._views.popitem(last=False)


def kept_view(request: Request, key: tuple[object, ...], load: Callable[[], T]) -> T:
    """What ``load`` gives for ``key`` under the organization's current content version,
    from the store when it has it. ``None`` (nothing at that address) is kept too: a
    missing group costs no more than a found one."""
    store: ViewStore | None = getattr(request.app.state, "views", None)
    organization = getattr(request.state, "organization", None)
    if store is None or organization is None:
        return load()
    full_key = (organization.id, organization.content_version, *key)
    found, view = store.get(full_key)
    if found:
        return view  # type: ignore[return-value]  # put below from the same load's type
    loaded = load()
    store.put(full_key, loaded)
    return loaded
