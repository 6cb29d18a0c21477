"""The Jinja environment and the one function routes use to answer with HTML.

Templates get the same helpers everywhere: ``_``/``ngettext`` (the request's locale),
``csrf_token()``, ``static_url()``, ``can()`` (the permission predicates routes enforce),
and filters for Markdown and money.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime
from babel.numbers import format_currency, format_decimal
from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context, select_autoescape
from jinja2.runtime import Context
from jinja2_fragments import render_block

from app.access import permissions
from app.access.roles import ROLE_LABELS
from app.config import ROOT, get_settings
from app.i18n import LOCALE_NAMES, LOCALES, get_locale, gettext, ngettext
from app.organizations.branding import theme_version
from app.phases.kinds import PHASE_LABELS
from app.privacy.display import (
    display_name,
    erased_in_label,
    former_participant,
    is_erased_label,
)
from app.web import csrf
from app.web.flash import COOKIE_NAME as FLASH_COOKIE
from app.web.flash import take_flash
from app.web.markdown import plain_text, render_markdown
from app.web.redirects import site_url

TEMPLATES_DIR = ROOT / "templates"
STATIC_DIR = ROOT / "static"


@lru_cache(maxsize=256)
def _static_version(path: str) -> str:
    file = STATIC_DIR / path
    return hashlib.sha256(file.read_bytes()).hexdigest()[:10] if file.is_file() else "0"


def static_url(path: str) -> str:
    """A static file's URL with a content hash, so browsers may cache it for long."""
    return f"/static/{path}?v={_static_version(path)}"


def euro(amount: int | float | None, *, cents: bool = False) -> str:
    if amount is None:
        return "–"
    return format_currency(
        amount,
        "EUR",
        locale=get_locale(),
        format=None if cents else "¤ #,##0",
        currency_digits=cents,
    )


def number(value: int | float | Decimal) -> str:
    return format_decimal(value, locale=get_locale())


def short_date(value: date) -> str:
    return format_date(value, format="d MMM yyyy", locale=get_locale())


LOCAL_DATETIME = "EEEE d MMMM y, HH:mm"


def local_datetime(value: datetime, timezone: str, pattern: str = LOCAL_DATETIME) -> str:
    """A stored UTC moment as people read it: in the organization's zone and the locale."""
    return format_datetime(value, pattern, tzinfo=ZoneInfo(timezone), locale=get_locale())


@pass_context
def _local_datetime_filter(
    context: Context, value: datetime | None, pattern: str = LOCAL_DATETIME
) -> str:
    # Pages take the zone from the app's settings; mails (rendered in a job, without a
    # request) are given ``timezone`` in their context.
    if value is None:
        return "–"
    request = context.get("request")
    if request is not None:
        timezone = request.app.state.settings.timezone
    else:
        timezone = context.get("timezone") or get_settings().timezone
    return local_datetime(value, timezone, pattern)


def actor_label(label: str) -> str:
    """How an audit or grant label reads on a page: people by name, the system and
    identity providers in words."""
    if label == "system":
        return gettext("Dialoog (automatic)")
    if label.startswith("oidc:"):
        return gettext("sign-in service %(name)s", name=label.removeprefix("oidc:"))
    return label


_PERSON_ID = re.compile(r" \(#\d+\)$")


def person_name(label: str) -> str:
    """A stored "Name (#id)" label as people read it: the name. The id is there for the
    record (no display name can pose as another), not for the page. An erased person's
    label is the bare "(#id)": "former participant" (app.privacy.display)."""
    if is_erased_label(label):
        return former_participant()
    return _PERSON_ID.sub("", actor_label(label))


SUMMARY_LENGTH = 200


def summary(text: str | None, length: int = SUMMARY_LENGTH) -> str:
    """Markdown as one line of plain text of at most ``length`` characters, cut at a word
    with an ellipsis: for a page's description, which search engines and link previews
    show, and for the feed's entries."""
    flat = plain_text(text)
    if len(flat) <= length:
        return flat
    cut = flat[: length - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:–-") + "…"


@pass_context
def _person_name_filter(context: Context, label: str) -> str:
    """``person_name`` on a page: also an append-only record's label of a person erased
    since (app.privacy.display)."""
    if erased_in_label(context.get("request"), label):
        return former_participant()
    return person_name(label)


@pass_context
def _absolute_url(context: Context, path: str) -> str:
    """This site's address before ``path``: canonical and Open Graph URLs must be whole."""
    return site_url(context["request"]) + path


def _is_public(action: str, obj: object = None) -> bool:
    """Whether anyone, signed in or not, may do ``action``: sharing metadata is only for
    what is published, whoever is looking at the page."""
    return permissions.can(None, action, obj)


def make_environment(*, auto_reload: bool = True) -> Environment:
    """``auto_reload=False`` (the app outside development) compiles each template once:
    checking every template's file time on every render costs each request a few stat
    calls for nothing, as templates only change with a deployment."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        auto_reload=auto_reload,
        autoescape=select_autoescape(["html", "xml"]),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.globals.update(
        static_url=static_url,
        theme_version=theme_version,
        role_labels=ROLE_LABELS,
        phase_labels=PHASE_LABELS,
        get_locale=get_locale,
        locales=LOCALES,
        locale_names=LOCALE_NAMES,
        absolute_url=_absolute_url,
        is_public=_is_public,
    )
    env.filters.update(
        markdown=render_markdown,
        euro=euro,
        number=number,
        date=short_date,
        actor_label=actor_label,
        local_datetime=_local_datetime_filter,
        person_name=_person_name_filter,
        display_name=display_name,
        summary=summary,
    )
    return env


def csrf_token_of(request: Request) -> str:
    """The token this visitor's forms carry (the HMAC of their CSRF cookie)."""
    raw = request.scope.get("state", {}).get("csrf_raw", "")
    return csrf.form_token(request.app.state.settings.secret_key, raw)


def _context(request: Request, context: dict[str, Any]) -> dict[str, Any]:
    actor = getattr(request.state, "actor", None)
    return {
        "request": request,
        "organization": getattr(request.state, "organization", None),
        "actor": actor,
        "flash": None,
        "csrf_token": lambda: csrf_token_of(request),
        "csrf_field_name": csrf.FORM_FIELD,
        "can": lambda action, obj=None: permissions.can(actor, action, obj),
        **context,
    }


def render_part(request: Request, template: str, block: str, context: dict[str, Any]) -> str:
    """One block of a template, as the page would render it (app.cache.fragments)."""
    return str(render_block(request.app.state.jinja, template, block, _context(request, context)))


def render(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
    block: str | None = None,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    """Render a whole page, or only ``block`` of it (the part an htmx request swaps)."""
    env: Environment = request.app.state.jinja
    full_context = _context(request, context or {})
    shown_flash = None
    if block is None:
        shown_flash = take_flash(request)
        full_context["flash"] = shown_flash
        html = env.get_template(template).render(full_context)
    else:
        html = render_block(env, template, block, full_context)
    response = HTMLResponse(html, status_code=status_code, headers=headers)
    if shown_flash is not None:
        response.delete_cookie(FLASH_COOKIE)
    return response
