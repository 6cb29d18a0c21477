"""How an erased person is named on pages: "former participant" ("voormalig deelnemer"),
in the reader's language, decided when the page is rendered.

Keyed on what the page has loaded anyway, so no page spends a query on it: a User row's
``erased_at``, the neutral name erasure stores (a name loaded as a plain column), or a
stored signature label that erasure rewrote to its bare ``(#id)``
(app.privacy.erasure_service). Nothing Dutch or English is stored for it."""

from __future__ import annotations

import re
from typing import Any

from app.i18n import gettext as _

# What erasure stores as the display name: one character, so no chosen name (at least
# two) is ever taken for it, and no language.
ERASED_DISPLAY_NAME = "—"
# A signature without a name: what erasure leaves of "Name (#id)".
ERASED_LABEL = re.compile(r"^\(#\d+\)$")


def former_participant() -> str:
    return _("former participant")


def is_erased_label(label: str | None) -> bool:
    if not label:
        return False
    return label == ERASED_DISPLAY_NAME or ERASED_LABEL.match(label) is not None


def display_name(person: Any) -> str:
    """A person's name as others see it (the ``display_name`` filter), given the User row
    or the name a query loaded: their chosen name, or "former participant" once their
    account was erased."""
    if person is None:
        return ""
    if isinstance(person, str):
        return former_participant() if person == ERASED_DISPLAY_NAME else person
    if getattr(person, "erased_at", None) is not None:
        return former_participant()
    return str(person.display_name)


# --- labels the erasure could not rewrite ---------------------------------------------
# Append-only records (revisions, transitions, votes, steps) keep "Name (#id)" as written.
# A page names such a label's person "former participant" when the id is of an erased
# account. The erased ids are read once per request, on the first such label the page
# shows: one small query on pages that show person labels, however many rows they show,
# and none on the others. (Kept across requests under the organization's content version
# it would cost nothing most of the time, but a page's cost would then depend on what
# the page before it asked, which the query budgets cannot pin down.)

_PERSON_ID = re.compile(r" \(#(\d+)\)$")


def _erased_ids(request: Any) -> frozenset[int]:
    known: frozenset[int] | None = getattr(request.state, "erased_ids", None)
    if known is not None:
        return known
    db = getattr(request.state, "db", None)
    if db is None:
        return frozenset()
    from sqlalchemy import select

    from app.models import User

    ids = frozenset(db.scalars(select(User.id).where(User.erased_at.is_not(None))))
    request.state.erased_ids = ids
    return ids


def erased_in_label(request: Any, label: str | None) -> bool:
    """Whether a "Name (#id)" label names an account erased since it was written."""
    if request is None or not label:
        return False
    match = _PERSON_ID.search(label)
    return match is not None and int(match.group(1)) in _erased_ids(request)
