"""The SMTP sink's handler (every message kept) and the plain-text part of a message."""

from __future__ import annotations

import threading
from email import message_from_bytes, policy


class SinkHandler:
    """aiosmtpd handler that keeps every message; ``reply`` makes it answer errors."""

    def __init__(self):
        self.messages: list = []
        self.reply: str | None = None  # e.g. "450 try later"
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        if self.reply:
            return self.reply
        with self.lock:
            self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


def text_of(msg) -> str:
    for part in msg.walk():
        if part.get_content_type() == "text/plain":
            return part.get_content()
    return ""
