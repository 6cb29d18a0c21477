"""Outside the editor: the board decides per theme, the council gives input in its
workshop and the chef answers, and the public reads decided green papers (also as PDF)."""

from __future__ import annotations

import re
import time
import zlib

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import organization_scope
from app.green_papers import pdf, queries, service
from app.models import AuditEntry, GreenPaper, Group, Notification, WorkshopInput
from app.phases.kinds import PhaseKind
from app.web.templating import STATIC_DIR
from tests.conftest import QueryCounter
from tests.green_papers.conftest import Dialogue
from tests.mailbox import Mailbox
from tests.web.helpers import post_form, sign_in

LIST = "/processen/dialoog/groenboeken"
PAPER = f"{LIST}/onderwijs"

ZEIST_TEXT = (
    "De gemeente moet structureel bezuinigen op onderwijshuisvesting en leerlingenvervoer. "
    "We kijken naar wat wettelijk moet, wat de gemeente zelf kiest en wat anders kan. "
)


def _zeist_size() -> list[str]:
    """Zeist's groenboeken: four sections of about 600 words, in paragraphs and a list."""
    words = (ZEIST_TEXT * 30).split()[:600]
    paragraphs = [" ".join(words[i : i + 120]) for i in range(0, 600, 120)]
    return ["\n\n".join([*paragraphs[:3], "- een punt\n- nog een punt", *paragraphs[3:]])] * 4


def _pdf_text(body: bytes) -> bytes:
    """What WeasyPrint compressed: the outline (bookmarks) holds every heading as text."""
    streams = re.findall(rb"stream\r?\n(.*?)\r?\nendstream", body, re.S)
    parts = []
    for stream in streams:
        try:
            parts.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return b"".join(parts)


def _decide(app: FastAPI, db: Session, d: Dialogue, *, go_on: bool, reason: str) -> None:
    with organization_scope(db, d.organization.id):
        service.decide(
            db, app.state.jinja, d.board_actor(), d.process, d.process.phases, d.paper, d.group,
            go_on=go_on, reason=reason, base_url="http://testdorp.test",
        )  # fmt: skip


def _status(db: Session, d: Dialogue) -> str:
    with organization_scope(db, d.organization.id):
        db.refresh(d.paper)
        return d.paper.status


# --- the board decides ---------------------------------------------------------------------


def test_the_board_decides_and_the_group_hears_of_it(
    client: TestClient, db: Session, dialogue: Dialogue, mailbox: Mailbox
) -> None:
    dialogue.write(db, ["Het onderwijs kost **veel** geld."])
    dialogue.submit(db)
    sign_in(client, "bert@example.org")
    listing = client.get(LIST).text
    assert "1 groenboek wacht op uw besluit." in listing
    assert f'href="{PAPER}"' in listing
    page = client.get(PAPER)
    assert page.status_code == 200
    assert "<strong>veel</strong>" in page.text  # Markdown, rendered
    assert f'action="{PAPER}/besluit"' in page.text

    reason = "Er is te weinig ruimte in de wettelijke taken."
    response = post_form(
        client, f"{PAPER}/besluit", {"decision": "stop", "reason": reason}, form_page=PAPER
    )
    assert response.status_code == 303, response.text[:2000]
    assert _status(db, dialogue) == "stopped"
    with organization_scope(db, dialogue.organization.id):
        entry = db.scalars(
            select(AuditEntry).where(AuditEntry.action == "green_paper.stopped")
        ).one()
        bell = db.scalars(
            select(Notification.kind).where(Notification.user_id == dialogue.expert.id)
        ).all()
    assert (entry.actor_id, entry.reason, entry.object_id) == (
        dialogue.board.id, reason, str(dialogue.paper.id)
    )  # fmt: skip
    assert bell == ["green_paper_decided"]
    for address in ("ruud@example.org", "annelies@example.org"):
        mail = mailbox.last_to(address)
        assert mail["Subject"] == "Het thema Onderwijs is gestopt"
        assert reason in Mailbox.body(mail)
        assert PAPER in Mailbox.body(mail)
    assert mailbox.to("carla@example.org") == []

    after = client.get(PAPER).text
    assert "Het college heeft dit thema gestopt" in after
    assert reason in after
    assert f'action="{PAPER}/besluit"' not in after  # decided once


def test_a_decision_needs_a_choice_and_a_reason_and_keeps_what_was_typed(
    client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    dialogue.submit(db)
    sign_in(client, "bert@example.org")
    response = post_form(client, f"{PAPER}/besluit", {"decision": "continue"}, form_page=PAPER)
    assert response.status_code == 400
    assert "Vul dit veld in: Reden." in response.text
    assert 'value="continue" checked' in response.text
    response = post_form(client, f"{PAPER}/besluit", {"reason": "Omdat het kan."}, form_page=PAPER)
    assert response.status_code == 400
    assert "Kies: het thema gaat door, of het stopt." in response.text
    assert "Omdat het kan." in response.text
    assert _status(db, dialogue) == "submitted"


def test_the_board_is_refused_outside_its_phase_with_the_phase_named(
    client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    with organization_scope(db, dialogue.organization.id):
        service.submit(db, dialogue.chef_actor(), dialogue.process, dialogue.process.phases,
                       dialogue.paper)  # fmt: skip
    # Still in the green-paper phase: the board may read, not yet decide.
    sign_in(client, "bert@example.org")
    page = client.get(PAPER).text
    assert "Toetsing door het college" in page  # says when deciding is possible
    assert f'action="{PAPER}/besluit"' not in page
    response = post_form(
        client, f"{PAPER}/besluit", {"decision": "continue", "reason": "Goed stuk."},
        form_page=PAPER,
    )  # fmt: skip
    assert response.status_code == 409
    assert "Besluiten over groenboeken kan in de fase: Toetsing door het college" in response.text
    assert "Goed stuk." in response.text
    assert _status(db, dialogue) == "submitted"


def test_only_the_board_decides(client: TestClient, db: Session, dialogue: Dialogue) -> None:
    dialogue.submit(db)
    data = {"decision": "continue", "reason": "Ik vind het goed."}
    response = client.post(f"{PAPER}/besluit", data=data, follow_redirects=False)
    assert response.status_code in (303, 403)  # anonymous: no CSRF cookie, or sign in
    for email in ("ruud@example.org", "carla@example.org"):
        sign_in(client, email)
        response = post_form(client, f"{PAPER}/besluit", data, form_page="/")
        assert response.status_code == 403
        assert f'action="{PAPER}/besluit"' not in client.get(PAPER).text
        client.cookies.clear()
    assert _status(db, dialogue) == "submitted"


# --- reading --------------------------------------------------------------------------------


def test_the_public_reads_a_decided_paper_but_not_a_draft(
    app: FastAPI, client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    dialogue.write(db, ["Een zin over scholen.", "Het probleem in het kort."])
    response = client.get(PAPER, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/aanmelden?volgende=")
    assert client.get(f"{LIST}/sport").status_code == 404  # not started
    listing = client.get(LIST).text
    assert "Wordt geschreven" in listing
    assert f'href="{PAPER}"' not in listing

    sign_in(client, "carla@example.org")
    assert client.get(PAPER).status_code == 403  # a councillor, before the board decided
    client.cookies.clear()

    dialogue.submit(db)
    _decide(app, db, dialogue, go_on=True, reason="Het groenboek geeft genoeg richting.")
    page = client.get(PAPER)
    assert page.status_code == 200
    text = page.text
    assert "Het college laat dit thema doorgaan" in text
    assert "Het groenboek geeft genoeg richting." in text
    assert text.index("Een zin over scholen.") < text.index("Het probleem in het kort.")
    assert 'href="/static/css/print.css?v=' in text
    assert 'media="print"' in text
    assert f'href="{PAPER}.pdf"' in text
    assert f'href="{PAPER}"' in client.get(LIST).text
    assert 'href="/processen/dialoog/groenboeken"' in client.get("/processen/dialoog").text


def test_a_stopped_theme_says_why_on_the_theme_page(
    app: FastAPI, client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    theme_page = "/processen/dialoog/themas/onderwijs"
    assert "groenboeken/onderwijs" not in client.get(theme_page).text  # not yet decided
    dialogue.submit(db)
    _decide(app, db, dialogue, go_on=False, reason="De scholen zijn wettelijke taak.")
    text = client.get(theme_page).text
    assert "Het college heeft dit thema gestopt." in text
    assert "De scholen zijn wettelijke taak." in text
    assert f'href="{PAPER}"' in text
    assert "groenboeken/onderwijs" not in client.get("/processen/dialoog/themas/sport").text


# --- the council workshop ---------------------------------------------------------------------


def _in_workshop(app: FastAPI, db: Session, d: Dialogue) -> None:
    d.submit(db)
    _decide(app, db, d, go_on=True, reason="Ga door.")
    d.to_phase(db, PhaseKind.COUNCIL_WORKSHOP)


def test_a_councillor_gives_input_and_the_chef_answers(
    app: FastAPI, client: TestClient, db: Session, dialogue: Dialogue, mailbox: Mailbox
) -> None:
    _in_workshop(app, db, dialogue)
    sign_in(client, "carla@example.org")
    page = client.get(PAPER).text
    assert 'id="workshop"' in page
    assert f'action="{PAPER}/inbreng"' in page
    response = post_form(
        client, f"{PAPER}/inbreng", {"input": "Kijk ook naar het leerlingenvervoer."},
        form_page=PAPER,
    )  # fmt: skip
    assert response.status_code == 303, response.text[:2000]
    mail = mailbox.last_to("ruud@example.org")
    assert mail["Subject"] == "Inbreng van de raad op het groenboek van Onderwijs"
    assert "Carla" in Mailbox.body(mail)
    assert f"{PAPER}#workshop" in Mailbox.body(mail)
    # The chef answers, so the chef hears of it; the experts do not.
    assert all("Inbreng" not in m["Subject"] for m in mailbox.to("annelies@example.org"))

    with organization_scope(db, dialogue.organization.id):
        given = db.scalars(select(WorkshopInput)).one()
    client.cookies.clear()
    sign_in(client, "ruud@example.org")
    page = client.get(PAPER).text
    assert "Kijk ook naar het leerlingenvervoer." in page
    answer_url = f"{PAPER}/inbreng/{given.id}/antwoord"
    assert f'action="{answer_url}"' in page
    assert f'action="{PAPER}/inbreng"' not in page  # the chef is no councillor
    response = post_form(client, answer_url, {f"answer-{given.id}": ""}, form_page=PAPER)
    assert response.status_code == 400
    response = post_form(
        client, answer_url, {f"answer-{given.id}": "Dat nemen we mee in het witboek."},
        form_page=PAPER,
    )  # fmt: skip
    assert response.status_code == 303
    assert "Dat nemen we mee in het witboek." in client.get(PAPER).text
    with organization_scope(db, dialogue.organization.id):
        actions = db.scalars(
            select(AuditEntry.action).where(AuditEntry.action.like("green_paper.workshop%"))
        ).all()
    assert sorted(actions) == ["green_paper.workshop_answer", "green_paper.workshop_input"]

    client.cookies.clear()
    sign_in(client, "annelies@example.org")  # an expert may not answer for the chef
    response = post_form(client, answer_url, {f"answer-{given.id}": "Ik ook."}, form_page=PAPER)
    assert response.status_code == 403


def test_an_answer_only_goes_to_an_input_on_this_paper(
    app: FastAPI, client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    with organization_scope(db, dialogue.organization.id):
        sport = db.scalars(select(Group).where(Group.slug == "sport")).one()
        other = service.start(
            db, dialogue.chef_actor(), dialogue.process, dialogue.process.phases, sport, "nl"
        )
        service.submit(db, dialogue.chef_actor(), dialogue.process, dialogue.process.phases,
                       other)  # fmt: skip
    _in_workshop(app, db, dialogue)

    councillor = dialogue.councillor_actor()
    with organization_scope(db, dialogue.organization.id):
        dialogue.to_phase(db, PhaseKind.BOARD_REVIEW)
        service.decide(
            db, app.state.jinja, dialogue.board_actor(), dialogue.process,
            dialogue.process.phases, other, sport, go_on=True, reason="Ook door.",
            base_url="http://testdorp.test",
        )  # fmt: skip
        dialogue.to_phase(db, PhaseKind.COUNCIL_WORKSHOP)
        elsewhere = service.give_input(
            db, app.state.jinja, councillor, dialogue.process, dialogue.process.phases,
            other, sport, "Over sport.", "http://testdorp.test",
        )  # fmt: skip
    sign_in(client, "ruud@example.org")
    for input_id in (elsewhere.id, 999_999):
        response = post_form(
            client, f"{PAPER}/inbreng/{input_id}/antwoord", {f"answer-{input_id}": "Nee."},
            form_page=PAPER,
        )  # fmt: skip
        assert response.status_code == 404


def test_input_outside_the_workshop_is_refused_with_the_phase_named(
    app: FastAPI, client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    dialogue.submit(db)
    _decide(app, db, dialogue, go_on=True, reason="Ga door.")  # still the board's review
    sign_in(client, "carla@example.org")
    page = client.get(PAPER).text
    assert "Inbreng geven in het werkcollege kan in de fase: Werkcollege" in page
    assert f'action="{PAPER}/inbreng"' not in page
    response = post_form(
        client, f"{PAPER}/inbreng", {"input": "Een vraag over de scholen."}, form_page=PAPER
    )
    assert response.status_code == 409
    assert "Inbreng geven in het werkcollege kan in de fase: Werkcollege" in response.text
    assert "Een vraag over de scholen." in response.text  # kept, to try again later
    with organization_scope(db, dialogue.organization.id):
        assert db.scalars(select(WorkshopInput)).all() == []


def test_a_stopped_theme_takes_no_input(
    app: FastAPI, client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    dialogue.submit(db)
    _decide(app, db, dialogue, go_on=False, reason="Stop.")
    dialogue.to_phase(db, PhaseKind.COUNCIL_WORKSHOP)
    sign_in(client, "carla@example.org")
    assert 'id="workshop"' not in client.get(PAPER).text
    response = post_form(client, f"{PAPER}/inbreng", {"input": "Toch?"}, form_page=PAPER)
    assert response.status_code == 403


def test_the_exchange_is_public_only_once_the_workshop_is_over(
    app: FastAPI, client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    _in_workshop(app, db, dialogue)
    councillor = "Carla vraagt naar de schoolgebouwen."
    sign_in(client, "carla@example.org")
    post_form(client, f"{PAPER}/inbreng", {"input": councillor}, form_page=PAPER)
    client.cookies.clear()

    public = client.get(PAPER).text
    assert 'id="workshop"' in public
    assert councillor not in public
    assert "zodra het werkcollege voorbij is" in public
    for email in ("annelies@example.org", "beheer@example.org"):
        sign_in(client, email)
        assert councillor in client.get(PAPER).text
        client.cookies.clear()

    dialogue.to_phase(db, PhaseKind.WHITE_PAPER)
    public = client.get(PAPER).text
    assert councillor in public
    assert "Carla" in public


# --- print and PDF ------------------------------------------------------------------------


def test_the_pdf_of_a_decided_paper(
    app: FastAPI, client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    dialogue.write(db, _zeist_size())
    assert client.get(f"{PAPER}.pdf").status_code == 404  # a draft is not published
    dialogue.submit(db)
    sign_in(client, "bert@example.org")
    assert client.get(f"{PAPER}.pdf").status_code == 404  # nor is a submitted one
    client.cookies.clear()
    _decide(app, db, dialogue, go_on=True, reason="Een helder groenboek.")

    started = time.perf_counter()
    response = client.get(f"{PAPER}.pdf")
    took = time.perf_counter() - started
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert response.content.rstrip().endswith(b"%%EOF")
    disposition = response.headers["content-disposition"]
    assert 'filename="groenboek-onderwijs.pdf"' in disposition
    assert "filename*=UTF-8''Groenboek%20Onderwijs%20-%20Gemeente%20Testdorp.pdf" in disposition
    assert response.headers["cache-control"] == "public, no-cache"
    assert took < 10  # a few pages in the request: well under a second here

    tag = response.headers["etag"]
    again = client.get(f"{PAPER}.pdf", headers={"If-None-Match": tag})
    assert again.status_code == 304
    assert again.content == b""
    client.cookies.set("dialoog_lang", "en")
    assert client.get(f"{PAPER}.pdf").headers["etag"] != tag  # another language, another file


def test_the_pdf_holds_the_cover_the_decision_and_the_sections(
    app: FastAPI, client: TestClient, db: Session, dialogue: Dialogue
) -> None:
    dialogue.write(db, ["Over scholen."])
    dialogue.submit(db)
    _decide(app, db, dialogue, go_on=False, reason="Wettelijke taak.")
    with organization_scope(db, dialogue.organization.id):
        titles = [s.title for s in queries.sections_of(db, dialogue.paper)]
    text = _pdf_text(client.get(f"{PAPER}.pdf").content)
    assert b"(Groenboek: Onderwijs)" in text
    assert b"(Het college heeft dit thema gestopt)" in text
    for title in titles:
        assert f"({title})".encode() in text, title


def test_the_pdf_fetches_nothing_but_static_files() -> None:
    fetcher = pdf.StaticOnlyFetcher()
    static = STATIC_DIR.resolve().as_uri()
    for refused in (
        "http://example.org/image.png",
        "https://127.0.0.1/secret",
        "file:///etc/passwd",
        f"{static}/../pyproject.toml",
        f"{static}/css/missing.css",
    ):
        with pytest.raises(ValueError, match="refused"):
            fetcher.fetch(refused)
    served = fetcher.fetch(f"{static}/{pdf.STYLESHEET}")
    try:
        assert served.content_type == "text/css"
        assert b"@page" in served.read()
    finally:
        served.close()
    # An image from elsewhere in the HTML is left out, and the PDF is still made.
    body = pdf.render_pdf('<p>Tekst <img src="http://example.org/x.png" alt="x"></p>')
    assert body.startswith(b"%PDF-")


# --- query budget ---------------------------------------------------------------------------


def test_the_paper_page_does_not_query_more_with_more_sections_and_input(
    app: FastAPI, client: TestClient, db: Session, dialogue: Dialogue, queries: QueryCounter
) -> None:

    with organization_scope(db, dialogue.organization.id):
        sport = db.scalars(select(Group).where(Group.slug == "sport")).one()
        bigger = service.start(
            db, dialogue.chef_actor(), dialogue.process, dialogue.process.phases, sport, "nl"
        )
        for n in range(8):
            service.add_section(
                db, dialogue.chef_actor(), dialogue.process, dialogue.process.phases, bigger,
                f"Extra {n}",
            )  # fmt: skip
        service.submit(db, dialogue.chef_actor(), dialogue.process, dialogue.process.phases,
                       bigger)  # fmt: skip
    _in_workshop(app, db, dialogue)
    councillor = dialogue.councillor_actor()
    with organization_scope(db, dialogue.organization.id):
        dialogue.to_phase(db, PhaseKind.BOARD_REVIEW)
        service.decide(
            db, app.state.jinja, dialogue.board_actor(), dialogue.process,
            dialogue.process.phases, bigger, sport, go_on=True, reason="Door.",
            base_url="http://testdorp.test",
        )  # fmt: skip
        dialogue.to_phase(db, PhaseKind.COUNCIL_WORKSHOP)
        for paper, group, count in ((dialogue.paper, dialogue.group, 1), (bigger, sport, 5)):
            for n in range(count):
                given = service.give_input(
                    db, app.state.jinja, councillor, dialogue.process, dialogue.process.phases,
                    paper, group, f"Inbreng {n}", "http://testdorp.test",
                )  # fmt: skip
                service.answer_input(
                    db, dialogue.chef_actor(), dialogue.process, dialogue.process.phases,
                    given, f"Antwoord {n}",
                )  # fmt: skip
        dialogue.to_phase(db, PhaseKind.WHITE_PAPER)
        assert db.scalar(select(GreenPaper.status).where(GreenPaper.id == bigger.id)) == (
            "continued"
        )

    client.get(PAPER)  # warm up: the first request loads what every page loads once
    counts = []
    for url in (PAPER, f"{LIST}/sport"):
        queries.statements.clear()
        response = client.get(url)
        assert response.status_code == 200
        assert "Antwoord 0" in response.text
        counts.append(queries.count)
    assert counts[0] == counts[1], counts
