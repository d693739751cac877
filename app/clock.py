"""One source of "now" so that tests can travel in time (freezegun) consistently.

Times are stored as naive UTC in every database, which keeps SQLite and PostgreSQL alike.
"""

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
