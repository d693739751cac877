"""Logs: a request id on every line (taken from the load balancer or made up, echoed back),
JSON lines in production, and no email addresses, invite tokens or session ids."""

from __future__ import annotations

import json
import logging

import pytest
from sqlalchemy import select

from app.accounts.models import Company
from app.extensions import db
from app.jobs.models import Job
from app.logredact import JsonFormatter, RedactSecrets, RequestId, redact
from tests.support.mail import text_of


def test_request_id_is_echoed_or_generated(client):
    mine = client.get("/healthz", headers={"X-Request-ID": "lb-0123456789abcdef"})
    assert mine.headers["X-Request-ID"] == "lb-0123456789abcdef"
    made = client.get("/healthz", headers={"X-Request-ID": "bad id with spaces"})
    assert len(made.headers["X-Request-ID"]) == 32 and " " not in made.headers["X-Request-ID"]


def test_json_lines_carry_the_request_id_and_no_personal_data(app, client):
    records = []

    class Capture(logging.Handler):
        def emit(self, record):
            records.append(self.format(record))

    handler = Capture()
    handler.addFilter(RequestId())
    handler.addFilter(RedactSecrets())
    handler.setFormatter(JsonFormatter())
    log = logging.getLogger("haku.test")
    log.addHandler(handler)
    try:
        @app.get("/__log_probe")
        def probe():
            log.warning("mail to aino.virtanen@example.fi failed; link /emrex/r/SECRETTOKEN123 sessionId=abc123")
            return "ok"

        probe.haku_auth = "public"
        resp = client.get("/__log_probe", headers={"X-Request-ID": "req-abcdef123456"})
    finally:
        log.removeHandler(handler)
    assert resp.status_code == 200
    line = json.loads(records[-1])
    assert line["request_id"] == "req-abcdef123456" and line["level"] == "WARNING"
    assert "example.fi" not in line["msg"] and "SECRETTOKEN123" not in line["msg"] and "abc123" not in line["msg"]
    assert "[email]" in line["msg"]


def test_production_defaults_to_json_logs(monkeypatch):
    from app.config import load_config

    monkeypatch.delenv("LOG_FORMAT", raising=False)
    assert load_config("production")["LOG_FORMAT"] == "json"
    assert load_config("development")["LOG_FORMAT"] == "text"
    monkeypatch.setenv("LOG_FORMAT", "json")
    assert load_config("development")["LOG_FORMAT"] == "json"


def test_redact_keeps_ordinary_text():
    assert redact("moved application 12 to Interview") == "moved application 12 to Interview"


# ---------------------------------------------------------------- SECURITY_BAR item 36

class Collect(logging.Handler):
    """Every record, formatted as production writes it (JSON, after the app's filters)."""

    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record):
        if record.name.startswith("mail.log"):  # the test's SMTP server: the relay's logs, not Haku's
            return
        self.lines.append(self.format(record))


@pytest.fixture
def all_logs(app):
    """A root handler at DEBUG that gets the same filters and formatter production gets."""
    from app import configure_logging

    handler = Collect()
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    app.config["LOG_FORMAT"] = "json"
    configure_logging(app)  # adds the request id and redaction filters to every root handler
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)


def _real_sample_return(app, make, tmp_path, sample: str, email: str):
    """A return carrying the real signed Danish sample (or its tampered twin) for a fresh request."""
    import base64
    import gzip

    from app.emrex import services as emrex
    from tests.support.elmo import FIXTURES
    from tests.support.emrex import point

    company = db.session.scalar(select(Company).where(Company.slug == "acme"))
    job = db.session.scalar(select(Job).where(Job.company_id == company.id))
    application = make.application(job, email=email, given="Jens", family="Hansen")
    request = emrex.request_records(application, cause="manual")
    db.session.commit()
    attempt = emrex.start_attempt(request, point("stads.example.dk/emp").id, None)
    elmo = base64.b64encode(gzip.compress((FIXTURES / f"{sample}.xml").read_bytes())).decode()
    resp = app.test_client().post("/emrex/return", data={"sessionId": attempt.session_id, "returnCode": "NCP_OK",
                                                         "elmo": elmo})
    return resp, attempt.session_id, elmo


def test_bar_36_logs_after_happy_and_error_paths_hold_no_secrets(app, client, make, mailbox, all_logs, tmp_path,
                                                                 monkeypatch):
    import base64
    import io
    import json as jsonlib

    from app.emrex import services as emrex
    from tests.support.assessments import add_integration
    from tests.support.assessments import event as vendor_event
    from tests.support.assessments import signed as vendor_signed
    from tests.support.boards import API_KEY, SECRET, connect
    from tests.support.boards import event as topcv_event
    from tests.support.boards import signed as topcv_signed
    from tests.support.builders import PASSWORD, PDF
    from tests.support.elmo import embedded_cert
    from tests.support.emrex import INVITE_URL as LINK

    secrets: dict[str, str] = {"password": PASSWORD, "wrong password": "Wr0ng-horse-battery",
                               "SECRET_KEY": app.config["SECRET_KEY"], "TopCV secret": SECRET, "TopCV key": API_KEY}
    # -- the tenant, its EMREX registry (the real Danish certificate), TopCV, an assessment integration
    registry = tmp_path / "emreg.json"
    registry.write_text(jsonlib.dumps({
        "countries": [{"countryCode": "DK", "countryName": "Denmark", "singleFetch": False}],
        "emps": [{"acronym": "STADS", "countryCode": "DK", "institutions": ["All"],
                  "url": "https://stads.example.dk/emp", "pubKey": embedded_cert("dk-stads-signed-VALID.xml")}]}))
    app.config["EMREX_REGISTRY_URLS"] = str(registry)
    assert emrex.refresh_registry().ok
    company = make.company("acme", "Acme Oy")
    company.emrex_enabled = True
    db.session.commit()
    job = make.job(company, "Trainee")
    emrex.save_settings(job, email_template_id=None, trigger_stage_id=job.stages[0].id, reminders_enabled=True)
    integration = connect(company)
    vendor, vendor_secret = add_integration(company, "coding", api_key="alva-api-key-0123456789", connected=True)
    secrets.update({"vendor secret": vendor_secret, "vendor key": "alva-api-key-0123456789"})

    # -- apply (happy and bad input)
    form = {"given_names": "Aino", "family_name": "Virtanen", "email": "aino.applicant@example.fi",
            "phone": "+358 40 123 4567", "consent": "y", "cv": (io.BytesIO(PDF), "cv.pdf")}
    assert client.post(f"/c/acme/jobs/{job.id}/apply", data=form,
                       content_type="multipart/form-data").status_code == 303
    bad = {**form, "email": "bad-address@", "cv": (io.BytesIO(b"<html>"), "cv.pdf")}
    assert client.post(f"/c/acme/jobs/{job.id}/apply", data=bad, content_type="multipart/form-data").status_code == 422
    token = next(m.group(1) for m in (LINK.search(text_of(msg)) for msg in mailbox.messages) if m)
    secrets["invite token"] = token
    assert client.get(f"/emrex/r/{token}").status_code == 303

    # -- logins: unknown user, wrong password, success, a password change
    for email, password in (("nobody@example.org", secrets["wrong password"]),
                            ("admin@acme.test", secrets["wrong password"]), ("admin@acme.test", PASSWORD)):
        client.post("/admin/login", data={"email": email, "password": password})
    client.post("/admin/account", data={"which": "password", "pw-current": PASSWORD,
                                        "pw-new": "a brand new passphrase 2026"})
    secrets["new password"] = "a brand new passphrase 2026"

    # -- EMREX: the real signed sample, its tampered twin, bad base64, an unknown session id
    ok, session_ok, elmo_ok = _real_sample_return(app, make, tmp_path, "dk-stads-signed-VALID", "jens@example.dk")
    bad_sig, session_bad, _ = _real_sample_return(app, make, tmp_path, "dk-stads-signed-INVALID", "jh@example.dk")
    assert (ok.status_code, bad_sig.status_code) == (200, 400)
    secrets.update({"sessionId": session_ok, "sessionId (bad)": session_bad, "ELMO payload": elmo_ok[100:160]})
    assert client.post("/emrex/return", data={"sessionId": "0" * 32, "returnCode": "NCP_OK",
                                              "elmo": "!!not base64!!"}).status_code == 400

    # -- TopCV: an applicant event (happy), a forged one (error), malformed JSON (error)
    resume = base64.b64encode(PDF).decode()
    payload = topcv_event("application.created", {
        "board_application_id": "APP-1", "board_job_id": "TCV-1", "job_title": "Trainee",
        "candidate": {"full_name": "Nguyễn Thị Lan", "email": "lan.topcv@example.vn", "phone": "+84 901 234 567"},
        "resume": {"file_name": "lan.pdf", "content_type": "application/pdf", "data": resume, "url": None},
        "cover_letter": "Xin chào", "answers": [], "applied_at": "2026-12-01T08:00:00Z"})
    url = f"/partner/v1/boards/topcv/{integration.external_id}/events"
    body, headers = topcv_signed(SECRET, payload)
    secrets["TopCV signature"] = headers["webhook-signature"].split(",", 1)[1]
    assert client.post(url, data=body, headers=headers).status_code == 202
    forged, forged_headers = topcv_signed("not-the-secret-at-all", payload)
    assert client.post(url, data=forged, headers=forged_headers).status_code == 401
    junk, junk_headers = topcv_signed(SECRET, b"{not json")
    assert client.post(url, data=junk, headers=junk_headers).status_code == 400

    # -- assessment callbacks: a status for an unknown interview (error), a forged connect (error)
    status = vendor_event("assessment.status_changed", {"partner_status": "complete", "partner_score": 1})
    body, headers = vendor_signed(vendor_secret, status)
    client.patch(f"/partner/v1/assessments/{vendor.external_id}/int_unknown", data=body, headers=headers)
    body, headers = vendor_signed("whsec_" + base64.b64encode(b"x" * 24).decode(), status)
    assert client.patch(f"/partner/v1/assessments/{vendor.external_id}/int_1", data=body,
                        headers=headers).status_code == 401

    # -- an unexpected crash on a request carrying personal data and a log-injection attempt
    import app.portal.views as portal_views

    def crash(*args, **kwargs):
        raise RuntimeError("lookup failed for aino.applicant@example.fi\nINFO forged line")

    monkeypatch.setattr(portal_views, "_company", crash)
    crashed = client.get("/c/acme/")
    assert crashed.status_code == 500 and "aino" not in crashed.get_data(as_text=True)

    logs = "\n".join(all_logs.lines)
    assert len(all_logs.lines) >= 3, "the paths above log something (the scan must see it)"
    leaks = {name: value for name, value in secrets.items() if value and value in logs}
    assert not leaks, f"in the logs: {sorted(leaks)}"
    assert "@example" not in logs
    for line in all_logs.lines:
        record = json.loads(line)  # one JSON object per line: nothing injected a line break
        assert "\n" not in record["msg"]
    assert any("unhandled error on GET /c/acme/" in line for line in all_logs.lines)
    assert any("EMREX return rejected: signature_invalid" in line for line in all_logs.lines)


def test_text_logs_encode_control_characters(app):
    """The filter itself, in the development text format: a CR/LF in user input cannot start
    a forged line, and tracebacks go through the same redaction as messages. (The servers'
    own logs: tests/test_server_logs.py.)"""
    import io

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets())
    log = logging.getLogger("haku.test.injection")
    log.addHandler(handler)
    log.propagate = False
    try:
        log.warning("login failed for %s", "x\r\nINFO app: admin logged in\x1b[2J")
        try:
            raise ValueError("bad row for aino@example.fi with token /emrex/r/SECRETTOKEN123")
        except ValueError:
            log.exception("processing failed")
    finally:
        log.removeHandler(handler)
        log.propagate = True
    text = stream.getvalue()
    first = text.splitlines()[0]
    assert first == "WARNING haku.test.injection: login failed for x\\r\\nINFO app: admin logged in\\x1b[2J"
    assert not any(line.startswith("INFO app:") for line in text.splitlines())
    assert "aino@example.fi" not in text and "SECRETTOKEN123" not in text and "ValueError" in text
