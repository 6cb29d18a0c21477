"""The page cache is off in tests unless asked for; these tests ask for it."""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest

from app.cache import pages
from app.config import Settings


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"page_cache": True})


@pytest.fixture(autouse=True)
def _one_minute(monkeypatch: pytest.MonkeyPatch) -> None:
    """Kept pages and parts are keyed by the minute too: a test that crossed a minute
    would see a page rendered anew and fail by the clock. The clock's own test moves it."""
    now = time.time()
    monkeypatch.setattr(pages, "time", SimpleNamespace(time=lambda: now))
