"""A person's own things stay theirs: another participant of the same organization, who
knows or guesses the id, gets 403 or 404 for someone else's session, notification,
application, draft proposal, export and attachment, and changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import models as m
from app.db import ALL_ORGANIZATIONS, organization_scope
from app.demo.loader import load_demo
from app.proposals.states import ProposalState
from app.recruitment.states import ApplicationStatus
from tests.factories import make_user
from tests.security.test_object_ids import _changed, _fingerprint
from tests.web.helpers import csrf_token, sign_in

HOST = "http://zeist.localhost"
OWNER = "eigenaar@example.org"
OTHER = "nieuwsgierig@example.org"
# What the other person's own requests may write: their session's last use, and the audit
# trail of what they were refused.
BOOKKEEPING = frozenset({"user_sessions", "audit_entries"})


@dataclass
class Things:
    """Someone's own things in Zeist, and the two people."""

    organization: int
    slug: str
    session: int
    notification: int
    application: int
    draft: int
    export: int
    attachment: int
    owner: TestClient
    other: TestClient


@pytest.fixture
def things(app: FastAPI, db: Session) -> Iterator[Things]:
    load_demo(db)
    db.flush()
    zeist = db.scalar(
        select(m.Organization).where(m.Organization.slug == "zeist"),
        execution_options={ALL_ORGANIZATIONS: True},
    )
    assert zeist is not None
    owner = make_user(db, zeist, email=OWNER, display_name="Eigenaar")
    make_user(db, zeist, email=OTHER, display_name="Nieuwsgierig")
    with organization_scope(db, zeist.id):
        process = db.scalars(select(m.Process)).one()
        application = db.scalars(
            select(m.ExpertApplication).where(
                m.ExpertApplication.status == ApplicationStatus.PENDING
            )
        ).first()
        draft = db.scalars(
            select(m.Proposal).where(m.Proposal.state == ProposalState.DRAFT)
        ).first()
        assert application is not None
        assert draft is not None
        notification = m.Notification(
            user_id=owner.id, kind="application_decided", params={}, link="/profiel"
        )
        export = m.DataExport(
            user_id=owner.id,
            status="ready",
            file_name="export.zip",
            size_bytes=10,
            expires_at=datetime.now(UTC) + timedelta(days=7),
        )
        attachment = m.Attachment(
            proposal_id=draft.id,
            stored_name="0123456789abcdef0123456789abcdef",
            original_name="mijn-plan.pdf",
            content_type="application/pdf",
            size_bytes=10,
            sha256="0" * 64,
            uploaded_by_id=draft.author_id,
        )
        db.add_all([notification, export, attachment])
        db.flush()
    db.commit()
    with TestClient(app, base_url=HOST) as mine, TestClient(app, base_url=HOST) as theirs:
        sign_in(mine, OWNER)
        sign_in(theirs, OTHER)
        with organization_scope(db, zeist.id):
            session = db.scalars(
                select(m.UserSession.id).where(m.UserSession.user_id == owner.id)
            ).one()
        yield Things(
            zeist.id,
            process.slug,
            session,
            notification.id,
            application.id,
            draft.id,
            export.id,
            attachment.id,
            mine,
            theirs,
        )


def test_someone_elses_things_are_refused(db: Session, things: Things) -> None:
    other = things.other
    token = csrf_token(other, "/profiel")
    process = f"/processen/{things.slug}"
    asks = [
        ("POST", f"/profiel/sessies/{things.session}/beeindigen"),
        ("GET", f"/meldingen/{things.notification}"),
        ("POST", f"{process}/aanmeldingen/{things.application}/intrekken"),
        ("GET", f"{process}/voorstellen/{things.draft}"),
        ("GET", f"{process}/voorstellen/{things.draft}/versies"),
        ("GET", f"{process}/voorstellen/{things.draft}/bewerken"),
        ("POST", f"{process}/voorstellen/{things.draft}/bewerken"),
        ("POST", f"{process}/voorstellen/{things.draft}/stap"),
        ("POST", f"{process}/voorstellen/{things.draft}/bijlagen"),
        ("GET", f"/profiel/gegevens/{things.export}/download"),
        ("GET", f"/bijlagen/{things.attachment}"),
        ("POST", f"/bijlagen/{things.attachment}/verwijderen"),
    ]
    before = _fingerprint(db, things.organization, BOOKKEEPING)
    answered = []
    for method, path in asks:
        if method == "GET":
            status = other.get(path, follow_redirects=False).status_code
        else:
            data = {"csrf_token": token, "action": "submit"}
            status = other.post(path, data=data, follow_redirects=False).status_code
        if status not in (403, 404):
            answered.append(f"{status} {method} {path}")
    assert not answered, "answered instead of refused:\n" + "\n".join(answered)
    assert _changed(before, _fingerprint(db, things.organization, BOOKKEEPING)) == []
    # The owner is still signed in (their session was not ended by the other person), and
    # opens their own notification: the refusals above were about whose it is.
    assert things.owner.get("/profiel", follow_redirects=False).status_code == 200
    mine = things.owner.get(f"/meldingen/{things.notification}", follow_redirects=False)
    assert mine.status_code in (200, 303)
