"""The clerk records the votes: on an amendment as numbers or per party (a majority of the
votes cast carries, a tie does not), then on the whole edition as amended, and publishes.
A recorded vote is never changed: a correction with a reason is a new row. Pages are in
English here (the language cookie), so the texts are the message ids."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.council import queries, service, vote_service
from app.council.states import AmendmentKind, AmendmentState, DecisionState, VoteMode
from app.council.tally import outcome
from app.db import organization_scope
from app.i18n import set_locale
from app.models import Amendment, AuditEntry, CouncilVote, Notification, ProductSheet
from app.web.templating import euro
from tests.conftest import QueryCounter
from tests.council.conftest import BASE_URL, Council, actor, phases_of
from tests.web.helpers import post_form, sign_in


def english(client: TestClient) -> None:
    client.cookies.set("dialoog_lang", "en")


def file(db: Session, c: Council, index: int = 0, *, cosigners: tuple[str, ...] = ()) -> Amendment:
    """Joost files a strike on the index-th measure; the named councillors co-sign."""
    assert c.decision is not None
    with organization_scope(db, c.book.organization.id):
        entry = c.entries[index]
        sheet = db.scalars(select(ProductSheet).filter_by(proposal_id=entry.proposal_id)).one()
        amendment = service.file_amendment(
            db, c.jinja, actor(c.joost), c.process, phases_of(db, c), c.decision, entry, sheet,
            service.AmendmentInput(AmendmentKind.STRIKE, "Niet doen."), base_url=BASE_URL,
        )  # fmt: skip
        for name in cosigners:
            user = getattr(c, name)
            service.cosign(db, actor(user), c.process, phases_of(db, c), c.decision, amendment)
        return amendment


def vote(db: Session, c: Council, amendment: Amendment, yes: int, no: int) -> None:
    """The clerk records a vote as numbers, straight through the use case."""
    assert c.decision is not None
    with organization_scope(db, c.book.organization.id):
        vote_service.record_amendment_vote(
            db, c.jinja, actor(c.clerk), c.process, phases_of(db, c), c.decision, amendment,
            vote_service.Tally(VoteMode.COUNTS, yes, no), base_url=BASE_URL,
        )  # fmt: skip


def final(db: Session, c: Council, yes: int = 12, no: int = 5) -> None:
    assert c.decision is not None
    with organization_scope(db, c.book.organization.id):
        vote_service.record_final_vote(
            db, actor(c.clerk), c.process, phases_of(db, c), c.decision,
            vote_service.Tally(VoteMode.COUNTS, yes, no),
        )  # fmt: skip


def vote_path(c: Council, number: int) -> str:
    return f"/processen/{c.slug}/raad/amendementen/{number}/stemming"


def final_path(c: Council) -> str:
    return f"/processen/{c.slug}/raad/stemming"


def counts(yes: str, no: str, **extra: str) -> dict[str, str]:
    return {"mode": "counts", "votes_for": yes, "votes_against": no, **extra}


def by_party(c: Council, *votes: str, **extra: str) -> dict[str, str]:
    """Per party in the fixture's order: Lokaal Belang (7), GroenLinks Zeist (6), Vrij
    Liberaal (4)."""
    data = {"mode": "parties", **extra}
    for party, choice in zip(c.parties, votes, strict=False):
        data[f"party-{party.id}"] = choice
    return data


def rows(db: Session, c: Council, amendment: Amendment | None) -> list[CouncilVote]:
    assert c.decision is not None
    with organization_scope(db, c.book.organization.id):
        db.expire_all()
        return queries.votes_of(db, c.decision, amendment)


def state_of(db: Session, c: Council, amendment: Amendment) -> str:
    with organization_scope(db, c.book.organization.id):
        db.expire_all()
        return db.get_one(Amendment, amendment.id).state


# --- the outcome ---------------------------------------------------------------------------------


def test_a_majority_of_the_votes_cast_carries_and_a_tie_does_not() -> None:
    set_locale("en")  # the words are checked in English (tests/conftest.py resets it)
    assert outcome(9, 8).startswith("Carried: 9 for and 8 against, a majority of the 17")
    assert outcome(8, 8) == (
        "Defeated: 8 for and 8 against. A tie is not a majority of the votes cast."
    )
    assert outcome(3, 10).startswith("Defeated: 3 for and 10 against; the votes for are not")
    assert outcome(10, 7, whole=True).startswith("Adopted: 10 for and 7 against")
    assert outcome(7, 7, whole=True).startswith("Not adopted: 7 for and 7 against. A tie")


# --- recording the vote on an amendment ----------------------------------------------------------


def test_the_clerk_records_counts_and_the_filer_and_co_signers_hear_of_it(
    client: TestClient, db: Session, submitted: Council
) -> None:
    c = submitted
    a1 = file(db, c, cosigners=("marieke",))
    english(client)
    sign_in(client, "griffie@example.org")
    page = client.get(vote_path(c, 1))
    assert page.status_code == 200
    assert "Record the vote on amendment A1" in page.text
    assert 'name="reden"' not in page.text  # a first vote needs no reason
    assert 'id="field-party-' in page.text  # the parties are known: both parts are there
    response = post_form(client, vote_path(c, 1), counts("10", "7"), form_page=vote_path(c, 1))
    assert response.status_code == 303
    assert response.headers["location"] == f"/processen/{c.slug}/raad/amendementen/1"
    shown = client.get(vote_path(c, 1)).text  # the next page shows the outcome, and why
    assert "The vote on amendment A1 is recorded." in shown
    assert "Carried: 10 for and 7 against, a majority of the 17 votes cast." in shown
    assert state_of(db, c, a1) == AmendmentState.CARRIED
    [row] = rows(db, c, a1)
    assert (row.mode, row.votes_for, row.votes_against, row.carried) == ("counts", 10, 7, True)
    assert row.parties is None
    assert row.reason is None
    assert row.corrects_id is None
    with organization_scope(db, c.book.organization.id):
        entry = db.scalars(
            select(AuditEntry).where(AuditEntry.action == "council.vote_recorded")
        ).one()
        assert entry.object_id == str(a1.id)
        assert entry.actor_id == c.clerk.id
        assert entry.after is not None
        assert entry.after["state"] == "carried"
        told = set(
            db.scalars(select(Notification.user_id).where(Notification.kind == "amendment_voted"))
        )
        assert told == {c.joost.id, c.marieke.id}  # filer and co-signer, nobody else


def test_a_vote_per_party_counts_the_seats(
    client: TestClient, db: Session, submitted: Council
) -> None:
    c = submitted
    a1 = file(db, c)
    english(client)
    sign_in(client, "griffie@example.org")
    data = by_party(c, "against", "for", "for")  # 7 against, 6 + 4 for
    response = post_form(client, vote_path(c, 1), data, form_page=vote_path(c, 1))
    assert response.status_code == 303
    [row] = rows(db, c, a1)
    assert (row.mode, row.votes_for, row.votes_against, row.carried) == ("parties", 10, 7, True)
    assert row.parties == [
        {"party": "Lokaal Belang", "seats": 7, "vote": "against"},
        {"party": "Groen Links Zeist", "seats": 6, "vote": "for"},
        {"party": "Vrij Liberaal", "seats": 4, "vote": "for"},
    ]
    # The correction form starts from the recorded vote, per party.
    page = client.get(vote_path(c, 1)).text
    first = f"party-{c.parties[0].id}"
    assert f'id="{first}-against" name="{first}" value="against" checked' in page
    assert "Lokaal Belang (7): Against" in page


def test_a_party_that_did_not_vote_does_not_count_and_a_tie_is_defeated(
    client: TestClient, db: Session, submitted: Council
) -> None:
    c = submitted
    a1 = file(db, c)
    with organization_scope(db, c.book.organization.id):
        c.parties[0].seats = 6  # 6 against 6: a tie
        db.flush()
    english(client)
    sign_in(client, "griffie@example.org")
    data = by_party(c, "against", "for", "absent")
    response = post_form(client, vote_path(c, 1), data, form_page=vote_path(c, 1))
    assert response.status_code == 303
    assert state_of(db, c, a1) == AmendmentState.DEFEATED
    [row] = rows(db, c, a1)
    assert (row.votes_for, row.votes_against, row.carried) == (6, 6, False)
    assert row.parties is not None
    assert row.parties[2]["vote"] == "absent"
    shown = client.get(vote_path(c, 1)).text
    assert "Defeated: 6 for and 6 against. A tie is not a majority of the votes cast." in shown


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"votes_for": "9", "votes_against": "3"}, "mode", "Choose how the vote is recorded"),
        (counts("", "3"), "votes_for", "Fill in this field: Votes for."),
        (counts("9", "drie"), "votes_against", "Votes against: fill in a whole number from 0"),
        (counts("-1", "3"), "votes_for", "Votes for: fill in a whole number from 0"),
        (counts("9,5", "3"), "votes_for", "Votes for: fill in a whole number from 0"),
        (counts("0", "0"), "votes_for", "at least one vote must be cast"),
        (counts("12", "6"), "votes_for", "18 votes are cast, but the council has 17 seats."),
    ],
    ids=["no-mode", "empty", "words", "negative", "fraction", "none-cast", "above-seats"],
)
def test_each_wrong_count_is_named_at_its_field_and_the_values_stay(
    client: TestClient,
    db: Session,
    submitted: Council,
    data: dict[str, str],
    field: str,
    message: str,
) -> None:
    c = submitted
    a1 = file(db, c)
    english(client)
    sign_in(client, "griffie@example.org")
    response = post_form(client, vote_path(c, 1), data, form_page=vote_path(c, 1))
    assert response.status_code == 400
    assert f'id="{field}-error"' in response.text
    assert message in response.text
    assert 'id="error-summary"' in response.text
    for name in ("votes_for", "votes_against"):
        if data.get(name):
            assert f'value="{data[name]}"' in response.text
    assert rows(db, c, a1) == []
    assert state_of(db, c, a1) == AmendmentState.FILED


def test_without_parties_the_counts_are_capped_at_the_largest_council(
    client: TestClient, db: Session, submitted: Council
) -> None:
    c = submitted
    file(db, c)
    with organization_scope(db, c.book.organization.id):
        for party in c.parties:
            party.active = False
        db.flush()
    english(client)
    sign_in(client, "griffie@example.org")
    page = client.get(vote_path(c, 1)).text
    assert 'value="parties"' not in page  # nothing to vote per party with
    assert 'id="mode-counts" name="mode" value="counts" checked' in page
    response = post_form(client, vote_path(c, 1), counts("30", "20"), form_page=vote_path(c, 1))
    assert response.status_code == 400
    assert "50 votes are cast, but no council has more than 45 seats." in response.text
    response = post_form(client, vote_path(c, 1), by_party(c), form_page=vote_path(c, 1))
    assert response.status_code == 400
    assert 'id="mode-error"' in response.text
    assert "No parties are recorded for the council" in response.text
    ok = post_form(client, vote_path(c, 1), counts("25", "20"), form_page=vote_path(c, 1))
    assert ok.status_code == 303


def test_each_party_must_be_given_a_vote_and_one_must_vote(
    client: TestClient, db: Session, submitted: Council
) -> None:
    c = submitted
    a1 = file(db, c)
    english(client)
    sign_in(client, "griffie@example.org")
    missing = by_party(c, "for", "", "maybe")
    response = post_form(client, vote_path(c, 1), missing, form_page=vote_path(c, 1))
    assert response.status_code == 400
    assert f'id="party-{c.parties[1].id}-error"' in response.text
    assert "Choose for, against or did not vote for Groen Links Zeist." in response.text
    assert f'id="party-{c.parties[2].id}-error"' in response.text
    assert f'id="party-{c.parties[0].id}-error"' not in response.text
    first = c.parties[0].id
    assert f'id="party-{first}-for" name="party-{first}" value="for" checked' in response.text
    nobody = by_party(c, "absent", "absent", "absent")
    response = post_form(client, vote_path(c, 1), nobody, form_page=vote_path(c, 1))
    assert response.status_code == 400
    assert 'id="parties-error"' in response.text
    assert "No party voted: at least one party must vote for or against." in response.text
    assert rows(db, c, a1) == []


# --- correcting it -------------------------------------------------------------------------------


def test_a_correction_needs_a_reason_and_is_a_new_row(
    client: TestClient, db: Session, submitted: Council
) -> None:
    c = submitted
    a1 = file(db, c, cosigners=("marieke",))
    vote(db, c, a1, 10, 7)
    english(client)
    sign_in(client, "griffie@example.org")
    page = client.get(vote_path(c, 1))
    assert "Correct the vote on amendment A1" in page.text
    assert "The recorded vote" in page.text
    assert "Carried: 10 for and 7 against" in page.text  # the vote being corrected
    assert 'id="field-reden"' in page.text
    assert 'value="10"' in page.text
    assert 'value="7"' in page.text
    no_reason = post_form(client, vote_path(c, 1), counts("7", "10"), form_page=vote_path(c, 1))
    assert no_reason.status_code == 400
    assert 'id="reden-error"' in no_reason.text
    assert "Say why the recorded vote is corrected." in no_reason.text
    assert 'value="7"' in no_reason.text
    assert len(rows(db, c, a1)) == 1

    reason = "De stemmen van Vrij Liberaal waren verkeerd ingevoerd."
    data = counts("7", "10", reden=reason)
    response = post_form(client, vote_path(c, 1), data, form_page=vote_path(c, 1))
    assert response.status_code == 303
    first, second = rows(db, c, a1)
    assert (first.votes_for, first.votes_against, first.carried) == (10, 7, True)  # unchanged
    assert (second.votes_for, second.votes_against, second.carried) == (7, 10, False)
    assert second.corrects_id == first.id
    assert second.reason == reason
    assert state_of(db, c, a1) == AmendmentState.DEFEATED
    shown = client.get(vote_path(c, 1)).text
    assert "The corrected vote on amendment A1 is recorded." in shown
    assert reason in shown
    assert "This one counts" in shown
    with organization_scope(db, c.book.organization.id):
        entry = db.scalars(
            select(AuditEntry).where(AuditEntry.action == "council.vote_corrected")
        ).one()
        assert entry.reason == reason
        assert entry.before is not None
        assert entry.before["state"] == "carried"
        assert entry.after is not None
        assert entry.after["state"] == "defeated"
        told = db.scalars(
            select(Notification).where(
                Notification.kind == "amendment_voted", Notification.user_id == c.marieke.id
            )
        ).all()
        assert [n.params["corrected"] for n in told] == [False, True]


@pytest.mark.parametrize(
    "statement",
    ["UPDATE council_votes SET votes_for = 17", "DELETE FROM council_votes"],
    ids=["update", "delete"],
)
def test_the_database_refuses_to_change_a_recorded_vote(
    connection: Connection, db: Session, submitted: Council, statement: str
) -> None:
    c = submitted
    a1 = file(db, c)
    vote(db, c, a1, 10, 7)
    savepoint = connection.begin_nested()
    with pytest.raises(DBAPIError, match="append-only"):
        connection.execute(text(statement))
    savepoint.rollback()
    [row] = rows(db, c, a1)
    assert row.votes_for == 10


def test_a_withdrawn_amendment_has_no_vote(
    client: TestClient, db: Session, submitted: Council
) -> None:
    c = submitted
    a1 = file(db, c)
    assert c.decision is not None
    with organization_scope(db, c.book.organization.id):
        service.withdraw(db, actor(c.joost), c.process, phases_of(db, c), c.decision, a1)
    english(client)
    sign_in(client, "griffie@example.org")
    page = client.get(vote_path(c, 1))
    assert "The filer withdrew this amendment" in page.text
    assert 'name="votes_for"' not in page.text
    response = post_form(client, vote_path(c, 1), counts("10", "7"), form_page=vote_path(c, 1))
    assert response.status_code == 409
    assert "withdrawn" in response.text
    assert rows(db, c, a1) == []
    assert client.get(vote_path(c, 9)).status_code == 404


# --- the vote on the whole edition -----------------------------------------------------------


def test_the_final_vote_waits_for_every_amendment(
    client: TestClient, db: Session, submitted: Council
) -> None:
    c = submitted
    a1 = file(db, c, 0)
    file(db, c, 1)
    vote(db, c, a1, 10, 7)
    english(client)
    sign_in(client, "griffie@example.org")
    page = client.get(final_path(c))
    assert page.status_code == 200
    assert "1 amendment waits for its vote" in page.text
    assert f'href="{vote_path(c, 2)}"' in page.text
    response = post_form(client, final_path(c), counts("12", "5"), form_page=final_path(c))
    assert response.status_code == 409
    assert "First record the votes on the amendments that wait for one: A2." in response.text
    assert 'value="12"' in response.text
    assert rows(db, c, None) == []
    with organization_scope(db, c.book.organization.id):
        db.expire_all()
        assert c.decision is not None
        assert db.get_one(type(c.decision), c.decision.id).state == DecisionState.OPEN


def test_the_final_vote_shows_the_package_and_closes_the_amendment_votes(
    client: TestClient, db: Session, submitted: Council
) -> None:
    c = submitted
    a1 = file(db, c, 0)
    vote(db, c, a1, 10, 7)
    assert c.decision is not None
    with organization_scope(db, c.book.organization.id):
        book = queries.council_book(db, c.decision)
        first_year, adopted = book.years[0], book.package.total.adopted[book.years[0]]
    english(client)
    sign_in(client, "griffie@example.org")
    page = client.get(final_path(c))
    assert "Record the vote on the whole edition" in page.text
    assert "waits for its vote" not in page.text
    row = page.text.split(f'<th scope="row">{first_year}</th>')[1].split("</tr>")[0]
    set_locale("en")
    assert euro(adopted) in row
    response = post_form(client, final_path(c), by_party(c, "for", "against", "for"),
                         form_page=final_path(c))  # fmt: skip
    assert response.status_code == 303
    assert response.headers["location"] == final_path(c)
    shown = client.get(final_path(c)).text
    assert "The vote on the whole edition is recorded." in shown
    assert "Adopted: 11 for and 6 against, a majority of the 17 votes cast." in shown
    assert "Correct the vote on the whole edition" in shown
    assert f'action="/processen/{c.slug}/raad/publiceren"' in shown
    [row_vote] = rows(db, c, None)
    assert (row_vote.votes_for, row_vote.votes_against, row_vote.carried) == (11, 6, True)
    with organization_scope(db, c.book.organization.id):
        db.expire_all()
        assert db.get_one(type(c.decision), c.decision.id).state == DecisionState.DECIDED
        assert (
            db.scalar(
                select(func.count(AuditEntry.id)).where(
                    AuditEntry.action == "council.final_vote_recorded"
                )
            )
            == 1
        )
    # The votes on amendments are closed now: no form, and a correction is refused.
    closed = client.get(vote_path(c, 1))
    assert "can no longer be corrected" in closed.text
    assert 'name="votes_for"' not in closed.text
    data = counts("7", "10", reden="Te laat gezien.")
    refused = post_form(client, vote_path(c, 1), data, form_page=vote_path(c, 1))
    assert refused.status_code == 409
    assert "can no longer be corrected" in refused.text
    assert len(rows(db, c, a1)) == 1


def test_the_final_vote_is_corrected_with_a_reason(
    client: TestClient, db: Session, submitted: Council
) -> None:
    c = submitted
    final(db, c, 9, 8)
    english(client)
    sign_in(client, "griffie@example.org")
    no_reason = post_form(client, final_path(c), counts("8", "9"), form_page=final_path(c))
    assert no_reason.status_code == 400
    assert 'id="reden-error"' in no_reason.text
    data = counts("8", "8", reden="Eén raadslid stemde niet.")
    response = post_form(client, final_path(c), data, form_page=final_path(c))
    assert response.status_code == 303
    first, second = rows(db, c, None)
    assert (first.votes_for, first.carried) == (9, True)
    assert (second.votes_for, second.carried, second.corrects_id) == (8, False, first.id)
    shown = client.get(final_path(c)).text
    assert "Not adopted: 8 for and 8 against. A tie is not a majority of the votes cast." in shown
    assert "Eén raadslid stemde niet." in shown
    with organization_scope(db, c.book.organization.id):
        entry = db.scalars(
            select(AuditEntry).where(AuditEntry.action == "council.final_vote_corrected")
        ).one()
        assert entry.reason == "Eén raadslid stemde niet."


def test_the_vote_pages_cost_the_same_however_many_amendments(
    client: TestClient, db: Session, submitted: Council, queries: QueryCounter
) -> None:
    c = submitted
    vote(db, c, file(db, c, 0, cosigners=("marieke",)), 10, 7)
    sign_in(client, "griffie@example.org")

    def cost(path: str) -> int:
        queries.statements.clear()
        assert client.get(path).status_code == 200
        return queries.count

    small = (cost(vote_path(c, 1)), cost(final_path(c)))
    for index in range(1, 5):
        vote(db, c, file(db, c, index, cosigners=("marieke", "henk")), 3, 14)
    with organization_scope(db, c.book.organization.id):
        a1 = db.scalars(select(Amendment).where(Amendment.number == 1)).one()
        assert c.decision is not None
        vote_service.record_amendment_vote(
            db, c.jinja, actor(c.clerk), c.process, phases_of(db, c), c.decision, a1,
            vote_service.Tally(VoteMode.COUNTS, 9, 8), reason="Verkeerd geteld.", base_url=BASE_URL,
        )  # fmt: skip
    assert (cost(vote_path(c, 1)), cost(final_path(c))) == small


# --- publishing ----------------------------------------------------------------------------------


def test_the_clerk_publishes_the_decided_edition(
    client: TestClient, db: Session, submitted: Council
) -> None:
    c = submitted
    english(client)
    sign_in(client, "griffie@example.org")
    early = post_form(client, f"/processen/{c.slug}/raad/publiceren", {}, form_page=final_path(c))
    assert early.status_code == 409  # not voted on yet: the page says why
    assert "This is not possible while the council&#39;s decision is open" in early.text
    final(db, c)
    response = post_form(
        client, f"/processen/{c.slug}/raad/publiceren", {}, form_page=final_path(c)
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/processen/{c.slug}/raad/besluit"
    assert c.decision is not None
    with organization_scope(db, c.book.organization.id):
        db.expire_all()
        decision = db.get_one(type(c.decision), c.decision.id)
        assert decision.state == DecisionState.PUBLISHED
        assert decision.published_by is not None
        assert (
            db.scalar(
                select(func.count(AuditEntry.id)).where(
                    AuditEntry.action == "council.decision_published"
                )
            )
            == 1
        )
        told = set(
            db.scalars(
                select(Notification.user_id).where(Notification.kind == "decision_published")
            )
        )
        assert {c.joost.id, c.marieke.id, c.henk.id} <= told
    page = client.get(final_path(c))
    assert "The decision is published: the vote on the whole edition can no longer change." in (
        page.text
    )
    assert 'name="votes_for"' not in page.text
    again = post_form(client, f"/processen/{c.slug}/raad/publiceren", {}, form_page=final_path(c))
    assert again.status_code == 409
    data = counts("1", "16", reden="Te laat.")
    assert post_form(client, final_path(c), data, form_page=final_path(c)).status_code == 409
    assert len(rows(db, c, None)) == 1


# --- who may -------------------------------------------------------------------------------------


@pytest.mark.parametrize("email", ["joost@example.org", "annelies@example.org", "olaf@example.org"])
def test_only_the_clerk_and_the_admin_record_votes(
    client: TestClient, db: Session, submitted: Council, email: str
) -> None:
    c = submitted
    a1 = file(db, c)
    sign_in(client, email)
    assert client.get(vote_path(c, 1)).status_code == 403
    assert client.get(final_path(c)).status_code == 403
    form_page = f"/processen/{c.slug}/raad"
    data = counts("10", "7")
    assert post_form(client, vote_path(c, 1), data, form_page=form_page).status_code == 403
    assert post_form(client, final_path(c), data, form_page=form_page).status_code == 403
    publish = f"/processen/{c.slug}/raad/publiceren"
    assert post_form(client, publish, {}, form_page=form_page).status_code == 403
    assert rows(db, c, a1) == []


def test_anonymous_visitors_are_sent_to_sign_in_and_the_admin_may(
    client: TestClient, db: Session, submitted: Council
) -> None:
    c = submitted
    file(db, c)
    for path in (vote_path(c, 1), final_path(c)):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"].startswith("/aanmelden")
    data = counts("10", "7")
    posted = post_form(client, vote_path(c, 1), data, form_page=f"/processen/{c.slug}/raad")
    assert posted.status_code == 303
    assert posted.headers["location"].startswith("/aanmelden")
    sign_in(client, "admin@example.org")
    assert client.get(vote_path(c, 1)).status_code == 200
    response = post_form(client, vote_path(c, 1), data, form_page=vote_path(c, 1))
    assert response.status_code == 303
