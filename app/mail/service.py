"""Writing mails: rendered from templates in the recipient's language, stored, and sent by
a job after the request commits (so a rolled-back request sends nothing)."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from sqlalchemy.orm import Session

from app.i18n import get_locale, set_locale
from app.jobs import enqueue
from app.models import Mail


def queue_mail(
    session: Session,
    jinja: Environment,
    *,
    to: str,
    kind: str,
    locale: str,
    context: dict[str, Any],
) -> Mail:
    """Render ``templates/mail/<kind>.txt`` (first line: the subject) and queue it."""
    previous = get_locale()
    set_locale(locale)
    try:
        text = jinja.get_template(f"mail/{kind}.txt").render(context)
    finally:
        set_locale(previous)
    subject, _, body = text.strip().partition("\n")
    mail = Mail(recipient=to, subject=subject.strip(), body=body.strip() + "\n", kind=kind)
    session.add(mail)
    session.flush()
    enqueue(session, "mail.send", mail_id=mail.id)
    return mail
