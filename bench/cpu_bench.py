"""CPU per request for every page (`BENCH_ONLY=cpu make bench`, and a section of the full run).

Measured from outside, as issue 15 asks: N requests to real gunicorn (2 gthread workers) on
PostgreSQL, with utime + stime read from /proc/<pid>/stat of the gunicorn workers (the app)
and of the PostgreSQL backends connected to the bench database (the DB) before and after,
divided by N. CPU time stays stable on a busy machine where wall-clock latency does not.
SQL statements per request are counted in process with the same cursor hook as the
constant-query table, one request of the same kind through the test client."""

from __future__ import annotations

import http.client
import itertools
import os
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

import psycopg
import requests

REQUESTS = int(os.environ.get("BENCH_CPU_REQUESTS", "200"))  # per batch; at least one batch per row
MIN_CPU_S = float(os.environ.get("BENCH_CPU_MIN_SECONDS", "2"))  # more batches until app + DB used this much
MAX_BATCHES = 20
CLIENTS = int(os.environ.get("BENCH_CPU_CLIENTS", "4"))
WARMUP = int(os.environ.get("BENCH_CPU_WARMUP", "10"))
TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


@dataclass
class Page:
    """One row: ``make(worker, n)`` → (method, path, body, headers); ``setup(worker)`` returns
    per-client headers (a session cookie) and may prepare state ``make`` reads."""
    name: str
    make: object
    setup: object = None
    yardstick: str = "bare"  # "bare" (GET) or "bare POST"
    inproc: object = None  # (method, path, data, headers, login) for the SQL count, or None
    note: str = ""
    max_batches: int = MAX_BATCHES  # pages that use up prepared state (EMREX attempts) send one batch


@dataclass
class CpuRow:
    name: str
    requests: int = 0
    app_ms: float = 0.0
    db_ms: float = 0.0
    sql: int | None = None
    statuses: dict = field(default_factory=dict)
    yardstick: str = "bare"
    note: str = ""

    @property
    def total_ms(self) -> float:
        return self.app_ms + self.db_ms


# ---------------------------------------------------------------- /proc accounting

def cpu_ticks(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:  # the process ended
        return None
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of proc(5))


def children(parent: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                if int(f.read().rsplit(")", 1)[1].split()[1]) == parent:
                    out.append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    return out


class Meter:
    """Snapshots of the CPU ticks of gunicorn's workers and of the database's backends."""

    def __init__(self, master_pid: int, pg_admin: str, db_name: str):
        self.master = master_pid
        self.db_name = db_name
        self.conn = psycopg.connect(pg_admin, autocommit=True)

    def backends(self) -> list[int]:
        # client backends only: an autovacuum worker that happens to run on the bench
        # database during a row is the database's housekeeping, not the page's cost
        rows = self.conn.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid() "
                                 "AND backend_type = 'client backend'", (self.db_name,)).fetchall()
        return [r[0] for r in rows]

    def snapshot(self) -> dict:
        snap = {"app": {}, "db": {}}
        for pid in children(self.master):
            snap["app"][pid] = cpu_ticks(pid)
        for pid in self.backends():
            snap["db"][pid] = cpu_ticks(pid)
        return snap

    @staticmethod
    def delta_ms(before: dict, after: dict, kind: str) -> float:
        """A process born during the window counts from zero; one that ended is lost (the
        workers and the pooled connections live through a row)."""
        ticks = 0
        for pid, end in after[kind].items():
            if end is None:
                continue
            ticks += end - (before[kind].get(pid) or 0)
        return ticks * TICK_MS

    def close(self) -> None:
        self.conn.close()


# ---------------------------------------------------------------- fixed-count client

def drive(port: int, page: Page, count: int, clients: int) -> dict:
    """Send ``count`` requests from ``clients`` keep-alive clients; statuses by code."""
    lock = threading.Lock()
    state = {"next": 0}
    statuses: dict = {}
    extras = {}
    for index in range(clients):  # setup outside the measured window
        extras[index] = page.setup(index) if page.setup else {}

    def client(index: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                n = state["next"]
                if n >= count:
                    break
                state["next"] += 1
            method, path, body, headers = page.make(index, n)
            try:
                conn.request(method, path, body=body, headers={**extras[index], **(headers or {})})
                resp = conn.getresponse()
                resp.read()
                status = resp.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                status = 0
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
        conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def measure(port: int, meter: Meter, page: Page, count: int = REQUESTS, clients: int = CLIENTS) -> CpuRow:
    """Batches of ``count`` requests until the row has used MIN_CPU_S of CPU (so that the
    10 ms /proc ticks are a small error on cheap pages) or MAX_BATCHES were sent."""
    drive(port, page, WARMUP, min(clients, WARMUP))
    before = meter.snapshot()
    for _attempt in range(3):
        row = _measure_once(port, meter, page, count, clients, before)
        if row is not None:
            return row
        before = meter.snapshot()
    raise RuntimeError(f"gunicorn workers kept changing during {page.name!r}")


def _measure_once(port, meter, page, count, clients, before) -> CpuRow | None:
    statuses: dict = {}
    sent = 0
    for _ in range(page.max_batches):
        for status, n in drive(port, page, count, clients).items():
            statuses[status] = statuses.get(status, 0) + n
        sent += count
        time.sleep(0.05)  # let the last responses' teardown (session close) finish
        after = meter.snapshot()
        app_ms, db_ms = Meter.delta_ms(before, after, "app"), Meter.delta_ms(before, after, "db")
        if set(after["app"]) != set(before["app"]):
            return None  # a worker was replaced: its start-up is not this page's cost
        if app_ms + db_ms >= MIN_CPU_S * 1000:
            break
    return CpuRow(page.name, sent, app_ms / sent, db_ms / sent, statuses=statuses, yardstick=page.yardstick,
                  note=page.note)


# ---------------------------------------------------------------- the pages

def _form_session(port: int, path: str) -> tuple[str, str]:
    s = requests.Session()
    page = s.get(f"http://127.0.0.1:{port}{path}")
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page.text).group(1)
    return token, "; ".join(f"{k}={v}" for k, v in s.cookies.items())


def _multipart(fields: dict, file_bytes: bytes) -> tuple[bytes, str]:
    boundary = "benchboundary"
    parts = [f"--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n".encode()
             for k, v in fields.items()]
    parts.append(f"--{boundary}\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"cv.pdf\"\r\n"
                 f"Content-Type: application/pdf\r\n\r\n".encode() + file_bytes + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def pages(port: int, worlds: dict, cookie: str, topcv: dict | None, password: str,
          emrex: dict | None = None) -> list[Page]:
    big = worlds["big"]
    per_page = 50
    deep, deep_cursor = big.get("deep_cursor") or (1, "")
    board_job = big["jobs"][0]
    board_apps = big["count"] // len(big["jobs"])
    job = big["jobs"][1]

    def get(path):
        return lambda w, n: ("GET", path, None, {})

    def authed(path):
        return lambda w, n: ("GET", path, None, {"Cookie": cookie})

    out = [
        Page("bare Flask route (fixed template)", get("/__bench/bare")),  # no SQL; not in the in-process app
        Page(f"careers page ({len(big['jobs'])} jobs)", get("/c/big/"), inproc=("GET", "/c/big/", None, False)),
        Page("job page", get(f"/c/big/jobs/{job}"), inproc=("GET", f"/c/big/jobs/{job}", None, False)),
        Page("apply form", get(f"/c/big/jobs/{job}/apply"), inproc=("GET", f"/c/big/jobs/{job}/apply", None, False)),
        # issue 18: the careers page searched and filtered (its own cache entry), the sitemap
        # and the company's privacy notice
        Page("careers page, searched (q + workplace)", get("/c/big/?q=developer&workplace=onsite"),
             inproc=("GET", "/c/big/?q=developer&workplace=onsite", None, False)),
        Page("careers sitemap", get("/c/big/sitemap.xml"), inproc=("GET", "/c/big/sitemap.xml", None, False)),
        Page("privacy notice", get("/c/big/privacy"), inproc=("GET", "/c/big/privacy", None, False)),
    ]

    tokens: dict = {}

    def apply_setup(worker):
        token, jar = _form_session(port, f"/c/big/jobs/{job}/apply")
        tokens[worker] = token
        return {"Cookie": jar}

    def apply_fields(token, tag):
        return {"csrf_token": token, "given_names": "Bench", "family_name": f"Cpu{tag}",
                "email": f"cpu-{tag}-{uuid.uuid4().hex[:10]}@bench.example.com", "consent": "y",
                "cover_letter": "Hello"}

    def apply_make(worker, n):
        body, ctype = _multipart(apply_fields(tokens[worker], f"{worker}x{n}"), PDF)
        return ("POST", f"/c/big/jobs/{job}/apply", body, {"Content-Type": ctype})

    def apply_inproc():
        body, ctype = _multipart(apply_fields("", "inproc"), PDF)
        return ("POST", f"/c/big/jobs/{job}/apply", body, False, ctype)

    out.append(Page("apply POST (small PDF)", apply_make, setup=apply_setup, inproc=apply_inproc))
    out += [
        Page("applications list, page 1", authed(f"/admin/applications?per_page={per_page}"),
             inproc=("GET", f"/admin/applications?per_page={per_page}", None, True)),
        Page(f"applications list, keyset page {deep:,} (80% deep)",
             authed(f"/admin/applications?per_page={per_page}&cursor={deep_cursor}"),
             inproc=("GET", f"/admin/applications?per_page={per_page}&cursor={deep_cursor}", None, True)),
        Page(f"pipeline board (job with {board_apps:,} applications)", authed(f"/admin/jobs/{board_job}"),
             inproc=("GET", f"/admin/jobs/{board_job}", None, True)),
        Page("application card", authed(f"/admin/applications/{big['first_app'] + 17}"),
             inproc=("GET", f"/admin/applications/{big['first_app'] + 17}", None, True)),
        Page("notifications", authed("/admin/notifications"), inproc=("GET", "/admin/notifications", None, True)),
        Page("dashboard", authed("/admin/"), inproc=("GET", "/admin/", None, True)),
        # later issues' recruiter pages: people search (16), a scorecard form and My interviews (17)
        Page("people search", authed("/admin/candidates?q=virtanen"),
             inproc=("GET", "/admin/candidates?q=virtanen", None, True)),
        Page("scorecard form", authed(f"/admin/applications/{big['first_app'] + 17}/scorecard"),
             inproc=("GET", f"/admin/applications/{big['first_app'] + 17}/scorecard", None, True)),
        Page("my interviews", authed("/admin/interviews/mine"), inproc=("GET", "/admin/interviews/mine", None, True)),
        # issue 18: the reports, each over every application of the last 90 days
        *[Page(f"report: {key}", authed(f"/admin/reports/{key}"), inproc=("GET", f"/admin/reports/{key}", None, True))
          for key in ("time-to-hire", "time-in-stage", "conversion", "sources", "rejection-reasons", "completion",
                      "open-jobs")],
        # The floor of every recruiter page: the layout, the signed-in user, the bell and
        # nothing else (the bell's figure as a full page; issue 15, branch base15).
        Page("recruiter page floor (notifications badge as a page)", authed("/admin/notifications/badge"),
             inproc=("GET", "/admin/notifications/badge", None, True)),
    ]

    login_tokens: dict = {}

    def login_setup(worker):
        token, jar = _form_session(port, "/admin/login")
        login_tokens[worker] = token
        return {"Cookie": jar}

    def login_make(worker, n):
        body = (f"email=admin%40big.example.com&password={password}&csrf_token="
                f"{requests.utils.quote(login_tokens[worker], safe='')}").encode()
        return ("POST", "/admin/login", body, {"Content-Type": "application/x-www-form-urlencoded"})

    def login_inproc():
        return ("POST", "/admin/login", f"email=admin%40big.example.com&password={password}".encode(), False,
                "application/x-www-form-urlencoded")

    if topcv is not None:
        from bench import topcv_bench

        bare_body = topcv_bench.delivery(topcv["external_id"], 0)[1]
        out.append(Page("bare Flask POST (JSON, 202)",
                        lambda w, n: ("POST", "/__bench/bare-post", bare_body, {"Content-Type": "application/json"}),
                        yardstick="bare POST"))
        events = itertools.count(1)
        lock = threading.Lock()

        def topcv_make(worker, n):  # a new event each time, signed as it is sent (the timestamp is checked)
            with lock:
                number = next(events)
            path, body, headers = topcv_bench.delivery(topcv["external_id"], number)
            return ("POST", path, body, headers)

        def topcv_inproc():
            path, body, headers = topcv_bench.delivery(topcv["external_id"], 10_000_000)
            return ("POST", path, body, False, "application/json", headers)

        out.append(Page("TopCV webhook intake", topcv_make, yardstick="bare POST", inproc=topcv_inproc,
                        note="signing the request costs the client, not the server"))
    if emrex is not None:
        from bench import emrex_bench

        sessions = iter(emrex["ids"])
        emrex_lock = threading.Lock()

        def emrex_make(worker, n):  # each return claims its own open attempt
            with emrex_lock:
                sid = next(sessions)
            return ("POST", "/emrex/return", emrex_bench.return_body(sid, emrex["value"]),
                    {"Content-Type": "application/x-www-form-urlencoded"})

        def emrex_inproc():
            with emrex_lock:
                sid = next(sessions)
            return ("POST", "/emrex/return", emrex_bench.return_body(sid, emrex["value"]), False,
                    "application/x-www-form-urlencoded")

        out.append(Page("EMREX return (40 KB transcript)", emrex_make, inproc=emrex_inproc, max_batches=1,
                        note="a full import"))
    out.append(Page("sign-in POST (scrypt)", login_make, setup=login_setup, inproc=login_inproc,
                    note="scrypt by design"))
    return out


# ---------------------------------------------------------------- SQL per request (in process)

def send(client, page: Page):
    """The page's request through the Flask test client (``page.inproc``: method, path, body,
    needs sign-in, then optionally a content type and extra headers; callable for POSTs that
    need a fresh body each time)."""
    method, path, body, _login, *rest = page.inproc() if callable(page.inproc) else page.inproc
    headers = {"Content-Type": rest[0]} if rest else {}
    if len(rest) > 1:
        headers.update(rest[1])
    return client.open(path, method=method, data=body, headers=headers)


def sql_counts(app, page_list: list[Page], login_email: str, password: str) -> dict:
    from sqlalchemy import event

    from app.extensions import db

    with app.app_context():
        engine = db.engine
    counter = {"n": 0}

    def count(*_args, **_kwargs):
        counter["n"] += 1

    out = {}
    event.listen(engine, "before_cursor_execute", count)
    try:
        for page in page_list:
            spec = page.inproc() if callable(page.inproc) else page.inproc
            if spec is None:
                continue
            client = app.test_client()
            if spec[3]:
                client.post("/admin/login", data={"email": login_email, "password": password})
            if spec[0] == "GET":
                send(client, page)  # warm caches (templates, mappers)
            counter["n"] = 0
            send(client, page)
            out[page.name] = counter["n"]
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return out


# ---------------------------------------------------------------- run and render

def deep_cursor(app, world: dict, per_page: int = 50, fraction: float = 0.8,
                number: int | None = None) -> tuple[int, str]:
    """A page ~80% deep into a company's list (newest first; or page ``number``) and the
    cursor its "Next" link would carry after paging there from page 1: the row before it read
    once here with OFFSET, the cursor encoded by the list's own code (signed with the app's key)."""
    from sqlalchemy import select

    from app.applications.listing import COUNT_CAP, Cursor, ListQuery, encode_cursor
    from app.applications.models import Application
    from app.extensions import db

    number = number or max(2, int(world["count"] // per_page * fraction))
    with app.app_context():
        row = db.session.execute(
            select(Application.created_at, Application.id)
            .where(Application.company_id == world["company_id"], Application.status == "open")
            .order_by(Application.created_at.desc(), Application.id.desc())
            .offset((number - 1) * per_page - 1).limit(1)).one()
        with app.test_request_context():
            token = encode_cursor(world["company_id"], ListQuery(per_page=per_page),
                                  Cursor(row.created_at, row.id, False, number, COUNT_CAP + 1))
    return number, token


def run_all(app, gunicorn_cls, worlds: dict, pg_admin: str, db_name: str, password: str) -> dict:
    from bench import emrex_bench, topcv_bench
    from bench.run import session_cookie

    worlds["big"]["deep_cursor"] = deep_cursor(app, worlds["big"])

    topcv = topcv_bench.seed(app, slug="cpu-topcv")
    value, cert = emrex_bench.small_transcript()
    # one batch, its warm-up, the in-process SQL count and a profile run at most
    emrex = {"value": value, "ids": emrex_bench.open_attempts(app, cert, REQUESTS + WARMUP + 40)}
    # gunicorn.conf.py recycles workers after ~2,000 requests; a new worker's start-up would
    # land in one row, so the CPU rows run without recycling (and measure() checks the pids).
    server = gunicorn_cls(extra_args=("--max-requests", "0"))
    meter = Meter(server.proc.pid, pg_admin, db_name)
    rows = []
    try:
        cookie = session_cookie(server.port, "admin@big.example.com")
        page_list = selected(pages(server.port, worlds, cookie, topcv, password, emrex))
        for page in page_list:
            rows.append(measure(server.port, meter, page))
            print(f"  cpu: {rows[-1].name}: app {rows[-1].app_ms:.2f} + db {rows[-1].db_ms:.2f} ms/req "
                  f"{rows[-1].statuses}", flush=True)
        rows.append(measure(server.port, meter, Page("bare Flask route (again, last)", page_list[0].make)))
    finally:
        meter.close()
        server.stop()
    sql = sql_counts(app, page_list, "admin@big.example.com", password)
    for row in rows:
        row.sql = sql.get(row.name)
    data = {"rows": rows}
    if os.environ.get("BENCH_CPU_PROFILE"):  # pyinstrument call trees of the worst pages, in instance/
        from pathlib import Path

        out_dir = Path(__file__).resolve().parent.parent / "instance"
        for name in profile_worst(app, data, page_list, out_dir, "admin@big.example.com", password):
            print(f"  profile: instance/{name}", flush=True)
    return {"rows": rows, "requests": REQUESTS, "clients": CLIENTS, "worlds": {k: v["count"] for k, v in worlds.items()}}


def selected(page_list: list[Page]) -> list[Page]:
    """BENCH_CPU_PAGES=board,list: only the rows whose name contains one of the words (the bare
    rows always run: every ratio needs them). A partial run prints its rows and leaves the
    report's table alone unless BENCH_CPU_WRITE=1."""
    words = [w.strip().lower() for w in os.environ.get("BENCH_CPU_PAGES", "").split(",") if w.strip()]
    if not words:
        return page_list
    return [p for p in page_list if p.name.lower().startswith("bare") or any(w in p.name.lower() for w in words)]


def ratio_cell(value: float) -> str:
    return f"{value:.1f}×"


def render(data: dict) -> list[str]:
    rows = data["rows"]
    bare = [r for r in rows if r.name.startswith("bare Flask route")]
    bare_ms = sum(r.total_ms for r in bare) / len(bare)
    bare_post = next((r.total_ms for r in rows if r.name.startswith("bare Flask POST")), None)
    sizes = ", ".join(f"{k} {v:,}" for k, v in data["worlds"].items())
    lines = [
        "## CPU per request", "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores. `BENCH_ONLY=cpu make bench` runs "
        f"this section alone and rewrites only it in this file. {data['requests']} "
        f"requests per batch (more batches until the row used {MIN_CPU_S:g} s of CPU) from {data['clients']} keep-alive clients (after {WARMUP} warm-up requests) to gunicorn "
        f"(2 workers, gthread, 4 threads) on PostgreSQL; CPU = utime + stime from /proc/<pid>/stat of the gunicorn "
        f"workers (app) and of the PostgreSQL backends connected to the bench database (DB), before and after, "
        f"÷ requests. SQL = statements for one such request, counted in process. ÷ bare = (app + DB) over the mean "
        f"of the bare GET rows (first and last) of the same run; the TopCV intake is also compared with the bare JSON POST. Data: applications per "
        f"company: {sizes}. /proc counts in {TICK_MS:.0f} ms ticks per process, so a row's error is "
        f"a few ticks over its requests (under 2% at {MIN_CPU_S:g} s).", "",
        "| page | CPU ms/req app | CPU ms/req DB | app + DB | ÷ bare | SQL | requests | statuses |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        ratio = ratio_cell(r.total_ms / bare_ms) if bare_ms else "—"
        if r.yardstick == "bare POST" and bare_post and not r.name.startswith("bare"):
            ratio += f" ({ratio_cell(r.total_ms / bare_post)} bare POST)"
        sql = "" if r.sql is None else str(r.sql)
        name = r.name + (f" — {r.note}" if r.note else "")
        lines.append(f"| {name} | {r.app_ms:.2f} | {r.db_ms:.2f} | {r.total_ms:.2f} | {ratio} | {sql} | {r.requests:,} | "
                     f"{dict(sorted(r.statuses.items()))} |")
    lines.append("")
    return lines


def replace_section(report: str, section: list[str]) -> str:
    """Put the CPU section in place of the old one, or after the Requests section."""
    text = "\n".join(section) + "\n"
    start = report.find("## CPU per request")
    if start >= 0:
        end = report.find("\n## ", start + 3)
        return report[:start] + text + (report[end + 1:] if end >= 0 else "")
    anchor = report.find("\n## SQL queries per page")
    if anchor < 0:
        return report.rstrip("\n") + "\n\n" + text
    return report[:anchor + 1] + text + report[anchor + 1:]


# ---------------------------------------------------------------- profiles of the worst pages

def profile_worst(app, data: dict, page_list: list[Page], out_dir, login_email: str, password: str,
                  how_many: int = 3, repeat: int = 30) -> list[str]:
    """Profile the ``how_many`` pages with the highest CPU per request (sign-in excluded: its
    scrypt is intended) in process with pyinstrument, ``repeat`` requests each after a warm
    one; write a call tree and a flat self-time list per page into ``out_dir``. Returns the
    file names. pyinstrument comes from requirements-dev.txt."""
    from pyinstrument import Profiler
    from pyinstrument.renderers import ConsoleRenderer

    by_name = {p.name: p for p in page_list}
    worst = sorted((r for r in data["rows"] if r.name in by_name and by_name[r.name].inproc is not None
                    and not r.note.startswith("scrypt")), key=lambda r: r.total_ms, reverse=True)[:how_many]
    written = []
    for row in worst:
        page = by_name[row.name]
        client = app.test_client()
        spec = page.inproc() if callable(page.inproc) else page.inproc
        if spec[3]:
            client.post("/admin/login", data={"email": login_email, "password": password})

        send(client, page)  # warm
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(repeat):
            send(client, page)
        profiler.stop()
        slug = re.sub(r"[^a-z0-9]+", "-", row.name.lower()).strip("-")
        path = out_dir / f"profile-{slug}.txt"
        path.write_text(f"{row.name}: {repeat} requests in process\n\n"
                        + profiler.output(ConsoleRenderer(time="percent_of_total", short_mode=False))
                        + "\n\nFlat (self time):\n\n"
                        + profiler.output(ConsoleRenderer(flat=True, time="percent_of_total")))
        written.append(path.name)
    return written
