"""What the public sees: a proposal from its submission on, never a draft; the list per
theme with its filters and pages; and pages whose query count does not grow."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.proposals.states import Step
from tests.conftest import QueryCounter
from tests.proposals.conftest import GROUP, THEME, Dialogue, path
from tests.web.helpers import sign_in


def test_a_draft_stays_with_its_authors_and_a_submitted_proposal_is_public(
    client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    draft = dialogue.draft(db, "Geheim concept")
    public = dialogue.submitted(db, "Openbaar voorstel")
    response = client.get(path(draft), follow_redirects=False)
    assert response.status_code in (302, 303)
    assert "/aanmelden" in response.headers["location"]
    page = client.get(path(public))
    assert page.status_code == 200
    assert "Openbaar voorstel" in page.text
    assert "Indienen" not in page.text
    assert "Bespreking openen" not in page.text
    assert "Geheim concept" not in client.get(THEME).text
    sign_in(client, "carla@example.org")
    assert client.get(path(draft)).status_code == 403
    assert client.get(path(draft, "/versies")).status_code == 403
    assert client.get(GROUP).status_code == 403  # the group's own list is for members
    sign_in(client, "bram@example.org")  # a member, not an author: sees only what is submitted
    listed = client.get(GROUP).text
    assert "Openbaar voorstel" in listed
    assert "Geheim concept" not in listed
    sign_in(client, "annelies@example.org")
    listed = client.get(GROUP).text
    assert "Openbaar voorstel" in listed
    assert "Geheim concept" in listed
    assert "Nieuw voorstel schrijven" in listed


def test_the_theme_list_filters_on_state_and_amount(
    client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    small = dialogue.submitted(db, "Klein voorstel", amount=10_000)  # 40.000 in total
    big = dialogue.submitted(db, "Groot voorstel", amount=500_000)  # 2.000.000 in total
    dialogue.step(db, big, Step.OPEN_DISCUSSION, dialogue.chef)
    dialogue.draft(db, "Concept blijft weg")

    page = client.get(THEME).text
    assert "2 voorstellen gevonden." in page
    assert "Concept blijft weg" not in page
    assert page.index("Groot voorstel") < page.index("Klein voorstel")  # newest first

    page = client.get(THEME, params={"status": "in_discussion"}).text
    assert "1 voorstel gevonden." in page
    assert "Klein voorstel" not in page
    page = client.get(THEME, params={"min": "100.000"}).text
    assert "Groot voorstel" in page
    assert "Klein voorstel" not in page
    page = client.get(THEME, params={"max": "€ 50.000"}).text
    assert "Klein voorstel" in page
    assert "Groot voorstel" not in page
    page = client.get(THEME, params={"min": "3.000.000"}).text
    assert "Maak de filters ruimer" in page

    response = client.get(THEME, params={"min": "veel", "max": "12,50"})
    assert response.status_code == 400
    assert "Laagste bedrag: vul een bedrag in euro" in response.text
    assert "zonder centen" in response.text
    assert 'value="veel"' in response.text  # what was typed stays
    assert small.title in response.text  # a bad filter is left out, not fatal


def test_the_theme_list_has_pages_of_twenty_sorted_by_amount(
    client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    for n in range(23):
        dialogue.submitted(db, f"Voorstel {n:02d}", amount=1_000 * (n + 1))
    first = client.get(THEME, params={"sorteer": "bedrag"}).text
    assert "23 voorstellen gevonden." in first
    assert len(re.findall(r'href="/processen/dialoog/voorstellen/\d+"', first)) == 20
    assert first.index("Voorstel 22") < first.index("Voorstel 21")
    assert re.search(r'pagina=1" aria-current="page"', first)
    second = client.get(THEME, params={"sorteer": "bedrag", "pagina": "2"}).text
    assert len(re.findall(r'href="/processen/dialoog/voorstellen/\d+"', second)) == 3
    assert "Voorstel 00" in second
    assert "Voorstel 22" not in second
    assert re.search(r'pagina=2" aria-current="page"', second)
    # A page past the end shows the last one.
    assert "Voorstel 00" in client.get(THEME, params={"pagina": "99", "sorteer": "bedrag"}).text


def _count(client: TestClient, queries: QueryCounter, url: str) -> tuple[int, str]:
    client.get(url)  # warm up: the sign-in session, caches
    before = queries.count
    page = client.get(url)
    assert page.status_code == 200, page.text[:500]
    return queries.count - before, page.text


def test_list_and_page_cost_the_same_queries_however_many_rows(
    client: TestClient, db: Session, dialogue: Dialogue, queries: QueryCounter
) -> None:
    proposal = dialogue.submitted(db, "Het voorstel")
    other = dialogue.submitted(db, "Een ander")
    sign_in(client, "ruud@example.org")  # the chef: sees the steps and the merge targets
    few_list, _page = _count(client, queries, THEME)
    few_group, _page = _count(client, queries, GROUP)
    few_page, _page = _count(client, queries, path(proposal))

    for n in range(8):
        dialogue.submitted(db, f"Nog een {n}", coauthors=[dialogue.second.id])
    dialogue.step(db, proposal, Step.OPEN_DISCUSSION, dialogue.chef)
    dialogue.step(db, proposal, Step.INCLUDE, dialogue.chef)
    dialogue.step(db, proposal, Step.RECONSIDER, dialogue.chef)
    dialogue.step(db, other, Step.OPEN_DISCUSSION, dialogue.chef)
    many_list, listed = _count(client, queries, THEME)
    many_group, _page = _count(client, queries, GROUP)
    many_page, page = _count(client, queries, path(proposal))
    assert "Nog een 7" in listed
    assert "Bram" in listed
    assert "Nog een 7" in page  # a merge target
    assert (many_list, many_group, many_page) == (few_list, few_group, few_page)
