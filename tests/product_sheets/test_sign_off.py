"""Signing a product sheet off: official → financial adviser → chef, each step logged,
audited and told to whoever is next; sending back needs a reason; only who acts at a step
may take it; only the official's step may be edited."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import organization_scope
from app.models import AuditEntry, Notification, ProductSheet, ProductSheetStep
from app.phases.kinds import PhaseKind
from app.processes import service as process_service
from tests.mailbox import Mailbox
from tests.product_sheets.conftest import BASE, Sheets
from tests.web.helpers import post_form, sign_in


def edit_data(**overrides: str) -> dict[str, str]:
    data = {
        "version": "1",
        "budget_lines": "ON-1 Schoolgebouwen",
        "staff_effect": "Twee fte minder.",
        "legal_aspects": "Geen bezwaren.",
        "consequences": "Langere reistijd.",
        "risks": "Verzet van ouders.",
        "implementation": "Vanaf augustus 2012.",
        "advice": "Het college adviseert om dit te doen.",
    }
    for year in range(2012, 2016):
        data[f"structural-{year}"] = "250.000"
        data[f"one_off-{year}"] = "-50.000" if year == 2012 else ""
    data.update(overrides)
    return data


def step(client: TestClient, path: str, action: str, seen: str, reason: str = "") -> int:
    data = {"stap": action, "vanaf": seen, "reden": reason}
    return post_form(client, f"{path}/stap", data, form_page="/").status_code


def reload(db: Session, sheets: Sheets, sheet: ProductSheet) -> ProductSheet:
    with organization_scope(db, sheets.organization.id):
        db.expire_all()
        return db.get_one(ProductSheet, sheet.id)


def kinds_for(db: Session, sheets: Sheets, user_id: int) -> list[str]:
    with organization_scope(db, sheets.organization.id):
        return list(
            db.scalars(
                select(Notification.kind)
                .where(Notification.user_id == user_id)
                .order_by(Notification.id)
            )
        )


def test_the_whole_path_to_signed_off(
    client: TestClient, db: Session, sheets: Sheets, mailbox: Mailbox
) -> None:
    sheet = sheets.sheet(db, sheets.onderwijs, "Minder leerlingenvervoer")
    path = f"{BASE}/{sheet.proposal_id}"

    sign_in(client, "olaf@example.org")
    response = post_form(client, f"{path}/bewerken", edit_data(), form_page=f"{path}/bewerken")
    assert response.status_code == 303
    saved = reload(db, sheets, sheet)
    assert saved.version == 2
    assert saved.updated_by == f"Olaf (#{sheets.official.id})"
    assert saved.financial_effect["2012"] == [250_000, -50_000]
    assert saved.financial_effect["2013"] == [250_000, 0]
    assert saved.advice == "Het college adviseert om dit te doen."
    assert step(client, path, "pass_on", "official") == 303
    assert step(client, path, "approve", "finance") == 403  # an official is no adviser

    sign_in(client, "fatma@example.org")
    assert "product_sheet_waiting" in kinds_for(db, sheets, sheets.adviser.id)
    assert "Minder leerlingenvervoer" in mailbox.last_to("fatma@example.org")["Subject"]
    assert step(client, path, "approve", "finance") == 303

    sign_in(client, "sanne@example.org")  # the chef of another theme
    assert step(client, path, "approve", "chef") == 403

    sign_in(client, "ruud@example.org")
    assert "product_sheet_waiting" in kinds_for(db, sheets, sheets.chef.id)
    page = client.get(path)
    assert "stap" in page.text
    assert 'value="approve"' in page.text
    assert step(client, path, "approve", "chef") == 303
    assert reload(db, sheets, sheet).step == "signed_off"
    assert step(client, path, "approve", "signed_off") == 403  # nobody acts any more

    with organization_scope(db, sheets.organization.id):
        log = list(
            db.scalars(
                select(ProductSheetStep)
                .where(ProductSheetStep.sheet_id == sheet.id)
                .order_by(ProductSheetStep.id)
            )
        )
        audit = list(
            db.scalars(
                select(AuditEntry)
                .where(AuditEntry.object_type == "ProductSheet")
                .order_by(AuditEntry.id)
            )
        )
    assert [(s.from_step, s.to_step) for s in log] == [
        ("official", "finance"),
        ("finance", "chef"),
        ("chef", "signed_off"),
    ]
    assert [s.actor_id for s in log] == [sheets.official.id, sheets.adviser.id, sheets.chef.id]
    assert [a.action for a in audit] == ["product_sheet.saved"] + ["product_sheet.step"] * 3
    assert audit[-1].after == {"step": "signed_off", "action": "approve"}
    page = client.get(path)
    for name in ("Olaf", "Fatma", "Ruud"):
        assert name in page.text  # the step log names who acted
    assert 'aria-current="step"' in page.text


def test_sending_back_needs_a_reason_and_returns_to_the_official(
    client: TestClient, db: Session, sheets: Sheets, mailbox: Mailbox
) -> None:
    sheet = sheets.sheet(db, sheets.onderwijs, "Sporthal sluiten")
    path = f"{BASE}/{sheet.proposal_id}"
    sign_in(client, "olaf@example.org")
    post_form(client, f"{path}/bewerken", edit_data(), form_page=f"{path}/bewerken")
    assert step(client, path, "pass_on", "official") == 303

    sign_in(client, "fatma@example.org")
    response = post_form(
        client, f"{path}/stap", {"stap": "send_back", "vanaf": "finance", "reden": "  "},
        form_page=path,
    )  # fmt: skip
    assert response.status_code == 400
    assert 'id="reden-error"' in response.text
    assert reload(db, sheets, sheet).step == "finance"

    reason = "De eenmalige kosten in 2012 ontbreken."
    assert step(client, path, "send_back", "finance", reason) == 303
    back = reload(db, sheets, sheet)
    assert back.step == "official"
    assert back.returned_reason == reason
    assert "product_sheet_returned" in kinds_for(db, sheets, sheets.official.id)
    assert reason in mailbox.body(mailbox.last_to("olaf@example.org"))
    assert any("otto" in (m["To"] or "") for m in mailbox.messages)  # the other officials wait

    sign_in(client, "olaf@example.org")
    assert reason in client.get(path).text
    assert reason in client.get(f"{path}/bewerken").text
    # A stale page (it still showed the financial adviser's step) cannot move it.
    assert step(client, path, "pass_on", "finance") == 409
    assert step(client, path, "pass_on", "official") == 303
    assert reload(db, sheets, sheet).returned_reason is None

    sign_in(client, "fatma@example.org")
    assert step(client, path, "approve", "finance") == 303
    sign_in(client, "ruud@example.org")
    assert step(client, path, "send_back", "chef", "Graag de risico's uitwerken.") == 303
    assert reload(db, sheets, sheet).step == "official"
    with organization_scope(db, sheets.organization.id):
        reasons = list(
            db.scalars(select(ProductSheetStep.reason).where(ProductSheetStep.sheet_id == sheet.id))
        )
    assert reasons.count(reason) == 1
    assert "Graag de risico's uitwerken." in reasons


def test_wrong_roles_are_refused_at_each_step(
    client: TestClient, db: Session, sheets: Sheets
) -> None:
    at_official = sheets.sheet(db, sheets.onderwijs, "A")
    at_finance = sheets.sheet(db, sheets.onderwijs, "B", step="finance")
    at_chef = sheets.sheet(db, sheets.onderwijs, "C", step="chef")
    refused = {
        "fatma@example.org": [(at_official, "pass_on", "official"), (at_chef, "approve", "chef")],
        "ruud@example.org": [
            (at_official, "pass_on", "official"),
            (at_finance, "approve", "finance"),
        ],
        "sanne@example.org": [(at_chef, "approve", "chef"), (at_chef, "send_back", "chef")],
        "lotte@example.org": [(at_finance, "approve", "finance"), (at_chef, "approve", "chef")],
        "olaf@example.org": [(at_finance, "send_back", "finance"), (at_chef, "approve", "chef")],
        "carla@example.org": [(at_official, "pass_on", "official")],
    }
    for email, attempts in refused.items():
        sign_in(client, email)
        for sheet, action, seen in attempts:
            assert step(client, f"{BASE}/{sheet.proposal_id}", action, seen, "x") == 403, (
                email,
                action,
            )
    # An action the table does not have at this step is no step either.
    sign_in(client, "fatma@example.org")
    assert step(client, f"{BASE}/{at_finance.proposal_id}", "pass_on", "finance") == 409
    assert reload(db, sheets, at_official).step == "official"
    assert reload(db, sheets, at_finance).step == "finance"
    assert reload(db, sheets, at_chef).step == "chef"


def test_only_officials_edit_and_only_at_their_step(
    client: TestClient, db: Session, sheets: Sheets
) -> None:
    at_official = sheets.sheet(db, sheets.onderwijs, "A")
    at_finance = sheets.sheet(db, sheets.onderwijs, "B", step="finance")
    sign_in(client, "fatma@example.org")
    assert client.get(f"{BASE}/{at_official.proposal_id}/bewerken").status_code == 403
    response = post_form(client, f"{BASE}/{at_official.proposal_id}/bewerken", edit_data())
    assert response.status_code == 403
    sign_in(client, "olaf@example.org")
    assert client.get(f"{BASE}/{at_finance.proposal_id}/bewerken").status_code == 403
    response = post_form(client, f"{BASE}/{at_finance.proposal_id}/bewerken", edit_data())
    assert response.status_code == 403
    assert "/bewerken" not in client.get(f"{BASE}/{at_finance.proposal_id}").text
    assert (
        f"{at_official.proposal_id}/bewerken"
        in client.get(f"{BASE}/{at_official.proposal_id}").text
    )
    assert reload(db, sheets, at_finance).version == 1


def test_nothing_moves_outside_the_product_sheet_phase(
    client: TestClient, db: Session, sheets: Sheets
) -> None:
    sheet = sheets.sheet(db, sheets.onderwijs, "A")
    path = f"{BASE}/{sheet.proposal_id}"
    sign_in(client, "olaf@example.org")
    form_page = f"{path}/bewerken"
    with organization_scope(db, sheets.organization.id):
        process_service.set_current_phase(db, "test", sheets.process, PhaseKind.COUNCIL_DECISION)
    response = post_form(
        client, f"{path}/bewerken", edit_data(advice="Nieuw advies"), form_page=form_page
    )
    assert response.status_code == 409
    assert "Nieuw advies" in response.text  # what was typed stays
    assert step(client, path, "pass_on", "official") == 409
    saved = reload(db, sheets, sheet)
    assert saved.step == "official"
    assert saved.version == 1
