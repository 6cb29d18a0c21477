"""Parts of signed-in pages that are the same for everyone who sees them the same way,
kept by the organization's content version (app.cache.versions) and the minute.

A route passes the part's template block, what makes it one of a kind besides the version
(the group, and which view of it), and a function that loads what the block shows: that
function only runs when the part is not kept, which is where the time goes. The CSRF
token of the person it was rendered for is kept as a placeholder and filled in for each
person, as the page cache does. Off where the page cache is off (tests, development)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import Request
from markupsafe import Markup

from app.cache.pages import TOKEN_HOLE, Kept, PageStore, moment
from app.web.templating import csrf_token_of, render_part

_PLACEHOLDER = TOKEN_HOLE.decode()


def kept_block(
    request: Request,
    template: str,
    block: str,
    key: tuple[object, ...],
    load: Callable[[], dict[str, Any]],
) -> Markup | None:
    """The block rendered with what ``load`` gives, from the store when it has it; None
    when fragments are not kept (the caller renders the page as usual)."""
    store: PageStore | None = getattr(request.app.state, "fragments", None)
    organization = getattr(request.state, "organization", None)
    if store is None or organization is None:
        return None
    full_key = (template, block, *moment(organization.id, organization.content_version), *key)
    token = csrf_token_of(request)
    kept = store.get(full_key)
    if kept is None:
        html = render_part(request, template, block, load())
        kept = Kept(200, [], html.replace(token, _PLACEHOLDER).encode())
        store.put(full_key, kept)
    return Markup(kept.body.decode().replace(_PLACEHOLDER, token))  # noqa: S704 - our own render
