"""Mail goes out through a real SMTP server, only after the transaction commits."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.config import MailSettings, Settings
from app.db import organization_scope
from app.jobs.runner import run_pending
from app.mail.service import queue_mail
from app.models import Job, Mail, Organization
from app.web.templating import make_environment
from tests.mailbox import Mailbox

CONTEXT = {
    "user": {"display_name": "Annelies"},
    "link": "http://x.test/bevestigen/abc",
    "hours": 72,
}


def _queue_confirmation(db: Session, organization: Organization, locale: str) -> Mail:
    with organization_scope(db, organization.id):
        return queue_mail(
            db,
            make_environment(),
            to="annelies@example.org",
            kind="confirm_email",
            locale=locale,
            context=CONTEXT,
        )


def test_a_queued_mail_is_sent_after_commit(
    db: Session,
    session_factory: sessionmaker[Session],
    settings: Settings,
    organization: Organization,
    mailbox: Mailbox,
) -> None:
    _queue_confirmation(db, organization, "en")
    assert mailbox.messages == []  # nothing leaves before the commit
    db.commit()
    assert run_pending(session_factory, settings) == 1
    message = mailbox.last_to("annelies@example.org")
    assert message["Subject"] == "Confirm your email address"
    assert "http://x.test/bevestigen/abc" in Mailbox.body(message)
    assert message["From"] == settings.mail.sender
    with organization_scope(db, organization.id):
        db.expire_all()
        assert db.scalar(select(Mail.status)) == "sent"


def test_a_rolled_back_transaction_sends_nothing(
    db: Session,
    session_factory: sessionmaker[Session],
    settings: Settings,
    organization: Organization,
    mailbox: Mailbox,
) -> None:
    _queue_confirmation(db, organization, "nl")
    db.rollback()
    assert run_pending(session_factory, settings) == 0
    assert mailbox.messages == []


def test_an_unreachable_mail_server_is_retried_then_marked_failed(
    db: Session,
    session_factory: sessionmaker[Session],
    settings: Settings,
    organization: Organization,
) -> None:
    down = settings.model_copy(
        update={"mail": MailSettings(backend="smtp", host="127.0.0.1", port=1, timeout_seconds=1)}
    )
    _queue_confirmation(db, organization, "nl")
    db.commit()
    run_pending(session_factory, down)
    db.expire_all()
    job = db.scalar(select(Job))
    assert job is not None
    assert (job.status, job.attempts) == ("queued", 1)
    assert job.error
    assert "ConnectionRefusedError" in job.error
    assert job.run_after > job.started_at  # backs off before the next try


def test_the_outbox_backend_keeps_mail_for_the_development_page(
    db: Session,
    session_factory: sessionmaker[Session],
    settings: Settings,
    organization: Organization,
    mailbox: Mailbox,
) -> None:
    kept = settings.model_copy(update={"mail": MailSettings(backend="outbox")})
    _queue_confirmation(db, organization, "nl")
    db.commit()
    run_pending(session_factory, kept)
    assert mailbox.messages == []
    with organization_scope(db, organization.id):
        db.expire_all()
        assert db.scalar(select(Mail.status)) == "kept"


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_mail_is_written_in_the_recipients_language(
    db: Session, organization: Organization, locale: str
) -> None:
    with organization_scope(db, organization.id):
        mail = queue_mail(
            db,
            make_environment(),
            to="a@example.org",
            kind="reset_password",
            locale=locale,
            context={"user": {"display_name": "A"}, "link": "http://x", "minutes": 60},
        )
    expected = {"nl": "Kies een nieuw wachtwoord", "en": "Choose a new password"}[locale]
    assert mail.subject == expected
