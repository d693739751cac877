"""A task that always raises, for the exhausted-retries test. The worker imports it by
name, as it imports the app's tasks; each run counts itself in Redis first."""

from __future__ import annotations

from rq import get_current_job


class BrokenPartner(RuntimeError):
    pass


def always_raises(counter_key: str) -> None:
    get_current_job().connection.incr(counter_key)
    raise BrokenPartner("the partner answered nonsense again")
