"""Shared by the export and register tests (imported into each module, so another part's
conftest in this folder cannot clash): the test's own exports folder, and staff who sign
in with a password alone, since the second factor is tested on its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config import Settings


@pytest.fixture
def settings(settings: Settings, tmp_path: Path) -> Settings:
    accounts = settings.accounts.model_copy(update={"second_factor_for_staff": False})
    return settings.model_copy(update={"exports_dir": tmp_path / "exports", "accounts": accounts})
