"""Logs: a request id on every line (taken from the load balancer or made up, echoed back),
JSON lines in production, and no email addresses, invite tokens or session ids."""

from __future__ import annotations

import json
import logging

from app.logredact import JsonFormatter, RedactSecrets, RequestId, redact


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
