"""What the messaging feature announces. Receivers live in the features that care (the
applications feature marks the application and writes its timeline), so messaging never
writes to their tables.

``email_failed`` is sent with the outbox row (sender) and ``error`` when an email fails for
good, inside the transaction that marks it failed: what a receiver changes is committed with it.
"""

from __future__ import annotations

from app.signals import signal

email_failed = signal("email-failed")
