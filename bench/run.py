"""`make bench`: the ATS against PostgreSQL + Redis under gunicorn (2 workers), each row
beside a bare Flask route in the same run, SQL query counts per page, and the EMREX
transcript path. Writes bench/REPORT.md. Never part of `make test`."""

from __future__ import annotations

import os
import platform
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import requests

from bench import bulk_bench, cpu_bench, emrex_bench, load, load_suite, topcv_bench, worker_bench
from bench.seed import PASSWORD, seed

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN = os.environ.get("BENCH_PG_ADMIN", "postgresql://postgres@127.0.0.1:5432/postgres")
DB_NAME = os.environ.get("BENCH_DB_NAME", "haku_bench")
DB_URL = f"postgresql+psycopg://postgres@127.0.0.1:5432/{DB_NAME}"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
DURATION = float(os.environ.get("BENCH_SECONDS", "10"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "8"))
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def env() -> dict:
    return {**os.environ, "HAKU_CONFIG": "development", "DATABASE_URL": DB_URL, "REDIS_URL": REDIS_URL,
            "SECRET_KEY": "bench-secret-key-0123456789abcdef0123456789", "UPLOAD_DIR": str(ROOT / "instance" / "bench-files"),
            "BASE_URL": "http://127.0.0.1:5000", "PYTHONPATH": str(ROOT)}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fresh_database() -> None:
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')
    subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", "db", "upgrade"], cwd=ROOT, env=env(), check=True,
                   capture_output=True)


def make_app():
    os.environ.update(env())
    from app import create_app

    return create_app({"RATELIMIT_ENABLED": False, "WTF_CSRF_ENABLED": False})


# ---------------------------------------------------------------- query counts (in process)

def query_counts(app, worlds: dict) -> list[tuple]:
    """SQL statements per page, counted in process with a cursor hook (each request gets
    its own app context, as under a real server)."""
    from sqlalchemy import event

    from app.extensions import db
    from bench.cpu_bench import deep_cursor

    counter = {"n": 0}
    rows = []
    with app.app_context():
        engine = db.engine

    def count(*_args, **_kwargs):
        counter["n"] += 1

    event.listen(engine, "before_cursor_execute", count)
    try:
        for slug, world in worlds.items():
            client = app.test_client()
            client.post("/admin/login", data={"email": f"admin@{slug}.example.com", "password": PASSWORD})
            client.post("/admin/applications/columns", data={"columns": ["candidate", "email", "job", "stage",
                                                                         "source", "applied", "emrex_status",
                                                                         "emrex_gpa"]})
            pages = {"applications list (10/page)": "/admin/applications?per_page=10",
                     "applications list (100/page)": "/admin/applications?per_page=100",
                     "applications list, keyset page 5 (100/page)":  # the small company has ~890 open
                         "/admin/applications?per_page=100&cursor=" + deep_cursor(app, world, 100, number=5)[1],
                     "pipeline board": f"/admin/jobs/{world['jobs'][0]}",
                     "application card": f"/admin/applications/{world['first_app']}",
                     "careers page": f"/c/{slug}/",
                     "possible duplicates": "/admin/duplicates",
                     "users (team)": "/admin/settings/users"}
            for label, url in pages.items():
                client.get(url)  # warm caches (templates, mappers)
                counter["n"] = 0
                status = client.get(url).status_code
                rows.append((label, slug, world["count"], counter["n"], status))
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return rows


# ---------------------------------------------------------------- HTTP rows under gunicorn

class Gunicorn:
    def __init__(self, module: str = "bench.wsgi_bench:app", extra_args: tuple[str, ...] = ()):
        # BENCH_GUNICORN_ARGS (e.g. "-w 5 -k sync") comes last, so it wins: the sizing comparisons
        extra_args = (*extra_args, *shlex.split(os.environ.get("BENCH_GUNICORN_ARGS", "")))
        self.port = free_port()
        self.log = (ROOT / "instance" / "bench-gunicorn.log").open("ab")
        self.proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "-w", "2", "-k", "gthread", "--threads", "4",
                                      "--graceful-timeout", "5", "-b", f"127.0.0.1:{self.port}", "--log-level",
                                      "warning", *extra_args, module], cwd=ROOT, env=env(), stdout=self.log, stderr=self.log)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(f"http://127.0.0.1:{self.port}/__bench/bare", timeout=5).status_code == 200:
                    return
            except requests.RequestException:  # refused while starting, or slow on a busy machine
                if self.proc.poll() is not None:
                    raise RuntimeError(f"gunicorn exited; see {self.log.name}")
                time.sleep(0.1)  # readiness poll under a deadline
        self.stop()  # never leave a server behind
        raise RuntimeError("gunicorn did not start")

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self.log.close()


def session_cookie(port: int, email: str) -> str:
    s = requests.Session()
    page = s.get(f"http://127.0.0.1:{port}/admin/login")
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page.text).group(1)
    s.post(f"http://127.0.0.1:{port}/admin/login", data={"email": email, "password": PASSWORD, "csrf_token": token})
    return "; ".join(f"{k}={v}" for k, v in s.cookies.items())


def http_rows(worlds: dict) -> list[load.RowResult]:
    server = Gunicorn()
    big = worlds["big"]
    port = server.port
    cookie = session_cookie(port, "admin@big.example.com")
    results = []
    try:
        def get(path):
            return lambda w, n: ("GET", path, None, {})

        def authed(path):
            return lambda w, n: ("GET", path, None, {"Cookie": cookie})

        rows = [("bare Flask route", get("/__bench/bare")),
                ("careers page", get("/c/big/")),
                ("pipeline board", authed(f"/admin/jobs/{big['jobs'][0]}")),
                ("applications list, page 1", authed("/admin/applications?per_page=50")),
                ("applications list, page 500", authed("/admin/applications?per_page=50&cursor="
                                                       + big["page_500_cursor"])),
                ("application card", authed(f"/admin/applications/{big['first_app'] + 17}")),
                ("possible duplicates", authed("/admin/duplicates")),
                ("users (team)", authed("/admin/settings/users"))]
        results.append(load.run("bare Flask route (first)", port, get("/__bench/bare"), concurrency=CONCURRENCY,
                                duration=DURATION))
        for name, maker in rows[1:]:
            results.append(load.run(name, port, maker, concurrency=CONCURRENCY, duration=DURATION))
        results.append(apply_row(port, big))
        results.append(load.run("bare Flask route (last)", port, get("/__bench/bare"), concurrency=CONCURRENCY,
                                duration=DURATION))
    finally:
        server.stop()
    return results


def apply_row(port: int, world: dict) -> load.RowResult:
    """Apply POSTs with a CSRF token per client session and a unique email per request."""
    import uuid

    job_id = world["jobs"][1]
    sessions = {}

    def setup(worker: int) -> dict:
        s = requests.Session()
        page = s.get(f"http://127.0.0.1:{port}/c/big/jobs/{job_id}/apply")
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page.text).group(1)
        sessions[worker] = token
        return {"Cookie": "; ".join(f"{k}={v}" for k, v in s.cookies.items())}

    def request(worker: int, n: int):
        boundary = "benchboundary"
        fields = {"csrf_token": sessions[worker], "given_names": "Bench", "family_name": f"W{worker}N{n}",
                  "email": f"w{worker}n{n}-{uuid.uuid4().hex[:8]}@bench.example.com", "consent": "y",
                  "cover_letter": "Hello"}
        parts = [f"--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n".encode()
                 for k, v in fields.items()]
        parts.append(f"--{boundary}\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"cv.pdf\"\r\n"
                     f"Content-Type: application/pdf\r\n\r\n".encode() + PDF + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return ("POST", f"/c/big/jobs/{job_id}/apply", body,
                {"Content-Type": f"multipart/form-data; boundary={boundary}"})

    return load.run("apply POST", port, request, concurrency=CONCURRENCY, duration=DURATION, setup=setup)


# ---------------------------------------------------------------- report

def main() -> int:
    started = time.monotonic()
    if os.environ.get("BENCH_ONLY") == "worker":  # the worker rows alone (own Valkey and SQLite); report not written
        print("\n".join(worker_bench.render(worker_bench.run_all())))
        return 0
    print("bench: fresh database", DB_NAME)
    fresh_database()
    app = make_app()
    if os.environ.get("BENCH_ONLY") == "topcv":  # a quick look at one part; the report is not written
        print("\n".join(topcv_bench.render(topcv_bench.run_all(app, env(), Gunicorn, CONCURRENCY))))
        return 0
    if os.environ.get("BENCH_ONLY") == "emrex":  # the EMREX rows alone; the report is not written
        seed(app, {"small": 1_000}, jobs_per_company=5)  # the return endpoint's row posts into this company
        print("\n".join(emrex_bench.render(emrex_bench.run_all(app, env(), Gunicorn))))
        return 0
    if os.environ.get("BENCH_ONLY") == "bulk":  # the bulk move as a task alone; the report is not written
        world = seed(app, {"bulk": bulk_bench.SIZE}, jobs_per_company=1)["bulk"]
        print("\n".join(bulk_bench.render(bulk_bench.run_all(app, env(), world))))
        return 0
    if os.environ.get("BENCH_ONLY") in ("load", "load-open"):  # the load suite alone; rewrites only its section
        if os.environ["BENCH_ONLY"] == "load-open":  # open loop at BENCH_LOAD_RATE arrivals/s
            load_suite.MODE = "open"
        size = int(os.environ.get("BENCH_LOAD_SEED", "10000"))
        worlds = seed(app, {"big": size, "small": 1_000}, jobs_per_company=20)
        section = load_suite.render(load_suite.run(app, env(), worlds, ROOT / "instance", PG_ADMIN, DB_NAME))
        if not os.environ.get("BENCH_LOAD_NO_WRITE"):  # BENCH_LOAD_NO_WRITE=1: print only (trial runs)
            path = ROOT / "bench" / "REPORT.md"
            path.write_text(load_suite.replace_section(path.read_text() if path.exists() else "", section))
        print("\n".join(section))
        return 0
    if os.environ.get("BENCH_ONLY") == "queries":  # the constant-query table alone; rewrites only its section
        worlds = seed(app, {"big": 99_000, "small": 1_000})
        section = query_section(query_counts(app, worlds))
        path = ROOT / "bench" / "REPORT.md"
        path.write_text(replace_queries_section(path.read_text() if path.exists() else "", section))
        print("\n".join(section))
        return 0
    if os.environ.get("BENCH_ONLY") == "cpu":  # the CPU table alone; rewrites only its section of the report
        size = int(os.environ.get("BENCH_CPU_SEED", "99000"))
        print(f"bench: seeding {size:,} + 1,000 applications, 200 jobs")
        worlds = seed(app, {"big": size, "small": 1_000})
        section = cpu_bench.render(cpu_bench.run_all(app, Gunicorn, worlds, PG_ADMIN, DB_NAME, PASSWORD))
        path = ROOT / "bench" / "REPORT.md"
        if not os.environ.get("BENCH_CPU_PAGES") or os.environ.get("BENCH_CPU_WRITE"):
            path.write_text(cpu_bench.replace_section(path.read_text() if path.exists() else "", section))
        print("\n".join(section))
        return 0
    print("bench: seeding 99,000 + 1,000 applications, 200 jobs")
    worlds = seed(app, {"big": 99_000, "small": 1_000})
    counts = query_counts(app, worlds)
    print("bench: CPU per request (gunicorn workers + PostgreSQL backends)")
    cpu_rows = cpu_bench.run_all(app, Gunicorn, worlds, PG_ADMIN, DB_NAME, PASSWORD)
    print("bench: HTTP rows (gunicorn, 2 workers)")
    from bench.cpu_bench import deep_cursor

    worlds["big"]["page_500_cursor"] = deep_cursor(app, worlds["big"], 50, number=500)[1]
    rows = http_rows(worlds)
    print("bench: EMREX transcript path")
    emrex_rows = emrex_bench.run_all(app, env(), Gunicorn)
    print("bench: TopCV webhook intake and processing")
    topcv_rows = topcv_bench.run_all(app, env(), Gunicorn, CONCURRENCY)
    print(f"bench: bulk move of {bulk_bench.SIZE:,} applications as a task")
    bulk_world = seed(app, {"bulk": bulk_bench.SIZE}, jobs_per_company=1)["bulk"]
    bulk_rows = bulk_bench.render(bulk_bench.run_all(app, env(), bulk_world))
    print("bench: worker efficiency")
    worker_rows = worker_bench.render(worker_bench.run_all())
    print(f"bench: load suite ({load_suite.CLIENTS} clients, {load_suite.SECONDS:.0f} s)")
    load_rows = load_suite.render(load_suite.run(app, env(), worlds, ROOT / "instance", PG_ADMIN, DB_NAME))
    print(f"bench: load suite, open loop ({load_suite.RATE:g} arrivals/s, {load_suite.SECONDS:.0f} s)")
    load_suite.MODE = "open"
    load_rows += load_suite.render(load_suite.run(app, env(), worlds, ROOT / "instance", PG_ADMIN, DB_NAME))
    report = cpu_bench.replace_section(render(rows, counts, emrex_rows, time.monotonic() - started),
                                       cpu_bench.render(cpu_rows))
    report = (report + "\n".join(topcv_bench.render(topcv_rows))
              + "\n".join(bulk_rows) + "\n".join(worker_rows) + "\n".join(load_rows))
    (ROOT / "bench" / "REPORT.md").write_text(report)
    print(report)
    return 0


def render(rows, counts, emrex_rows, elapsed) -> str:
    bare = [r for r in rows if r.name.startswith("bare")]
    bare_rps = sum(r.rps for r in bare) / len(bare)
    by = {r.name: r for r in rows}
    with psycopg.connect(PG_ADMIN) as conn:
        pg_version = conn.execute("SHOW server_version").fetchone()[0]
    lines = [
        "# Benchmark report", "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M UTC} on {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, PostgreSQL {pg_version}, Redis at `{REDIS_URL}`; gunicorn 2 workers (gthread, "
        f"4 threads each); {CONCURRENCY} concurrent keep-alive clients on loopback, {DURATION:.0f} s per row after "
        f"1 s warm-up; page size 50. Data: 100,000 applications across 2 companies and 200 jobs. "
        f"Total run {elapsed:.0f} s.", "",
        "Parts can run alone with `BENCH_ONLY=<part> make bench`: `cpu` (the CPU-per-request table; it rewrites only "
        "its section here; `BENCH_CPU_SEED`, `BENCH_CPU_REQUESTS`, `BENCH_CPU_CLIENTS` set its scale), `queries` (the "
        "SQL-per-page table below; it rewrites only its section), `emrex`, "
        "`topcv`, `worker`, `bulk` (a bulk move of 1,000 applications as a task) (these print and do not write the "
        "report), `load` (saturation) and `load-open` (open loop at `BENCH_LOAD_RATE` arrivals/s; each rewrites only "
        "its own section, which says when it ran; `BENCH_LOAD_NO_WRITE=1` prints only).", "",
        "## Requests", "",
        "| row | req/s | p50 ms | p95 ms | errors | ratio to bare | target | result |",
        "|---|---:|---:|---:|---:|---:|---|---|",
    ]
    for r in rows:
        ratio = r.rps / bare_rps if bare_rps else 0
        target, ok = "", ""
        if r.name.startswith("applications list"):
            target, ok = "≥ 0.2 of bare", "pass" if ratio >= 0.2 else "MISS"
        lines.append(f"| {r.name} | {r.rps:.0f} | {r.p50:.1f} | {r.p95:.1f} | {r.errors} | {ratio:.2f} | {target} | {ok} |")
    p1, p500 = by["applications list, page 1"], by["applications list, page 500"]
    lat = p500.p50 / p1.p50 if p1.p50 else 0
    lines += ["", f"Page 500 vs page 1 (p50): {p500.p50:.1f} ms vs {p1.p50:.1f} ms = {lat:.2f}× "
              f"(target ≤ 1.5×: {'pass' if lat <= 1.5 else 'MISS'}).", ""]
    lines += query_section(counts)
    lines += emrex_bench.render(emrex_rows)
    return "\n".join(lines) + "\n"


QUERIES_HEADING = "## SQL queries per page"


def query_section(counts) -> list[str]:
    lines = [f"{QUERIES_HEADING} (constant: same for 10 and 100 rows, and for 1,000 vs 99,000 applications)", "",
             f"Counted in process on {datetime.now(UTC):%Y-%m-%d %H:%M UTC}, with the columns of the list that "
             "include two EMREX plugin columns (so the list takes its entity path).", "",
             "| page | company (applications) | queries | status |", "|---|---|---:|---:|"]
    for label, slug, n, queries, status in counts:
        lines.append(f"| {label} | {slug} ({n:,}) | {queries} | {status} |")
    per = {}
    for label, slug, n, queries, status in counts:
        per.setdefault(label.split(" (")[0].split(",")[0], set()).add(queries)
    constant = all(len(v) == 1 for v in per.values())
    lines += ["", f"Constant query count per page type: {'pass' if constant else 'MISS'} "
              f"({', '.join(f'{k}: {sorted(v)}' for k, v in per.items())}).", ""]
    return lines


def replace_queries_section(report: str, section: list[str]) -> str:
    """Put the query-count section in place of the old one (up to the next heading)."""
    start = report.find(QUERIES_HEADING)
    if start < 0:
        return report.rstrip("\n") + "\n\n" + "\n".join(section) + "\n"
    end = report.find("\n## ", start + 3)
    return report[:start] + "\n".join(section) + "\n" + (report[end + 1:] if end >= 0 else "")


if __name__ == "__main__":
    sys.exit(main())
