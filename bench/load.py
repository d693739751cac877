"""A bounded HTTP load client on loopback: fixed concurrency, fixed duration, keep-alive."""

from __future__ import annotations

import http.client
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class RowResult:
    name: str
    requests: int = 0
    errors: int = 0
    latencies: list[float] = field(default_factory=list)
    seconds: float = 0.0
    statuses: dict = field(default_factory=dict)

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def pct(self, q: float) -> float:
        if not self.latencies:
            return 0.0
        data = sorted(self.latencies)
        return data[min(len(data) - 1, int(q * len(data)))] * 1000

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies) * 1000 if self.latencies else 0.0

    @property
    def p95(self) -> float:
        return self.pct(0.95)


def run(name: str, port: int, make_request: Callable[[int, int], tuple], *, concurrency: int = 8,
        duration: float = 10.0, warmup: float = 1.0, setup: Callable[[int], dict] | None = None) -> RowResult:
    """``make_request(worker, n)`` → (method, path, body, headers); ``setup(worker)`` may
    return per-worker state merged into headers (e.g. a session cookie)."""
    result = RowResult(name)
    lock = threading.Lock()
    start_at = time.monotonic() + warmup
    stop_at = start_at + duration

    def worker(index: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        extra = setup(index) if setup else {}
        n = 0
        while True:
            now = time.monotonic()
            if now >= stop_at:
                break
            method, path, body, headers = make_request(index, n)
            n += 1
            t0 = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers={**extra, **(headers or {})})
                resp = conn.getresponse()
                resp.read()
                status = resp.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                status = 0
            elapsed = time.perf_counter() - t0
            if time.monotonic() >= start_at:  # warm-up requests are not counted
                with lock:
                    result.requests += 1
                    result.latencies.append(elapsed)
                    result.statuses[status] = result.statuses.get(status, 0) + 1
                    if not 200 <= status < 400:
                        result.errors += 1
        conn.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = duration
    return result
