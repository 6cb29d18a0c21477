"""Sharing: every published item's page names its stable address (canonical and og:url),
its title and a plain description of at most 200 characters, so a link to it previews
well; nothing that is not public yet ever reaches those tags."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import organization_scope, utcnow
from app.i18n import gettext
from app.models import CentralWhitePaper, GreenPaper, Group, Proposal, Theme, WhitePaper
from app.web.templating import SUMMARY_LENGTH, summary
from tests.council.conftest import Council, council, submitted  # noqa: F401 - fixtures
from tests.council.decision_setup import decide
from tests.web.helpers import sign_in

SITE = "http://testdorp.test"
BASE = "/processen/dialoog"
DEFAULT_DESCRIPTION = (
    "Here citizens and staff look for savings together: in themes, in the open, with the "
    "council deciding at the end."
)
SECRET = "Geheim"


class _Head(HTMLParser):
    """The sharing tags in a page's head: meta by name or property, and the canonical link."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.canonical: list[str] = []
        self.in_head = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.in_head:
            return
        a = dict(attrs)
        if tag == "meta" and (key := a.get("name") or a.get("property")):
            self.meta.setdefault(key, []).append(a.get("content") or "")
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical.append(a.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False


@dataclass
class Tags:
    title: str
    description: str
    url: str | None
    canonical: str | None
    type: str
    all: str  # every sharing value, to look for words that must not be there


def tags(client: TestClient, path: str) -> Tags:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    head = _Head()
    head.feed(response.text)
    for key in ("description", "og:title", "og:description", "og:type", "og:site_name"):
        assert len(head.meta.get(key, [])) == 1, (path, key)
    assert len(head.canonical) <= 1
    assert len(head.meta.get("og:url", [])) <= 1
    description = head.meta["description"][0]
    assert head.meta["og:description"] == [description]
    return Tags(
        title=head.meta["og:title"][0],
        description=description,
        url=next(iter(head.meta.get("og:url", [])), None),
        canonical=next(iter(head.canonical), None),
        type=head.meta["og:type"][0],
        all=" ".join(v for values in head.meta.values() for v in values) + " ".join(head.canonical),
    )


@dataclass
class Site:
    council: Council
    group: Group
    other: Group
    theme: Theme
    draft: Proposal
    green: GreenPaper
    white: WhitePaper
    later: CentralWhitePaper


@pytest.fixture
def site(db: Session, submitted: Council) -> Site:  # noqa: F811 - the fixture imported above
    """The council fixture's process with a published decision, and beside it a public
    green and white paper, a draft proposal, a draft green and white paper, and an edition
    compiled but not published: each with a secret in its words."""
    decide(db, submitted)
    book = submitted.book
    with organization_scope(db, book.organization.id):
        process = book.process
        process.summary = "Zeist moet **besparen**: samen zoeken we hoe."
        groups = list(db.scalars(select(Group).order_by(Group.position, Group.id)))
        group, other = groups[0], groups[1]
        theme = db.get_one(Theme, group.theme_id)
        theme.description = "Alles over *scholen*."
        draft = Proposal(
            process_id=process.id, group_id=group.id, author_id=book.expert.id,
            title=f"{SECRET} voorstel", summary=f"{SECRET}e samenvatting.", state="draft",
        )  # fmt: skip
        green = GreenPaper(
            process_id=process.id, group_id=group.id, status="continued", submitted_at=utcnow(),
            decided_at=utcnow(), decision_reason="Genoeg **richting**.", decided_by="Bert (#9)",
        )  # fmt: skip
        white = WhitePaper(
            process_id=process.id, group_id=group.id, status="submitted",
            introduction="Onze *inleiding* bij de voorstellen.", submitted_at=utcnow(),
            submitted_by="Ruud (#4)",
        )  # fmt: skip
        drafts = [
            GreenPaper(process_id=process.id, group_id=other.id, status="draft",
                       decision_reason=f"{SECRET}e reden"),
            WhitePaper(process_id=process.id, group_id=other.id,
                       introduction=f"{SECRET}e inleiding."),
        ]  # fmt: skip
        later = CentralWhitePaper(
            process_id=process.id, number=2, compiled_by="Ada (#1)", note=f"{SECRET}e editie."
        )
        db.add_all([draft, green, white, *drafts, later])
        db.flush()
    return Site(submitted, group, other, theme, draft, green, white, later)


def _public_item(t: Tags, path: str, title: str, description: str, kind: str = "article") -> None:
    assert t.canonical == f"{SITE}{path}"
    assert t.url == t.canonical
    assert t.title == title
    assert t.description == description
    assert t.type == kind
    assert len(t.description) <= SUMMARY_LENGTH


def test_the_process_and_theme_pages(client: TestClient, site: Site) -> None:
    process = site.council.process
    _public_item(
        tags(client, BASE), BASE, process.title,
        "Zeist moet besparen: samen zoeken we hoe.", "website",
    )  # fmt: skip
    path = f"{BASE}/themas/{site.theme.slug}"
    _public_item(
        tags(client, path), path, f"{site.theme.name} – {process.title}",
        "Alles over scholen.", "website",
    )  # fmt: skip


def test_a_proposal_and_its_product_sheet(client: TestClient, site: Site) -> None:
    entry = site.council.entries[0]
    proposal_path = f"{BASE}/voorstellen/{entry.proposal_id}"
    _public_item(tags(client, proposal_path), proposal_path, entry.title, "Samenvatting.")
    sheet_path = f"{BASE}/productbladen/{entry.proposal_id}"
    _public_item(
        tags(client, sheet_path), sheet_path,
        f"{gettext('Product sheet')}: {entry.title}", "Samenvatting.",
    )  # fmt: skip


def test_the_green_and_white_papers(client: TestClient, site: Site) -> None:
    green = f"{BASE}/groenboeken/{site.group.slug}"
    _public_item(
        tags(client, green), green, f"{gettext('Green paper')}: {site.group.name}",
        "Genoeg richting.",
    )  # fmt: skip
    white = f"{BASE}/witboeken/{site.group.slug}"
    _public_item(
        tags(client, white), white, f"{gettext('White paper')}: {site.group.name}",
        "Onze inleiding bij de voorstellen.",
    )  # fmt: skip


def test_the_edition_the_amendment_and_the_decision(client: TestClient, site: Site) -> None:
    process = site.council.process
    edition = f"{BASE}/witboek-edities/1"
    _public_item(
        tags(client, edition), edition,
        f"{gettext('Central white paper, edition %(n)d', n=1)}: {process.title}",
        gettext("The submitted white papers of the process, compiled into one edition."),
    )  # fmt: skip
    amendment = f"{BASE}/raad/amendementen/1"
    t = tags(client, amendment)
    assert t.canonical == f"{SITE}{amendment}"
    assert t.url == t.canonical
    assert (
        t.title == f"{gettext('Amendment %(label)s', label='A1')}: {site.council.entries[0].title}"
    )
    assert t.description == "Schrappen: te duur."  # from "Schrappen: **te duur**."
    decision = f"{BASE}/raad/besluit"
    _public_item(
        tags(client, decision), decision,
        f"{gettext('The council' + chr(39) + 's decision')}: {process.title}",
        gettext("The council decided on the savings, with its amendments."),
    )  # fmt: skip


def test_a_page_without_its_own_metadata_gets_the_sites(client: TestClient, site: Site) -> None:
    t = tags(client, f"{BASE}/groenboeken")
    assert t.canonical is None
    assert t.url is None
    assert t.title == gettext("Savings dialogue of %(name)s", name="Gemeente Testdorp")
    assert t.description == gettext(DEFAULT_DESCRIPTION)
    assert t.type == "website"


# --- nothing that is not public ---------------------------------------------------------------


def _nothing_of_it(t: Tags) -> None:
    assert SECRET not in t.all
    assert t.canonical is None
    assert t.url is None
    assert t.title == gettext("Savings dialogue of %(name)s", name="Gemeente Testdorp")
    assert t.description == gettext(DEFAULT_DESCRIPTION)
    assert t.type == "website"


def test_a_draft_proposal_leaks_nothing_even_to_its_author(client: TestClient, site: Site) -> None:
    path = f"{BASE}/voorstellen/{site.draft.id}"
    refused = client.get(path, follow_redirects=False)
    assert refused.status_code in (302, 303, 401, 403, 404)
    assert SECRET not in refused.text
    sign_in(client, site.council.book.expert.email)
    page = client.get(path)
    assert f"{SECRET} voorstel</h1>" in page.text  # the author reads it...
    _nothing_of_it(tags(client, path))  # ...but its head tells no one else


def test_unpublished_papers_editions_and_decisions_leak_nothing(
    client: TestClient, db: Session, site: Site
) -> None:
    sign_in(client, site.council.book.admin.email)
    _nothing_of_it(tags(client, f"{BASE}/groenboeken/{site.other.slug}"))
    _nothing_of_it(tags(client, f"{BASE}/witboeken/{site.other.slug}"))
    _nothing_of_it(tags(client, f"{BASE}/witboek-edities/2"))
    # The decision before publication, as the clerk reads it.
    with organization_scope(db, site.council.book.organization.id):
        decision = site.council.decision
        assert decision is not None
        decision.state, decision.published_at, decision.note = "decided", None, f"{SECRET}!"
        db.flush()
    with TestClient(client.app, base_url=SITE) as clerk:
        sign_in(clerk, site.council.clerk.email)
        _nothing_of_it(tags(clerk, f"{BASE}/raad/besluit"))


# --- the summary filter ----------------------------------------------------------------------


def test_summary_is_plain_text_of_at_most_200_characters() -> None:
    assert summary(
        "## Kop\n\nDit is **vet**, `code` en [een link](https://x.nl).\n\n- een\n- twee"
    ) == ("Kop Dit is vet, code en een link. een twee")
    assert summary(None) == summary("") == ""
    long = " ".join(["bezuinigingsdialoog"] * 30)
    short = summary(long)
    assert len(short) <= SUMMARY_LENGTH
    assert short.endswith("bezuinigingsdialoog…")
    assert summary("x" * 300) == "x" * 199 + "…"
    assert summary("<script>alert(1)</script>") == "<script>alert(1)</script>"  # escaped on output


def test_a_description_is_escaped_in_the_page(client: TestClient, db: Session, site: Site) -> None:
    with organization_scope(db, site.council.book.organization.id):
        site.council.process.summary = 'Een "citaat" & <b>vet</b>'
        db.flush()
    html = client.get(BASE).text
    assert 'content="Een &#34;citaat&#34; &amp; &lt;b&gt;vet&lt;/b&gt;"' in html
