"""The stage-entry event.

Entering a stage (by a person, by apply, by an automation or an import) sends
``stage_entered`` once, inside the transaction that moved the application. Receivers write
their intents (outbox rows, orders, requests) in that same transaction and ``defer`` their
tasks; they must not commit. Receivers get ``application``, ``entry`` (the ``StageEntry``
row) and ``depth`` (how many automation moves led here; guards loops).

``job_in_use`` / ``stage_in_use`` ask, before a job or a stage is deleted, whether anything
still points at it: a receiver returns True when it does (the applications feature answers
for its applications), and the jobs feature refuses the deletion. Jobs never import them.
"""

from app.signals import signal

stage_entered = signal("stage-entered")
job_in_use = signal("job-in-use")
stage_in_use = signal("stage-in-use")
