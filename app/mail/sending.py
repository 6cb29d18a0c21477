"""The job that delivers a queued mail through SMTP (or keeps it, in development)."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from sqlalchemy.orm import Session

from app.config import MailSettings, Settings
from app.db import utcnow
from app.jobs import job
from app.models import Mail


def build_message(mail: Mail, settings: MailSettings) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings.sender
    message["To"] = mail.recipient
    message["Subject"] = mail.subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=settings.sender.rsplit("@", 1)[-1].rstrip(">"))
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(mail.body)
    return message


def deliver(message: EmailMessage, settings: MailSettings) -> None:
    context = ssl.create_default_context()
    smtp: smtplib.SMTP
    if settings.security == "tls":
        smtp = smtplib.SMTP_SSL(
            settings.host, settings.port, timeout=settings.timeout_seconds, context=context
        )
    else:
        smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout_seconds)
    with smtp:
        if settings.security == "starttls":
            smtp.starttls(context=context)
        if settings.username:
            smtp.login(settings.username, settings.password or "")
        smtp.send_message(message)


@job("mail.send")
def send_mail(session: Session, app_settings: Settings, *, mail_id: int) -> None:
    mail = session.get(Mail, mail_id)
    if mail is None or mail.status == "sent":
        return  # already done by an earlier attempt
    settings = app_settings.mail
    if settings.backend == "outbox":
        mail.status = "kept"
        return
    deliver(build_message(mail, settings), settings)
    mail.status, mail.sent_at, mail.error = "sent", utcnow(), None
