"""One source of "now" so that tests can travel in time (freezegun) consistently.

Times are stored as naive UTC in every database, which keeps SQLite and PostgreSQL alike.
"""

from datetime import datetime, timezone


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)
