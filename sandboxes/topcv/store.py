"""SQLite state of the TopCV sandbox: employers, jobs, applications and webhook deliveries.

One connection per request (kept on ``flask.g``) or per thread, WAL mode, so the web
threads and the delivery thread can work side by side and everything survives a restart.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from flask import current_app, g

SCHEMA = """
CREATE TABLE IF NOT EXISTS employers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    access_token TEXT NOT NULL UNIQUE,
    secret_key TEXT NOT NULL,
    webhook_url TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    employer_id INTEGER NOT NULL REFERENCES employers(id) ON DELETE CASCADE,
    body TEXT NOT NULL,              -- the validated posting as JSON
    status TEXT NOT NULL,            -- pending_review | approved | rejected | closed
    reject_reason TEXT,
    source TEXT NOT NULL,            -- api | console
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS applications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    full_name TEXT, email TEXT, phone TEXT, cover_letter TEXT,
    answers TEXT NOT NULL,
    file_name TEXT, content_type TEXT, resume BLOB,
    file_token TEXT UNIQUE,
    applied_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS deliveries (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL UNIQUE,
    employer_id INTEGER REFERENCES employers(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    body TEXT NOT NULL,              -- exactly the bytes that are signed and sent
    status TEXT NOT NULL,            -- queued | delivered | failed
    held INTEGER NOT NULL DEFAULT 0, -- out_of_order: waiting for a flush
    priority INTEGER NOT NULL DEFAULT 0,
    next_at REAL NOT NULL,
    created_at TEXT NOT NULL,
    created_ts REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL REFERENCES deliveries(event_id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    url TEXT,
    status_code INTEGER,
    error TEXT,
    latency_ms INTEGER,
    duplicate INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS deliveries_ready ON deliveries (status, held, next_at);
CREATE INDEX IF NOT EXISTS attempts_event ON attempts (event_id);
CREATE INDEX IF NOT EXISTS jobs_employer ON jobs (employer_id);
CREATE INDEX IF NOT EXISTS applications_job ON applications (job_id);
"""

JOB_ID_OFFSET = 100122  # the first job is TCV-100123
APPLICATION_ID_OFFSET = 700000


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=15, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 15000")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def init(path: Path) -> None:
    conn = connect(path)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.executescript(SCHEMA)
    finally:
        conn.close()


def db() -> sqlite3.Connection:
    """The current request's connection (opened on first use, closed at teardown)."""
    if "topcv_db" not in g:
        g.topcv_db = connect(current_app.extensions["topcv_sandbox"].db_path)
    return g.topcv_db


def close_db(_exc=None) -> None:
    conn = g.pop("topcv_db", None)
    if conn is not None:
        conn.close()


@contextmanager
def transaction(conn: sqlite3.Connection):
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def wipe(conn: sqlite3.Connection) -> None:
    with transaction(conn):
        for table in ("attempts", "deliveries", "applications", "jobs", "employers"):
            conn.execute(f"DELETE FROM {table}")


# ------------------------------------------------------------------ employers

def new_access_token() -> str:
    return "tcv_at_" + secrets.token_urlsafe(24)


def new_secret_key() -> str:
    return "tcv_sk_" + secrets.token_urlsafe(32)


def employer_json(row: sqlite3.Row, with_keys: bool = False) -> dict:
    out = {"employer_id": row["id"], "name": row["name"], "email": row["email"], "webhook_url": row["webhook_url"]}
    if with_keys:
        out.update(access_token=row["access_token"], secret_key=row["secret_key"])
    return out


def employer(conn, employer_id: int) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM employers WHERE id = ?", (employer_id,)).fetchone()


def employer_by_token(conn, token: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM employers WHERE access_token = ?", (token,)).fetchone()


def employers(conn) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM employers ORDER BY id").fetchall()


def create_employer(conn, name: str, email: str, webhook_url: str | None = None,
                    access_token: str | None = None, secret_key: str | None = None) -> sqlite3.Row:
    cur = conn.execute(
        "INSERT INTO employers (name, email, access_token, secret_key, webhook_url, created_at) VALUES (?,?,?,?,?,?)",
        (name, email, access_token or new_access_token(), secret_key or new_secret_key(), webhook_url, now_iso()))
    return employer(conn, cur.lastrowid)


def upsert_employer(conn, data: dict) -> tuple[sqlite3.Row, bool]:
    """Create or update by ``access_token`` (the --seed-employer / control JSON); (row, created)."""
    with transaction(conn):
        existing = employer_by_token(conn, data["access_token"]) if data.get("access_token") else None
        if existing is None:
            return create_employer(conn, data["name"], data["email"], data.get("webhook_url"),
                                   data.get("access_token"), data.get("secret_key")), True
        conn.execute("UPDATE employers SET name = ?, email = ?, secret_key = ?, webhook_url = ? WHERE id = ?",
                     (data["name"], data["email"], data.get("secret_key") or existing["secret_key"],
                      data["webhook_url"] if "webhook_url" in data else existing["webhook_url"], existing["id"]))
        return employer(conn, existing["id"]), False


def set_webhook_url(conn, employer_id: int, url: str | None) -> None:
    conn.execute("UPDATE employers SET webhook_url = ? WHERE id = ?", (url, employer_id))


# ------------------------------------------------------------------ jobs

def board_job_id(job_pk: int) -> str:
    return f"TCV-{job_pk + JOB_ID_OFFSET}"


def job_pk(board_id: str) -> int | None:
    prefix, _, number = board_id.partition("-")
    if prefix != "TCV" or not number.isdigit():
        return None
    return int(number) - JOB_ID_OFFSET


JOB_QUERY = ("SELECT j.*, (SELECT COUNT(*) FROM applications a WHERE a.job_id = j.id) AS applications_count "
             "FROM jobs j")


def job(conn, board_id: str) -> sqlite3.Row | None:
    pk = job_pk(board_id)
    return None if pk is None else conn.execute(f"{JOB_QUERY} WHERE j.id = ?", (pk,)).fetchone()


def jobs(conn, employer_id: int | None = None, status: str | None = None) -> list[sqlite3.Row]:
    where, args = [], []
    if employer_id is not None:
        where.append("j.employer_id = ?")
        args.append(employer_id)
    if status is not None:
        where.append("j.status = ?")
        args.append(status)
    sql = JOB_QUERY + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY j.id DESC"
    return conn.execute(sql, args).fetchall()


def create_job(conn, employer_id: int, body: dict, source: str) -> str:
    now = now_iso()
    cur = conn.execute(
        "INSERT INTO jobs (employer_id, body, status, source, created_at, updated_at) "
        "VALUES (?, ?, 'pending_review', ?, ?, ?)", (employer_id, json.dumps(body), source, now, now))
    return board_job_id(cur.lastrowid)


def update_job(conn, board_id: str, body: dict | None = None, status: str | None = None,
               reject_reason: str | None = None) -> None:
    row = job(conn, board_id)
    conn.execute("UPDATE jobs SET body = ?, status = ?, reject_reason = ?, updated_at = ? WHERE id = ?",
                 (json.dumps(body) if body is not None else row["body"], status or row["status"],
                  reject_reason, now_iso(), row["id"]))


# ------------------------------------------------------------------ applications

def application_id(pk: int) -> str:
    return f"TCVA-{pk + APPLICATION_ID_OFFSET}"


def create_application(conn, job_row, full_name, email, phone, cover_letter, answers, resume) -> tuple[str, str]:
    """Store an application; returns (board_application_id, file token)."""
    token = secrets.token_urlsafe(24)
    resume = resume or {}
    cur = conn.execute(
        "INSERT INTO applications (job_id, full_name, email, phone, cover_letter, answers, file_name, content_type, "
        "resume, file_token, applied_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (job_row["id"], full_name, email, phone, cover_letter, json.dumps(answers or []), resume.get("file_name"),
         resume.get("content_type"), resume.get("data"), token, now_iso()))
    return application_id(cur.lastrowid), token


def application_file(conn, token: str) -> sqlite3.Row | None:
    return conn.execute("SELECT file_name, content_type, resume FROM applications WHERE file_token = ?",
                        (token,)).fetchone()


def applied_at(conn, board_application_id: str) -> str:
    pk = int(board_application_id.split("-")[1]) - APPLICATION_ID_OFFSET
    return conn.execute("SELECT applied_at FROM applications WHERE id = ?", (pk,)).fetchone()["applied_at"]


# ------------------------------------------------------------------ deliveries

def deliveries(conn, employer_id: int | None = None, status: str | None = None, limit: int = 200) -> list[dict]:
    where, args = [], []
    if employer_id is not None:
        where.append("employer_id = ?")
        args.append(employer_id)
    if status:
        where.append("status = ?")
        args.append(status)
    sql = ("SELECT * FROM deliveries" + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY seq DESC LIMIT ?")
    rows = conn.execute(sql, [*args, limit]).fetchall()
    out = []
    for row in rows:
        attempts = conn.execute("SELECT * FROM attempts WHERE event_id = ? ORDER BY id", (row["event_id"],)).fetchall()
        out.append({
            "event_id": row["event_id"], "employer_id": row["employer_id"], "type": row["type"],
            "status": row["status"], "held": bool(row["held"]), "created_at": row["created_at"],
            "attempts": [{"at": a["at"], "url": a["url"], "status_code": a["status_code"], "error": a["error"],
                          "latency_ms": a["latency_ms"], "duplicate": bool(a["duplicate"])} for a in attempts],
            "body": json.loads(row["body"]),
        })
    return out


def add_attempt(conn, event_id: str, url: str | None, status_code: int | None, error: str | None,
                latency_ms: int | None, duplicate: bool = False) -> None:
    conn.execute("INSERT INTO attempts (event_id, at, url, status_code, error, latency_ms, duplicate) "
                 "VALUES (?,?,?,?,?,?,?)", (event_id, now_iso(), url, status_code, error, latency_ms, int(duplicate)))
