"""Job-board fixtures: a company with TopCV connected (keys stored the normal way, without
the validation call) and a poster of events signed as TopCV signs them. They are defined in
tests/support/boards.py (tests/applications uses them too), with the signer and builders."""

from __future__ import annotations

from tests.support.boards import board, post_event  # noqa: F401  (fixtures)
