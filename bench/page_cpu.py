"""CPU per route inside the web workers, for the load suite's attribution (bench only).

With ``BENCH_PAGE_CPU_DIR`` set, ``bench.wsgi_bench`` wraps the app: each request's thread CPU
time (``time.thread_time``: the thread that runs it, so a gthread worker's other requests do
not count) from the WSGI call to the app's answer, summed per method and URL rule, and written
by a thread in each worker process to ``<dir>/<pid>.json`` every half second. What a worker
spends outside the app (gunicorn's HTTP parsing, socket writes, the access log, its main loop)
is the web group's total minus the sum of these. The load suite reads the files before and
after its window (``read``, ``delta``)."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

RULE_KEY = "bench.page_cpu.rule"


def install(app, directory: str) -> None:
    from flask import request, request_started

    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    totals: dict[str, list] = {}
    lock = threading.Lock()
    state = {"pid": None, "dirty": False}

    def remember_rule(sender, **_extra):  # sent after routing, before any before_request hook
        rule = request.url_rule
        request.environ[RULE_KEY] = rule.rule if rule is not None else "(no route)"

    request_started.connect(remember_rule, app, weak=False)

    def writer(pid: int) -> None:
        path = out / f"{pid}.json"
        while True:
            time.sleep(0.5)
            with lock:
                if not state["dirty"]:
                    continue
                data = json.dumps(totals)
                state["dirty"] = False
            tmp = path.with_suffix(".tmp")
            tmp.write_text(data)
            tmp.replace(path)

    inner = app.wsgi_app

    def measured(environ, start_response):
        started = time.thread_time()
        try:
            return inner(environ, start_response)
        finally:
            spent = time.thread_time() - started
            key = f"{environ.get('REQUEST_METHOD')} {environ.get(RULE_KEY, '(no route)')}"
            with lock:
                if state["pid"] != os.getpid():  # the first request of this worker process
                    state["pid"] = os.getpid()
                    threading.Thread(target=writer, args=(os.getpid(),), daemon=True).start()
                entry = totals.setdefault(key, [0, 0.0])
                entry[0] += 1
                entry[1] += spent
                state["dirty"] = True

    app.wsgi_app = measured


def read(directory: str | Path) -> dict[str, dict[str, list]]:
    """pid → route → [requests, CPU seconds], as last written."""
    out = {}
    for path in Path(directory).glob("*.json"):
        try:
            out[path.stem] = json.loads(path.read_text())
        except (OSError, ValueError):  # being replaced this instant: the next read has it
            continue
    return out


def delta(before: dict, after: dict) -> dict[str, list]:
    """Route → [requests, CPU seconds] between two reads, summed over the worker processes
    (a process that appeared in between counts from zero)."""
    routes: dict[str, list] = {}
    for pid, rows in after.items():
        for key, (count, seconds) in rows.items():
            was = before.get(pid, {}).get(key, [0, 0.0])
            entry = routes.setdefault(key, [0, 0.0])
            entry[0] += count - was[0]
            entry[1] += seconds - was[1]
    return {k: v for k, v in routes.items() if v[0]}
