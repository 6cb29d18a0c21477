"""The page cache is off in tests unless asked for; these tests ask for it."""

from __future__ import annotations

import pytest

from app.config import Settings


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"page_cache": True})
