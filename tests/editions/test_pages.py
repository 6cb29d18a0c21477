"""Reading editions: who sees one before and after it is published, publishing once, what
changed between two, and the pages' statement counts."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.db import organization_scope
from app.editions import service
from app.models import AuditEntry, CentralWhitePaper, ProposalAmount
from app.processes.queries import process_by_slug
from tests.conftest import QueryCounter
from tests.editions.conftest import ADMIN_PAGE, EDITIONS, Bundle
from tests.web.helpers import post_form, sign_in


def _compile(db: Session, bundle: Bundle, note: str = "") -> CentralWhitePaper:
    with organization_scope(db, bundle.organization.id):
        process = process_by_slug(db, "dialoog")  # with its phases, also after expire_all
        assert process is not None
        return service.compile_edition(db, bundle.actor(bundle.admin), process, note)


def _publish_path(number: int) -> str:
    return f"{ADMIN_PAGE}/{number}/publiceren"


def test_published_once_and_readable_by_everyone_from_then(
    client: TestClient, db: Session, bundle: Bundle
) -> None:
    bundle.proposal(db, bundle.onderwijs, "Minder leerlingenvervoer", position=1)
    bundle.submit(db, bundle.onderwijs, "Inleiding van **Onderwijs**.")
    _compile(db, bundle)
    page = f"{EDITIONS}/1"
    # Before publishing: the insiders, not the public nor an expert.
    response = client.get(page, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/aanmelden")
    assert "Editie 1" not in client.get(EDITIONS).text
    for email, status in (
        ("carla@example.org", 403),
        ("annelies@example.org", 403),
        ("sanne@example.org", 200),  # a chef of the process
        ("olaf@example.org", 200),
        ("fatma@example.org", 200),
    ):
        sign_in(client, email)
        assert client.get(page).status_code == status, email
    assert "Niet gepubliceerd" in client.get(EDITIONS).text
    # Only the admin publishes.
    assert post_form(client, _publish_path(1), {}).status_code == 403
    sign_in(client, "beheer@example.org")
    response = post_form(client, _publish_path(1), {}, form_page=page)
    assert response.status_code == 303
    assert response.headers["location"] == page
    response = post_form(client, _publish_path(1), {}, form_page=page)
    assert response.status_code == 409
    assert "al gepubliceerd" in response.text
    with organization_scope(db, bundle.organization.id):
        published = db.scalars(
            select(AuditEntry.id).where(AuditEntry.action == "edition.published")
        ).all()
    assert len(published) == 1
    # Now everyone reads it: chapters, introduction, amounts, the product sheet link.
    client.cookies.clear()
    text = client.get(page).text
    assert "Inleiding van <strong>Onderwijs</strong>." in text
    assert "1.1 Minder leerlingenvervoer" in text
    assert "€ 140.000" in text  # claimed in total
    assert "/processen/dialoog/productbladen/" in text
    assert "Besparingen tegenover de taakstelling" in text
    assert "Editie 1" in client.get(EDITIONS).text


def test_a_superseded_edition_is_not_published_and_says_so(
    client: TestClient, db: Session, bundle: Bundle
) -> None:
    bundle.proposal(db, bundle.onderwijs, "Minder leerlingenvervoer", position=1)
    bundle.submit(db, bundle.onderwijs)
    _compile(db, bundle)
    sign_in(client, "beheer@example.org")
    assert post_form(client, _publish_path(1), {}, form_page=ADMIN_PAGE).status_code == 303
    _compile(db, bundle, "Tweede")
    response = post_form(client, _publish_path(1), {}, form_page=ADMIN_PAGE)
    assert response.status_code == 409
    # The public does not see the unpublished second edition, nor a "superseded" by it.
    client.cookies.clear()
    assert "Vervangen door editie 2" not in client.get(EDITIONS).text
    assert "vervangen door editie 2" not in client.get(f"{EDITIONS}/1").text
    sign_in(client, "beheer@example.org")
    assert "vervangen door editie 2" in client.get(f"{EDITIONS}/1").text
    assert post_form(client, _publish_path(2), {}, form_page=ADMIN_PAGE).status_code == 303
    client.cookies.clear()
    assert "vervangen door editie 2" in client.get(f"{EDITIONS}/1").text
    assert "Vervangen door editie 2" in client.get(EDITIONS).text


def test_what_changed_between_two_editions(client: TestClient, db: Session, bundle: Bundle) -> None:
    changed = bundle.proposal(db, bundle.onderwijs, "Minder leerlingenvervoer", position=1)
    gone = bundle.proposal(db, bundle.onderwijs, "Schooltuinen", position=2)
    bundle.proposal(db, bundle.onderwijs, "Blijft gelijk", position=3)
    bundle.submit(db, bundle.onderwijs)
    _compile(db, bundle)
    with organization_scope(db, bundle.organization.id):
        changed.summary = "Samenvatting van het kleinere leerlingenvervoer."
        changed.version = 2
        gone.state = "withdrawn"
        db.flush()
        db.execute(
            update(ProposalAmount)
            .where(ProposalAmount.proposal_id == changed.id, ProposalAmount.year == 2013)
            .values(structural=70_000)
        )
        db.expire_all()  # as the next request's session would read it
    bundle.proposal(db, bundle.onderwijs, "Bibliotheek in de school", position=4)
    _compile(db, bundle)
    sign_in(client, "olaf@example.org")
    text = client.get(f"{EDITIONS}/1/verschil/2").text
    added, removed, changes = (
        text.index('id="added-heading"'),
        text.index('id="removed-heading"'),
        text.index('id="changed-heading"'),
    )
    assert added < text.index("Bibliotheek in de school") < removed
    assert removed < text.index("Schooltuinen") < changes
    assert changes < text.index("Minder leerlingenvervoer")
    assert "kleinere" in text.split('id="changed-heading"')[1]
    assert "<ins>" in text
    assert "<del>" in text
    assert "€ 100.000" in text  # 2013 before
    assert "€ 70.000" in text  # 2013 after
    assert "Blijft gelijk" not in text
    assert "1 voorstel ongewijzigd" in text
    # Not for the public while unpublished; 404 for an edition that does not exist.
    client.cookies.clear()
    assert client.get(f"{EDITIONS}/1/verschil/2", follow_redirects=False).status_code == 303
    sign_in(client, "olaf@example.org")
    assert client.get(f"{EDITIONS}/1/verschil/9").status_code == 404


def test_the_pages_cost_the_same_statements_with_more_entries(
    client: TestClient, db: Session, bundle: Bundle, queries: QueryCounter
) -> None:
    def count(a: int, b: int) -> list[int]:
        counts = []
        for path in (f"{EDITIONS}/{a}", f"{EDITIONS}/{a}/verschil/{b}", EDITIONS, ADMIN_PAGE):
            client.get(path)
            before = queries.count
            assert client.get(path).status_code == 200, path
            counts.append(queries.count - before)
        return counts

    def make(n: int, start: int) -> None:
        for i in range(start, start + n):
            group = bundle.onderwijs if i % 2 else bundle.sport
            proposal = bundle.proposal(db, group, f"Voorstel {i}", position=i, lines=["SP-1"])
            bundle.review(db, proposal, {2012: (1_000, 0)})

    make(2, 1)
    bundle.submit(db, bundle.onderwijs)
    bundle.submit(db, bundle.sport)
    _compile(db, bundle)
    _compile(db, bundle)
    sign_in(client, "beheer@example.org")
    few = count(1, 2)
    make(8, 10)
    _compile(db, bundle)
    _compile(db, bundle)
    assert count(3, 4) == few
