"""The councillors' side of amendments, through the pages: filing each kind, every message
of the form with what was typed kept, co-signing, taking a signature back, withdrawing,
the refusals (by role, by phase, after the final vote), the audit trail, the notification
to the other councillors, the effect on the totals, and the statements a page takes."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.council import service, vote_service
from app.council.service import CONDITION_LIMIT, EXPLANATION_LIMIT, REASON_LIMIT
from app.council.states import AmendmentKind, AmendmentState, VoteMode
from app.db import organization_scope
from app.models import (
    Amendment,
    AmendmentSignature,
    AuditEntry,
    EditionEntry,
    Notification,
    ProductSheet,
    User,
)
from app.notifications.kinds import NotificationKind
from app.phases.kinds import PhaseKind
from app.processes.service import set_current_phase
from tests.conftest import QueryCounter
from tests.council.conftest import BASE_URL, Council, actor, phases_of
from tests.web.helpers import post_form, sign_in

YEARS = range(2012, 2016)
AMENDMENTS = "/processen/dialoog/raad/amendementen"


@pytest.fixture(autouse=True)
def english(client: TestClient) -> None:
    """The messages as their msgids (the Dutch is the lead's to write)."""
    client.cookies.set("dialoog_lang", "en")


def new_path(entry: EditionEntry) -> str:
    return f"{AMENDMENTS}/nieuw?productblad={entry.proposal_id}"


def base_of(entry: EditionEntry) -> dict[int, tuple[int, int]]:
    """The amounts on the entry's product sheet (the conftest copies them from the entry)."""
    raw = entry.validated or entry.claimed
    return {int(year): (int(pair[0]), int(pair[1])) for year, pair in raw.items()}


def dotted(amount: int) -> str:
    return f"{amount:,}".replace(",", ".") if amount else ""


def form_data(
    entry: EditionEntry, kind: str, explanation: str = "Omdat het beter kan.", **overrides: str
) -> dict[str, str]:
    """The form as the page fills it (the sheet's amounts in the change fields), with the
    councillor's choices."""
    data = {"kind": kind, "explanation": explanation, "condition": ""}
    for year, (structural, one_off) in base_of(entry).items():
        data[f"structural-{year}"] = dotted(structural)
        data[f"one_off-{year}"] = dotted(one_off)
    data.update(overrides)
    return data


def file_through_page(client: TestClient, entry: EditionEntry, data: dict[str, str]) -> int:
    response = post_form(client, new_path(entry), data, form_page=new_path(entry))
    return response.status_code


def amendments(db: Session, c: Council) -> list[Amendment]:
    with organization_scope(db, c.book.organization.id):
        db.expire_all()
        return list(db.scalars(select(Amendment).order_by(Amendment.number)))


def audit_actions(db: Session, c: Council, amendment_id: int) -> list[tuple[str, str | None]]:
    with organization_scope(db, c.book.organization.id):
        return [
            (entry.action, entry.reason)
            for entry in db.scalars(
                select(AuditEntry)
                .where(
                    AuditEntry.object_type == "Amendment",
                    AuditEntry.object_id == str(amendment_id),
                )
                .order_by(AuditEntry.id)
            )
        ]


def text_of(html: str) -> str:
    """The page's words with tags and repeated spaces gone (and no-break spaces plain)."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("\xa0", " ").split())


def file_directly(
    db: Session, c: Council, who: User, entry: EditionEntry, data: service.AmendmentInput
) -> Amendment:
    assert c.decision is not None
    with organization_scope(db, c.book.organization.id):
        sheet = db.scalars(
            select(ProductSheet).where(ProductSheet.proposal_id == entry.proposal_id)
        ).one()
        return service.file_amendment(
            db,
            c.jinja,
            actor(who),
            c.process,
            phases_of(db, c),
            c.decision,
            entry,
            sheet,
            data,
            base_url=BASE_URL,
        )


# --- filing -------------------------------------------------------------------------------------


def test_a_councillor_files_a_strike_and_the_others_are_told(
    client: TestClient, db: Session, submitted: Council
) -> None:
    c, entry = submitted, submitted.entries[0]
    sign_in(client, "joost@example.org")
    form = client.get(new_path(entry))
    assert form.status_code == 200
    base = base_of(entry)
    assert f'value="{dotted(base[2013][0])}"' in form.text  # the sheet's amounts, prefilled

    response = post_form(
        client,
        new_path(entry),
        form_data(entry, "strike", "Dit **raakt** de jeugd."),
        form_page=new_path(entry),
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"{AMENDMENTS}/1"
    [filed] = amendments(db, c)
    assert (filed.kind, filed.state, filed.number) == ("strike", "filed", 1)
    assert filed.filer_id == c.joost.id
    assert filed.party == "Groen Links Zeist"
    assert filed.amounts is None
    assert audit_actions(db, c, filed.id) == [("amendment.filed", None)]
    with organization_scope(db, c.book.organization.id):
        told = set(
            db.scalars(
                select(Notification.user_id).where(
                    Notification.kind == NotificationKind.AMENDMENT_FILED.value
                )
            )
        )
    assert told == {c.marieke.id, c.henk.id}

    page = client.get(f"{AMENDMENTS}/1")
    assert page.status_code == 200
    assert "Amendment A1 is filed" in page.text
    assert "<strong>raakt</strong>" in page.text  # the explanation is Markdown
    assert f'href="/processen/dialoog/productbladen/{entry.proposal_id}"' in page.text
    words = text_of(page.text)
    assert "Joost (Groen Links Zeist)" in words
    # The effect: the measure's amounts leave the package, every year.
    for year in YEARS:
        assert f"the savings in {year} go down by € {sum(base[year]):,}." in words


def test_a_change_shows_its_effect_and_the_package_without_and_with_it(
    client: TestClient, db: Session, submitted: Council
) -> None:
    c, entry = submitted, submitted.entries[0]
    base = base_of(entry)
    sign_in(client, "joost@example.org")
    data = form_data(entry, "change", **{"structural-2013": "€ 20.000", "one_off-2015": "-1.000"})
    assert file_through_page(client, entry, data) == 303
    [filed] = amendments(db, c)
    assert filed.kind == "change"
    assert filed.amounts == {
        str(year): [
            20_000 if year == 2013 else base[year][0],
            -1_000 if year == 2015 else base[year][1],
        ]
        for year in YEARS
    }
    assert audit_actions(db, c, filed.id) == [("amendment.filed", None)]

    page = client.get(f"{AMENDMENTS}/1")
    assert page.status_code == 200
    up = 20_000 - sum(base[2013])
    words = text_of(page.text)
    assert f"If carried, the savings in 2013 go up by € {up:,}." in words
    assert "If carried, the savings in 2015 go down by € 1,000." in words
    assert "savings in 2012" not in words  # no change that year
    # The package per year: as put to the council, and with this amendment.
    effect_table = page.text.split('id="effect-caption"')[1].split("</table>")[0]
    row_2013 = effect_table.split('<th scope="row">2013</th>')[1].split("</tr>")[0]
    cells = [text_of(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row_2013)]
    submitted_2013 = sum(sum(base_of(e)[2013]) for e in c.entries)
    assert cells == [f"€ {up:,}", f"€ {submitted_2013:,}", f"€ {submitted_2013 + up:,}"]


def test_a_condition_is_filed_and_moves_no_totals(
    client: TestClient, db: Session, submitted: Council
) -> None:
    c, entry = submitted, submitted.entries[1]
    sign_in(client, "marieke@example.org")
    data = form_data(entry, "condition", condition="Alleen na overleg met de scholen.")
    data["structural-2012"] = "veel"  # not a change: the amounts are not read
    assert file_through_page(client, entry, data) == 303
    [filed] = amendments(db, c)
    assert (filed.kind, filed.condition, filed.amounts) == (
        "condition",
        "Alleen na overleg met de scholen.",
        None,
    )
    assert filed.party == "Lokaal Belang"
    page = client.get(f"{AMENDMENTS}/1")
    assert "Alleen na overleg met de scholen." in page.text
    assert 'id="condition-heading"' in page.text


def test_without_a_measure_the_form_lists_the_measures(
    client: TestClient, submitted: Council
) -> None:
    sign_in(client, "henk@example.org")
    page = client.get(f"{AMENDMENTS}/nieuw")
    assert page.status_code == 200
    for entry in submitted.entries:
        assert f"?productblad={entry.proposal_id}" in page.text
    assert client.get(f"{AMENDMENTS}/nieuw?productblad=999999").status_code == 404
    assert client.get(f"{AMENDMENTS}/nieuw?productblad=drie").status_code == 404


@pytest.mark.parametrize(
    ("overrides", "errors", "kept"),
    [
        pytest.param(
            {"kind": "", "explanation": ""},
            {"kind": "Choose what the amendment does", "explanation": "Explanation"},
            [],
            id="no kind, no explanation",
        ),
        pytest.param(
            {"kind": "abolish", "explanation": "Weg ermee."},
            {"kind": "Choose what the amendment does"},
            ["Weg ermee."],
            id="a kind that does not exist",
        ),
        pytest.param(
            {"kind": "condition", "explanation": "Voorwaarde nodig."},
            {"condition": "Condition"},
            ["Voorwaarde nodig."],
            id="a condition without one",
        ),
        pytest.param(
            {"kind": "condition", "condition": "v" * (CONDITION_LIMIT + 1)},
            {"condition": str(CONDITION_LIMIT)},
            ["v" * (CONDITION_LIMIT + 1)],
            id="a condition too long",
        ),
        pytest.param(
            {"kind": "strike", "explanation": "x" * (EXPLANATION_LIMIT + 1)},
            {"explanation": str(EXPLANATION_LIMIT)},
            ["x" * (EXPLANATION_LIMIT + 1)],
            id="an explanation too long",
        ),
        pytest.param(
            {
                "kind": "change",
                "structural-2013": "veel",
                "one_off-2014": "12,50",
                "explanation": "Andere bedragen.",
            },
            {"structural-2013": "Structural 2013", "one_off-2014": "One-off 2014"},
            ['value="veel"', 'value="12,50"', "Andere bedragen."],
            id="amounts that are no amounts",
        ),
        pytest.param(
            {
                "kind": "change",
                **{f"{part}-{year}": "" for part in ("structural", "one_off") for year in YEARS},
            },
            {"amounts": "Fill in the new amounts per year"},
            [],
            id="a change without amounts",
        ),
        pytest.param(
            {"kind": "change", "explanation": "Zelfde bedragen."},
            {"amounts": "These are the amounts of the product sheet"},
            ["Zelfde bedragen."],
            id="a change that changes nothing",
        ),
    ],
)
def test_every_message_of_the_form_and_what_was_typed_stays(
    client: TestClient,
    db: Session,
    submitted: Council,
    overrides: dict[str, str],
    errors: dict[str, str],
    kept: list[str],
) -> None:
    entry = submitted.entries[0]
    sign_in(client, "joost@example.org")
    data = {**form_data(entry, "strike"), **overrides}
    response = post_form(client, new_path(entry), data, form_page=new_path(entry))
    assert response.status_code == 400
    html = response.text
    assert 'id="error-summary"' in html
    for name, words in errors.items():
        message = html.split(f'id="{name}-error">')[1].split("</div>")[0]
        assert words in message, (name, message)
    assert set(re.findall(r'id="([\w-]+)-error"', html)) == set(errors)
    for value in kept:
        assert value in html
    if overrides.get("kind") in {"strike", "change", "condition"}:
        assert f'value="{overrides["kind"]}" checked' in html
    assert amendments(db, submitted) == []


# --- signing and withdrawing -------------------------------------------------------------------


def test_co_sign_take_the_signature_back_and_withdraw(
    client: TestClient, db: Session, submitted: Council
) -> None:
    c = submitted
    a1 = file_directly(
        db, c, c.joost, c.entries[0], service.AmendmentInput(AmendmentKind.STRIKE, "Niet doen.")
    )
    page = f"{AMENDMENTS}/1"

    sign_in(client, "marieke@example.org")
    assert f'action="{page}/ondertekenen"' in client.get(page).text
    assert f'action="{page}/intrekken"' not in client.get(page).text  # not hers
    assert post_form(client, f"{page}/ondertekenen", {}, form_page=page).status_code == 303
    shown = client.get(page)
    assert "Marieke (Lokaal Belang)" in text_of(shown.text)
    assert f'action="{page}/ondertekening-intrekken"' in shown.text
    again = post_form(client, f"{page}/ondertekenen", {}, form_page=page)
    assert again.status_code == 409
    assert "You have co-signed this amendment already." in again.text

    sign_in(client, "henk@example.org")
    assert post_form(client, f"{page}/ondertekenen", {}, form_page=page).status_code == 303

    sign_in(client, "marieke@example.org")
    back = post_form(client, f"{page}/ondertekening-intrekken", {}, form_page=page)
    assert back.status_code == 303
    twice = post_form(client, f"{page}/ondertekening-intrekken", {}, form_page=page)
    assert twice.status_code == 409
    with organization_scope(db, c.book.organization.id):
        signers = set(db.scalars(select(AmendmentSignature.user_id)))
    assert signers == {c.henk.id}

    sign_in(client, "joost@example.org")
    mine = client.get(page).text
    assert f'action="{page}/intrekken"' in mine
    assert f'action="{page}/ondertekenen"' not in mine  # one's own is signed already
    too_long = post_form(
        client, f"{page}/intrekken", {"reden": "r" * (REASON_LIMIT + 1)}, form_page=page
    )
    assert too_long.status_code == 400
    assert 'id="reden-error"' in too_long.text
    assert "r" * (REASON_LIMIT + 1) in too_long.text
    done = post_form(client, f"{page}/intrekken", {"reden": "Overbodig geworden."}, form_page=page)
    assert done.status_code == 303
    [filed] = amendments(db, c)
    assert filed.state == AmendmentState.WITHDRAWN
    assert filed.withdrawn_at is not None
    assert audit_actions(db, c, a1.id) == [
        ("amendment.filed", None),
        ("amendment.cosigned", None),
        ("amendment.cosigned", None),
        ("amendment.signature_removed", None),
        ("amendment.withdrawn", "Overbodig geworden."),
    ]
    withdrawn = client.get(page).text
    assert f'action="{page}/' not in withdrawn  # nothing left to do

    # A page left open: the amendment is withdrawn meanwhile, and the councillor is told so.
    sign_in(client, "marieke@example.org")
    stale = post_form(client, f"{page}/ondertekenen", {}, form_page="/")
    assert stale.status_code == 409
    assert "Only an amendment that waits for its vote can be co-signed." in stale.text
    assert post_form(client, f"{page}/intrekken", {}, form_page="/").status_code == 403  # not hers
    sign_in(client, "joost@example.org")
    assert post_form(client, f"{page}/intrekken", {}, form_page="/").status_code == 409
    sign_in(client, "griffie@example.org")  # never a signer's step: refused, open or not
    assert post_form(client, f"{page}/ondertekenen", {}, form_page="/").status_code == 403


def test_who_may_not_file_sign_or_withdraw(
    client: TestClient, db: Session, submitted: Council
) -> None:
    c, entry = submitted, submitted.entries[0]
    file_directly(db, c, c.joost, entry, service.AmendmentInput(AmendmentKind.STRIKE, "Weg."))
    page = f"{AMENDMENTS}/1"
    for email in ("olaf@example.org", "griffie@example.org", "admin@example.org"):
        sign_in(client, email)
        assert client.get(new_path(entry)).status_code == 403, email
        data = form_data(entry, "strike")
        assert post_form(client, new_path(entry), data, form_page="/").status_code == 403, email
        assert post_form(client, f"{page}/ondertekenen", {}, form_page="/").status_code == 403
    sign_in(client, "joost@example.org")  # the filer does not co-sign his own
    assert post_form(client, f"{page}/ondertekenen", {}, form_page=page).status_code == 403
    sign_in(client, "marieke@example.org")
    assert post_form(client, f"{page}/ondertekenen", {}, form_page=page).status_code == 303
    withdraw = post_form(client, f"{page}/intrekken", {}, form_page=page)
    assert withdraw.status_code == 403  # a co-signer does not withdraw it
    assert amendments(db, c)[0].state == AmendmentState.FILED

    anonymous = TestClient(client.app, base_url="http://testdorp.test")
    public = anonymous.get(page)
    assert public.status_code == 200  # the council's work is public
    assert "ondertekenen" not in public.text
    assert anonymous.get(f"{AMENDMENTS}/7").status_code == 404


def test_out_of_phase_the_use_case_says_when(
    client: TestClient, db: Session, submitted: Council
) -> None:
    c, entry = submitted, submitted.entries[0]
    file_directly(db, c, c.joost, entry, service.AmendmentInput(AmendmentKind.STRIKE, "Weg."))
    with organization_scope(db, c.book.organization.id):
        set_current_phase(db, "test", c.process, PhaseKind.PRODUCT_SHEETS)
        db.flush()
    sign_in(client, "henk@example.org")
    form = client.get(new_path(entry))
    assert form.status_code == 200
    assert "Filing amendments is possible in the phase" in form.text
    assert 'name="explanation"' not in form.text  # nothing to type in vain

    data = form_data(entry, "strike", "Te laat, maar toch.")
    late = post_form(client, new_path(entry), data, form_page="/")
    assert late.status_code == 409
    assert "Filing amendments is possible in the phase" in late.text
    assert "Te laat, maar toch." in late.text  # kept

    page = f"{AMENDMENTS}/1"
    shown = client.get(page).text
    assert "Filing amendments is possible in the phase" in shown
    assert f'action="{page}/ondertekenen"' not in shown
    cosign = post_form(client, f"{page}/ondertekenen", {}, form_page="/")
    assert cosign.status_code == 409
    assert "Filing amendments is possible in the phase" in cosign.text
    sign_in(client, "joost@example.org")
    withdraw = post_form(client, f"{page}/intrekken", {}, form_page="/")
    assert withdraw.status_code == 409
    assert "Filing amendments is possible in the phase" in withdraw.text
    assert amendments(db, c)[0].state == AmendmentState.FILED


def test_after_the_final_vote_no_amendment_is_filed(
    client: TestClient, db: Session, submitted: Council
) -> None:
    c, entry = submitted, submitted.entries[0]
    assert c.decision is not None
    with organization_scope(db, c.book.organization.id):
        vote_service.record_final_vote(
            db,
            actor(c.clerk),
            c.process,
            phases_of(db, c),
            c.decision,
            vote_service.Tally(VoteMode.COUNTS, 12, 5),
        )
    sign_in(client, "joost@example.org")
    assert "amendments are closed" in client.get(new_path(entry)).text
    response = post_form(client, new_path(entry), form_data(entry, "strike"), form_page="/")
    assert response.status_code == 409
    assert "The council has voted on the whole edition: amendments are closed." in response.text
    assert amendments(db, c) == []


# --- the clerk's link, the sheet page, statement counts ----------------------------------------


def test_the_clerk_is_sent_to_record_and_correct_the_vote(
    client: TestClient, db: Session, submitted: Council
) -> None:
    c = submitted
    assert c.decision is not None
    a1 = file_directly(
        db, c, c.joost, c.entries[0], service.AmendmentInput(AmendmentKind.STRIKE, "Weg.")
    )
    vote_link = f'href="{AMENDMENTS}/1/stemming"'
    sign_in(client, "joost@example.org")
    assert vote_link not in client.get(f"{AMENDMENTS}/1").text
    sign_in(client, "griffie@example.org")
    assert vote_link in client.get(f"{AMENDMENTS}/1").text
    with organization_scope(db, c.book.organization.id):
        phases = phases_of(db, c)
        for tally, reason in (
            (vote_service.Tally(VoteMode.COUNTS, 9, 8), ""),
            (vote_service.Tally(VoteMode.COUNTS, 8, 9), "Een stem verkeerd geteld."),
        ):
            vote_service.record_amendment_vote(
                db,
                c.jinja,
                actor(c.clerk),
                c.process,
                phases,
                c.decision,
                a1,
                tally,
                reason=reason,
                base_url=BASE_URL,
            )
    page = client.get(f"{AMENDMENTS}/1").text
    assert vote_link in page
    history = page.split("<caption>")[1].split("</table>")[0]
    assert "Een stem verkeerd geteld." in history
    assert history.count("<tr>") == 3  # the head, the vote, its correction


def test_the_amendment_page_takes_a_fixed_number_of_statements(
    client: TestClient, db: Session, submitted: Council, queries: QueryCounter
) -> None:
    c = submitted
    assert c.decision is not None
    file_directly(db, c, c.joost, c.entries[0], service.AmendmentInput(AmendmentKind.STRIKE, "A"))
    sign_in(client, "marieke@example.org")
    client.get(f"{AMENDMENTS}/1")
    queries.statements.clear()
    assert client.get(f"{AMENDMENTS}/1").status_code == 200
    small = queries.count

    change = {str(y): [1_000, 0] for y in YEARS}
    with organization_scope(db, c.book.organization.id):
        phases = phases_of(db, c)
        a1 = db.scalars(select(Amendment)).one()
        service.cosign(db, actor(c.henk), c.process, phases, c.decision, a1)
    for index, entry in enumerate(c.entries * 2):
        made = file_directly(
            db,
            c,
            c.joost if index % 2 else c.marieke,
            entry,
            service.AmendmentInput(AmendmentKind.CHANGE, f"Wijziging {index}", amounts=change),
        )
        with organization_scope(db, c.book.organization.id):
            service.cosign(db, actor(c.henk), c.process, phases, c.decision, made)
            if index % 3 == 0:
                vote_service.record_amendment_vote(
                    db,
                    c.jinja,
                    actor(c.clerk),
                    c.process,
                    phases,
                    c.decision,
                    made,
                    vote_service.Tally(VoteMode.COUNTS, 10, 7),
                    base_url=BASE_URL,
                )
    for number in (1, 2, len(c.entries) * 2 + 1):
        client.get(f"{AMENDMENTS}/{number}")
        queries.statements.clear()
        assert client.get(f"{AMENDMENTS}/{number}").status_code == 200
        assert queries.count == small, number


def test_the_product_sheet_offers_councillors_to_file_and_lists_the_amendments(
    client: TestClient, db: Session, submitted: Council, queries: QueryCounter
) -> None:
    c, entry = submitted, submitted.entries[0]
    sheet_page = f"/processen/dialoog/productbladen/{entry.proposal_id}"
    sign_in(client, "joost@example.org")
    html = client.get(sheet_page).text
    assert f'href="{new_path(entry)}"' in html
    assert 'id="council-heading"' in html
    client.get(sheet_page)
    queries.statements.clear()
    client.get(sheet_page)
    small = queries.count

    for index in range(4):
        kind = AmendmentKind.STRIKE if index % 2 else AmendmentKind.CONDITION
        file_directly(
            db,
            c,
            c.joost,
            entry,
            service.AmendmentInput(kind, "Reden.", condition="Eerst overleg."),
        )
    file_directly(db, c, c.joost, c.entries[1], service.AmendmentInput(AmendmentKind.STRIKE, "X"))
    queries.statements.clear()
    html = client.get(sheet_page).text
    assert queries.count == small
    council = html.split('id="council-heading"')[1].split("</section>")[0]
    for number in range(1, 5):
        assert f'href="{AMENDMENTS}/{number}"' in council
    assert f'href="{AMENDMENTS}/5"' not in council  # on another measure

    anonymous = TestClient(client.app, base_url="http://testdorp.test")
    public = anonymous.get(sheet_page).text
    assert f'href="{AMENDMENTS}/1"' in public
    assert "nieuw?productblad" not in public
