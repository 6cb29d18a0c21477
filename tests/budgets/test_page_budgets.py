"""Query budgets: every public page and the main signed-in pages, on the demo and on the
demo grown (every proposal, person and comment once more, see growth.py), send the same
number of SQL statements. A page that adds a query per row fails here, whichever rows it
shows. Per-page tests elsewhere pin the exact counts; this one covers them all at once."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import ALL_ORGANIZATIONS, organization_scope
from app.demo.data import DEMO_PASSWORD
from app.demo.loader import load_demo
from app.models import Group, Organization, ProductSheet, ProposalComment
from app.search.indexer import rebuild
from tests.budgets.growth import grow
from tests.conftest import QueryCounter
from tests.web.helpers import sign_in

P = "/processen/bezuinigingsdialoog-2012-2015"
THEME = "zorg-en-welzijn"
# Hoogeveen's finished sprint, on its own host (signed-in people of Hoogeveen sign in there).
HOOGEVEEN = "http://hoogeveen.localhost"
S = f"{HOOGEVEEN}/processen/hackaton-sociaal-domein-2019/sprint"

PUBLIC = [
    "/",
    P,
    f"{P}/themas/{THEME}",
    f"{P}/themas/{THEME}/voorstellen",
    f"{P}/themas/{THEME}/voortgang",
    "{proposal}",
    f"{P}/groenboeken",
    f"{P}/groenboeken/{THEME}",
    f"{P}/witboeken",
    f"{P}/witboeken/{THEME}",
    f"{P}/witboek-edities",
    f"{P}/witboek-edities/2",
    "{sheet}",
    f"{P}/raad",
    f"{P}/raad/amendementen/1",
    f"{P}/raad/besluit",
    f"{P}/publicaties.atom",
    "/zoeken?q=bibliotheken",
    "/zoeken?q=gemeente&pagina=2",
    "/open-data",
    f"/api/v1/processes/{P.rsplit('/', 1)[1]}/proposals",
    f"/api/v1/processes/{P.rsplit('/', 1)[1]}/themes",
    f"/api/v1/processes/{P.rsplit('/', 1)[1]}/proposals.csv",
    f"{S}/uitslag",
    f"{S}/resultaat",
]
SIGNED_IN = [
    ("expert-001@zeist.example", f"{P}/groepen/{THEME}"),
    ("expert-001@zeist.example", "/mijn-groepen"),
    ("expert-001@zeist.example", "{proposal}"),
    ("chef.zorg@zeist.example", f"{P}/groepen/{THEME}/aanmeldingen"),
    ("chef.zorg@zeist.example", f"{P}/groepen/{THEME}/voorstellen"),
    ("fatma@zeist.example", "/toetsing"),
    ("joost@zeist.example", f"{P}/raad"),
    ("regie@hoogeveen.example", S),
    ("regie@hoogeveen.example", f"{S}/regie"),
    ("team1@hoogeveen.example", "{team}"),
    ("team1@hoogeveen.example", "{team}/berichten"),
    ("jurist@hoogeveen.example", f"{S}/toetsing"),
    ("college@hoogeveen.example", f"{S}/pakket"),
]
# Pages whose rows the growth doubles (the lists that are not paged): they must show more
# afterwards, or this test would pass without looking.
GROWS = {
    ("", "{proposal}"),
    ("", f"{P}/witboeken/{THEME}"),
    ("", f"{P}/witboek-edities/2"),
    ("", f"{P}/raad/besluit"),
    ("", "/zoeken?q=bibliotheken"),
    ("", f"/api/v1/processes/{P.rsplit('/', 1)[1]}/proposals.csv"),
    ("expert-001@zeist.example", f"{P}/groepen/{THEME}"),
    ("chef.zorg@zeist.example", f"{P}/groepen/{THEME}/aanmeldingen"),
    ("fatma@zeist.example", "/toetsing"),
    ("joost@zeist.example", f"{P}/raad"),
    ("", f"{S}/resultaat"),
    ("team1@hoogeveen.example", "{team}"),
    ("college@hoogeveen.example", f"{S}/pakket"),
}


def _busiest(db: Session) -> tuple[str, str]:
    """The most discussed proposal's page, and a product sheet's."""
    proposal = db.scalars(
        select(ProposalComment.proposal_id)
        .group_by(ProposalComment.proposal_id)
        .order_by(func.count().desc(), ProposalComment.proposal_id)
    ).first()
    sheet = db.scalars(select(ProductSheet.proposal_id).order_by(ProductSheet.id)).first()
    return f"{P}/voorstellen/{proposal}", f"{P}/productbladen/{sheet}"


def _team_pages(db: Session) -> dict[str, str]:
    """Team 1's page in Hoogeveen's sprint (its captain is team1@)."""
    team = db.scalars(
        select(Group.id).where(Group.name == "Team 1"),
        execution_options={ALL_ORGANIZATIONS: True},
    ).one()
    return {"{team}": f"{S}/teams/{team}", "{team}/berichten": f"{S}/teams/{team}/berichten"}


def _measure(
    app: FastAPI, queries: QueryCounter, paths: dict[str, str]
) -> dict[tuple[str, str], tuple[int, int]]:
    """(who, page) -> (statements, bytes) for every page, each fetched twice so a cold
    cache (the first request of a signed-in person) does not count."""
    found: dict[tuple[str, str], tuple[int, int]] = {}
    visits = [("", page) for page in PUBLIC] + SIGNED_IN
    clients: dict[str, TestClient] = {}
    for who, page in visits:
        if who not in clients:
            host = HOOGEVEEN if who.endswith("@hoogeveen.example") else "http://localhost"
            clients[who] = TestClient(app, base_url=host)
            if who:
                sign_in(clients[who], who, DEMO_PASSWORD)
        client = clients[who]
        url = paths.get(page, page)
        assert client.get(url).status_code == 200, (who, url)
        before = queries.count
        response = client.get(url)
        assert response.status_code == 200, (who, url)
        found[who, page] = (queries.count - before, len(response.content))
    return found


def test_no_page_sends_more_statements_for_more_rows(
    app: FastAPI, db: Session, queries: QueryCounter
) -> None:
    load_demo(db)
    zeist = db.scalars(
        select(Organization).where(Organization.slug == "zeist"),
        execution_options={ALL_ORGANIZATIONS: True},
    ).one()
    with organization_scope(db, zeist.id):
        proposal, sheet = _busiest(db)
    paths = {"{proposal}": proposal, "{sheet}": sheet, **_team_pages(db)}
    small = _measure(app, queries, paths)

    grow(db)
    with organization_scope(db, zeist.id):
        rebuild(db, zeist)
    db.flush()
    large = _measure(app, queries, paths)

    grew = {key for key in GROWS if large[key][1] > small[key][1] * 1.15}
    assert grew == GROWS, "the growth did not reach these pages"
    changed = {k: (small[k][0], large[k][0]) for k in small if small[k][0] != large[k][0]}
    assert not changed, f"statements per page, small -> large: {changed}"
