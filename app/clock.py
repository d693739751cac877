"""One source of "now" so that tests can travel in time (freezegun) consistently.

Times are stored as naive UTC in every database, which keeps SQLite and PostgreSQL alike.
"""

from datetime import UTC, date, datetime


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def today() -> date:
    """The server's calendar date: the day a job's deadline is compared with (the deadline
    day itself is still open)."""
    return date.today()
