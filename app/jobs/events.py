"""The stage-entry event.

Entering a stage (by a person, by apply, by an automation or an import) sends
``stage_entered`` once, inside the transaction that moved the application. Receivers write
their intents (outbox rows, orders, requests) in that same transaction and ``defer`` their
tasks; they must not commit. Receivers get ``application``, ``entry`` (the ``StageEntry``
row) and ``depth`` (how many automation moves led here; guards loops).
"""

from blinker import Namespace

_signals = Namespace()

stage_entered = _signals.signal("stage-entered")
