"""Counting the SQL statements of a request (issue 15: pages and write paths cost a fixed
number of statements, with no lazy loads). ``SHOW_SQL=1`` prints them cut to 160 characters,
``SHOW_SQL=full`` whole."""

from __future__ import annotations

import os

from sqlalchemy import event

from app.extensions import db


def statements(fn) -> list[str]:
    """Every statement the engine executes while ``fn`` runs, whitespace folded."""
    seen: list[str] = []

    def before(conn, cursor, statement, *args):
        seen.append(" ".join(statement.split()))

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        fn()
    finally:
        event.remove(db.engine, "before_cursor_execute", before)
    if os.environ.get("SHOW_SQL"):
        print("\n".join(s if os.environ["SHOW_SQL"] == "full" else s[:160] for s in seen))
    return seen


def selects(fn) -> list[str]:
    return [s for s in statements(fn) if s.upper().startswith("SELECT")]
