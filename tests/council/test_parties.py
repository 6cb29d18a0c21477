"""The clerk keeps the council's composition: parties with their seats (added, renamed,
marked as gone), and the party each councillor sits for. Pages in English (the language
cookie), so the texts are the message ids."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.access.roles import Role
from app.council import party_service, queries
from app.db import organization_scope
from app.models import AuditEntry, CouncilParty
from tests.conftest import QueryCounter
from tests.council.conftest import Council
from tests.factories import make_organization, make_user
from tests.web.helpers import post_form, sign_in

PAGE = "/raad/fracties"


def english(client: TestClient) -> None:
    client.cookies.set("dialoog_lang", "en")


def party_named(db: Session, c: Council, name: str) -> CouncilParty | None:
    with organization_scope(db, c.book.organization.id):
        db.expire_all()
        return db.scalar(select(CouncilParty).where(CouncilParty.name == name))


def audited(db: Session, c: Council, action: str) -> int:
    with organization_scope(db, c.book.organization.id):
        return int(
            db.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == action)) or 0
        )


def seats_total(html: str) -> str:
    return html.split("<tfoot>")[1].split("<strong>")[1].split("</strong>")[0]


def test_the_clerk_sees_the_parties_seats_and_councillors(
    client: TestClient, council: Council
) -> None:
    c = council
    english(client)
    sign_in(client, "griffie@example.org")
    page = client.get(PAGE)
    assert page.status_code == 200
    html = page.text
    for party in c.parties:
        assert f'<th scope="row">{party.name}</th>' in html
    assert seats_total(html) == "17"
    joost = html.split('<th scope="row">Joost</th>')[1].split("</tr>")[0]
    assert f'<option value="{c.parties[1].id}" selected>Groen Links Zeist</option>' in joost
    henk = html.split('<th scope="row">Henk</th>')[1].split("</tr>")[0]
    assert " selected" not in henk
    assert '<th scope="row">Griet</th>' not in html  # the clerk is no councillor


def test_the_clerk_adds_a_party(client: TestClient, db: Session, council: Council) -> None:
    c = council
    english(client)
    sign_in(client, "griffie@example.org")
    response = post_form(client, PAGE, {"name": " Nieuw Zeist ", "seats": "4"}, form_page=PAGE)
    assert response.status_code == 303
    party = party_named(db, c, "Nieuw Zeist")
    assert party is not None
    assert party.seats == 4
    assert party.active
    assert audited(db, c, "council.party_added") == 4  # three from the fixture
    page = client.get(PAGE).text
    assert "The party Nieuw Zeist is added." in page
    assert seats_total(page) == "21"


@pytest.mark.parametrize(
    ("data", "field", "message", "status"),
    [
        ({"name": "", "seats": "3"}, "name", "Fill in this field: Name of the party.", 400),
        ({"name": "X" * 101, "seats": "3"}, "name", "use at most 100 characters", 400),
        ({"name": "Nieuw", "seats": "veel"}, "seats", "Seats: fill in a whole number", 400),
        ({"name": "Nieuw", "seats": "0"}, "seats", "from 1 to 45", 400),
        ({"name": "Nieuw", "seats": "46"}, "seats", "from 1 to 45", 400),
        ({"name": "lokaal belang", "seats": "3"}, "name", "already a party with this name", 409),
    ],
    ids=["no-name", "long-name", "words", "zero", "too-many", "taken"],
)
def test_a_wrong_party_is_named_at_its_field_and_kept(
    client: TestClient,
    db: Session,
    council: Council,
    data: dict[str, str],
    field: str,
    message: str,
    status: int,
) -> None:
    english(client)
    sign_in(client, "griffie@example.org")
    response = post_form(client, PAGE, data, form_page=PAGE)
    assert response.status_code == status
    assert f'id="{field}-error"' in response.text
    assert message in response.text
    assert f'value="{data["name"]}"' in response.text
    assert f'value="{data["seats"]}"' in response.text
    assert audited(db, council, "council.party_added") == 3


def test_the_clerk_changes_a_party_and_one_that_left_stops_counting(
    client: TestClient, db: Session, council: Council
) -> None:
    c = council
    party = c.parties[2]
    path = f"{PAGE}/{party.id}"
    english(client)
    sign_in(client, "griffie@example.org")
    data = {f"name-{party.id}": "Vrij Liberaal Zeist", f"seats-{party.id}": "5"}
    response = post_form(client, path, data, form_page=PAGE)  # the box unticked: left
    assert response.status_code == 303
    changed = party_named(db, c, "Vrij Liberaal Zeist")
    assert changed is not None
    assert changed.seats == 5
    assert not changed.active
    assert audited(db, c, "council.party_changed") == 1
    page = client.get(PAGE).text
    assert "The party Vrij Liberaal Zeist is saved." in page
    assert seats_total(page) == "13"
    assert "No, left the council" in page
    # A party that left is no choice for a councillor any more.
    henk = page.split('<th scope="row">Henk</th>')[1].split("</tr>")[0]
    assert "Vrij Liberaal Zeist" not in henk
    same = {**data, f"active-{party.id}": ""}
    again = post_form(client, path, same, form_page=PAGE)
    assert again.status_code == 303
    assert "Nothing was changed." in client.get(PAGE).text
    assert audited(db, c, "council.party_changed") == 1


def test_a_wrong_change_is_shown_in_that_partys_form(
    client: TestClient, db: Session, council: Council
) -> None:
    c = council
    party = c.parties[2]
    path = f"{PAGE}/{party.id}"
    english(client)
    sign_in(client, "griffie@example.org")
    data = {f"name-{party.id}": "Vrij", f"seats-{party.id}": "vier", f"active-{party.id}": "on"}
    response = post_form(client, path, data, form_page=PAGE)
    assert response.status_code == 400
    assert f'id="seats-{party.id}-error"' in response.text
    assert 'value="vier"' in response.text
    assert 'value="Vrij"' in response.text
    assert "<details open>" in response.text
    taken = {f"name-{party.id}": "Groen Links Zeist", f"seats-{party.id}": "4"}
    response = post_form(client, path, taken, form_page=PAGE)
    assert response.status_code == 409
    assert f'id="name-{party.id}-error"' in response.text
    assert "There is already a party with this name." in response.text
    unchanged = party_named(db, c, "Vrij Liberaal")
    assert unchanged is not None
    assert unchanged.seats == 4
    assert client.get(f"{PAGE}/999999").status_code == 405  # only POST
    missing = post_form(client, f"{PAGE}/999999", data, form_page=PAGE)
    assert missing.status_code == 404


def test_the_clerk_sets_the_party_a_councillor_sits_for(
    client: TestClient, db: Session, council: Council
) -> None:
    c = council
    english(client)
    sign_in(client, "griffie@example.org")
    field = f"party-{c.henk.id}"
    data = {"user": str(c.henk.id), field: str(c.parties[2].id)}
    response = post_form(client, "/raad/leden", data, form_page=PAGE)
    assert response.status_code == 303
    assert "Henk sits for Vrij Liberaal." in client.get(PAGE).text
    none = {"user": str(c.joost.id), f"party-{c.joost.id}": ""}
    assert post_form(client, "/raad/leden", none, form_page=PAGE).status_code == 303
    assert "No party is recorded for Joost now." in client.get(PAGE).text
    with organization_scope(db, c.book.organization.id):
        db.expire_all()
        henk_party = queries.party_of(db, c.henk.id)
        assert henk_party is not None
        assert henk_party.id == c.parties[2].id
        assert queries.party_of(db, c.joost.id) is None
    assert audited(db, c, "council.member_party_set") == 4  # two from the fixture


def test_a_councillor_is_given_a_party_of_the_council_only(
    client: TestClient, db: Session, council: Council
) -> None:
    c = council
    with organization_scope(db, c.book.organization.id):
        party_service.update_party(
            db, "test", c.parties[2], name="Vrij Liberaal", seats=4, active=False
        )
        other = make_organization(db, slug="elders", name="Gemeente Elders", hosts=("elders.test",))
    with organization_scope(db, other.id):
        elsewhere = party_service.add_party(db, "test", "Elders Belang", 3)
    english(client)
    sign_in(client, "griffie@example.org")
    field = f"party-{c.henk.id}"
    for choice in (str(c.parties[2].id), str(elsewhere.id), "999999", "abc"):
        data = {"user": str(c.henk.id), field: choice}
        response = post_form(client, "/raad/leden", data, form_page=PAGE)
        assert response.status_code == 400, choice
        assert f'id="{field}-error"' in response.text
        assert "Choose one of the parties for Henk." in response.text
    not_a_councillor = {"user": str(c.clerk.id), f"party-{c.clerk.id}": str(c.parties[0].id)}
    assert post_form(client, "/raad/leden", not_a_councillor, form_page=PAGE).status_code == 404
    change_elsewhere = {f"name-{elsewhere.id}": "Overgenomen", f"seats-{elsewhere.id}": "3"}
    response = post_form(client, f"{PAGE}/{elsewhere.id}", change_elsewhere, form_page=PAGE)
    assert response.status_code == 404
    with organization_scope(db, c.book.organization.id):
        assert queries.party_of(db, c.henk.id) is None


@pytest.mark.parametrize("email", ["joost@example.org", "annelies@example.org", "olaf@example.org"])
def test_only_the_clerk_and_the_admin_keep_the_parties(
    client: TestClient, db: Session, council: Council, email: str
) -> None:
    c = council
    sign_in(client, email)
    assert client.get(PAGE).status_code == 403
    add = {"name": "Stiekem", "seats": "3"}
    assert post_form(client, PAGE, add, form_page="/").status_code == 403
    party = c.parties[0]
    change = {f"name-{party.id}": "Anders", f"seats-{party.id}": "1"}
    assert post_form(client, f"{PAGE}/{party.id}", change, form_page="/").status_code == 403
    member = {"user": str(c.henk.id), f"party-{c.henk.id}": str(party.id)}
    assert post_form(client, "/raad/leden", member, form_page="/").status_code == 403
    assert party_named(db, c, "Stiekem") is None
    assert party_named(db, c, "Lokaal Belang") is not None


def test_anonymous_visitors_sign_in_first_and_the_admin_may(
    client: TestClient, council: Council
) -> None:
    response = client.get(PAGE, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/aanmelden")
    posted = post_form(client, PAGE, {"name": "Stiekem", "seats": "3"})
    assert posted.status_code == 303
    assert posted.headers["location"].startswith("/aanmelden")
    sign_in(client, "admin@example.org")
    assert client.get(PAGE).status_code == 200


def test_the_page_costs_the_same_however_many_parties_and_councillors(
    client: TestClient, db: Session, council: Council, queries: QueryCounter
) -> None:
    c = council
    sign_in(client, "griffie@example.org")
    queries.statements.clear()
    assert client.get(PAGE).status_code == 200
    small = queries.count
    organization = c.book.organization
    with organization_scope(db, organization.id):
        extra = [party_service.add_party(db, "test", f"Partij {n}", 2) for n in range(4)]
    for n in range(6):
        user = make_user(db, organization, email=f"raadslid{n}@example.org",
                         display_name=f"Raadslid {n}", roles=[Role.COUNCIL])  # fmt: skip
        with organization_scope(db, organization.id):
            party_service.set_member_party(db, "test", user, extra[n % 4])
    queries.statements.clear()
    page = client.get(PAGE)
    assert page.status_code == 200
    assert "Raadslid 5" in page.text
    assert queries.count == small
