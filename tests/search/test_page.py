"""``/zoeken`` as a visitor uses it: Dutch words in any form, filters, pages, highlighted
matches, a helpful answer when nothing is found, and the search form in every header."""

from __future__ import annotations

import re
from html import unescape

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import organization_scope
from app.models import Group
from app.processes.budget_import import import_budget_lines
from app.search.queries import PER_PAGE
from tests.conftest import QueryCounter
from tests.council.conftest import Council
from tests.council.decision_setup import decide
from tests.factories import SMALL_BUDGET, make_process
from tests.proposals.conftest import Dialogue
from tests.search.conftest import add_proposal, group_of, result_titles


def _status(html: str) -> str:
    match = re.search(r'role="status">([^<]*)', html)
    assert match, "no result count on the page"
    return unescape(match.group(1))


def test_a_dutch_word_finds_its_other_forms(
    searcher: TestClient, db: Session, dialogue: Dialogue
) -> None:
    add_proposal(db, dialogue, "Twee bibliotheken samenvoegen")
    add_proposal(db, dialogue, "Een bibliotheekje erbij", state="draft")
    html = searcher.get("/zoeken", params={"q": "bibliotheek"}).text
    assert result_titles(html) == ["Twee bibliotheken samenvoegen"]
    assert _status(html) == "1 result for “bibliotheek”."
    assert "Twee <mark>bibliotheken</mark> samenvoegen" in html
    assert 'href="/processen/dialoog/voorstellen/' in html
    assert (
        "</span> · Bezuinigingsdialoog · Onderwijs · Submitted · saves € 100,000 a year · <time"
        in (html)
    )


def test_an_amendment_says_which_way_it_would_move_the_savings(
    searcher: TestClient, db: Session, submitted: Council
) -> None:
    decide(db, submitted, publish=False)
    html = searcher.get("/zoeken", params={"q": "amendement"}).text
    metas = [unescape(m) for m in re.findall(r'search-result__meta">(.*?)</p>', html, re.S)]
    strikes = [m for m in metas if "if carried, lowers the savings by € " in m]
    assert len(strikes) >= 2  # A1 and A4 strike a measure; A2 lowers one's amounts
    assert any("does not change the savings" in m for m in metas)  # A3 only attaches a condition
    assert not any("-€" in m or "€ -" in m for m in metas)


def test_matches_are_marked_and_everything_else_escaped(
    searcher: TestClient, db: Session, dialogue: Dialogue
) -> None:
    add_proposal(
        db, dialogue, "<img src=x onerror=alert(1)> Bibliotheken",
        summary="Zie <script>alert('bibliotheek')</script> & meer.",
    )  # fmt: skip
    html = searcher.get("/zoeken", params={"q": "bibliotheek"}).text
    assert "&lt;img src=x onerror=alert(1)&gt; <mark>Bibliotheken</mark>" in html
    assert (
        "&lt;script&gt;alert(&#x27;<mark>bibliotheek</mark>&#x27;)&lt;/script&gt; &amp; meer"
        in html
    )
    assert "<img src=x" not in html
    assert "<script>alert" not in html


def test_filters_narrow_the_search(searcher: TestClient, db: Session, dialogue: Dialogue) -> None:
    sport = group_of(db, dialogue, "sport")
    add_proposal(db, dialogue, "Zwembad Onderwijs klein", amount=20_000)
    add_proposal(db, dialogue, "Zwembad Onderwijs groot", amount=300_000, state="rejected")
    add_proposal(db, dialogue, "Zwembad Sport", amount=150_000, group=sport)
    other = make_process(db, dialogue.organization, slug="sprint", title="Sprint 2013")
    with organization_scope(db, dialogue.organization.id):
        import_budget_lines(db, "test", other, SMALL_BUDGET.encode())
        sprint_group = db.scalars(
            select(Group).where(Group.process_id == other.id, Group.slug == "sport")
        ).one()
    add_proposal(db, dialogue, "Zwembad in de sprint", group=sprint_group, amount=10_000)

    def found(**params: str) -> list[str]:
        response = searcher.get("/zoeken", params={"q": "zwembaden", **params})
        assert response.status_code == 200, response.text
        return sorted(result_titles(response.text))

    assert len(found()) == 4
    assert found(proces="sprint") == ["Zwembad in de sprint"]
    assert found(thema=str(sport.theme_id)) == ["Zwembad Sport"]
    assert found(status="proposal.rejected") == ["Zwembad Onderwijs groot"]
    assert found(min="100.000") == ["Zwembad Onderwijs groot", "Zwembad Sport"]
    assert found(min="100.000", max="€ 200.000") == ["Zwembad Sport"]
    assert found(proces="dialoog", max="50.000") == ["Zwembad Onderwijs klein"]
    # Filters alone, without words: what they leave, newest first.
    response = searcher.get("/zoeken", params={"thema": str(sport.theme_id)})
    assert result_titles(response.text) == ["Zwembad Sport"]


def test_a_bad_filter_is_named_at_its_field_and_the_rest_still_searches(
    searcher: TestClient, db: Session, dialogue: Dialogue
) -> None:
    add_proposal(db, dialogue, "Bibliotheken delen", amount=50_000)
    response = searcher.get(
        "/zoeken", params={"q": "bibliotheek", "min": "veel", "thema": "999", "status": "x.y"}
    )
    assert response.status_code == 400
    html = response.text
    assert 'id="min-error"' in html
    assert 'aria-describedby="min-description min-error"' in html
    assert 'id="thema-error"' in html
    assert 'id="status-error"' in html
    assert 'value="veel"' in html  # kept as typed
    assert result_titles(html) == ["Bibliotheken delen"]


def test_pages_of_twenty(searcher: TestClient, db: Session, dialogue: Dialogue) -> None:
    for n in range(PER_PAGE + 5):
        add_proposal(db, dialogue, f"Bibliotheek {n:02d}")
    first = searcher.get("/zoeken", params={"q": "bibliotheek"}).text
    assert len(result_titles(first)) == PER_PAGE
    assert _status(first) == "25 results for “bibliotheek”. Page 1 of 2."
    assert 'href="/zoeken?q=bibliotheek&amp;pagina=2"' in first
    second = searcher.get("/zoeken", params={"q": "bibliotheek", "pagina": "2"}).text
    assert len(result_titles(second)) == 5
    assert '<ol class="search-results" start="21">' in second
    assert set(result_titles(first)).isdisjoint(result_titles(second))
    assert 'rel="prev"' in second
    assert 'rel="next"' not in second
    # A page past the last shows the last.
    beyond = searcher.get("/zoeken", params={"q": "bibliotheek", "pagina": "9"}).text
    assert result_titles(beyond) == result_titles(second)


def test_nothing_found_says_so_and_offers_wider_searches(
    searcher: TestClient, db: Session, dialogue: Dialogue
) -> None:
    add_proposal(db, dialogue, "Bibliotheken delen", amount=50_000)
    response = searcher.get(
        "/zoeken",
        params={"q": "bibliotheek", "thema": str(dialogue.group.theme_id), "min": "100.000"},
    )
    html = response.text
    assert _status(html) == "0 results for “bibliotheek”."
    assert "Nothing was found for “bibliotheek”." in unescape(html)
    links = {
        unescape(text): unescape(href)
        for href, text in re.findall(
            r'<li><a class="utrecht-link" href="([^"]*)">([^<]*)</a>', html
        )
        if "Search again" in text
    }
    theme = str(dialogue.group.theme_id)
    assert links == {
        "Search again without the theme “Onderwijs”": "/zoeken?q=bibliotheek&min=100.000",
        "Search again without the lowest amount (€ 100,000)": (
            f"/zoeken?q=bibliotheek&thema={theme}"
        ),
        "Search again without any filter": "/zoeken?q=bibliotheek",
    }
    wider = searcher.get(links["Search again without the lowest amount (€ 100,000)"]).text
    assert result_titles(wider) == ["Bibliotheken delen"]


def test_only_common_words_are_explained(searcher: TestClient, dialogue: Dialogue) -> None:
    html = unescape(searcher.get("/zoeken", params={"q": "de het"}).text)
    assert "There is nothing to look for in these words" in html


def test_the_form_alone_before_a_search(searcher: TestClient, dialogue: Dialogue) -> None:
    html = searcher.get("/zoeken").text
    assert '<h1 class="utrecht-heading-1">Search</h1>' in html
    assert 'id="results-heading"' not in html


def test_every_header_has_a_labelled_search_form(searcher: TestClient) -> None:
    html = searcher.get("/").text
    assert '<form class="site-header__search" method="get" action="/zoeken" role="search"' in html
    assert '<label class="visually-hidden" for="site-search">Search the site</label>' in html


def _statements(
    searcher: TestClient, queries: QueryCounter, params: dict[str, str]
) -> tuple[int, int]:
    queries.statements.clear()
    html = searcher.get("/zoeken", params=params).text
    return queries.count, len(result_titles(html))


def test_a_results_page_costs_the_same_statements_however_many_results(
    searcher: TestClient, db: Session, dialogue: Dialogue, queries: QueryCounter
) -> None:
    add_proposal(db, dialogue, "Zwembad dicht")
    for n in range(PER_PAGE + 3):
        add_proposal(db, dialogue, f"Bibliotheek {n}", summary="Een *bibliotheek* minder.")
    params = {"thema": str(dialogue.group.theme_id), "min": "1"}
    few, shown_few = _statements(searcher, queries, {"q": "zwembad", **params})
    many, shown_many = _statements(searcher, queries, {"q": "bibliotheek", **params})
    assert (shown_few, shown_many) == (1, PER_PAGE)
    assert few == many
