"""The meeting pages: planning through the form, who may do what, registering with and
without htmx, the calendar file, minutes, and a query budget."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import organization_scope
from app.meetings import service
from app.meetings.notifier import Notifier
from app.models import Meeting, MeetingRegistration
from tests.conftest import QueryCounter
from tests.mailbox import Mailbox
from tests.meetings.conftest import Dialogue, actor, plan
from tests.web.helpers import csrf_token, post_form, sign_in

BASE = "/processen/dialoog/bijeenkomsten"

FORM = {
    "title": "Eerste avond Onderwijs",
    "phase": "green_paper",
    "starts_at": "2030-01-25T19:30",
    "ends_at": "2030-01-25T22:00",
    "place": "Raadhuis, Het Rond 1, Zeist",
    "agenda": "- Welkom\n- De **begroting**\n\n<script>alert(1)</script>",
    "capacity": "20",
}


def _meeting(db: Session, dialogue: Dialogue) -> Meeting:
    with organization_scope(db, dialogue.organization.id):
        db.expire_all()
        meeting = db.scalar(select(Meeting).order_by(Meeting.id.desc()))
    assert meeting is not None
    return meeting


def test_the_chef_plans_a_meeting_in_local_time_and_the_members_get_mail(
    client: TestClient, db: Session, dialogue: Dialogue, mailbox: Mailbox
) -> None:
    sign_in(client, "chef@testdorp.nl")
    new = f"{BASE}/nieuw?groep=onderwijs"
    response = post_form(client, new, FORM, form_page=new)
    assert response.status_code == 303, response.text[:2000]
    meeting = _meeting(db, dialogue)
    assert response.headers["location"] == f"{BASE}/{meeting.id}"
    # Typed in Amsterdam winter time (UTC+1), stored in UTC.
    assert meeting.starts_at == datetime(2030, 1, 25, 18, 30, tzinfo=UTC)
    assert meeting.group_id == dialogue.onderwijs.id
    page = client.get(f"{BASE}/{meeting.id}").text
    assert "vrijdag 25 januari 2030, 19:30–22:00" in page
    assert "<strong>begroting</strong>" in page
    assert "<script>alert" not in page  # the agenda's Markdown is sanitised
    # The invitation went through the SMTP server, after the commit, in Dutch.
    invitation = mailbox.last_to("expert1@testdorp.nl")
    assert invitation["Subject"] == "Uitnodiging: Eerste avond Onderwijs"
    body = Mailbox.body(invitation)
    assert f"http://testdorp.test{BASE}/{meeting.id}" in body
    assert "19:30" in body
    assert mailbox.to("sporter@testdorp.nl") == []


def test_bad_input_gets_messages_and_keeps_what_was_typed(
    client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    sign_in(client, "chef@testdorp.nl")
    new = f"{BASE}/nieuw?groep=onderwijs"
    response = post_form(
        client,
        new,
        FORM | {"title": "", "ends_at": "2030-01-25T18:00", "capacity": "nul"},
        form_page=new,
    )
    assert response.status_code == 400
    page = response.text
    assert "Vul dit veld in: Titel." in page
    assert "Het einde moet na het begin liggen." in page
    assert "Aantal plaatsen: vul een heel getal in" in page
    assert 'value="Raadhuis, Het Rond 1, Zeist"' in page
    assert 'value="nul"' in page
    assert "- Welkom" in page
    assert 'id="error-summary"' in page


def test_only_the_groups_own_chef_or_the_admin_manages_its_meetings(
    client: TestClient, db: Session, dialogue: Dialogue, notifier: Notifier
) -> None:
    meeting = plan(db, dialogue, notifier)
    sign_in(client, "sportchef@testdorp.nl")
    assert client.get(f"{BASE}/nieuw?groep=onderwijs").status_code == 403
    assert client.get(f"{BASE}/nieuw").status_code == 403  # the whole process: admin only
    assert client.get(f"{BASE}/{meeting.id}/bewerken").status_code == 403
    token = csrf_token(client, f"{BASE}/{meeting.id}")
    for action in ("bewerken", "afgelasten", "verslag", "aanwezigheid"):
        refused = client.post(
            f"{BASE}/{meeting.id}/{action}", data={"csrf_token": token, "minutes": "x"}
        )
        assert refused.status_code == 403, action
    assert client.get(f"{BASE}/nieuw?groep=sport").status_code == 200
    client.post("/afmelden", data={"csrf_token": token})
    sign_in(client, "beheer@testdorp.nl")
    assert client.get(f"{BASE}/nieuw").status_code == 200
    assert client.get(f"{BASE}/{meeting.id}/bewerken").status_code == 200


def test_only_members_register_and_a_full_meeting_has_a_waiting_list(
    client: TestClient, db: Session, dialogue: Dialogue, notifier: Notifier
) -> None:
    meeting = plan(db, dialogue, notifier, capacity=1)
    kickoff = plan(db, dialogue, notifier, whole_process=True, title="Kick-off")
    path = f"{BASE}/{meeting.id}"
    assert post_form(client, f"{path}/aanmelden", {}, form_page=path).status_code == 303
    assert (
        "/aanmelden?"
        in post_form(client, f"{path}/aanmelden", {}, form_page=path).headers["location"]
    )  # anonymous: to sign in first
    sign_in(client, "sporter@testdorp.nl")
    assert post_form(client, f"{path}/aanmelden", {}, form_page=path).status_code == 403
    # ... but a member of any group comes to the kick-off.
    kick = f"{BASE}/{kickoff.id}"
    assert post_form(client, f"{kick}/aanmelden", {}, form_page=kick).status_code == 303
    with organization_scope(db, dialogue.organization.id):
        service.register(db, actor(db, dialogue.experts[0]), meeting)
        db.flush()
    client.cookies.clear()
    sign_in(client, "expert2@testdorp.nl")
    page = client.get(path).text
    assert "1 van de 1 plaatsen bezet." in page
    assert "Op de wachtlijst" in page
    response = post_form(client, f"{path}/aanmelden", {}, form_page=path)
    assert response.status_code == 303
    page = client.get(path).text
    assert "De bijeenkomst is vol. U staat op de wachtlijst." in page
    assert "U staat op nummer 1 van de wachtlijst." in page


def test_registering_with_htmx_swaps_only_the_registration_part(
    client: TestClient, db: Session, dialogue: Dialogue, notifier: Notifier
) -> None:
    meeting = plan(db, dialogue, notifier)
    path = f"{BASE}/{meeting.id}"
    sign_in(client, "expert3@testdorp.nl")
    token = csrf_token(client, path)
    response = client.post(
        f"{path}/aanmelden", headers={"HX-Request": "true", "X-CSRF-Token": token}
    )
    assert response.status_code == 200
    assert "<html" not in response.text
    assert "U hebt een plaats." in response.text
    assert "Afmelden voor deze bijeenkomst" in response.text
    response = client.post(
        f"{path}/afmelden", headers={"HX-Request": "true", "X-CSRF-Token": token}
    )
    assert "Aanmelden voor deze bijeenkomst" in response.text
    with organization_scope(db, dialogue.organization.id):
        assert db.scalar(select(MeetingRegistration.id)) is None


def test_the_calendar_file_follows_the_meeting(
    client: TestClient, db: Session, dialogue: Dialogue, notifier: Notifier
) -> None:
    meeting = plan(db, dialogue, notifier, title="Avond; met komma, en zo")
    response = client.get(f"{BASE}/{meeting.id}/agenda.ics")
    assert response.headers["content-type"].startswith("text/calendar")
    ics = response.text.replace("\r\n ", "")  # unfold long lines
    start = meeting.starts_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    assert f"UID:meeting-{meeting.id}@testdorp.dialoog" in ics
    assert f"DTSTART:{start}" in ics
    assert "SEQUENCE:0" in ics
    assert "SUMMARY:Avond\\; met komma\\, en zo" in ics
    assert "LOCATION:Raadhuis\\, Zeist" in ics
    assert "DESCRIPTION:- Welkom\\n- Begroting" in ics
    assert f"URL:http://testdorp.test{BASE}/{meeting.id}" in ics
    assert "STATUS:CONFIRMED" in ics
    with organization_scope(db, dialogue.organization.id):
        service.cancel_meeting(db, "chef", dialogue.process, meeting, notifier)
        db.flush()
    ics = client.get(f"{BASE}/{meeting.id}/agenda.ics").text
    assert "STATUS:CANCELLED" in ics
    assert "SEQUENCE:1" in ics
    assert f"UID:meeting-{meeting.id}@testdorp.dialoog" in ics


def test_minutes_are_for_the_members_until_they_are_published(
    client: TestClient, db: Session, dialogue: Dialogue, notifier: Notifier
) -> None:
    meeting = plan(db, dialogue, notifier)
    path = f"{BASE}/{meeting.id}"
    sign_in(client, "chef@testdorp.nl")
    saved = post_form(
        client, f"{path}/verslag", {"minutes": "Wij kozen **drie** punten."}, form_page=path
    )
    assert saved.status_code == 303
    assert "<strong>drie</strong>" in client.get(path).text
    refused = post_form(
        client, f"{path}/verslag", {"minutes": "", "minutes_public": "on"}, form_page=path
    )
    assert refused.status_code == 400
    assert "Schrijf eerst het verslag" in refused.text
    client.cookies.clear()
    sign_in(client, "expert1@testdorp.nl")
    assert "<strong>drie</strong>" in client.get(path).text
    client.cookies.clear()
    assert "drie" not in client.get(path).text  # the public
    assert "drie" not in client.get(BASE).text
    with organization_scope(db, dialogue.organization.id):
        db.refresh(meeting)  # the request changed it through its own session
        service.save_minutes(db, "chef", dialogue.process, meeting, meeting.minutes, True, notifier)
        db.flush()
    assert "<strong>drie</strong>" in client.get(path).text


def test_the_list_shows_what_is_coming_and_what_was(
    client: TestClient, db: Session, dialogue: Dialogue, notifier: Notifier
) -> None:
    plan(db, dialogue, notifier, title="Volgende week")
    plan(db, dialogue, notifier, title="Vorige week", starts_in=timedelta(days=-7))
    plan(db, dialogue, notifier, whole_process=True, title="Kick-off")
    page = client.get(BASE).text
    assert page.index("Binnenkort") < page.index("Volgende week") < page.index("Eerdere")
    assert page.index("Eerdere") < page.index("Vorige week")
    assert "het hele proces" in page
    assert "Bijeenkomst plannen" not in page  # nobody signed in


def test_the_detail_page_takes_the_same_queries_however_many_registered(
    client: TestClient,
    db: Session,
    dialogue: Dialogue,
    notifier: Notifier,
    queries: QueryCounter,
) -> None:
    meeting = plan(db, dialogue, notifier, capacity=2)
    with organization_scope(db, dialogue.organization.id):
        service.register(db, actor(db, dialogue.experts[0]), meeting)
        db.flush()
    sign_in(client, "chef@testdorp.nl")
    path = f"{BASE}/{meeting.id}"
    client.get(path)
    before = queries.count
    assert "Expert 1" in client.get(path).text
    one = queries.count - before
    with organization_scope(db, dialogue.organization.id):
        for user in dialogue.experts[1:]:
            service.register(db, actor(db, user), meeting)
        db.flush()
    before = queries.count
    page = client.get(path).text
    assert "Expert 4" in page
    assert "wachtlijst, nummer 2" in page
    assert queries.count - before == one


def test_the_chef_changes_cancels_and_takes_attendance_through_the_pages(
    client: TestClient, db: Session, dialogue: Dialogue, notifier: Notifier
) -> None:
    meeting = plan(db, dialogue, notifier)
    with organization_scope(db, dialogue.organization.id):
        first = service.register(db, actor(db, dialogue.experts[0]), meeting)
        second = service.register(db, actor(db, dialogue.experts[1]), meeting)
        db.flush()
    path = f"{BASE}/{meeting.id}"
    sign_in(client, "chef@testdorp.nl")
    edit = client.get(f"{path}/bewerken").text
    assert 'value="Raadhuis, Zeist"' in edit
    changed = post_form(
        client,
        f"{path}/bewerken",
        FORM | {"place": "Bibliotheek, Zeist"},
        form_page=f"{path}/bewerken",
    )
    assert changed.status_code == 303
    # Attendance before the start is refused with a message, keeping the ticks.
    early = post_form(client, f"{path}/aanwezigheid", {"present": str(first.id)}, form_page=path)
    assert early.status_code == 409
    assert "als de bijeenkomst begonnen is" in early.text
    assert f'value="{first.id}" aria-label="Expert 1 was aanwezig" checked' in early.text
    with organization_scope(db, dialogue.organization.id):
        db.refresh(meeting)
        assert meeting.place == "Bibliotheek, Zeist"
        assert meeting.sequence == 1
        meeting.starts_at = datetime.now(UTC) - timedelta(minutes=5)  # the evening has come
        db.flush()
    taken = post_form(client, f"{path}/aanwezigheid", {"present": str(first.id)}, form_page=path)
    assert taken.status_code == 303
    with organization_scope(db, dialogue.organization.id):
        db.refresh(first)
        db.refresh(second)
    assert (first.attended, second.attended) == (True, False)
    cancelled = post_form(client, f"{path}/afgelasten", {"reason": "Zaal dicht"}, form_page=path)
    assert cancelled.status_code == 303
    assert "Deze bijeenkomst is afgelast." in client.get(path).text
