"""The production server's own logs (SECURITY_BAR 43, and 14/36 where they meet it): real
gunicorn with the shipped gunicorn.conf.py, real token links requested over HTTP, and its
access log (stdout) and error log (stderr) read back."""

from __future__ import annotations

import re
import socket
import uuid

import pytest
import requests
from sqlalchemy import select

from app.extensions import db
from tests.support.gunicorn_process import Gunicorn, production_env
from tests.support.processes import make_config


@pytest.fixture(scope="module")
def server(test_env, database_url, redis_url, smtp_sink, session_dir, tmp_path_factory, _schema):
    """One gunicorn for the module, in production (no HAKU_CONFIG in its environment) on the
    tests' database; each test writes its rows through the ``app`` fixture."""
    secret = make_config(database_url, redis_url, smtp_sink, session_dir)["SECRET_KEY"]
    gunicorn = Gunicorn(production_env(test_env, database_url, secret), tmp_path_factory.mktemp("gunicorn"))
    try:
        yield gunicorn.wait_ready()
    finally:
        gunicorn.stop()


def _settle(server: Gunicorn, since: int, made: int) -> None:
    """Every one of the ``made`` requests sent after the access log had ``since`` lines is
    logged (one line each; CI, session 26: waiting for a marker request made last was not
    enough, another worker wrote the earlier request's line after the marker's)."""
    server.logs_settle(lambda: server.access_lines() >= since + made, f"{made} new access lines")


def _token_links(make) -> dict[str, str]:
    """A real EMREX invite, data-export and résumé link, made through the services."""
    from app.assessments.services import resume_url
    from app.emrex import services as emrex
    from app.messaging.models import OutboxEmail
    from app.privacy.services import request_export
    from app.secrets import decrypt

    company = make.company("acme")
    company.emrex_enabled = True
    db.session.commit()
    application = make.application(make.job(company), email="aino.logs@example.fi")
    invite = emrex.request_records(application, cause="manual")
    db.session.commit()
    invite_token = decrypt(invite.token_encrypted, purpose=emrex.TOKEN_PURPOSE)
    assert request_export("aino.logs@example.fi") is not None
    body = db.session.scalar(select(OutboxEmail.body_text).where(OutboxEmail.kind == "data_export"))
    export_token = re.search(r"/your-data/d/([A-Za-z0-9_\-]+)", body).group(1)
    resume_path = "/partner/v1/resumes/" + resume_url(application).rsplit("/resumes/", 1)[1]
    return {"emrex": f"/emrex/r/{invite_token}", "export": f"/your-data/d/{export_token}", "resume": resume_path}


def _secret_of(path: str) -> str:
    return path.rsplit("/", 1)[1]


def test_finding_tokens_in_access_log(app, make, server):
    """EMREX invite, data-export and résumé links used to reach gunicorn's access log in
    clear (the redaction sat only on the root logger)."""
    links = _token_links(make)
    start, lines = len(server.access_log()), server.access_lines()
    statuses = {name: requests.get(server.base + path, allow_redirects=False, timeout=10).status_code
                for name, path in links.items()}
    assert statuses == {"emrex": 303, "export": 200, "resume": 200}  # real, valid tokens
    _settle(server, lines, len(links))
    access = server.access_log()[start:]
    for name, path in links.items():
        assert _secret_of(path) not in access, f"{name} token in the access log"
    assert "/emrex/r/[redacted]" in access and "/your-data/d/[redacted]" in access
    assert "/partner/v1/resumes/[redacted]" in access
    assert not any(_secret_of(path) in server.error_log() for path in links.values())


def test_bar_43_error_log_is_redacted(app, make, server):
    """gunicorn's error log quotes a request line it refuses, token and all: it goes
    through the same redaction (and so would any future token link: a reset or invitation
    path of 32+ random characters)."""
    links = _token_links(make)
    future = "/admin/invitations/" + "Zq8_" + uuid.uuid4().hex + "Xk"
    refused = server.error_log().count("Invalid request from")
    for path in (links["export"], future):
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
            sock.sendall(f"GET {path}\x7f HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            assert sock.recv(100).startswith(b"HTTP/1.1 400")
    server.logs_settle(lambda: server.error_log().count("Invalid request from") >= refused + 2, "both refusals")
    errors = server.error_log()
    assert "Invalid request from ip=127.0.0.1" in errors  # the lines were written
    assert _secret_of(links["export"]) not in errors and _secret_of(future) not in errors
    assert "/your-data/d/[redacted]" in errors and "/admin/invitations/[redacted]" in errors


def test_bar_14_invite_token_never_reaches_the_server_logs(app, make, server):
    links = _token_links(make)
    lines = server.access_lines()
    browser = requests.Session()
    first = browser.get(server.base + links["emrex"], allow_redirects=False, timeout=10)
    assert first.status_code == 303 and _secret_of(links["emrex"]) not in first.headers["Location"]
    second = browser.get(server.base + links["emrex"] + "/", timeout=10)  # a mistyped variant is logged too
    _settle(server, lines, 2 + len(second.history))
    logs = server.access_log() + server.error_log()
    assert _secret_of(links["emrex"]) not in logs
    assert "/emrex/r/[redacted]" in server.access_log()


def test_bar_36_line_breaks_in_a_path_cannot_forge_server_log_lines(app, server):
    """The access log prints the decoded path: an encoded CR/LF in it would start a forged
    line. It arrives encoded (``\\r\\n``) on the line of its own request."""
    forged = f"FORGED-{uuid.uuid4().hex} 127.0.0.1 \"GET /admin/ HTTP/1.1\" 200"
    lines = server.access_lines()
    resp = requests.get(f"{server.base}/c/x%0d%0a{forged.replace(' ', '%20')}", timeout=10)
    assert resp.status_code == 404
    _settle(server, lines, 1)
    lines = server.access_log().splitlines()
    assert not any(line.startswith("FORGED-") for line in lines)
    (line,) = [line for line in lines if forged.split()[0] in line]
    assert "/c/x\\r\\nFORGED-" in line and line.startswith("127.0.0.1")
