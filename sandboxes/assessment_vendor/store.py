"""SQLite state: accounts, connections, interviews, the callback queue and its attempts.

One connection per thread (request threads and the delivery worker), WAL mode, autocommit;
multi-statement changes run inside ``with store.tx() as db``.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS accounts (
    id INTEGER PRIMARY KEY, ref TEXT UNIQUE NOT NULL, name TEXT NOT NULL, product TEXT NOT NULL,
    api_key TEXT UNIQUE NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS connections (
    id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts(id), haku_url TEXT NOT NULL,
    external_id TEXT NOT NULL, signing_secret TEXT NOT NULL, created_at TEXT NOT NULL,
    last_status_code INTEGER, last_response TEXT, UNIQUE (account_id, external_id));
CREATE TABLE IF NOT EXISTS interviews (
    id TEXT PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts(id),
    connection_id INTEGER NOT NULL REFERENCES connections(id), token TEXT UNIQUE NOT NULL,
    partner_test_id TEXT NOT NULL, application_ref TEXT NOT NULL, candidate TEXT NOT NULL, job TEXT NOT NULL,
    callback_url TEXT NOT NULL, locale TEXT, status TEXT NOT NULL, score INTEGER, sub_scores TEXT,
    forced INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT);
CREATE INDEX IF NOT EXISTS interviews_ref ON interviews (account_id, application_ref, partner_test_id);
CREATE TABLE IF NOT EXISTS deliveries (
    id INTEGER PRIMARY KEY, event_id TEXT NOT NULL, connection_id INTEGER NOT NULL, interview_id TEXT,
    type TEXT NOT NULL, method TEXT NOT NULL, url TEXT NOT NULL, body TEXT NOT NULL,
    status TEXT NOT NULL, attempt_count INTEGER NOT NULL DEFAULT 0, next_at REAL NOT NULL,
    created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS deliveries_queue ON deliveries (status, interview_id, id);
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY, delivery_id INTEGER NOT NULL REFERENCES deliveries(id), at TEXT NOT NULL,
    status_code INTEGER, error TEXT, latency_ms INTEGER, duplicate INTEGER NOT NULL DEFAULT 0);
"""


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_id(prefix: str, nbytes: int = 8) -> str:
    return f"{prefix}_{secrets.token_hex(nbytes)}"


class Store:
    def __init__(self, path: Path):
        self.path = path
        self._local = threading.local()
        self.db.executescript(SCHEMA)

    @property
    def db(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA busy_timeout=10000")
            self._local.conn = conn
        return conn

    @contextmanager
    def tx(self):
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def one(self, sql: str, *args) -> dict | None:
        row = self.db.execute(sql, args).fetchone()
        return dict(row) if row else None

    def all(self, sql: str, *args) -> list[dict]:
        return [dict(r) for r in self.db.execute(sql, args)]

    def wipe(self) -> None:
        with self.tx() as db:
            for table in ("attempts", "deliveries", "interviews", "connections", "accounts"):
                db.execute(f"DELETE FROM {table}")

    # ------------------------------------------------------------------ accounts

    def upsert_account(self, name: str, product: str, api_key: str | None) -> dict:
        with self.tx() as db:
            row = db.execute("SELECT id FROM accounts WHERE api_key = ?", (api_key,)).fetchone() if api_key else None
            if row:
                db.execute("UPDATE accounts SET name = ?, product = ? WHERE id = ?", (name, product, row["id"]))
                account_id = row["id"]
            else:
                account_id = db.execute(
                    "INSERT INTO accounts (ref, name, product, api_key, created_at) VALUES (?, ?, ?, ?, ?)",
                    (new_id("acct", 6), name, product, api_key or f"alva_test_{secrets.token_urlsafe(24)}",
                     now_iso())).lastrowid
        return self.account(account_id)

    def account(self, account_id: int) -> dict | None:
        return self.one("SELECT * FROM accounts WHERE id = ?", account_id)

    def account_by_key(self, api_key: str) -> dict | None:
        return self.one("SELECT * FROM accounts WHERE api_key = ?", api_key) if api_key else None

    def upsert_connection(self, account_id: int, haku_url: str, external_id: str, secret: str) -> dict:
        with self.tx() as db:
            db.execute(
                "INSERT INTO connections (account_id, haku_url, external_id, signing_secret, created_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id, external_id) DO UPDATE SET "
                "haku_url = excluded.haku_url, signing_secret = excluded.signing_secret",
                (account_id, haku_url.rstrip("/"), external_id, secret, now_iso()))
        return self.connection(account_id, external_id)

    def connection(self, account_id: int, external_id: str) -> dict | None:
        return self.one("SELECT * FROM connections WHERE account_id = ? AND external_id = ?", account_id, external_id)

    def record_connect(self, connection_id: int, status_code: int | None, response: str) -> None:
        self.db.execute("UPDATE connections SET last_status_code = ?, last_response = ? WHERE id = ?",
                        (status_code, response[:2000], connection_id))

    # ------------------------------------------------------------------ interviews

    def interview(self, interview_id: str) -> dict | None:
        return self.one("SELECT * FROM interviews WHERE id = ?", interview_id)

    def interview_by_token(self, token: str) -> dict | None:
        return self.one("SELECT * FROM interviews WHERE token = ?", token)

    def interviews(self, account_id: int | None = None, application_ref: str | None = None) -> list[dict]:
        sql, args = "SELECT * FROM interviews WHERE 1=1", []
        if account_id is not None:
            sql, args = sql + " AND account_id = ?", [*args, account_id]
        if application_ref:
            sql, args = sql + " AND application_ref = ?", [*args, application_ref]
        return self.all(sql + " ORDER BY created_at DESC, id", *args)

    def open_or_create_interview(self, account_id: int, connection_id: int, fields: dict) -> tuple[dict, bool]:
        """The open interview for (account, application_ref, test), or a new one; True when created."""
        with self.tx() as db:
            row = db.execute(
                "SELECT id FROM interviews WHERE account_id = ? AND application_ref = ? AND partner_test_id = ? "
                "AND status IN ('invited', 'started') ORDER BY created_at LIMIT 1",
                (account_id, fields["application_ref"], fields["partner_test_id"])).fetchone()
            if row:
                return self.interview(row["id"]), False
            interview_id = new_id("int", 10)
            db.execute(
                "INSERT INTO interviews (id, account_id, connection_id, token, partner_test_id, application_ref, "
                "candidate, job, callback_url, locale, status, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (interview_id, account_id, connection_id, secrets.token_urlsafe(24), fields["partner_test_id"],
                 fields["application_ref"], json.dumps(fields["candidate"]), json.dumps(fields["job"]),
                 fields["callback_url"].rstrip("/"), fields["locale"], "invited", now_iso()))
        return self.interview(interview_id), True

    # ------------------------------------------------------------------ deliveries

    def enqueue(self, db: sqlite3.Connection, interview: dict, type_: str, method: str, url: str, body: str) -> None:
        db.execute(
            "INSERT INTO deliveries (event_id, connection_id, interview_id, type, method, url, body, status, "
            "next_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?)",
            (new_id("msg", 12), interview["connection_id"], interview["id"], type_, method, url, body, now_iso()))

    def next_due(self) -> dict | None:
        """The oldest queued delivery of each interview, soonest first (in order per interview)."""
        return self.one(
            "SELECT d.* FROM deliveries d WHERE d.status = 'queued' AND NOT EXISTS (SELECT 1 FROM deliveries e "
            "WHERE e.status = 'queued' AND e.interview_id IS d.interview_id AND e.id < d.id) "
            "ORDER BY d.next_at, d.id LIMIT 1")

    def add_attempt(self, delivery_id: int, status_code: int | None, error: str | None, latency_ms: int,
                    duplicate: bool = False) -> None:
        self.db.execute(
            "INSERT INTO attempts (delivery_id, at, status_code, error, latency_ms, duplicate) VALUES (?,?,?,?,?,?)",
            (delivery_id, now_iso(), status_code, error, latency_ms, int(duplicate)))

    def deliveries(self, status: str | None = None, interview_id: str | None = None, limit: int = 500) -> list[dict]:
        sql, args = "SELECT * FROM deliveries WHERE 1=1", []
        if status:
            sql, args = sql + " AND status = ?", [*args, status]
        if interview_id:
            sql, args = sql + " AND interview_id = ?", [*args, interview_id]
        rows = self.all(sql + " ORDER BY id DESC LIMIT ?", *args, limit)
        for row in rows:
            row["attempts"] = self.all("SELECT at, status_code, error, latency_ms, duplicate FROM attempts "
                                       "WHERE delivery_id = ? ORDER BY id", row["id"])
            for attempt in row["attempts"]:
                attempt["duplicate"] = bool(attempt["duplicate"])
        return rows

    def record_sent(self, connection_id: int, event_id: str, type_: str, method: str, url: str, body: str,
                    delivered: bool) -> int:
        """A call made synchronously (the connect call): logged like a queued delivery, never retried."""
        return self.db.execute(
            "INSERT INTO deliveries (event_id, connection_id, interview_id, type, method, url, body, status, "
            "attempt_count, next_at, created_at) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, 1, 0, ?)",
            (event_id, connection_id, type_, method, url, body, "delivered" if delivered else "failed",
             now_iso())).lastrowid
