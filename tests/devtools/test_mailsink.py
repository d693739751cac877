"""The dev mail sink really receives, decodes and safely shows mail; the launcher is wired.

The sink runs as a real subprocess on free ephemeral ports, as `make run` runs it, so the
SMTP thread, the file store and the web viewer are exercised together.
"""

from __future__ import annotations

import json
import smtplib
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
STARTUP_DEADLINE_S = 20.0

TEXT = (
    "Hei Äijä! Tiedot: Ruotsi, Åbo, Öljy.\n"
    "Xin chào Nguyễn Thị Hương, cảm ơn bạn đã ứng tuyển.\n"
    "Siirrä opintotietosi: http://127.0.0.1:5000/emrex/invite/abc123?lang=fi&x=1.\n"
)
LINK = "http://127.0.0.1:5000/emrex/invite/abc123?lang=fi&x=1"
SUBJECT = "Hakemus <script>alert(1)</script> – Nguyễn"


def free_port() -> int:
    """A port the OS just handed out, so parallel runs do not collide."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(url: str) -> tuple[int, str]:
    """GET a URL and return (status, decoded body)."""
    with urllib.request.urlopen(url, timeout=5) as resp:
        return resp.status, resp.read().decode("utf-8")


def wait_until_ready(proc: subprocess.Popen[bytes], smtp_port: int, http_url: str) -> None:
    """Poll both ports until they answer, failing fast if the process died."""
    deadline = time.monotonic() + STARTUP_DEADLINE_S
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            out = proc.stdout.read().decode() if proc.stdout else ""
            pytest.fail(f"mailsink exited early with {proc.returncode}:\n{out}")
        try:
            with socket.create_connection(("127.0.0.1", smtp_port), timeout=0.5):
                pass
            get(http_url + "api/messages")
            return
        except OSError as exc:  # refused until both servers listen
            last_error = exc
            time.sleep(0.05)  # poll interval, bounded by the deadline
    pytest.fail(f"mailsink not ready within {STARTUP_DEADLINE_S}s: {last_error}")


@pytest.fixture
def mailsink(tmp_path: Path) -> Iterator[dict[str, Any]]:
    """A running `python -m devtools.mailsink` with its own store directory."""
    smtp_port, http_port = free_port(), free_port()
    store = tmp_path / "mail"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "devtools.mailsink",
            "--smtp-port",
            str(smtp_port),
            "--http-port",
            str(http_port),
            "--store",
            str(store),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{http_port}/"
    try:
        wait_until_ready(proc, smtp_port, url)
        yield {"smtp_port": smtp_port, "url": url, "store": store, "proc": proc}
    finally:
        if proc.poll() is None:
            proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        if proc.stdout:
            proc.stdout.close()


def send_multipart(smtp_port: int) -> None:
    """Send mail shaped like Flask-Mail's: mixed > alternative(text, html), non-ASCII."""
    msg = MIMEMultipart("mixed")
    msg["Subject"] = SUBJECT
    msg["From"] = formataddr(("Haku Äänestys", "no-reply@haku.test"))
    msg["To"] = formataddr(("Nguyễn Thị Hương", "huong@example.test"))
    alternative = MIMEMultipart("alternative")
    alternative.attach(MIMEText(TEXT, "plain", "utf-8"))  # base64 body
    html = MIMEText(f'<p>Hei <b>Äijä</b> <a href="{LINK}">linkki</a></p>', "html", "utf-8")
    alternative.attach(html)
    msg.attach(alternative)
    with smtplib.SMTP("127.0.0.1", smtp_port, timeout=10) as smtp:
        smtp.send_message(msg, to_addrs=["huong@example.test", "bcc@haku.test"])


def test_mail_is_stored_decoded_listed_escaped_and_linked(mailsink: dict[str, Any]) -> None:
    send_multipart(mailsink["smtp_port"])
    url = mailsink["url"]

    status, body = get(url + "api/messages")
    assert status == 200
    messages = json.loads(body)
    assert len(messages) == 1
    m = messages[0]
    assert m["subject"] == SUBJECT
    assert m["text"].replace("\r\n", "\n") == TEXT
    assert "Nguyễn Thị Hương" in m["to"]
    assert m["to_addresses"] == ["huong@example.test"]
    assert "bcc@haku.test" in m["envelope_to"]
    assert "no-reply@haku.test" in m["from"]
    assert m["date"] == "" or isinstance(m["date"], str)

    stored = list(mailsink["store"].glob("*.eml"))
    assert [p.stem for p in stored] == [m["id"]]
    assert not list(mailsink["store"].glob(".*.tmp"))

    _, index = get(url)
    assert "Hakemus &lt;script&gt;alert(1)&lt;/script&gt; – Nguyễn" in index
    assert "<script>alert(1)" not in index

    _, page = get(url + f"m/{m['id']}")
    assert '<a href="http://127.0.0.1:5000/emrex/invite/abc123?lang=fi&amp;x=1"' in page
    assert "Nguyễn Thị Hương, cảm ơn bạn" in page
    assert "<script>alert(1)" not in page
    assert "srcdoc=" in page  # the HTML part, inert inside a sandboxed frame

    with urllib.request.urlopen(url + f"m/{m['id']}.eml", timeout=5) as resp:
        assert resp.headers["Content-Type"] == "message/rfc822"
        assert b"Subject:" in resp.read()


def test_unknown_or_crafted_names_are_404(mailsink: dict[str, Any]) -> None:
    for name in ("nope", "..%2F..%2Fetc%2Fpasswd", "20250101T000000000000Z-" + "0" * 32):
        with pytest.raises(urllib.error.HTTPError) as err:
            get(mailsink["url"] + f"m/{name}")
        assert err.value.code == 404


def test_delete_all_empties_the_store(mailsink: dict[str, Any]) -> None:
    send_multipart(mailsink["smtp_port"])
    request = urllib.request.Request(mailsink["url"] + "delete", method="POST", data=b"")
    with urllib.request.urlopen(request, timeout=5) as resp:  # follows the 303 to /
        assert resp.status == 200
    assert json.loads(get(mailsink["url"] + "api/messages")[1]) == []

    cross_site = urllib.request.Request(
        mailsink["url"] + "delete",
        method="POST",
        data=b"",
        headers={"Origin": "http://evil.example"},
    )
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(cross_site, timeout=5)
    assert err.value.code == 403


def test_sigterm_stops_cleanly_with_exit_0(mailsink: dict[str, Any]) -> None:
    proc = mailsink["proc"]
    proc.terminate()
    assert proc.wait(timeout=10) == 0


def test_quoted_printable_latin1_and_html_only_parts_decode() -> None:
    from devtools.mailsink import linkify, parse_message

    raw = (
        b"Subject: =?iso-8859-1?q?P=E4iv=E4=E4?=\r\n"
        b"From: a@haku.test\r\nTo: b@haku.test\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: text/plain; charset="iso-8859-1"\r\n'
        b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        b"Hyv=E4=E4 p=E4iv=E4=E4 https://example.test/a?b=1&c=2.\r\n"
    )
    parsed = parse_message("20250101T000000000000Z-" + "a" * 32, raw)
    assert parsed.subject == "Päivää"
    assert parsed.text is not None and parsed.text.startswith("Hyvää päivää")
    html = str(linkify(parsed.text))
    assert '<a href="https://example.test/a?b=1&amp;c=2"' in html
    assert "c=2</a>." in html  # sentence dot stays outside the link
    assert str(linkify('javascript:alert(1) <b>"x"</b>')) == (
        "javascript:alert(1) &lt;b&gt;&#34;x&#34;&lt;/b&gt;"
    )


def test_launcher_service_table_has_the_app_processes() -> None:
    from devtools import launcher

    names = [service.name for service in launcher.SERVICES]
    assert {"web", "worker", "sweeper"} <= set(names)
    assert names.index("valkey") == 0  # started first, so stopped last
    worker = next(s for s in launcher.SERVICES if s.name == "worker")
    assert worker.argv[-6:] == (
        "--with-scheduler", "emails", "boards", "emrex", "assessments", "default"
    )
    assert all(len(login) == 3 for login in launcher.load_demo_logins())
