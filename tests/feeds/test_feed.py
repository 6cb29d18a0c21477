"""The Atom feed of a process's publications: valid Atom, only what is public, honest
cache headers, and a fixed number of statements however much was published."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from types import SimpleNamespace

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.permissions import can
from app.db import organization_scope, utcnow
from app.i18n import gettext
from app.models import (
    CentralWhitePaper,
    CouncilDecision,
    GreenPaper,
    Organization,
    Proposal,
    WhitePaper,
)
from app.web.templating import SUMMARY_LENGTH
from tests.conftest import QueryCounter
from tests.factories import make_organization
from tests.feeds.conftest import Published, add_proposals, at, make_published

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "http://testdorp.test"


def _parse(body: bytes | str) -> ET.Element:
    # The app's own output, in a test: no untrusted XML here.
    return ET.fromstring(body)  # noqa: S314


def _feed(client: TestClient, published: Published) -> ET.Element:
    response = client.get(published.feed)
    assert response.status_code == 200, response.text[:500]
    assert response.headers["content-type"].startswith("application/atom+xml")
    return _parse(response.content)


def _time(element: ET.Element, name: str) -> datetime:
    text = element.findtext(ATOM + name)
    assert text, f"no <{name}>"
    moment = datetime.fromisoformat(text)
    assert moment.tzinfo is not None, f"<{name}> without a time zone"
    return moment


def _entries(root: ET.Element) -> list[ET.Element]:
    return root.findall(ATOM + "entry")


def _alternate(element: ET.Element) -> str:
    """The entry's link: rel="alternate", which Atom also means when rel is left out."""
    links = [
        link
        for link in element.findall(ATOM + "link")
        if link.get("rel", "alternate") == "alternate"
    ]
    assert len(links) == 1
    href = links[0].get("href")
    assert href
    return href


# --- valid Atom -------------------------------------------------------------------------------


def test_the_feed_is_atom_with_ids_links_and_times(
    client: TestClient, published: Published
) -> None:
    root = _feed(client, published)
    assert root.tag == ATOM + "feed"
    feed_id = root.findtext(ATOM + "id")
    assert feed_id
    assert feed_id.startswith("tag:testdorp.test,")
    assert root.findtext(ATOM + "title")
    assert root.findtext(ATOM + "author/" + ATOM + "name") == "Gemeente Testdorp"
    links = {link.get("rel"): link.get("href") for link in root.findall(ATOM + "link")}
    assert links["self"] == f"{SITE}{published.feed}"
    assert links["alternate"] == f"{SITE}/processen/{published.slug}"

    entries = _entries(root)
    ids = [entry.findtext(ATOM + "id") for entry in entries]
    assert all(i and i.startswith(feed_id + "/") for i in ids), ids
    assert len(set(ids)) == len(ids), "every entry has its own id"
    updated = [_time(entry, "updated") for entry in entries]
    assert _time(root, "updated") == max(updated)
    for entry in entries:
        assert entry.findtext(ATOM + "title")
        assert _alternate(entry).startswith(f"{SITE}/processen/{published.slug}/")
        assert _time(entry, "published") <= _time(entry, "updated")
        text = entry.findtext(ATOM + "summary") or ""
        assert 0 < len(text) <= SUMMARY_LENGTH
        assert "*" not in text, "a summary is plain text"
        assert "<" not in text, "a summary is plain text"


def test_every_kind_of_publication_is_there_newest_first(
    client: TestClient, published: Published
) -> None:
    entries = _entries(_feed(client, published))
    slug = published.slug
    group = published.groups[0].slug
    links = [_alternate(entry) for entry in entries]
    assert links[:5] == [
        f"{SITE}/processen/{slug}/raad/besluit",  # published at +40 h
        f"{SITE}/processen/{slug}/witboek-edities/1",  # +30 h
        f"{SITE}/processen/{slug}/witboeken/{group}",  # +20 h
        f"{SITE}/processen/{slug}/groenboeken/{group}",  # decided at +11 h
        f"{SITE}/processen/{slug}/voorstellen/{published.book.entries[-1].proposal_id}",
    ]
    proposals = [link for link in links if "/voorstellen/" in link]
    assert len(proposals) == len(published.book.entries)
    published_at = [_time(entry, "published") for entry in entries]
    assert published_at == sorted(published_at, reverse=True)
    by_link = dict(zip(links, entries, strict=True))
    green = by_link[f"{SITE}/processen/{slug}/groenboeken/{group}"]
    assert green.findtext(ATOM + "title") == gettext(
        "Green paper decided: %(group)s", group=published.groups[0].name
    )
    assert green.findtext(ATOM + "summary") == (
        f"{gettext('The board lets the theme go on')}. Het groenboek geeft genoeg richting."
    )
    edition = by_link[f"{SITE}/processen/{slug}/witboek-edities/1"]
    assert edition.findtext(ATOM + "summary") == "De eerste editie."


def test_only_what_is_public_is_in_the_feed(client: TestClient, published: Published) -> None:
    body = client.get(published.feed).text
    for words in published.hidden:
        assert words not in body, words
    ids = [entry.findtext(ATOM + "id") or "" for entry in _entries(_parse(body))]
    assert not any(i.endswith(f"/proposal/{published.draft.id}") for i in ids)
    assert sum("/decision/" in i for i in ids) == 1
    assert sum("/edition/" in i for i in ids) == 1
    assert sum("/green-paper/" in i for i in ids) == 1
    assert sum("/white-paper/" in i for i in ids) == 1


def test_the_feed_agrees_with_the_read_predicates(
    client: TestClient, db: Session, published: Published
) -> None:
    """Whatever anyone may read is in the feed, and nothing else: the SQL of
    app.feeds.queries against the predicates the pages ask."""
    ids = {entry.findtext(ATOM + "id") or "" for entry in _entries(_feed(client, published))}
    in_feed = {tuple(i.rsplit("/", 2)[-2:]) for i in ids}
    with organization_scope(db, published.organization.id):
        rows: list[tuple[str, int, bool]] = []
        for proposal in db.scalars(select(Proposal)):
            rows.append(("proposal", proposal.id, can(None, "proposal.read", proposal)))
        for green in db.scalars(select(GreenPaper)):
            rows.append(("green-paper", green.id, can(None, "green_paper.read", green)))
        for white in db.scalars(select(WhitePaper)):
            rows.append(("white-paper", white.id, can(None, "white_paper.read", white)))
        for edition in db.scalars(select(CentralWhitePaper)):
            subject = SimpleNamespace(published=edition.published_at is not None, group_ids=())
            rows.append(("edition", edition.id, can(None, "edition.read", subject)))
        for decision in db.scalars(select(CouncilDecision)):
            rows.append(("decision", decision.id, can(None, "council.read_decision", decision)))
    public = {(kind, str(row_id)) for kind, row_id, readable in rows if readable}
    assert {kind for kind, _row, readable in rows if not readable} == {
        "proposal", "green-paper", "white-paper", "edition", "decision",
    }, "each kind has something not public next to it"  # fmt: skip
    assert in_feed == public


def test_a_withdrawn_proposal_stays_but_a_withdrawn_draft_never_shows(
    client: TestClient, db: Session, published: Published
) -> None:
    with organization_scope(db, published.organization.id):
        published.draft.state = "withdrawn"
        db.flush()
    assert "Geheim concept" not in client.get(published.feed).text


def test_the_newest_fifty_and_no_more(
    client: TestClient, db: Session, published: Published
) -> None:
    add_proposals(db, published.book, 60)
    entries = _entries(_feed(client, published))
    assert len(entries) == 50
    titles = [entry.findtext(ATOM + "title") or "" for entry in entries]
    assert titles[0] == gettext("Proposal submitted: %(title)s", title="Extra voorstel 59")
    assert titles[-1] == gettext("Proposal submitted: %(title)s", title="Extra voorstel 10")


def test_no_feed_for_a_process_that_does_not_exist(
    client: TestClient, published: Published
) -> None:
    assert client.get("/processen/bestaat-niet/publicaties.atom").status_code == 404


def test_an_other_municipality_does_not_see_the_feed(
    app_client_pair: tuple[TestClient, TestClient], db: Session, published: Published
) -> None:
    make_organization(db, slug="elders", hosts=("elders.test",))
    client, _ = app_client_pair
    assert client.get(f"http://elders.test{published.feed}").status_code == 404


# --- cache headers ----------------------------------------------------------------------------


def test_a_reader_with_the_current_feed_gets_304(client: TestClient, published: Published) -> None:
    first = client.get(published.feed)
    tag = first.headers["etag"]
    assert tag.startswith('W/"')
    assert first.headers["cache-control"] == "public, no-cache"
    assert "cookie" in first.headers["vary"].lower()
    assert "set-cookie" not in first.headers, "a shared cache may keep it"
    newest = _time(_parse(first.content), "updated")
    assert parsedate_to_datetime(first.headers["last-modified"]) == newest.replace(microsecond=0)

    again = client.get(published.feed, headers={"If-None-Match": tag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == tag
    assert client.get(published.feed, headers={"If-None-Match": f'"x", {tag}'}).status_code == 304
    assert client.get(published.feed, headers={"If-None-Match": '"other"'}).status_code == 200

    since = first.headers["last-modified"]
    assert client.get(published.feed, headers={"If-Modified-Since": since}).status_code == 304
    earlier = format_datetime(newest - timedelta(seconds=1), usegmt=True)
    assert client.get(published.feed, headers={"If-Modified-Since": earlier}).status_code == 200
    # If-None-Match decides when both are there.
    both = {"If-None-Match": '"other"', "If-Modified-Since": since}
    assert client.get(published.feed, headers=both).status_code == 200


def test_a_new_publication_changes_the_etag(
    client: TestClient, db: Session, published: Published
) -> None:
    before = client.get(published.feed)
    with organization_scope(db, published.organization.id):
        published.draft.state, published.draft.submitted_at = "submitted", utcnow()
        db.flush()
    after = client.get(published.feed, headers={"If-None-Match": before.headers["etag"]})
    assert after.status_code == 200
    assert after.headers["etag"] != before.headers["etag"]
    assert "Geheim concept" in after.text
    assert parsedate_to_datetime(after.headers["last-modified"]) > parsedate_to_datetime(
        before.headers["last-modified"]
    )


def test_a_changed_title_changes_the_etag_too(
    client: TestClient, db: Session, published: Published
) -> None:
    before = client.get(published.feed).headers["etag"]
    with organization_scope(db, published.organization.id):
        proposal = db.get_one(Proposal, published.book.entries[0].proposal_id)
        proposal.title = "Een betere titel"
        db.flush()
    assert client.get(published.feed).headers["etag"] != before


def test_the_language_is_part_of_the_etag(client: TestClient, published: Published) -> None:
    dutch = client.get(published.feed).headers["etag"]
    client.cookies.set("dialoog_lang", "en")
    english = client.get(published.feed, headers={"If-None-Match": dutch})
    assert english.status_code == 200
    assert english.headers["etag"] != dutch
    assert _parse(english.content).get("{http://www.w3.org/XML/1998/namespace}lang") == "en"


# --- the process page points to it -----------------------------------------------------------


def test_the_process_page_links_the_feed(client: TestClient, published: Published) -> None:
    html = client.get(f"/processen/{published.slug}").text
    head = html.split("</head>", 1)[0]
    assert (
        f'<link rel="alternate" type="application/atom+xml" title="'
        f'{gettext("Publications of %(process)s", process=published.book.process.title)}" '
        f'href="{published.feed}">'
    ) in head
    body = html.split("<body", 1)[1]
    assert f'href="{published.feed}" type="application/atom+xml" data-hx-boost="false"' in body


# --- statements ------------------------------------------------------------------------------


def _statements(client: TestClient, queries: QueryCounter, path: str) -> int:
    queries.statements.clear()
    assert client.get(path).status_code == 200
    return queries.count


def test_the_feed_costs_the_same_statements_however_much_was_published(
    client: TestClient, db: Session, organization: Organization, queries: QueryCounter
) -> None:
    small = make_published(db, organization)
    client.get(small.feed)  # warm: the organization's first look-up
    few = _statements(client, queries, small.feed)
    add_proposals(db, small.book, 80)
    many = _statements(client, queries, small.feed)
    assert few == many
    # The organization, the process, and one statement per kind of publication.
    selects = [s for s in queries.statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 7, selects
    # A 304 runs the same queries and builds no document.
    tag = client.get(small.feed).headers["etag"]
    queries.statements.clear()
    assert client.get(small.feed, headers={"If-None-Match": tag}).status_code == 304
    assert queries.count == many


def test_times_are_those_of_the_publications(client: TestClient, published: Published) -> None:
    entries = {_alternate(e): e for e in _entries(_feed(client, published))}
    decision = entries[f"{SITE}/processen/{published.slug}/raad/besluit"]
    assert _time(decision, "published") == at(40)
    assert _time(decision, "updated") == at(40)
