"""The inbound mailbox: a candidate's reply, as the SMTP listener received it, checked and
stored on the application it answers — or refused with an SMTP code and a log line.

Checks, in order (the first that fails refuses the whole message, nothing is stored):

1. size (``INBOUND_MAX_BYTES``) → 552;
2. the recipient ``reply+<token>@<REPLY_DOMAIN>`` names an email Haku sent → else 550;
3. the message parses (stdlib ``email``) without structural defects and has a From → else 550;
4. From is the candidate's address (case-insensitive) → else 550, logged as spoofed;
5. every attachment is a PDF or an image (PNG, JPEG, GIF, WebP, by content, not by its
   declared type) no larger than ``INBOUND_ATTACHMENT_MAX_BYTES`` → else 552/550.

The work happens here, in the listener's own transaction, not in a task: parsing a capped
message is cheap, and answering after the commit is what lets the SMTP reply say what
happened — the candidate's MTA bounces a refused reply to them, and a database outage
answers 451 so the MTA tries again later; nothing needs a raw-message table in between.
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import html
import logging
import re
from dataclasses import dataclass
from email.errors import (
    CloseBoundaryNotFoundDefect,
    FirstHeaderLineIsContinuationDefect,
    MissingHeaderBodySeparatorDefect,
    MultipartInvariantViolationDefect,
    NoBoundaryInMultipartDefect,
    StartBoundaryNotFoundDefect,
)
from email.header import decode_header, make_header
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.applications import files
from app.applications.models import Application
from app.applications.services import add_event
from app.conversations.models import InboundAttachment, InboundEmail
from app.extensions import db
from app.links import path_for
from app.messaging.models import OutboxEmail
from app.messaging.services import notify

log = logging.getLogger(__name__)

TOKEN_RE = re.compile(r"^reply\+([0-9a-f]{32})@(.+)$", re.IGNORECASE)
_FATAL_DEFECTS = (CloseBoundaryNotFoundDefect, FirstHeaderLineIsContinuationDefect, MissingHeaderBodySeparatorDefect,
                  MultipartInvariantViolationDefect, NoBoundaryInMultipartDefect, StartBoundaryNotFoundDefect)
#: Where the quoted original starts in a reply ("On … wrote:" in the candidate's language).
_ATTRIBUTION = re.compile(r"^\s*(on\b.*\bwrote|.*\b(kirjoitti|skrev|đã viết|viết))\s*:\s*$", re.IGNORECASE)
_ORIGINAL = re.compile(r"^\s*(-{2,}\s*(original message|alkuperäinen viesti|ursprungligt meddelande)\s*-{2,}"
                       r"|_{10,})\s*$", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_BODY_CHARS = 50_000


@dataclass
class Refused(Exception):
    """Why a message is not taken: the SMTP code and text, and the reason for the log."""

    smtp_code: int
    reason: str

    @property
    def smtp_reply(self) -> str:
        status = {550: "5.1.1" if self.reason in ("unknown_token", "not_a_reply_address") else "5.7.1",
                  552: "5.3.4"}.get(self.smtp_code, "5.0.0")
        return f"{self.smtp_code} {status} {self.reason.replace('_', ' ')}"


def token_of(address: str) -> str | None:
    """The token of ``reply+<token>@<REPLY_DOMAIN>``, or None for any other address."""
    match = TOKEN_RE.match((address or "").strip().strip("<>"))
    if match is None or match.group(2).lower() != current_app.config["REPLY_DOMAIN"].lower():
        return None
    return match.group(1).lower()


def receive(raw: bytes, recipient: str, envelope_from: str = "") -> InboundEmail:
    """Check and store one reply (commits), or raise ``Refused`` having stored nothing."""
    try:
        return _receive(raw, recipient)
    except Refused as refused:
        db.session.rollback()
        log.warning("inbound mail refused (%s): to=%s envelope_from=%s size=%s", refused.reason,
                    _mask(recipient), envelope_from, len(raw))
        raise


def _mask(address: str) -> str:
    """The recipient for a log line: the token must not be usable from a log."""
    return re.sub(r"(reply\+[0-9a-fA-F]{4})[0-9a-fA-F]+", r"\1…", address or "")


def _receive(raw: bytes, recipient: str) -> InboundEmail:
    if len(raw) > current_app.config["INBOUND_MAX_BYTES"]:
        raise Refused(552, "message_too_large")
    token = token_of(recipient)
    if token is None:
        raise Refused(550, "not_a_reply_address")
    sent = db.session.scalar(select(OutboxEmail).where(OutboxEmail.reply_token == token))
    application = db.session.get(Application, sent.application_id) if sent and sent.application_id else None
    if application is None or application.company_id != sent.company_id:
        raise Refused(550, "unknown_token")
    msg = _parse(raw)
    sender_name, sender = _sender(msg)
    candidate = application.candidate
    if not candidate.email or sender.lower() != candidate.email.strip().lower():
        raise Refused(550, "sender_does_not_match")
    attachments = list(_attachments(msg))
    digest = hashlib.sha256(raw).hexdigest()
    existing = db.session.scalar(select(InboundEmail).where(InboundEmail.application_id == application.id,
                                                           InboundEmail.raw_sha256 == digest))
    if existing is not None:
        return existing  # the MTA delivered it again (our 250 was lost): already stored
    reply = InboundEmail(company_id=application.company_id, application_id=application.id, outbox_id=sent.id,
                         from_addr=sender[:254], from_name=sender_name[:200], subject=_header(msg, "Subject")[:300],
                         body_text=strip_quoted(_body(msg))[:MAX_BODY_CHARS],
                         message_id=_header(msg, "Message-ID")[:255] or None, raw_sha256=digest)
    db.session.add(reply)
    for filename, content_type, data in attachments:
        stored = files.store(application.company_id, filename, data, content_type)
        db.session.flush()
        reply.attachments.append(InboundAttachment(stored_file_id=stored.id, filename=stored.filename,
                                                   content_type=content_type, size=len(data)))
    db.session.flush()
    add_event(application, "reply_received", data={"subject": reply.subject, "attachments": len(attachments)},
              activity=True)
    _notify(application, reply)
    db.session.commit()
    log.info("inbound reply %s stored on application %s (%s attachments)", reply.id, application.id,
             len(attachments))
    return reply


def _parse(raw: bytes) -> EmailMessage:
    try:
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        defects = [d for part in msg.walk() for d in part.defects]
    except Exception as exc:  # the stdlib parser is lenient; anything it still raises is malformed mail
        raise Refused(550, "malformed_message") from exc
    if any(isinstance(d, _FATAL_DEFECTS) for d in defects) or not raw.strip():
        raise Refused(550, "malformed_message")
    return msg


def _header(msg: EmailMessage, name: str) -> str:
    """A header as text, its RFC 2047 words decoded by the legacy decoder (see ``_sender``)."""
    raw = next((value for key, value in msg.raw_items() if key.lower() == name.lower()), "")
    try:
        value = str(make_header(decode_header(raw)))
    except Exception:  # a header that cannot be decoded: kept as it came
        value = raw
    return _CONTROL.sub("", " ".join(value.split()))


def _sender(msg: EmailMessage) -> tuple[str, str]:
    """(display name, address) of the one From address; a missing or multiple From is malformed."""
    # The raw value, split into addresses before any RFC 2047 word is decoded: a decoded
    # name may hold a comma, and the stdlib's decoder puts a space between two adjacent
    # encoded words of one folded name ("Hoà ng"); the legacy decoder joins them.
    values = [value for name, value in msg.raw_items() if name.lower() == "from"]
    try:
        addresses = [(n, a) for n, a in getaddresses(values) if a]
        name = str(make_header(decode_header(addresses[0][0]))) if addresses else ""
    except Exception as exc:
        raise Refused(550, "malformed_message") from exc
    if len(values) != 1 or len(addresses) != 1 or "@" not in addresses[0][1]:
        raise Refused(550, "malformed_message")
    return " ".join(_CONTROL.sub("", name).split()), parseaddr(addresses[0][1])[1].strip()


def _text_of(part) -> str:
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, KeyError, AssertionError):
        payload = part.get_payload(decode=True) or b""
        content = payload.decode("utf-8", "replace")
    return content if isinstance(content, str) else ""


def _body(msg: EmailMessage) -> str:
    """The plain text of the reply: its text/plain body, else its HTML body as text."""
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    text = _text_of(part)
    if part.get_content_type() == "text/html":
        text = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", "", text)
        text = re.sub(r"(?i)<br\s*/?>|</p\s*>|</div\s*>", "\n", text)
        text = html.unescape(_TAG.sub("", text))
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def strip_quoted(text: str) -> str:
    """The new text of a reply: everything before the quoted original ("On … wrote:",
    a "---- Original message ----" line, or the first run of ``>`` lines at the end).
    When that would leave nothing, the whole text is kept."""
    lines = text.split("\n")
    cut = len(lines)
    for i, line in enumerate(lines):
        if _ATTRIBUTION.match(line) or _ORIGINAL.match(line):
            cut = i
            break
        if line.lstrip().startswith(">") and all(not x.strip() or x.lstrip().startswith(">") for x in lines[i:]):
            cut = i
            break
    kept = "\n".join(lines[:cut]).strip()
    return kept or text.strip()


#: What a reply may carry, told by the first bytes (the declared type is the sender's claim).
_SIGNATURES = (
    (lambda d: files.looks_like_pdf(d), "application/pdf"),
    (lambda d: d.startswith(b"\x89PNG\r\n\x1a\n"), "image/png"),
    (lambda d: d.startswith(b"\xff\xd8\xff"), "image/jpeg"),
    (lambda d: d[:6] in (b"GIF87a", b"GIF89a"), "image/gif"),
    (lambda d: d[:4] == b"RIFF" and d[8:12] == b"WEBP", "image/webp"),
)


def _attachments(msg: EmailMessage):
    """(filename, content type, bytes) of each attachment, or ``Refused`` for the first
    that is too large or not a PDF or an image."""
    cap = current_app.config["INBOUND_ATTACHMENT_MAX_BYTES"]
    body = msg.get_body(preferencelist=("plain", "html"))
    for part in msg.walk():
        if part.is_multipart() or part is body:
            continue
        disposition = part.get_content_disposition()
        if disposition is None and part.get_content_maintype() == "text":
            continue  # an alternative text part of the body
        data = part.get_payload(decode=True) or b""
        if len(data) > cap:
            raise Refused(552, "attachment_too_large")
        content_type = next((ctype for check, ctype in _SIGNATURES if check(data)), None)
        if content_type is None:
            raise Refused(550, "attachment_type_not_accepted")
        yield (part.get_filename() or "attachment"), content_type, data


def _notify(application: Application, reply: InboundEmail) -> None:
    job = application.job
    users = job.notify_users() if job is not None else []
    name = application.candidate.full_name
    notify(users, company_id=application.company_id, kind="candidate_replied",
           title=_l("%(name)s replied by email", name=name), body=reply.subject,
           link=path_for("admin.application", application_id=application.id) + "#conversation",
           dedupe_key=f"reply:{reply.id}")
