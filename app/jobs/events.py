"""The stage-entry event.

Entering a stage (by a person, by apply, by an automation or an import) sends
``stage_entered`` once, inside the transaction that moved the application. Receivers write
their intents (outbox rows, orders, requests) in that same transaction and ``defer`` their
tasks; they must not commit. Receivers get ``application``, ``entry`` (the ``StageEntry``
row) and ``depth`` (how many automation moves led here; guards loops).

The entry-read protocol (issue 15: the apply POST): a receiver that reads something of the
entered stage (does the job have an interview plan on it? automations?) registers that read
with ``entry_read(key, fn)``: ``fn()`` returns a scalar SQL expression correlated to ``Stage``
(an EXISTS of the receiver's rows for ``Stage.job_id``/``Stage.id``), built once per process.
A caller that reads the stage anyway (apply's first stage) asks every registered read in that
statement and sends the answers with the event (``answers``, a dict by key); a receiver whose
answer says there is nothing (``entry_answer(answers, key) is False``) returns without a
statement of its own. Without answers (a person's move) receivers read as before.

``job_in_use`` / ``stage_in_use`` ask, before a job or a stage is deleted, whether anything
still points at it: a receiver returns True when it does (the applications feature answers
for its applications), and the jobs feature refuses the deletion. Jobs never import them.
"""

from collections.abc import Callable
from typing import Any

from app.signals import signal

stage_entered = signal("stage-entered")
job_in_use = signal("job-in-use")
stage_in_use = signal("stage-in-use")

#: ``{key: fn() -> scalar SQL expression correlated to Stage}`` (see above).
entry_reads: dict[str, Callable[[], Any]] = {}


def entry_read(key: str, fn: Callable[[], Any]) -> None:
    """Register one stage-entry read (a feature's hooks, at start-up)."""
    entry_reads[key] = fn


def entry_answer(answers: dict | None, key: str) -> bool | None:
    """The answer of read ``key`` sent with the event as a bool (an EXISTS is 0/1 on SQLite),
    or None when it was not asked."""
    if answers is None or key not in answers or answers[key] is None:
        return None
    return bool(answers[key])
