"""notify(): each person is told as they chose, and mailed only where that is allowed."""

from __future__ import annotations

import pytest
from jinja2 import Environment
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import organization_scope
from app.i18n import gettext, set_locale
from app.models import Mail, Notification, Organization, User
from app.notifications import queries, service
from app.notifications.kinds import NotificationKind
from app.web.templating import make_environment
from tests.factories import make_user

# A kind whose mail template exists (templates/mail/application_received.txt).
KIND = NotificationKind.APPLICATION_RECEIVED


@pytest.fixture
def jinja() -> Environment:
    return make_environment()


def _notify(db: Session, organization: Organization, jinja: Environment, *users: User) -> int:
    with organization_scope(db, organization.id):
        return service.notify(
            db,
            jinja,
            users,
            KIND,
            link="/processen/dialoog/groepen/sport/aanmeldingen",
            params={"name": "Joost", "group": "Werkgroep Sport"},
            base_url="http://testdorp.test",
        )


def _mails(db: Session, organization: Organization) -> dict[str, Mail]:
    with organization_scope(db, organization.id):
        return {mail.recipient: mail for mail in db.scalars(select(Mail))}


def _in_app(db: Session, organization: Organization) -> set[int]:
    with organization_scope(db, organization.id):
        return set(db.scalars(select(Notification.user_id)))


def test_each_person_is_told_as_they_chose(
    db: Session, organization: Organization, jinja: Environment
) -> None:
    everything = make_user(db, organization, email="alles@example.org")
    no_bell = make_user(db, organization, email="geen-bel@example.org")
    no_mail = make_user(db, organization, email="geen-mail@example.org")
    with organization_scope(db, organization.id):
        service.set_preference(db, no_bell.id, KIND, in_app=False, by_mail=True)
        service.set_preference(db, no_mail.id, KIND, in_app=True, by_mail=False)
        # A choice for another kind does not touch this one.
        service.set_preference(
            db, everything.id, NotificationKind.MINUTES_SHARED, in_app=False, by_mail=False
        )

    assert _notify(db, organization, jinja, everything, no_bell, no_mail) == 2
    assert _in_app(db, organization) == {everything.id, no_mail.id}
    assert set(_mails(db, organization)) == {"alles@example.org", "geen-bel@example.org"}


def test_no_mail_when_switched_off_on_the_profile_or_the_address_is_unconfirmed(
    db: Session, organization: Organization, jinja: Environment
) -> None:
    quiet = make_user(db, organization, email="stil@example.org")
    quiet.notify_by_mail = False
    unconfirmed = make_user(db, organization, email="nieuw@example.org", confirmed=False)

    assert _notify(db, organization, jinja, quiet, unconfirmed) == 0
    assert _mails(db, organization) == {}
    # The bell still tells them both.
    assert _in_app(db, organization) == {quiet.id, unconfirmed.id}


def test_the_mail_is_written_in_the_recipients_language(
    db: Session, organization: Organization, jinja: Environment
) -> None:
    dutch = make_user(db, organization, email="nl@example.org")
    english = make_user(db, organization, email="en@example.org")
    english.locale = "en"

    assert _notify(db, organization, jinja, dutch, english) == 2
    mails = _mails(db, organization)
    subject = "New application for %(group)s"
    set_locale("nl")
    assert mails["nl@example.org"].subject == gettext(subject, group="Werkgroep Sport")
    assert mails["nl@example.org"].subject != "New application for Werkgroep Sport"
    assert mails["en@example.org"].subject == "New application for Werkgroep Sport"
    link = "http://testdorp.test/processen/dialoog/groepen/sport/aanmeldingen"
    assert link in mails["en@example.org"].body


def test_preferences_start_all_on_and_only_changes_are_stored(
    db: Session, organization: Organization
) -> None:
    user = make_user(db, organization)
    with organization_scope(db, organization.id):
        assert set(queries.preferences(db, user.id).values()) == {(True, True)}
        choices = dict.fromkeys(NotificationKind, (True, True))
        choices[KIND] = (True, False)
        assert service.set_preferences(db, user.id, choices) == 1
        assert service.set_preferences(db, user.id, choices) == 0
        saved = queries.preferences(db, user.id)
    assert saved[KIND] == (True, False)
    assert saved[NotificationKind.MINUTES_SHARED] == (True, True)
