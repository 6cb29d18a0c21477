"""The chef's white paper: introduction, order, submitting; read-only afterwards; who
reads it when; and the pages' statement counts."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.roles import Role, ScopeType
from app.access.service import grant_role
from app.db import organization_scope, utcnow
from app.models import (
    AuditEntry,
    Group,
    Notification,
    Organization,
    Process,
    Proposal,
    ProposalAmount,
    User,
    WhitePaper,
)
from app.phases.kinds import PhaseKind
from app.processes import service as process_service
from app.processes.budget_import import import_budget_lines
from tests.conftest import QueryCounter
from tests.factories import SMALL_BUDGET, make_process, make_user
from tests.web.helpers import post_form, sign_in

EDITOR = "/processen/dialoog/groepen/onderwijs/witboek"
PUBLIC = "/processen/dialoog/witboeken/onderwijs"


@dataclass
class Compiling:
    organization: Organization
    process: Process
    group: Group
    expert: User

    def proposal(
        self, db: Session, title: str, *, state: str = "included", saves: int = 100_000
    ) -> Proposal:
        """Made directly: the proposals' own use cases are not what is tested here."""
        with organization_scope(db, self.organization.id):
            proposal = Proposal(
                process_id=self.process.id,
                group_id=self.group.id,
                author_id=self.expert.id,
                title=title,
                summary=f"Samenvatting van {title}.",
                state=state,
                submitted_at=utcnow(),
                claimed_total=4 * saves - 20_000,
                amounts=[
                    ProposalAmount(
                        year=year, structural=saves, one_off=-20_000 if year == 2012 else 0
                    )
                    for year in range(2012, 2016)
                ],
            )
            db.add(proposal)
            db.flush()
            return proposal

    def order(self, db: Session) -> list[str]:
        with organization_scope(db, self.organization.id):
            return list(
                db.scalars(
                    select(Proposal.title)
                    .where(Proposal.state == "included")
                    .order_by(Proposal.white_paper_position)
                )
            )


@pytest.fixture
def compiling(db: Session, organization: Organization) -> Compiling:
    """A dialogue in its white-paper phase. Onderwijs has chef Ruud and expert Annelies;
    Sport has chef Sjors; Beheer is the admin; Carla is in no group."""
    process = make_process(db, organization, slug="dialoog")
    ruud = make_user(db, organization, email="ruud@example.org", display_name="Ruud")
    annelies = make_user(db, organization, email="annelies@example.org", display_name="Annelies")
    sjors = make_user(db, organization, email="sjors@example.org", display_name="Sjors")
    make_user(
        db, organization, email="beheer@example.org", display_name="Beheer", roles=[Role.ADMIN]
    )
    make_user(db, organization, email="carla@example.org", display_name="Carla")
    with organization_scope(db, organization.id):
        import_budget_lines(db, "test", process, SMALL_BUDGET.encode())
        groups = {g.slug: g for g in db.scalars(select(Group))}
        process_service.assign_chef(db, "test", groups["onderwijs"], ruud)
        process_service.assign_chef(db, "test", groups["sport"], sjors)
        grant_role(db, "test", annelies, Role.EXPERT, ScopeType.GROUP, groups["onderwijs"].id)
        process_service.set_current_phase(db, "test", process, PhaseKind.WHITE_PAPER)
    return Compiling(organization, process, groups["onderwijs"], annelies)


def _paper(db: Session, organization: Organization) -> WhitePaper | None:
    with organization_scope(db, organization.id):
        return db.scalar(select(WhitePaper))


def test_only_the_chef_of_the_group_edits(
    client: TestClient, db: Session, organization: Organization, compiling: Compiling
) -> None:
    compiling.proposal(db, "Minder leerlingenvervoer")
    for email in ("annelies@example.org", "sjors@example.org"):
        sign_in(client, email)
        form_page = EDITOR if email.startswith("annelies") else "/"
        data = {"introduction": "Mijn inleiding."}
        assert (
            post_form(client, f"{EDITOR}/inleiding", data, form_page=form_page).status_code == 403
        )
        assert post_form(client, f"{EDITOR}/indienen", {}, form_page=form_page).status_code == 403
    assert _paper(db, organization) is None
    # Annelies reads along; Sjors is not in the group.
    sign_in(client, "annelies@example.org")
    page = client.get(EDITOR)
    assert page.status_code == 200
    assert "Minder leerlingenvervoer" in page.text
    assert "Inleiding opslaan" not in page.text
    sign_in(client, "sjors@example.org")
    assert client.get(EDITOR).status_code == 403


def test_the_chef_writes_the_introduction_on_first_save(
    client: TestClient, db: Session, organization: Organization, compiling: Compiling
) -> None:
    sign_in(client, "ruud@example.org")
    long = "x" * 20_001
    response = post_form(client, f"{EDITOR}/inleiding", {"introduction": long}, form_page=EDITOR)
    assert response.status_code == 400
    assert "te lang" in response.text
    assert long in response.text  # what was typed is kept
    response = post_form(
        client, f"{EDITOR}/inleiding", {"introduction": "Wij stellen **vijf** dingen voor."},
        form_page=EDITOR,
    )  # fmt: skip
    assert response.status_code == 303
    paper = _paper(db, organization)
    assert paper is not None
    assert (paper.status, paper.introduction) == ("draft", "Wij stellen **vijf** dingen voor.")
    assert "<strong>vijf</strong>" in client.get(PUBLIC).text


def test_the_chef_orders_the_included_proposals(
    client: TestClient, db: Session, organization: Organization, compiling: Compiling
) -> None:
    first = compiling.proposal(db, "Eerste")
    compiling.proposal(db, "Tweede")
    third = compiling.proposal(db, "Derde")
    compiling.proposal(db, "Nog in discussie", state="in_discussion")
    sign_in(client, "ruud@example.org")
    page = client.get(EDITOR).text
    assert "Nog in discussie" not in page
    move = f"{EDITOR}/voorstellen/{third.id}/verplaatsen"
    assert post_form(client, move, {"richting": "omhoog"}, form_page=EDITOR).status_code == 303
    assert compiling.order(db) == ["Eerste", "Derde", "Tweede"]
    move = f"{EDITOR}/voorstellen/{first.id}/verplaatsen"
    assert post_form(client, move, {"richting": "omlaag"}, form_page=EDITOR).status_code == 303
    assert compiling.order(db) == ["Derde", "Eerste", "Tweede"]
    # The first stays first when moved up; a wrong direction is said, not ignored.
    move = f"{EDITOR}/voorstellen/{third.id}/verplaatsen"
    assert post_form(client, move, {"richting": "omhoog"}, form_page=EDITOR).status_code == 303
    assert post_form(client, move, {"richting": "opzij"}, form_page=EDITOR).status_code == 409
    assert compiling.order(db) == ["Derde", "Eerste", "Tweede"]
    with organization_scope(db, organization.id):
        actions = db.scalars(
            select(AuditEntry.action).where(AuditEntry.action.like("white_paper.%"))
        ).all()
    assert actions == ["white_paper.reordered", "white_paper.reordered"]


def test_submitting_needs_an_included_proposal(
    client: TestClient, db: Session, organization: Organization, compiling: Compiling
) -> None:
    compiling.proposal(db, "Nog in discussie", state="in_discussion")
    sign_in(client, "ruud@example.org")
    response = post_form(client, f"{EDITOR}/indienen", {}, form_page=EDITOR)
    assert response.status_code == 409
    assert "Nog geen voorstel" in response.text
    paper = _paper(db, organization)
    assert paper is None or paper.status == "draft"


def test_submitting_outside_the_phase_is_refused(
    client: TestClient, db: Session, organization: Organization, compiling: Compiling
) -> None:
    compiling.proposal(db, "Eerste")
    with organization_scope(db, organization.id):
        process_service.set_current_phase(db, "test", compiling.process, PhaseKind.COMPILATION)
    sign_in(client, "ruud@example.org")
    response = post_form(client, f"{EDITOR}/indienen", {}, form_page=EDITOR)
    assert response.status_code == 409
    assert "Witboek" in response.text  # the phase in which it is possible


def test_submitted_it_is_read_only_and_public(
    client: TestClient, db: Session, organization: Organization, compiling: Compiling
) -> None:
    compiling.proposal(db, "Eerste")
    compiling.proposal(db, "Tweede", saves=50_000)
    sign_in(client, "ruud@example.org")
    post_form(client, f"{EDITOR}/inleiding", {"introduction": "Onze inleiding."}, form_page=EDITOR)
    client.cookies.clear()
    response = client.get(PUBLIC, follow_redirects=False)  # a draft: the group and the admin
    assert response.status_code == 303
    assert response.headers["location"].startswith("/aanmelden")
    sign_in(client, "carla@example.org")
    assert client.get(PUBLIC).status_code == 403
    sign_in(client, "beheer@example.org")
    assert client.get(PUBLIC).status_code == 200

    sign_in(client, "ruud@example.org")
    response = post_form(client, f"{EDITOR}/indienen", {}, form_page=EDITOR)
    assert response.status_code == 303
    assert response.headers["location"] == PUBLIC
    paper = _paper(db, organization)
    assert paper is not None
    assert paper.status == "submitted"
    assert paper.submitted_at is not None
    assert paper.submitted_by is not None
    assert paper.submitted_by.startswith("Ruud")
    assert compiling.order(db) == ["Eerste", "Tweede"]
    with organization_scope(db, organization.id):
        told = db.scalars(
            select(Notification.kind).where(Notification.user_id == compiling.expert.id)
        ).all()
        audited = db.scalars(
            select(AuditEntry.action).where(AuditEntry.action == "white_paper.submitted")
        ).all()
    assert told == ["white_paper_submitted"]
    assert len(audited) == 1

    # Read-only now, even for the chef.
    for path in (f"{EDITOR}/inleiding", f"{EDITOR}/indienen"):
        assert (
            post_form(client, path, {"introduction": "Later"}, form_page=EDITOR).status_code == 403
        )
    assert "Inleiding opslaan" not in client.get(EDITOR).text
    # Everyone reads it, with the amounts per year and the total.
    client.cookies.clear()
    page = client.get(PUBLIC)
    assert page.status_code == 200
    assert "Onze inleiding." in page.text
    assert page.text.index("Eerste") < page.text.index("Tweede")
    assert "€ 150.000" in page.text  # the structural savings of a year, added up
    assert "€ 560.000" in page.text  # the total over the four years
    listing = client.get("/processen/dialoog/witboeken").text
    assert "Ingediend" in listing
    assert f'href="{PUBLIC}"' in listing


def test_the_pages_cost_the_same_queries_with_more_proposals(
    client: TestClient,
    db: Session,
    organization: Organization,
    compiling: Compiling,
    queries: QueryCounter,
) -> None:
    sign_in(client, "ruud@example.org")
    post_form(client, f"{EDITOR}/inleiding", {"introduction": "Inleiding."}, form_page=EDITOR)

    def count() -> tuple[int, int, int]:
        counts = []
        for path in (EDITOR, PUBLIC, "/processen/dialoog/witboeken"):
            client.get(path)
            before = queries.count
            assert client.get(path).status_code == 200
            counts.append(queries.count - before)
        return counts[0], counts[1], counts[2]

    compiling.proposal(db, "Voorstel 0")
    few = count()
    for n in range(1, 7):
        compiling.proposal(db, f"Voorstel {n}")
    many = count()
    assert many == few
