"""A group's chef attaches a PDF to a proposal from its page, sees it listed with its
kind and size, tries a file that is not what its name says and is told so in the page,
downloads the PDF and removes it again. Every page gets an axe scan. Runs on the demo's
Zeist dialogue, moved back to its white-paper phase (when proposals change) for the while.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import delete, select

from app.access.roles import Role, ScopeType
from app.db import make_engine, make_session_factory, organization_scope
from app.demo.data import DEMO_PASSWORD
from app.models import Attachment, Process, Proposal, RoleAssignment, User
from app.phases.kinds import PhaseKind
from app.processes import service
from tests.e2e.conftest import Axe

SLUG = "bezuinigingsdialoog-2012-2015"
PROCESS = f"/processen/{SLUG}"
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def _prepare(live_database: str, phase: PhaseKind | None) -> tuple[PhaseKind | None, int, str]:
    """Move the process to ``phase`` (None: leave it) and drop attachments the journey
    may have left; returns the phase it was in, a proposal that its chef may change, and
    that chef's email."""
    engine = make_engine(live_database)
    try:
        with make_session_factory(engine).begin() as db:
            process = db.scalars(
                select(Process)
                .where(Process.slug == SLUG)
                .execution_options(all_organizations=True)
            ).one()
            before = PhaseKind(process.current_phase) if process.current_phase else None
            with organization_scope(db, process.organization_id):
                if phase is not None and before != phase:
                    service.set_current_phase(db, "test", process, phase)
                proposal_id, chef = db.execute(
                    select(Proposal.id, User.email)
                    .join(
                        RoleAssignment,
                        (RoleAssignment.scope_id == Proposal.group_id)
                        & (RoleAssignment.scope_type == ScopeType.GROUP.value)
                        & (RoleAssignment.role == Role.CHEF.value)
                        & RoleAssignment.revoked_at.is_(None),
                    )
                    .join(User, User.id == RoleAssignment.user_id)
                    .where(
                        Proposal.process_id == process.id,
                        Proposal.state.in_(("submitted", "in_discussion")),
                    )
                    .order_by(Proposal.id)
                    .limit(1)
                ).one()
                db.execute(delete(Attachment).where(Attachment.proposal_id == proposal_id))
            return before, proposal_id, chef
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def editable_proposal(live_database: str) -> Iterator[tuple[int, str]]:
    before, proposal_id, chef = _prepare(live_database, PhaseKind.WHITE_PAPER)
    yield proposal_id, chef
    _prepare(live_database, before)


def test_a_chef_attaches_a_pdf_to_a_proposal(
    page: Page, live_server: str, axe: Axe, editable_proposal: tuple[int, str], tmp_path: Path
) -> None:
    proposal_id, chef = editable_proposal
    proposal = f"{PROCESS}/voorstellen/{proposal_id}"
    page.goto(f"{live_server}/aanmelden?volgende={proposal}")
    axe.check()
    page.get_by_label("E-mailadres").fill(chef)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page).to_have_url(live_server + proposal)
    expect(page.locator("#attachment-form")).to_be_visible()
    axe.check()

    # A file that is not what its name says: refused in the page, at the field.
    fake = tmp_path / "foto.png"
    fake.write_bytes(PDF)
    page.locator("#field-bestand").set_input_files(fake)
    page.locator("#attachment-form button[type=submit]").click()
    expect(page.locator("#bestand-error")).to_be_visible()
    expect(page.locator("#field-bestand")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#error-summary")).to_be_visible()
    axe.check()

    # A real PDF: listed with a download link, its kind and its size.
    pdf = tmp_path / "Onderbouwing schoolbussen.pdf"
    pdf.write_bytes(PDF)
    page.locator("#field-bestand").set_input_files(pdf)
    page.locator("#attachment-form button[type=submit]").click()
    expect(page).to_have_url(f"{live_server}{proposal}#bijlagen")
    listed = page.locator("#bijlagen [data-attachment]")
    expect(listed).to_have_count(1)
    expect(listed).to_contain_text("Onderbouwing schoolbussen.pdf")
    expect(listed).to_contain_text("PDF")
    axe.check()

    with page.expect_download() as fetched:
        listed.get_by_role("link").click()
    download = fetched.value
    assert download.suggested_filename == "Onderbouwing schoolbussen.pdf"
    assert Path(download.path()).read_bytes() == PDF

    # Removed again: the demo is left as it was.
    listed.get_by_role("button").click()
    expect(page).to_have_url(f"{live_server}{proposal}#bijlagen")
    expect(page.locator("#bijlagen [data-attachment]")).to_have_count(0)
    axe.check()
