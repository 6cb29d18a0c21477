"""A real SMTP server for the tests (aiosmtpd), and what arrived at it."""

from __future__ import annotations

import re
import socket
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller


@dataclass
class Mailbox:
    messages: list[EmailMessage] = field(default_factory=list)

    def clear(self) -> None:
        self.messages.clear()

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]

    def last_to(self, address: str) -> EmailMessage:
        received = self.to(address)
        assert received, f"no mail arrived for {address}"
        return received[-1]

    @staticmethod
    def body(message: EmailMessage) -> str:
        part = message.get_body(preferencelist=("plain",))
        assert part is not None
        return str(part.get_content())

    def link_in_last(self, address: str, path_prefix: str) -> str:
        """The path of the first link in the last mail to ``address`` starting with the prefix."""
        match = re.search(
            rf"https?://[^/\s]+({re.escape(path_prefix)}\S+)", self.body(self.last_to(address))
        )
        assert match, f"no {path_prefix} link in the mail"
        return match.group(1)


class _Handler:
    def __init__(self, mailbox: Mailbox) -> None:
        self.mailbox = mailbox

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        message = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.mailbox.messages.append(message)
        return "250 Message accepted for delivery"


@dataclass
class SmtpServer:
    host: str
    port: int
    mailbox: Mailbox
    controller: Controller

    def stop(self) -> None:
        self.controller.stop()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_smtp_server(attempts: int = 3) -> SmtpServer:
    mailbox = Mailbox()
    for attempt in range(attempts):
        port = _free_port()
        controller = Controller(_Handler(mailbox), hostname="127.0.0.1", port=port)
        try:
            controller.start()
        except OSError:
            # Another process (an xdist worker's server, say) took the port meanwhile.
            if attempt == attempts - 1:
                raise
            continue
        return SmtpServer(host="127.0.0.1", port=port, mailbox=mailbox, controller=controller)
    raise AssertionError("unreachable")
