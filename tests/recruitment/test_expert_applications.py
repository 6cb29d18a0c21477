"""Experts apply to a theme group with what they bring; the chef decides; both are told."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.roles import Role, ScopeType
from app.access.service import active_assignment
from app.db import organization_scope
from app.models import (
    ApplicationBudgetLine,
    AuditEntry,
    BudgetLine,
    ExpertApplication,
    Notification,
    Organization,
)
from app.phases.kinds import PhaseKind
from app.processes import service as process_service
from tests.conftest import QueryCounter
from tests.factories import make_user
from tests.mailbox import Mailbox
from tests.recruitment.conftest import Setting
from tests.web.helpers import post_form, sign_in

APPLY = "/processen/dialoog/themas/onderwijs/aanmelden"
DECIDE = "/processen/dialoog/groepen/onderwijs/aanmeldingen"


def _line_id(db: Session, organization: Organization, code: str) -> int:
    with organization_scope(db, organization.id):
        return db.scalars(select(BudgetLine.id).where(BudgetLine.code == code)).one()


def _apply(client: TestClient, **extra: str) -> None:
    data = {
        "has_expertise": "on",
        "expertise": "Twintig jaar leraar basisonderwijs.",
        "motivation": "Ik wil dat de scholen goed blijven.",
        **extra,
    }
    response = post_form(client, APPLY, data, form_page=APPLY)
    assert response.status_code == 303, response.text[:2000]


def _application(db: Session, organization: Organization) -> ExpertApplication:
    with organization_scope(db, organization.id):
        return db.scalars(select(ExpertApplication)).one()


def test_a_citizen_applies_and_the_chef_hears_of_it(
    client: TestClient, db: Session, organization: Organization, setting: Setting, mailbox: Mailbox
) -> None:
    sign_in(client, "annelies@example.org")
    form = client.get(APPLY)
    assert form.status_code == 200
    assert "Schoolgebouwen" in form.text  # the theme's budget lines to claim
    line = _line_id(db, organization, "ON-1")
    _apply(client, budget_line=str(line), organization_name="Ouderraad")

    application = _application(db, organization)
    assert (application.status, application.has_expertise, application.has_stake) == (
        "pending", True, False
    )  # fmt: skip
    with organization_scope(db, organization.id):
        claims = db.scalars(select(ApplicationBudgetLine.budget_line_id)).all()
        bell = db.scalars(select(Notification).where(Notification.user_id == setting.chef.id)).one()
    assert claims == [line]
    assert bell.kind == "application_received"
    mail = mailbox.last_to("ruud@example.org")
    assert "Annelies" in Mailbox.body(mail)
    assert "/processen/dialoog/groepen/onderwijs/aanmeldingen" in Mailbox.body(mail)
    assert mailbox.to("sport@example.org") == []  # only this group's chef

    mine = client.get("/profiel/aanmeldingen").text
    assert "Onderwijs" in mine
    assert "Wacht op een besluit" in mine


def test_a_bad_application_says_what_is_wrong_and_keeps_the_text(
    client: TestClient, db: Session, organization: Organization, setting: Setting
) -> None:
    sign_in(client, "annelies@example.org")
    response = post_form(
        client,
        APPLY,
        {"has_stake": "on", "stake": "", "motivation": "Mijn kinderen gaan hier naar school."},
        form_page=APPLY,
    )
    assert response.status_code == 400
    assert "Vul dit veld in: Wat is uw belang?" in response.text
    assert "Mijn kinderen gaan hier naar school." in response.text
    response = post_form(client, APPLY, {"motivation": "Ik help graag mee."}, form_page=APPLY)
    assert response.status_code == 400
    assert "Vink ten minste één aan" in response.text
    with organization_scope(db, organization.id):
        assert db.scalars(select(ExpertApplication)).all() == []


def test_applications_close_when_recruitment_ends(
    client: TestClient, db: Session, organization: Organization, setting: Setting
) -> None:
    with organization_scope(db, organization.id):
        process_service.set_current_phase(db, "test", setting.process, PhaseKind.KICKOFF)
    sign_in(client, "annelies@example.org")
    assert "De aanmeldingen zijn gesloten" in client.get(APPLY).text
    response = post_form(
        client, APPLY, {"has_stake": "on", "stake": "Ouder", "motivation": "Graag mee."},
        form_page=APPLY,
    )  # fmt: skip
    assert response.status_code == 400
    assert "Werving" in response.text  # says in which phase it is possible
    with organization_scope(db, organization.id):
        assert db.scalars(select(ExpertApplication)).all() == []


def test_an_unconfirmed_account_cannot_apply(
    client: TestClient, db: Session, organization: Organization, setting: Setting
) -> None:
    make_user(db, organization, email="nieuw@example.org", display_name="Nieuw", confirmed=False)
    sign_in(client, "nieuw@example.org")
    assert "Bevestig eerst uw e-mailadres" in client.get(APPLY).text
    response = post_form(
        client, APPLY, {"has_stake": "on", "stake": "x", "motivation": "Graag mee doen."},
        form_page=APPLY,
    )  # fmt: skip
    assert response.status_code == 403


def test_a_visitor_is_asked_to_sign_in_first(client: TestClient, setting: Setting) -> None:
    response = client.get(APPLY, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/aanmelden?volgende=")


def test_the_chef_accepts_and_the_applicant_joins_the_group(
    client: TestClient, db: Session, organization: Organization, setting: Setting, mailbox: Mailbox
) -> None:
    sign_in(client, "annelies@example.org")
    _apply(client)
    assert client.get("/processen/dialoog/groepen/onderwijs").status_code == 403  # not yet
    application = _application(db, organization)

    sign_in(client, "ruud@example.org")
    page = client.get(DECIDE)
    assert "Twintig jaar leraar basisonderwijs." in page.text
    response = post_form(
        client,
        f"{DECIDE}/{application.id}",
        {f"decision-{application.id}": "accept", f"message-{application.id}": "Welkom!"},
        form_page=DECIDE,
    )
    assert response.status_code == 303
    db.refresh(application)
    assert application.status == "accepted"
    with organization_scope(db, organization.id):
        assert active_assignment(
            db, setting.citizen, Role.EXPERT, ScopeType.GROUP, setting.onderwijs.id
        )
    mail = mailbox.last_to("annelies@example.org")
    assert mail["Subject"] == "Welkom bij Onderwijs"  # the greeting stays out of it
    body = Mailbox.body(mail)
    assert "Welkom!" in body
    assert "/processen/dialoog/groepen/onderwijs" in body
    with organization_scope(db, organization.id):
        actions = db.scalars(select(AuditEntry.action)).all()
    assert "expert_application.accepted" in actions
    assert "role.granted" in actions

    sign_in(client, "annelies@example.org")
    group = client.get("/processen/dialoog/groepen/onderwijs")
    assert group.status_code == 200
    assert "Annelies" in group.text
    assert "Aangenomen" in client.get("/profiel/aanmeldingen").text


def test_declining_needs_a_message_that_the_applicant_reads(
    client: TestClient, db: Session, organization: Organization, setting: Setting, mailbox: Mailbox
) -> None:
    sign_in(client, "annelies@example.org")
    _apply(client)
    application = _application(db, organization)
    sign_in(client, "ruud@example.org")
    url = f"{DECIDE}/{application.id}"
    response = post_form(client, url, {f"decision-{application.id}": "decline"}, form_page=DECIDE)
    assert response.status_code == 400
    assert "Vertel de aanmelder waarom" in response.text
    response = post_form(
        client, url,
        {f"decision-{application.id}": "decline", f"message-{application.id}": "De groep is vol."},
        form_page=DECIDE,
    )  # fmt: skip
    assert response.status_code == 303
    assert "De groep is vol." in Mailbox.body(mailbox.last_to("annelies@example.org"))
    sign_in(client, "annelies@example.org")
    mine = client.get("/profiel/aanmeldingen").text
    assert "Niet aangenomen" in mine
    assert "De groep is vol." in mine


def test_another_groups_chef_may_not_decide(
    client: TestClient, db: Session, organization: Organization, setting: Setting
) -> None:
    sign_in(client, "annelies@example.org")
    _apply(client)
    application = _application(db, organization)
    sign_in(client, "sport@example.org")
    assert client.get(DECIDE).status_code == 403
    response = post_form(
        client, f"{DECIDE}/{application.id}", {f"decision-{application.id}": "accept"}
    )
    assert response.status_code == 403
    # Nor through its own group's address: the application belongs to another group.
    response = post_form(
        client,
        f"/processen/dialoog/groepen/sport/aanmeldingen/{application.id}",
        {f"decision-{application.id}": "accept"},
    )
    assert response.status_code == 404
    db.refresh(application)
    assert application.status == "pending"


def test_a_withdrawn_application_can_be_sent_again(
    client: TestClient, db: Session, organization: Organization, setting: Setting
) -> None:
    sign_in(client, "annelies@example.org")
    _apply(client)
    application = _application(db, organization)
    response = post_form(client, f"/processen/dialoog/aanmeldingen/{application.id}/intrekken", {})
    assert response.status_code == 303
    db.refresh(application)
    assert application.status == "withdrawn"
    _apply(client, has_stake="on", stake="Mijn kind zit op school.")
    db.refresh(application)
    assert (application.status, application.has_stake) == ("pending", True)


def test_the_coverage_view_shows_what_the_group_lacks(
    client: TestClient, db: Session, organization: Organization, setting: Setting
) -> None:
    sign_in(client, "annelies@example.org")
    _apply(client, budget_line=str(_line_id(db, organization, "ON-1")))
    application = _application(db, organization)
    sign_in(client, "ruud@example.org")
    post_form(
        client, f"{DECIDE}/{application.id}", {f"decision-{application.id}": "accept"},
        form_page=DECIDE,
    )  # fmt: skip
    html = client.get(DECIDE).text
    unknown = html.split("Begrotingsposten die niemand in de groep kent")[1].split("</ul>")[0]
    assert "ON-2 Leerlingenvervoer" in unknown
    assert "ON-1" not in unknown
    counts = re.findall(r'<td class="amount">(\d+)</td>', html.split("coverage__counts")[1])
    assert counts[:2] == ["1", "1"]  # one member, and that one brings expertise


def test_the_applications_page_costs_the_same_queries_for_many_applicants(
    client: TestClient,
    db: Session,
    organization: Organization,
    setting: Setting,
    queries: QueryCounter,
) -> None:
    def add_applicants(start: int, count: int) -> None:
        with organization_scope(db, organization.id):
            for n in range(start, start + count):
                user = make_user(db, organization, email=f"p{n}@example.org", display_name=f"P{n}")
                application = ExpertApplication(
                    process_id=setting.process.id, group_id=setting.onderwijs.id,
                    user_id=user.id, has_stake=True, stake="ouder", motivation="graag",
                    claimed_lines=[],
                )  # fmt: skip
                db.add(application)
                db.flush()
                db.add(
                    ApplicationBudgetLine(
                        application_id=application.id,
                        budget_line_id=_line_id(db, organization, "ON-1"),
                    )
                )
            db.flush()

    sign_in(client, "ruud@example.org")
    add_applicants(0, 2)
    before = queries.count
    assert client.get(DECIDE).status_code == 200
    few = queries.count - before
    add_applicants(2, 20)
    before = queries.count
    assert client.get(DECIDE).status_code == 200
    assert queries.count - before == few


def _accepted(client: TestClient, db: Session, organization: Organization) -> ExpertApplication:
    sign_in(client, "annelies@example.org")
    _apply(client)
    application = _application(db, organization)
    sign_in(client, "ruud@example.org")
    post_form(
        client, f"{DECIDE}/{application.id}", {f"decision-{application.id}": "accept"},
        form_page=DECIDE,
    )  # fmt: skip
    db.refresh(application)
    assert application.status == "accepted"
    return application


def test_a_member_leaves_the_group(
    client: TestClient, db: Session, organization: Organization, setting: Setting
) -> None:
    application = _accepted(client, db, organization)
    sign_in(client, "annelies@example.org")
    leave = "/processen/dialoog/groepen/onderwijs/verlaten"
    assert post_form(client, leave, {}, form_page="/profiel/aanmeldingen").status_code == 303
    db.refresh(application)
    assert application.status == "left"
    with organization_scope(db, organization.id):
        assert not active_assignment(
            db, setting.citizen, Role.EXPERT, ScopeType.GROUP, setting.onderwijs.id
        )
    sign_in(client, "annelies@example.org")  # a new session carries the new roles
    assert client.get("/processen/dialoog/groepen/onderwijs").status_code == 403
    assert "Niet meer in de groep" in client.get("/profiel/aanmeldingen").text
    # Leaving twice is not a second departure.
    assert post_form(client, leave, {}, form_page="/profiel/aanmeldingen").status_code == 404


def test_the_chef_takes_a_member_off_with_a_reason(
    client: TestClient, db: Session, organization: Organization, setting: Setting, mailbox: Mailbox
) -> None:
    application = _accepted(client, db, organization)
    remove = f"/processen/dialoog/groepen/onderwijs/leden/{application.id}/verwijderen"
    group_page = "/processen/dialoog/groepen/onderwijs"
    sign_in(client, "sport@example.org")
    assert post_form(client, remove, {f"reason-{application.id}": "Weg."}).status_code == 403

    sign_in(client, "ruud@example.org")
    response = post_form(client, remove, {f"reason-{application.id}": ""}, form_page=group_page)
    assert response.status_code == 400
    assert "Vul dit veld in: Bericht aan het lid" in response.text
    response = post_form(
        client, remove, {f"reason-{application.id}": "U bent niet meer gekomen."},
        form_page=group_page,
    )  # fmt: skip
    assert response.status_code == 303
    db.refresh(application)
    assert (application.status, application.decision_message) == (
        "left", "U bent niet meer gekomen."
    )  # fmt: skip
    mail = mailbox.last_to("annelies@example.org")
    assert mail["Subject"] == "U zit niet meer in Onderwijs"
    assert "U bent niet meer gekomen." in Mailbox.body(mail)
    with organization_scope(db, organization.id):
        actions = db.scalars(select(AuditEntry.action)).all()
    assert "expert_application.removed" in actions
    assert "role.revoked" in actions

    # Later she may apply again, as anyone may.
    sign_in(client, "annelies@example.org")
    _apply(client)
    db.refresh(application)
    assert application.status == "pending"
