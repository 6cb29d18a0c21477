"""The bell, the list, opening one, marking all read, and the settings page."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import organization_scope, utcnow
from app.models import Organization, User, UserSession
from app.notifications import queries
from app.notifications.kinds import NotificationKind
from tests.conftest import QueryCounter
from tests.factories import make_user
from tests.notifications.helpers import make_notification
from tests.web.helpers import post_form, sign_in

EMAIL = "annelies@example.org"


def _signed_in(client: TestClient, db: Session, organization: Organization) -> User:
    user = make_user(db, organization, email=EMAIL)
    sign_in(client, EMAIL)
    return user


def _unread(db: Session, organization: Organization, user: User) -> int:
    db.expire_all()
    with organization_scope(db, organization.id):
        return queries.unread_count(db, user.id)


def test_anonymous_visitors_are_sent_to_sign_in(client: TestClient) -> None:
    for path in ("/meldingen", "/meldingen/instellingen", "/meldingen/1"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/aanmelden?volgende=")
    # The bell's poll of a page whose session ended removes the bell, not the page.
    bell = client.get("/meldingen/teller", follow_redirects=False)
    assert (bell.status_code, bell.text) == (200, "")
    assert "/meldingen" not in client.get("/").text


def test_the_bell_shows_the_unread_count_on_every_page(
    client: TestClient, db: Session, organization: Organization
) -> None:
    user = _signed_in(client, db, organization)
    html = client.get("/").text
    assert 'href="/meldingen"' in html
    assert "notification-badge" not in html  # zero: only the word
    assert "ongelezen" not in html

    for minutes in range(3):
        make_notification(db, organization, user, minutes_ago=minutes)
    make_notification(db, organization, user, read=True)
    html = client.get("/profiel").text
    assert 'data-hx-get="/meldingen/teller"' in html
    assert 'data-hx-trigger="every 60s"' in html
    assert '<span class="notification-badge" aria-hidden="true">3</span>' in html
    assert '<span class="visually-hidden">, 3 ongelezen</span>' in html


def test_the_count_fragment_is_the_bell_alone_and_does_not_extend_the_session(
    client: TestClient, db: Session, organization: Organization, queries: QueryCounter
) -> None:
    user = _signed_in(client, db, organization)
    make_notification(db, organization, user)
    long_ago = utcnow() - timedelta(hours=1)
    with organization_scope(db, organization.id):
        session_row = db.scalars(select(UserSession)).one()
        session_row.last_seen_at = long_ago
        expires = session_row.expires_at
        db.flush()

    before = queries.count
    response = client.get(
        "/meldingen/teller",
        headers={
            "HX-Request": "true",
            "X-Dialoog-Poll": "1",
            "HX-Current-URL": "http://testdorp.test/meldingen",
        },
    )
    statements = queries.statements[before:]
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<span id="notification-bell"')
    assert "<html" not in response.text
    assert ", 1 ongelezen" in response.text
    assert 'aria-current="page"' in response.text  # the page it sits on is the list
    assert sum("count(" in s.lower() for s in statements) == 1
    db.expire_all()
    with organization_scope(db, organization.id):
        assert db.scalars(select(UserSession)).one().expires_at == expires


def test_the_list_shows_newest_first_with_unread_ones_marked(
    client: TestClient, db: Session, organization: Organization
) -> None:
    user = _signed_in(client, db, organization)
    assert "U hebt nog geen meldingen" in client.get("/meldingen").text

    make_notification(
        db, organization, user, params={"title": "Oude vergadering"}, minutes_ago=60, read=True
    )
    make_notification(
        db,
        organization,
        user,
        kind=NotificationKind.APPLICATION_DECIDED,
        params={"group": "Werkgroep Sport", "accepted": True},
    )
    html = client.get("/meldingen").text
    newest = html.index("U bent aangenomen in Werkgroep Sport.")
    oldest = html.index("Het verslag van Oude vergadering is klaar.")
    assert newest < oldest
    assert html.count("Ongelezen") == 1
    assert html.index("Ongelezen") < newest
    assert "<time" in html
    assert 'href="/meldingen/instellingen"' in html


def test_opening_one_marks_it_read_and_goes_to_its_link(
    client: TestClient, db: Session, organization: Organization
) -> None:
    user = _signed_in(client, db, organization)
    first = make_notification(db, organization, user, link="/processen/dialoog#groepen")
    make_notification(db, organization, user)
    # A stored link is checked again: never a redirect to another site.
    evil = make_notification(db, organization, user, link="https://evil.example/x")

    response = client.get(f"/meldingen/{first.id}", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/processen/dialoog#groepen"
    assert _unread(db, organization, user) == 2
    elsewhere = client.get(f"/meldingen/{evil.id}", follow_redirects=False)
    assert elsewhere.headers["location"] == "/x"


def test_another_persons_notification_is_not_found(
    client: TestClient, db: Session, organization: Organization
) -> None:
    _signed_in(client, db, organization)
    other = make_user(db, organization, email="ander@example.org")
    theirs = make_notification(db, organization, other)
    assert client.get(f"/meldingen/{theirs.id}", follow_redirects=False).status_code == 404
    assert _unread(db, organization, other) == 1


def test_mark_all_as_read(client: TestClient, db: Session, organization: Organization) -> None:
    user = _signed_in(client, db, organization)
    other = make_user(db, organization, email="ander@example.org")
    make_notification(db, organization, user)
    make_notification(db, organization, user)
    make_notification(db, organization, other)
    assert "Alles als gelezen markeren" in client.get("/meldingen").text

    response = post_form(client, "/meldingen/gelezen", {}, form_page="/meldingen")
    assert response.status_code == 303
    assert response.headers["location"] == "/meldingen"
    assert _unread(db, organization, user) == 0
    assert _unread(db, organization, other) == 1  # only one's own
    html = client.get("/meldingen").text
    assert "Alle meldingen zijn als gelezen gemarkeerd." in html
    assert "Alles als gelezen markeren" not in html
    assert "notification-badge" not in html


def test_preferences_are_saved(client: TestClient, db: Session, organization: Organization) -> None:
    user = _signed_in(client, db, organization)
    page = client.get("/meldingen/instellingen").text
    assert page.count(" checked") == 2 * len(NotificationKind)
    assert "Verander dit op uw profiel" not in page

    ticked = {f"{kind.value}.in_app": "on" for kind in NotificationKind}
    ticked |= {f"{kind.value}.by_mail": "on" for kind in NotificationKind}
    del ticked["meeting_reminder.by_mail"]
    del ticked["minutes_shared.in_app"]
    response = post_form(
        client, "/meldingen/instellingen", ticked, form_page="/meldingen/instellingen"
    )
    assert response.status_code == 303
    db.expire_all()
    with organization_scope(db, organization.id):
        saved = queries.preferences(db, user.id)
    assert saved[NotificationKind.MEETING_REMINDER] == (True, False)
    assert saved[NotificationKind.MINUTES_SHARED] == (False, True)
    assert saved[NotificationKind.MEETING_INVITATION] == (True, True)
    page = client.get("/meldingen/instellingen").text
    assert "Uw wijzigingen zijn opgeslagen." in page
    assert page.count(" checked") == 2 * len(NotificationKind) - 2


def test_the_settings_page_says_when_mail_is_off_on_the_profile(
    client: TestClient, db: Session, organization: Organization
) -> None:
    user = _signed_in(client, db, organization)
    assert 'href="/meldingen/instellingen"' in client.get("/profiel").text
    with organization_scope(db, organization.id):
        user.notify_by_mail = False
    page = client.get("/meldingen/instellingen").text
    assert 'href="/profiel"' in page
    assert "Verander dit op uw profiel" in page


def test_the_list_takes_the_same_queries_however_many_notifications(
    client: TestClient, db: Session, organization: Organization, queries: QueryCounter
) -> None:
    user = _signed_in(client, db, organization)
    make_notification(db, organization, user)
    client.get("/meldingen")  # warm up: the first request may load more
    before = queries.count
    client.get("/meldingen")
    one = queries.count - before
    for minutes in range(1, 30):
        make_notification(db, organization, user, minutes_ago=minutes, read=minutes % 2 == 0)
    before = queries.count
    html = client.get("/meldingen").text
    assert queries.count - before == one
    assert html.count('href="/meldingen/') >= 30
