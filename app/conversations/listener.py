"""The inbound SMTP listener (aiosmtpd): ``flask inbound-smtp``. In production it sits
behind the MTA of ``REPLY_DOMAIN``, which relays ``reply+*@<domain>`` to it
(docs/deploy.md); in development ``make run`` starts it and the mail viewer's "Reply as
candidate" form talks to it.

One recipient per message (more are answered 452, so the MTA sends them separately and a
reply is never stored on two applications at once); an address that is not a reply address
is refused at RCPT. The message itself is checked and stored by ``inbound.receive`` in a
worker thread of the listener, each in its own app context and transaction.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from flask import Flask

from app.conversations import inbound
from app.extensions import db

log = logging.getLogger(__name__)


class InboundHandler:
    def __init__(self, app: Flask) -> None:
        self.app = app

    async def handle_RCPT(self, server: SMTP, session: Session, envelope: Envelope, address: str,
                          rcpt_options: list[str]) -> str:
        if envelope.rcpt_tos:
            return "452 4.5.3 Too many recipients (one reply address per message)"
        with self.app.app_context():
            token = inbound.token_of(address)
        if token is None:
            log.warning("inbound mail refused (not_a_reply_address): to=%s", inbound._mask(address))
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or envelope.content or b""
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, self.process, raw, envelope.rcpt_tos[0], envelope.mail_from or "")

    def process(self, raw: bytes, recipient: str, envelope_from: str) -> str:
        with self.app.app_context():
            try:
                reply = inbound.receive(raw, recipient, envelope_from)
            except inbound.Refused as refused:
                return refused.smtp_reply
            except Exception:  # the database is away, …: the sending MTA keeps it and tries again
                log.exception("inbound mail could not be stored; answered 451")
                db.session.rollback()
                return "451 4.3.0 Temporarily unable to store the message, try again later"
            finally:
                db.session.remove()
            return f"250 2.0.0 Stored as reply {reply.id}"


def start(app: Flask, host: str, port: int) -> Controller:
    """Start the listener in its own thread; ``.stop()`` it when done."""
    controller = Controller(InboundHandler(app), hostname=host, port=port,
                            data_size_limit=app.config["INBOUND_MAX_BYTES"])
    controller.start()
    return controller


def serve(app: Flask, host: str, port: int) -> None:
    """Run until SIGTERM or SIGINT."""
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd's line per connection
    controller = start(app, host, port)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    print(f"inbound SMTP on {host}:{port} for reply+*@{app.config['REPLY_DOMAIN']}", flush=True)
    try:
        stop.wait()
    finally:
        controller.stop()
