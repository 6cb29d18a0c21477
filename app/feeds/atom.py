"""A process's publications as an Atom document (RFC 4287), written by feedgen.

Each entry's id is a tag URI (RFC 4151) built from the kind and the row's id, not from its
address: a council decision's page is always ``/raad/besluit``, and a group's slug could
change, yet a feed reader must never mistake one entry for another or see one twice.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from feedgen.feed import FeedGenerator  # type: ignore[import-untyped]

from app.feeds.queries import Kind, Publication
from app.green_papers.states import STATUS_LABELS
from app.i18n import gettext as _
from app.models import Process
from app.web.templating import summary

# Goes up when the feed's shape changes, so no reader keeps an old one on a matching ETag.
FORMAT = 1


@dataclass(frozen=True)
class FeedPlace:
    """Where the feed is read: the site's address and names, for ids, links and titles."""

    site: str  # scheme and host, no trailing slash
    host: str  # the tag URIs' authority
    organization: str  # its name
    locale: str
    process: Process

    @property
    def process_url(self) -> str:
        return f"{self.site}/processen/{self.process.slug}"

    @property
    def feed_url(self) -> str:
        return f"{self.process_url}/publicaties.atom"

    def tag(self, specific: str) -> str:
        minted = self.process.created_at.date().isoformat()
        return f"tag:{self.host},{minted}:process/{self.process.id}{specific}"


def entry_title(item: Publication) -> str:
    if item.kind is Kind.PROPOSAL:
        return _("Proposal submitted: %(title)s", title=item.name)
    if item.kind is Kind.GREEN_PAPER:
        return _("Green paper decided: %(group)s", group=item.name)
    if item.kind is Kind.WHITE_PAPER:
        return _("White paper submitted: %(group)s", group=item.name)
    if item.kind is Kind.EDITION:
        return _("Central white paper, edition %(n)s published", n=item.name)
    return _("The council's decision on edition %(n)s published", n=item.name)


def entry_summary(item: Publication) -> str:
    """Plain text of at most 200 characters: the item's own words where it has them."""
    text = summary(item.text)
    if item.kind is Kind.GREEN_PAPER:
        verdict = str(STATUS_LABELS.get(item.status, item.status))
        return summary(f"{verdict}. {text}" if text else f"{verdict}.")
    if text:
        return text
    if item.kind is Kind.PROPOSAL:
        return _("A savings proposal, public from its submission on.")
    if item.kind is Kind.WHITE_PAPER:
        return _("The group's white paper: its proposals in the chef's order.")
    if item.kind is Kind.EDITION:
        return _("The submitted white papers of the process, compiled into one edition.")
    return _("The council decided on the savings, with its amendments.")


def entry_label(kind: Kind) -> str:
    return {
        Kind.PROPOSAL: _("Proposal"),
        Kind.GREEN_PAPER: _("Green paper"),
        Kind.WHITE_PAPER: _("White paper"),
        Kind.EDITION: _("Central white paper"),
        Kind.DECISION: _("Council decision"),
    }[kind]


def last_change(place: FeedPlace, items: Sequence[Publication]) -> datetime:
    """The feed's ``updated``: its newest entry's, or the process's start when empty."""
    newest = max((item.updated for item in items), default=place.process.created_at)
    # PostgreSQL answers in the session's zone: HTTP dates and the feed speak UTC.
    return newest.astimezone(UTC)


def etag(place: FeedPlace, items: Sequence[Publication]) -> str:
    """Weak: the same entries (the newest, how many, and what each says) in the same
    language give the same tag, without building the document. Weak because a new
    release may word an entry differently with the same data."""
    facts = [
        FORMAT, place.site, place.organization, place.locale, place.process.id,
        place.process.slug, place.process.title,
        [
            [i.kind.value, i.id, i.name, i.path, i.at.isoformat(), i.updated.isoformat(),
             i.text, i.status]
            for i in items
        ],
    ]  # fmt: skip
    digest = hashlib.sha256(json.dumps(facts, ensure_ascii=False).encode()).hexdigest()
    return f'W/"{len(items)}-{digest[:24]}"'


def build(place: FeedPlace, items: Sequence[Publication]) -> bytes:
    feed = FeedGenerator()
    feed.id(place.tag(""))
    feed.title(_("Publications of %(process)s", process=place.process.title))
    feed.subtitle(
        _(
            "What %(organization)s publishes in this process: proposals, green and white "
            "papers, editions of the central white paper and the council's decision.",
            organization=place.organization,
        )
    )
    feed.author({"name": place.organization})
    feed.link(href=place.feed_url, rel="self", type="application/atom+xml")
    feed.link(href=place.process_url, rel="alternate", type="text/html")
    feed.language(place.locale)
    feed.updated(last_change(place, items))
    feed.generator("Dialoog")
    for item in items:
        entry = feed.add_entry(order="append")
        entry.id(place.tag(f"/{item.kind.value}/{item.id}"))
        entry.title(entry_title(item))
        entry.link(href=place.site + item.path, rel="alternate", type="text/html")
        entry.published(item.at)
        entry.updated(item.updated)
        entry.summary(entry_summary(item))
        entry.category(term=item.kind.value, label=entry_label(item.kind))
    body: bytes = feed.atom_str(pretty=False, encoding="UTF-8")
    return body
