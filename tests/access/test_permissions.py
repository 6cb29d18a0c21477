"""Every registered permission answers for every kind of actor, and refusals are logged."""

from __future__ import annotations

from typing import Any

import pytest

from app.access.permissions import can, registered, require
from app.errors import SignInRequired
from app.main import create_app  # noqa: F401 - importing the app registers every predicate

ANONYMOUS = None


class _Admin:
    id = 1
    is_admin = True
    is_confirmed = True


def test_every_predicate_answers_for_an_anonymous_visitor() -> None:
    assert registered(), "no permissions registered"
    for name in registered():
        assert isinstance(can(ANONYMOUS, name, None), bool), name


@pytest.mark.parametrize(
    ("actor", "action", "allowed"),
    [
        (ANONYMOUS, "page.view", True),
        (ANONYMOUS, "page.edit", False),
        (_Admin(), "page.edit", True),
    ],
)
def test_page_permissions(actor: Any, action: str, allowed: bool) -> None:
    assert can(actor, action) is allowed


def test_an_unknown_permission_is_a_programming_error() -> None:
    with pytest.raises(LookupError):
        can(ANONYMOUS, "page.teleport")


def test_require_sends_anonymous_visitors_to_sign_in_and_logs(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with pytest.raises(SignInRequired):
        require(ANONYMOUS, "page.edit")
    assert "access.refused" in caplog.text
    assert "page.edit" in caplog.text
