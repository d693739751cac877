"""Local SMTP sink and mail viewer for development.

Run as its own process (the launcher starts it when ``MAIL_SERVER`` is unset)::

    python -m devtools.mailsink --smtp-port 1025 --http-port 8025 --store instance/mail

Every message the app sends is accepted (no relaying, no auth checks) and stored as one
``.eml`` file, so mail survives a restart and a person can click the links in it (EMREX
invites, opt-out links). ``/api/messages`` gives tests and scripts the decoded mail as
JSON. A message with a ``Reply-To`` has a "Reply as candidate" form: it sends a reply (with
an optional attachment) over SMTP to Haku's inbound listener (``--inbound-port``, the
``flask inbound-smtp`` that ``make run`` starts) and shows its answer. This is a
third-party stand-in: it never imports ``app/``.
"""

from __future__ import annotations

import argparse
import email
import email.policy
import logging
import os
import re
import signal
import smtplib
import sys
import threading
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage, Message
from email.utils import getaddresses
from pathlib import Path
from types import FrameType
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, Session
from flask import Flask, Response, abort, jsonify, redirect, render_template, request, url_for
from jinja2 import DictLoader
from markupsafe import Markup, escape
from werkzeug.serving import make_server

log = logging.getLogger("devtools.mailsink")

DEFAULT_HOST = "127.0.0.1"
DEFAULT_SMTP_PORT = 1025
DEFAULT_HTTP_PORT = 8025
DEFAULT_STORE = Path("instance") / "mail"
DEFAULT_INBOUND_PORT = 2525
#: The reply form refuses bigger uploads itself (the listener has its own cap).
REPLY_MAX_BYTES = 20 * 1024 * 1024

#: Stored names are ``<UTC timestamp>-<uuid hex>``; they sort by arrival time and the
#: regex is the only gate between a URL segment and the file system.
NAME_RE = re.compile(r"^\d{8}T\d{12}Z-[0-9a-f]{32}$")
#: Links a person may want to click: only http(s), never javascript: or data:.
URL_RE = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
#: Characters that usually end a sentence rather than belong to a URL.
URL_TRAILING = ".,;:!?)]}'\""
#: The list page parses every file; cap it so a busy sink stays fast.
LIST_LIMIT = 500


# --------------------------------------------------------------------------- storage


def new_name(now: datetime | None = None) -> str:
    """Return a unique, time-sortable file stem for a received message."""
    now = now or datetime.now(UTC)
    return f"{now.strftime('%Y%m%dT%H%M%S%f')}Z-{uuid.uuid4().hex}"


def store_message(store: Path, raw: bytes, mail_from: str | None, rcpt_tos: list[str]) -> str:
    """Write one message atomically (temp file + rename) and return its name.

    The envelope is kept as ``X-Envelope-*`` headers in front of the message because
    Bcc recipients appear nowhere else.
    """
    name = new_name()
    envelope = (
        f"X-Envelope-From: {mail_from or ''}\r\n"
        f"X-Envelope-To: {', '.join(rcpt_tos)}\r\n"
    ).encode("utf-8", "replace")
    tmp = store / f".{name}.tmp"
    with open(tmp, "wb") as fh:
        fh.write(envelope + raw)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, store / f"{name}.eml")
    return name


def message_path(store: Path, name: str) -> Path:
    """Map a URL name to its file, or 404 for anything that is not a stored name."""
    if not NAME_RE.match(name):
        abort(404)
    path = store / f"{name}.eml"
    if not path.is_file():
        abort(404)
    return path


def list_names(store: Path, limit: int = LIST_LIMIT) -> list[str]:
    """Stored message names, newest first (names sort by arrival time)."""
    names = [p.stem for p in store.glob("*.eml") if NAME_RE.match(p.stem)]
    names.sort(reverse=True)
    return names[:limit]


# --------------------------------------------------------------------------- parsing


def decode_part(part: Message) -> str:
    """Decode a text part's transfer encoding and charset, never failing on bad input.

    ``get_content()`` handles quoted-printable/base64 and the declared charset; a
    mislabelled or unknown charset falls back to UTF-8 with replacement characters so
    the viewer still shows something.
    """
    if isinstance(part, EmailMessage):
        try:
            content = part.get_content()
            if isinstance(content, str):
                return content
        except (LookupError, UnicodeError, KeyError) as exc:
            log.debug("falling back to lenient decoding: %s", exc)
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return str(part.get_payload())
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, "replace")
    except LookupError:
        return payload.decode("utf-8", "replace")


def header(msg: Message, name: str) -> str:
    """A header as display text (RFC 2047 words decoded), or '' when absent."""
    value = msg.get(name)
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Attachment:
    """What the viewer shows about an attachment: enough to know it was sent."""

    filename: str
    content_type: str
    size: int


@dataclass(frozen=True)
class ParsedMail:
    """A stored message decoded once for the list, the detail page and the API."""

    id: str
    received: datetime
    sender: str
    to: str
    cc: str
    subject: str
    date: str
    envelope_from: str
    envelope_to: str
    headers: list[tuple[str, str]]
    reply_to: str
    message_id: str
    text: str | None
    html: str | None
    attachments: list[Attachment]

    def as_json(self) -> dict[str, Any]:
        """The API shape: flat, strings only, easy to assert on in tests."""
        return {
            "id": self.id,
            "received": self.received.isoformat(),
            "from": self.sender,
            "to": self.to,
            "to_addresses": [addr for _, addr in getaddresses([self.to]) if addr],
            "cc": self.cc,
            "envelope_from": self.envelope_from,
            "envelope_to": [a.strip() for a in self.envelope_to.split(",") if a.strip()],
            "subject": self.subject,
            "reply_to": self.reply_to,
            "date": self.date,
            "text": self.text or "",
            "html": self.html or "",
            "attachments": [a.filename for a in self.attachments],
        }


def received_at(name: str) -> datetime:
    """Arrival time encoded in the stored name."""
    return datetime.strptime(name.split("Z-", 1)[0], "%Y%m%dT%H%M%S%f").replace(
        tzinfo=UTC
    )


def parse_message(name: str, raw: bytes) -> ParsedMail:
    """Decode a stored message; the first inline text/plain and text/html parts win.

    Flask-Mail sends multipart/mixed with multipart/alternative inside, so the parts
    are found with ``walk()`` rather than assuming a shape.
    """
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    text: str | None = None
    html: str | None = None
    attachments: list[Attachment] = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        disposition = part.get_content_disposition()
        if disposition != "attachment" and ctype == "text/plain" and text is None:
            text = decode_part(part)
        elif disposition != "attachment" and ctype == "text/html" and html is None:
            html = decode_part(part)
        else:
            payload = part.get_payload(decode=True)
            attachments.append(
                Attachment(
                    filename=part.get_filename() or "(unnamed)",
                    content_type=ctype,
                    size=len(payload) if isinstance(payload, bytes) else 0,
                )
            )
    shown = ("From", "To", "Cc", "Reply-To", "Subject", "Date", "Message-ID")
    return ParsedMail(
        id=name,
        received=received_at(name),
        sender=header(msg, "From") or header(msg, "X-Envelope-From"),
        to=header(msg, "To") or header(msg, "X-Envelope-To"),
        cc=header(msg, "Cc"),
        subject=header(msg, "Subject"),
        date=header(msg, "Date"),
        envelope_from=header(msg, "X-Envelope-From"),
        envelope_to=header(msg, "X-Envelope-To"),
        headers=[(h, header(msg, h)) for h in shown if msg.get(h) is not None],
        reply_to=header(msg, "Reply-To"),
        message_id=header(msg, "Message-ID"),
        text=text,
        html=html,
        attachments=attachments,
    )


def load(store: Path, name: str) -> ParsedMail:
    """Read and parse one stored message (404 if it is not there)."""
    return parse_message(name, message_path(store, name).read_bytes())


def linkify(text: str) -> Markup:
    """Escape plain text and turn http(s) URLs into links a person can click."""
    out: list[str] = []
    pos = 0
    for match in URL_RE.finditer(text):
        url = match.group(0).rstrip(URL_TRAILING)
        end = match.start() + len(url)
        out.append(str(escape(text[pos : match.start()])))
        out.append(
            f'<a href="{escape(url)}" target="_blank" rel="noopener noreferrer">{escape(url)}</a>'
        )
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def local_time(value: datetime) -> str:
    """Show arrival times in the developer's local zone."""
    return value.astimezone().strftime("%Y-%m-%d %H:%M:%S")


# --------------------------------------------------------------------------- web app

TEMPLATES = {
    "base.html": """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{% block head %}{% endblock %}
<title>{% block title %}Mail{% endblock %} · Haku mail sink</title>
<style>
  :root { color-scheme: light; --line: #d8dde3; --muted: #5c6773; --accent: #1f5fbf; }
  body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0;
         color: #1d2329; background: #f6f7f9; }
  header { background: #1d2329; color: #fff; padding: .6rem 1.2rem; display: flex;
           gap: 1rem; align-items: center; }
  header a { color: #fff; text-decoration: none; font-weight: 600; }
  header form { margin-left: auto; }
  main { padding: 1rem 1.2rem; max-width: 72rem; }
  table { border-collapse: collapse; width: 100%; background: #fff; }
  th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--line);
           vertical-align: top; }
  th { font-size: .8rem; text-transform: uppercase; color: var(--muted); }
  td.time { white-space: nowrap; color: var(--muted); font-variant-numeric: tabular-nums; }
  a { color: var(--accent); }
  .muted { color: var(--muted); }
  pre.text { white-space: pre-wrap; word-break: break-word; background: #fff;
             border: 1px solid var(--line); padding: .8rem; font: 14px/1.5 ui-monospace,
             SFMono-Regular, Menlo, Consolas, monospace; }
  iframe { width: 100%; height: 32rem; border: 1px solid var(--line); background: #fff; }
  dl.headers { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem;
               background: #fff; border: 1px solid var(--line); padding: .8rem; }
  dl.headers dt { color: var(--muted); }
  dl.headers dd { margin: 0; word-break: break-word; }
  button { font: inherit; padding: .25rem .7rem; cursor: pointer; }
  h2 { font-size: 1rem; margin: 1.4rem 0 .4rem; }
  form.reply { display: grid; gap: .3rem; background: #fff; border: 1px solid var(--line);
               padding: .8rem; max-width: 48rem; }
  form.reply input:not([type=file]), form.reply textarea { font: inherit; padding: .3rem;
               width: 100%; box-sizing: border-box; }
  form.reply label { color: var(--muted); font-size: .85rem; margin-top: .3rem; }
  p.ok, p.refused { padding: .6rem .8rem; border: 1px solid var(--line); background: #fff;
                    overflow-wrap: anywhere; }
  p.ok { border-color: #8fcf9f; } p.refused { border-color: #e3a1a1; }
</style></head>
<body>
<header>
  <a href="{{ url_for('index') }}">Haku mail sink</a>
  <span class="muted">SMTP {{ smtp_address }}</span>
  <form method="post" action="{{ url_for('delete_all') }}">
    <button type="submit">Delete all</button>
  </form>
</header>
<main>{% block main %}{% endblock %}</main>
</body></html>
""",
    "index.html": """{% extends "base.html" %}
{% block head %}<meta http-equiv="refresh" content="5">{% endblock %}
{% block title %}Inbox ({{ messages|length }}){% endblock %}
{% block main %}
{% if messages %}
<table>
  <thead><tr><th>Received</th><th>From</th><th>To</th><th>Subject</th></tr></thead>
  <tbody>
  {% for m in messages %}
    <tr>
      <td class="time">{{ local_time(m.received) }}</td>
      <td>{{ m.sender }}</td>
      <td>{{ m.to }}</td>
      <td><a href="{{ url_for('show', name=m.id) }}">{{ m.subject or "(no subject)" }}</a></td>
    </tr>
  {% endfor %}
  </tbody>
</table>
{% else %}
<p class="muted">No mail yet. Anything sent to {{ smtp_address }} shows up here
(this page refreshes itself).</p>
{% endif %}
{% endblock %}
""",
    "message.html": """{% extends "base.html" %}
{% block title %}{{ m.subject or "(no subject)" }}{% endblock %}
{% block main %}
<p><a href="{{ url_for('index') }}">&larr; All mail</a>
 · <a href="{{ url_for('show', name=m.id ~ '.eml') }}">Download .eml</a></p>
<dl class="headers">
  {% for name, value in m.headers %}<dt>{{ name }}</dt><dd>{{ value }}</dd>{% endfor %}
  <dt>Envelope</dt><dd>{{ m.envelope_from }} &rarr; {{ m.envelope_to }}</dd>
  <dt>Received</dt><dd>{{ local_time(m.received) }}</dd>
</dl>
<h2>Text</h2>
{% if m.text is not none %}<pre class="text">{{ linkify(m.text) }}</pre>
{% else %}<p class="muted">No text/plain part.</p>{% endif %}
<h2>HTML</h2>
{% if m.html is not none %}
<p class="muted">Rendered in a sandbox without scripts; links open in a new tab.</p>
<iframe sandbox="allow-popups allow-popups-to-escape-sandbox" referrerpolicy="no-referrer"
        srcdoc="{{ html_doc }}" title="HTML part"></iframe>
{% else %}<p class="muted">No text/html part.</p>{% endif %}
{% if m.attachments %}
<h2>Attachments</h2>
<ul>{% for a in m.attachments %}
  <li>{{ a.filename }} <span class="muted">({{ a.content_type }}, {{ a.size }} bytes)</span></li>
{% endfor %}</ul>
{% endif %}
{% if m.reply_to %}{% include "reply_form.html" %}{% endif %}
{% endblock %}
""",
    "reply_form.html": """<h2 id="reply">Reply as candidate</h2>
<p class="muted">Sends this reply over SMTP to Haku's inbound listener ({{ inbound_address }}),
as the candidate's mail server would, to {{ m.reply_to }}.</p>
<form class="reply" method="post" enctype="multipart/form-data" action="{{ url_for('reply', name=m.id) }}">
  <label for="reply-from">From</label>
  <input id="reply-from" name="from" value="{{ form.get('from', m.to) }}" required>
  <label for="reply-subject">Subject</label>
  <input id="reply-subject" name="subject" value="{{ form.get('subject', reply_subject) }}">
  <label for="reply-body">Message</label>
  <textarea id="reply-body" name="body" rows="8">{{ form.get('body', reply_body) }}</textarea>
  <label for="reply-file">Attachment (optional)</label>
  <input id="reply-file" type="file" name="attachment">
  <p><button type="submit">Send reply</button></p>
</form>
""",
    "reply_result.html": """{% extends "base.html" %}
{% block title %}Reply{% endblock %}
{% block main %}
<p><a href="{{ url_for('show', name=m.id) }}">&larr; Back to the message</a></p>
{% if ok %}
<p class="ok" role="status">Haku accepted the reply: <code>{{ answer }}</code></p>
{% else %}
<p class="refused" role="alert">Haku refused the reply: <code>{{ answer }}</code></p>
{% endif %}
{% include "reply_form.html" %}
{% endblock %}
""",
}

#: The viewer runs no scripts of its own; mail HTML is shown without scripts either.
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: http: https:; "
    "form-action 'self'; frame-ancestors 'none'"
)


def reply_defaults(m: ParsedMail) -> tuple[str, str]:
    """The subject ("Re: …") and the quoted text a mail client would start a reply with."""
    subject = m.subject if m.subject.lower().startswith("re:") else f"Re: {m.subject}"
    quoted = "\n".join(f"> {line}" if line else ">" for line in (m.text or "").splitlines())
    return subject, f"\n\nOn {m.date}, {m.sender} wrote:\n{quoted}\n"


def send_reply(m: ParsedMail, host: str, port: int, sender: str, subject: str, body: str,
               attachment: tuple[str, str, bytes] | None) -> tuple[bool, str]:
    """Send a reply to ``m`` over SMTP to ``host:port``; (accepted, the server's answer)."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, m.reply_to, subject
    if m.message_id:
        msg["In-Reply-To"] = msg["References"] = m.message_id
    msg.set_content(body)
    if attachment is not None:
        filename, ctype, data = attachment
        maintype, _, subtype = (ctype or "application/octet-stream").partition("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype or "octet-stream", filename=filename)
    to = getaddresses([m.reply_to])[0][1]
    envelope_from = getaddresses([sender])[0][1] or sender
    raw = msg.as_bytes(policy=msg.policy.clone(linesep="\r\n"))
    try:
        with smtplib.SMTP(host, port, timeout=30) as smtp:
            smtp.sendmail(envelope_from, [to], raw)
    except smtplib.SMTPRecipientsRefused as exc:
        code, text = next(iter(exc.recipients.values()))
        return False, f"{code} {text.decode(errors='replace')}"
    except smtplib.SMTPResponseException as exc:
        return False, f"{exc.smtp_code} {exc.smtp_error.decode(errors='replace')}"
    except (OSError, smtplib.SMTPException) as exc:
        return False, f"could not connect to {host}:{port} ({exc})"
    return True, "250"


def create_app(store: Path, smtp_address: str = "", inbound: tuple[str, int] = (DEFAULT_HOST, DEFAULT_INBOUND_PORT)
               ) -> Flask:
    """Build the viewer over a store directory (a factory so tests can use a client)."""
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = REPLY_MAX_BYTES
    app.jinja_loader = DictLoader(TEMPLATES)  # *.html names → autoescaped
    app.config["STORE"] = store
    app.json.ensure_ascii = False  # type: ignore[attr-defined]

    @app.context_processor
    def helpers() -> dict[str, Any]:
        return {"linkify": linkify, "local_time": local_time, "smtp_address": smtp_address,
                "inbound_address": f"{inbound[0]}:{inbound[1]}", "form": {}}

    @app.after_request
    def security_headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    def same_origin_or_abort() -> None:
        """Stop other sites from wiping the inbox with a cross-site POST."""
        # Browsers send Origin "null" under this viewer's no-referrer policy, so a browser's
        # own Sec-Fetch-Site decides when it is there; other clients are judged by Origin.
        site = request.headers.get("Sec-Fetch-Site")
        if site is not None:
            if site not in ("same-origin", "none"):
                abort(403)
            return
        origin = request.headers.get("Origin")
        if origin is not None and origin != request.host_url.rstrip("/"):
            abort(403)

    def parsed_messages() -> list[ParsedMail]:
        messages = []
        for name in list_names(store):
            try:
                messages.append(parse_message(name, (store / f"{name}.eml").read_bytes()))
            except FileNotFoundError:
                continue  # deleted between listing and reading
        return messages

    @app.get("/")
    def index() -> str:
        return render_template("index.html", messages=parsed_messages())

    @app.get("/m/<name>")
    def show(name: str) -> Response | str:
        if name.endswith(".eml"):
            return raw_download(name[: -len(".eml")])
        m = load(store, name)
        html_doc = None
        if m.html is not None:
            # Links inside the sandboxed frame open in a new tab instead of inside it.
            html_doc = '<base target="_blank">' + m.html
        reply_subject, reply_body = reply_defaults(m)
        return render_template("message.html", m=m, html_doc=html_doc, reply_subject=reply_subject,
                               reply_body=reply_body)

    @app.post("/m/<name>/reply")
    def reply(name: str) -> tuple[str, int]:
        """"Reply as candidate": send the form as an email to the Reply-To address."""
        same_origin_or_abort()
        m = load(store, name)
        if not m.reply_to:
            abort(404)
        upload = request.files.get("attachment")
        attachment = None
        if upload is not None and upload.filename:
            attachment = (upload.filename, upload.mimetype or "application/octet-stream", upload.read())
        form = {k: request.form.get(k, "") for k in ("from", "subject", "body")}
        ok, answer = send_reply(m, inbound[0], inbound[1], form["from"], form["subject"], form["body"], attachment)
        reply_subject, reply_body = reply_defaults(m)
        return render_template("reply_result.html", m=m, ok=ok, answer=answer, form=form,
                               reply_subject=reply_subject, reply_body=reply_body), 200 if ok else 422

    def raw_download(name: str) -> Response:
        """The stored bytes as a download, for a mail client or a bug report."""
        path = message_path(store, name)
        return Response(
            path.read_bytes(),
            mimetype="message/rfc822",
            headers={"Content-Disposition": f'attachment; filename="{name}.eml"'},
        )

    @app.post("/delete")
    def delete_all() -> Response:
        same_origin_or_abort()
        clear(store)
        return redirect(url_for("index"), code=303)  # type: ignore[return-value]

    @app.get("/api/messages")
    def api_messages() -> Response:
        return jsonify([m.as_json() for m in parsed_messages()])

    @app.get("/api/messages/<name>")
    def api_message(name: str) -> Response:
        return jsonify(load(store, name).as_json())

    @app.delete("/api/messages")
    def api_delete_all() -> tuple[str, int]:
        same_origin_or_abort()
        clear(store)
        return "", 204

    return app


def clear(store: Path) -> int:
    """Delete every stored message; returns how many were removed."""
    removed = 0
    for name in list_names(store, limit=sys.maxsize):
        (store / f"{name}.eml").unlink(missing_ok=True)
        removed += 1
    return removed


# --------------------------------------------------------------------------- SMTP side


class SinkHandler:
    """aiosmtpd handler: accept every message and store it as-is."""

    def __init__(self, store: Path) -> None:
        self.store = store

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or envelope.content or b""
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        name = store_message(self.store, raw, envelope.mail_from, list(envelope.rcpt_tos))
        subject = header(email.message_from_bytes(raw, policy=email.policy.default), "Subject")
        print(f"received {name}: {subject!r} → {', '.join(envelope.rcpt_tos)}", flush=True)
        return "250 Message accepted for delivery"


def accept_any_login(
    server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: Any
) -> AuthResult:
    """Accept any AUTH so a config with MAIL_USERNAME set still delivers here."""
    return AuthResult(success=True)


def _not_login_data_deprecation(record: logging.LogRecord) -> bool:
    """aiosmtpd 1.4 warns about its own legacy attribute on every AUTH; drop only that."""
    return not str(record.msg).startswith("Session.login_data is deprecated")


def start_smtp(store: Path, host: str, port: int) -> Controller:
    """Start the SMTP sink in its own thread (aiosmtpd's Controller)."""
    controller = Controller(
        SinkHandler(store),
        hostname=host,
        port=port,
        authenticator=accept_any_login,
        auth_require_tls=False,
        data_size_limit=64 * 1024 * 1024,
    )
    controller.start()
    return controller


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options (defaults match the ports in ARCHITECTURE.md)."""
    parser = argparse.ArgumentParser(prog="python -m devtools.mailsink", description=__doc__)
    parser.add_argument("--host", default=DEFAULT_HOST)
    parser.add_argument("--smtp-port", type=int, default=DEFAULT_SMTP_PORT)
    parser.add_argument("--http-port", type=int, default=DEFAULT_HTTP_PORT)
    parser.add_argument("--store", type=Path, default=DEFAULT_STORE)
    parser.add_argument("--inbound-host", default=DEFAULT_HOST, help="Haku's inbound SMTP listener (replies)")
    parser.add_argument("--inbound-port", type=int, default=DEFAULT_INBOUND_PORT)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the sink and the viewer until SIGINT/SIGTERM, then stop both and return 0."""
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per page refresh
    logging.getLogger("mail.log").addFilter(_not_login_data_deprecation)
    store: Path = args.store.resolve()
    store.mkdir(parents=True, exist_ok=True)

    controller = start_smtp(store, args.host, args.smtp_port)
    try:
        smtp_address = f"{args.host}:{args.smtp_port}"
        server = make_server(args.host, args.http_port,
                             create_app(store, smtp_address, (args.inbound_host, args.inbound_port)))

        def request_stop(signum: int, frame: FrameType | None) -> None:
            # shutdown() waits for serve_forever() to notice, so it must not run on
            # the main thread that is inside serve_forever().
            threading.Thread(target=server.shutdown, daemon=True).start()

        signal.signal(signal.SIGTERM, request_stop)
        signal.signal(signal.SIGINT, request_stop)
        print(
            f"mail sink: SMTP {smtp_address}, viewer http://{args.host}:{server.server_port}/,"
            f" store {store}",
            flush=True,
        )
        try:
            server.serve_forever()
        finally:
            server.server_close()
    finally:
        controller.stop()
    print("mail sink stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
