"""The accessibility statement: the model's parts on one page, the organization's contact
details from its contact page, a link in every page's footer, and claims that the test
suite backs."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html import unescape

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape
from sqlalchemy.orm import Session

from app.config import ROOT
from app.i18n import gettext, set_locale
from app.models import Organization
from app.statement.data import (
    CONTACT_PAGE,
    STATEMENT,
    STATUS_LABELS,
    STATUS_MEANINGS,
    Status,
)
from tests.conftest import QueryCounter
from tests.factories import make_page

PAGE = "/toegankelijkheid"


@pytest.fixture
def english(client: TestClient) -> TestClient:
    client.cookies.set("dialoog_lang", "en")
    set_locale("en")
    return client


def _plain(html: str) -> str:
    """The words a person reads: no tags, no entities, single spaces."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_the_statement_has_the_parts_of_the_model(english: TestClient) -> None:
    response = english.get(PAGE)
    assert response.status_code == 200
    html = response.text
    assert html.count("<h1") == 1
    text = _plain(html)
    assert "Accessibility statement" in text
    assert "Gemeente Testdorp wants everyone to be able to use" in text
    assert "Besluit digitale toegankelijkheid overheid" in text
    assert "This statement applies to the site http://testdorp.test" in text
    for heading in (
        "Compliance status",
        "What was tested, and how",
        "What was not tested",
        "Known problems",
        "Measures taken",
        "About this statement",
        "Contact",
        "If you are not satisfied",
    ):
        assert re.search(rf"<h[23][^>]*>{re.escape(heading)}</h[23]>", html), heading
    assert f"The status of this site is: {STATEMENT.status.value} – " in text
    assert str(STATUS_LABELS[STATEMENT.status]) in text
    for line in (*STATEMENT.tested, *STATEMENT.not_tested, *STATEMENT.measures):
        assert str(line) in text
    for problem in STATEMENT.problems:
        assert f">{escape(str(problem.title))}</h3>" in html
        assert str(problem.consequence) in text
        assert str(problem.measure) in text
    assert "Drawn up on 23 Nov 2026, last reviewed on 23 Nov 2026." in text
    assert 'href="https://www.nationaleombudsman.nl/"' in html


def test_every_status_is_explained_and_this_sites_is_marked(english: TestClient) -> None:
    html = english.get(PAGE).text
    assert '<caption id="statuses-caption">What the statuses mean</caption>' in html
    rows = re.findall(r"<tr[^>]*>\s*<th scope=\"row\">(.*?)</th>\s*<td>(.*?)</td>", html, re.S)
    assert [row[0].split(" – ")[0] for row in rows] == ["A", "B", "C", "D", "E"]
    for (head, meaning), status in zip(rows, Status, strict=True):
        assert _plain(meaning) == str(STATUS_MEANINGS[status])
        assert ("(this site)" in head) is (status == STATEMENT.status)


def test_the_contact_details_come_from_the_organizations_contact_page(
    english: TestClient, db: Session, organization: Organization
) -> None:
    make_page(
        db, organization, slug=CONTACT_PAGE, title="Contact",
        body="Mail ons: [info@testdorp.example](mailto:info@testdorp.example).",
    )  # fmt: skip
    html = english.get(PAGE).text
    assert 'href="mailto:info@testdorp.example"' in html
    assert "has not yet put its contact details on this site" not in html
    assert "We confirm within 5 working days that your message has arrived" in _plain(html)


def test_without_a_contact_page_it_says_so(english: TestClient) -> None:
    text = _plain(english.get(PAGE).text)
    assert "Gemeente Testdorp has not yet put its contact details on this site." in text


def test_the_statement_is_in_dutch_by_default(client: TestClient) -> None:
    html = client.get(PAGE).text
    assert '<html lang="nl"' in html
    assert f'<h1 class="utrecht-heading-1">{gettext("Accessibility statement")}</h1>' in html


def test_every_page_links_the_statement_in_its_footer(
    client: TestClient, db: Session, organization: Organization
) -> None:
    make_page(db, organization, slug="over")
    for path in ("/", "/pagina/over", PAGE, "/bestaat-niet"):
        html = client.get(path).text
        footer = html.split('<footer class="utrecht-page-footer site-footer">', 1)[1]
        assert f'href="{PAGE}"' in footer, path
        assert 'href="/open-data"' in footer, path
        assert 'href="/pagina/privacyverklaring"' in footer, path
    statement_footer = client.get(PAGE).text.split("<footer", 1)[1]
    assert f'href="{PAGE}" aria-current="page"' in statement_footer


def test_the_statement_has_its_own_sharing_metadata(english: TestClient) -> None:
    head = english.get(PAGE).text.split("</head>", 1)[0]
    assert '<link rel="canonical" href="http://testdorp.test/toegankelijkheid">' in head
    assert '<meta property="og:title" content="Accessibility statement">' in head


def test_the_statement_costs_one_statement_of_its_own(
    client: TestClient, queries: QueryCounter
) -> None:
    client.get("/")
    queries.statements.clear()
    assert client.get(PAGE).status_code == 200
    selects = [s for s in queries.statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 2, selects  # the organization, and its contact page


# --- the data, and the claims it makes ----------------------------------------------------------


def test_the_data_is_complete() -> None:
    assert STATEMENT.status in Status
    assert set(STATUS_LABELS) == set(Status) == set(STATUS_MEANINGS)
    assert STATEMENT.drawn_up <= STATEMENT.reviewed <= datetime.now(UTC).date()
    assert STATEMENT.tested
    assert STATEMENT.not_tested
    assert STATEMENT.measures
    for problem in STATEMENT.problems:
        assert problem.title
        assert problem.consequence
        assert problem.measure
        assert all(re.fullmatch(r"\d\.\d\.\d{1,2}", c) for c in problem.criteria)


def test_the_claims_about_testing_are_what_the_browser_tests_do() -> None:
    """The statement says axe-core checks WCAG 2.1 A and AA on every page the browser tests
    visit, with the stylesheets, that reflow and the skip link are tested: so they are."""
    from tests.e2e import conftest as e2e

    assert set(e2e.AXE_TAGS) == {"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}
    assert e2e.AXE_SOURCE.name == "axe.min.js"
    source = (ROOT / "tests" / "e2e" / "conftest.py").read_text()
    assert "pages visited without an accessibility scan" in source
    shell = (ROOT / "tests" / "e2e" / "test_shell_journey.py").read_text()
    assert '"width": 320' in shell
    assert 'keyboard.press("Tab")' in shell
    # Status B needs an evaluation of all criteria, which the repository does not have.
    assert STATEMENT.status is not Status.A
    assert STATEMENT.status is not Status.B
