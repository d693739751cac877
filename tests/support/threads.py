"""Run the same call in several threads released together (a barrier), each in its own app
context and so its own database session and connection: what a double click or a repeated
delivery does to two web workers at once."""

from __future__ import annotations

import threading
from collections.abc import Callable


def at_once(app, call: Callable[[], object], times: int = 2, timeout: float = 60.0) -> list:
    """``call()`` in ``times`` threads at once; returns what each returned, or the exception
    it raised, in the order they finished. The session of each thread is removed after it."""
    from app.extensions import db

    barrier, outcomes, lock = threading.Barrier(times), [], threading.Lock()

    def run():
        with app.app_context():
            try:
                barrier.wait(timeout=30)
                outcome = call()
            except Exception as exc:  # handed back to the test to assert on
                outcome = exc
            finally:
                db.session.remove()
            with lock:
                outcomes.append(outcome)

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return outcomes
