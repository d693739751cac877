"""Signed callbacks to Haku: the background worker that drains the queue, and the connect call.

Every call is a Standard Webhooks request signed with the connection's ``whsec_…`` secret.
The queue lives in SQLite, so it survives a restart; deliveries of one interview go out in
order, each retried with exponential backoff (``retry_base × 2^n``) up to ``MAX_ATTEMPTS``.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import logging
import secrets
import threading
import time

import requests
from standardwebhooks.webhooks import Webhook

from .store import new_id, now_iso

MAX_ATTEMPTS = 8
TIMEOUT_S = 10
log = logging.getLogger("vendor-sandbox")


def signed_headers(secret: str, event_id: str, body: str, bad: bool = False) -> dict[str, str]:
    if bad:  # a well-formed signature made with a secret Haku does not know
        secret = "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()
    ts = dt.datetime.now(dt.UTC)
    return {"webhook-id": event_id, "webhook-timestamp": str(int(ts.timestamp())),
            "webhook-signature": Webhook(secret).sign(event_id, ts, body), "content-type": "application/json",
            "user-agent": "alva-labs-sandbox/1"}


def http_call(method: str, url: str, body: str, headers: dict) -> tuple[int | None, str | None, int, str]:
    """(status code, error, latency ms, response text); never raises."""
    started = time.monotonic()
    try:
        resp = requests.request(method, url, data=body.encode(), headers=headers, timeout=TIMEOUT_S,
                                allow_redirects=False)
        code, error, text = resp.status_code, None if resp.ok else f"HTTP {resp.status_code}", resp.text[:2000]
    except requests.Timeout:
        code, error, text = None, f"timeout after {TIMEOUT_S} s", ""
    except requests.RequestException as exc:
        code, error, text = None, f"{type(exc).__name__}: {exc}"[:500], ""
    return code, error, int((time.monotonic() - started) * 1000), text


def connect(sb, account: dict, connection: dict) -> dict:
    """``POST {haku_url}/partner/v1/assessments/<external_id>/connect``; returns Haku's answer."""
    event_id = new_id("msg", 12)
    url = f"{connection['haku_url']}/partner/v1/assessments/{connection['external_id']}/connect"
    body = json.dumps({"api_version": "1", "type": "integration.connect", "timestamp": now_iso(),
                       "data": {"vendor_account_ref": account["ref"]}})
    headers = signed_headers(connection["signing_secret"], event_id, body, sb.switches.get()["bad_signature"])
    code, error, latency, text = http_call("POST", url, body, headers)
    delivery_id = sb.store.record_sent(connection["id"], event_id, "integration.connect", "POST", url, body,
                                       code is not None and 200 <= code < 300)
    sb.store.add_attempt(delivery_id, code, error, latency)
    sb.store.record_connect(connection["id"], code, text or error or "")
    try:
        parsed = json.loads(text) if text else None
    except ValueError:
        parsed = text
    return {"url": url, "status_code": code, "body": parsed, "error": error}


class Worker(threading.Thread):
    """One daemon thread; ``wake()`` when something was queued or a switch changed."""

    def __init__(self, sb):
        super().__init__(name="vendor-callbacks", daemon=True)
        self.sb = sb
        self.ticks = 0
        self._event = threading.Event()

    def wake(self) -> None:
        self._event.set()

    def run(self) -> None:
        while True:
            self._event.clear()
            try:
                pause = self.tick()
            except Exception:  # keep the worker alive whatever one delivery does
                log.exception("callback worker")
                pause = 1.0
            self.ticks += 1
            if pause:
                self._event.wait(pause)

    def tick(self) -> float:
        """Send at most one due delivery; return how long to wait before looking again (0 = now)."""
        switches = self.sb.switches.get()
        if switches["callbacks_paused"]:
            return 0.5
        delivery = self.sb.store.next_due()
        if delivery is None:
            return 1.0
        delay = delivery["next_at"] - time.time()
        if delay > 0:
            return min(delay, 1.0)
        self.send(delivery, switches)
        return 0

    def send(self, d: dict, switches: dict) -> None:
        store = self.sb.store
        conn = store.one("SELECT * FROM connections WHERE id = ?", d["connection_id"])
        if conn is None:
            store.add_attempt(d["id"], None, "connection no longer exists", 0)
            store.db.execute("UPDATE deliveries SET status = 'failed', attempt_count = attempt_count + 1 "
                             "WHERE id = ?", (d["id"],))
            return
        headers = signed_headers(conn["signing_secret"], d["event_id"], d["body"], switches["bad_signature"])
        twin = None
        if switches["duplicate_callbacks"]:
            twin = threading.Thread(target=self._duplicate, args=(d, headers), daemon=True)
            twin.start()
        code, error, latency, _ = http_call(d["method"], d["url"], d["body"], headers)
        store.add_attempt(d["id"], code, error, latency)
        if twin:
            twin.join()
        attempts = d["attempt_count"] + 1
        if code is not None and 200 <= code < 300:
            status, next_at = "delivered", 0.0
        elif attempts >= MAX_ATTEMPTS:
            status, next_at = "failed", 0.0
        else:
            status, next_at = "queued", time.time() + self.sb.settings.retry_base * 2 ** (attempts - 1)
        store.db.execute("UPDATE deliveries SET status = ?, attempt_count = ?, next_at = ? WHERE id = ?",
                         (status, attempts, next_at, d["id"]))
        log.info("%s %s %s → %s (attempt %d, %s)", d["type"], d["method"], d["url"], code or error, attempts, status)

    def _duplicate(self, d: dict, headers: dict) -> None:
        code, error, latency, _ = http_call(d["method"], d["url"], d["body"], headers)
        self.sb.store.add_attempt(d["id"], code, error, latency, duplicate=True)
