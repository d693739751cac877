"""Webhooks TopCV → employer: a durable queue in SQLite and one delivery thread.

Each event is one row in ``deliveries`` with the exact JSON body that is signed and sent.
The thread sends ready events oldest first, records every attempt, retries a non-2xx
answer, a timeout or a connection error after ``retry_base × 2^n`` seconds, and gives up
after ``MAX_ATTEMPTS``. Requests are Standard Webhooks, signed with the employer's Secret
Key (its UTF-8 bytes are the HMAC key).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import logging
import secrets
import threading
import time
from pathlib import Path

import requests
from standardwebhooks.webhooks import Webhook

from . import store
from .switches import Switches

MAX_ATTEMPTS = 8
TIMEOUT_S = 10.0
HOLD_S = 5.0  # out_of_order: held events are released by POST /control/flush or after this long
IDLE_S = 1.0

log = logging.getLogger("topcv-sandbox.webhooks")


def signing_key(secret: str) -> str:
    """The Standard Webhooks key for a Secret Key exactly as the employer pasted it."""
    return "whsec_" + base64.b64encode(secret.encode()).decode()


def sign(secret: str, event_id: str, timestamp: int, body: str) -> str:
    return Webhook(signing_key(secret)).sign(event_id, dt.datetime.fromtimestamp(timestamp, dt.UTC), body)


def queue_event(conn, sandbox, employer, event_type: str, data: dict) -> str:
    """Queue one event for ``employer``; an employer without a webhook URL gets a failed delivery."""
    event_id = "evt_" + secrets.token_hex(12)
    body = json.dumps({"api_version": "1", "type": event_type, "timestamp": store.now_iso(), "data": data},
                      ensure_ascii=False, separators=(",", ":"))
    held = sandbox.switches.on("out_of_order")
    status = "queued" if employer["webhook_url"] else "failed"
    with store.transaction(conn):
        conn.execute(
            "INSERT INTO deliveries (event_id, employer_id, type, body, status, held, next_at, created_at, created_ts) "
            "VALUES (?,?,?,?,?,?,?,?,?)",
            (event_id, employer["id"], event_type, body, status, int(held), time.time(), store.now_iso(), time.time()))
        if status == "failed":
            store.add_attempt(conn, event_id, None, None, "the employer has no webhook URL", None)
    sandbox.deliverer.wake()
    return event_id


def release_held(conn) -> int:
    """Let held events go, newest first."""
    return conn.execute("UPDATE deliveries SET held = 0, priority = seq WHERE held = 1 AND status = 'queued'").rowcount


class Deliverer:
    def __init__(self, db_path: Path, switches: Switches, retry_base: float):
        self.db_path = db_path
        self.switches = switches
        self.retry_base = retry_base
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="topcv-webhooks", daemon=True)
            self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def _run(self) -> None:
        conn = store.connect(self.db_path)
        while True:
            try:
                delay = self.step(conn)
            except Exception:  # keep delivering whatever one event did
                log.exception("webhook delivery step failed")
                delay = IDLE_S
            if delay > 0:
                self._wake.wait(delay)
            self._wake.clear()

    def step(self, conn) -> float:
        """Send at most one ready event; returns how long to wait before the next step."""
        if self.switches.on("webhooks_paused"):
            return IDLE_S
        now = time.time()
        oldest_held = conn.execute(
            "SELECT MIN(created_ts) FROM deliveries WHERE held = 1 AND status = 'queued'").fetchone()[0]
        if oldest_held is not None and now - oldest_held >= HOLD_S:
            release_held(conn)
            oldest_held = None
        row = conn.execute(
            "SELECT d.*, e.webhook_url, e.secret_key FROM deliveries d LEFT JOIN employers e ON e.id = d.employer_id "
            "WHERE d.status = 'queued' AND d.held = 0 AND d.next_at <= ? ORDER BY d.priority DESC, d.seq LIMIT 1",
            (now,)).fetchone()
        if row is not None:
            self.attempt(conn, row)
            return 0.0
        waits = [IDLE_S]
        next_at = conn.execute("SELECT MIN(next_at) FROM deliveries WHERE status = 'queued' AND held = 0").fetchone()[0]
        if next_at is not None:
            waits.append(next_at - now)
        if oldest_held is not None:
            waits.append(oldest_held + HOLD_S - now)
        return max(0.01, min(waits))

    def attempt(self, conn, row) -> None:
        event_id, body, url = row["event_id"], row["body"], row["webhook_url"]
        secret = row["secret_key"] or ""
        if self.switches.on("bad_signature"):
            secret = "wrong-" + secret
        timestamp = int(time.time())
        headers = {"webhook-id": event_id, "webhook-timestamp": str(timestamp),
                   "webhook-signature": sign(secret, event_id, timestamp, body),
                   "Content-Type": "application/json", "User-Agent": "TopCV-Webhooks/1 (sandbox)"}
        if url and self.switches.on("duplicate_delivery"):
            threading.Thread(target=self._send_copy, args=(url, headers, body, event_id), daemon=True).start()
        if url:
            code, error, latency = post(url, headers, body)
        else:
            code, error, latency = None, "the employer has no webhook URL", None
        with store.transaction(conn):
            store.add_attempt(conn, event_id, url, code, error, latency)
            tries = conn.execute("SELECT COUNT(*) FROM attempts WHERE event_id = ? AND duplicate = 0",
                                 (event_id,)).fetchone()[0]
            if code is not None and 200 <= code < 300:
                conn.execute("UPDATE deliveries SET status = 'delivered' WHERE event_id = ?", (event_id,))
            elif tries >= MAX_ATTEMPTS:
                conn.execute("UPDATE deliveries SET status = 'failed' WHERE event_id = ?", (event_id,))
            else:
                conn.execute("UPDATE deliveries SET next_at = ? WHERE event_id = ?",
                             (time.time() + self.retry_base * 2 ** (tries - 1), event_id))
        log.info("%s %s → %s", row["type"], event_id, code or error)

    def _send_copy(self, url: str, headers: dict, body: str, event_id: str) -> None:
        code, error, latency = post(url, headers, body)
        conn = store.connect(self.db_path)
        try:
            store.add_attempt(conn, event_id, url, code, error, latency, duplicate=True)
        except Exception:
            log.exception("could not record the duplicate delivery of %s", event_id)
        finally:
            conn.close()


def post(url: str, headers: dict, body: str) -> tuple[int | None, str | None, int]:
    """(status code, error, latency in ms) of one request."""
    started = time.monotonic()
    try:
        response = requests.post(url, data=body.encode(), headers=headers, timeout=TIMEOUT_S, allow_redirects=False)
        code = response.status_code
        error = None if 200 <= code < 300 else f"HTTP {code}"
    except requests.Timeout:
        code, error = None, f"timeout after {TIMEOUT_S:g} s"
    except requests.ConnectionError as exc:
        code, error = None, f"connection error: {exc.__class__.__name__}"
    except requests.RequestException as exc:
        code, error = None, f"request error: {exc}"
    return code, error, int((time.monotonic() - started) * 1000)
