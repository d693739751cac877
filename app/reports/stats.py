"""Medians and 90th percentiles of durations, in one statement per summary.

On PostgreSQL the database computes them (``percentile_cont``, the rows never leave it). On
SQLite (development, the tests) the one statement fetches the durations and Python computes
the same linear-interpolation percentile (``percentile``), which is exact and fine for the
sizes SQLite serves."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import func, null, select, tuple_

from app.extensions import db

DAY = 86400.0


@dataclass(frozen=True)
class Spread:
    """How long something took, in days: how many, the median and the 90th percentile."""

    count: int
    median: float | None
    p90: float | None
    first: float | None = None  # the smallest value of the ``first`` column of the group (its order)


def percentile(values: Sequence[float], fraction: float) -> float | None:
    """``percentile_cont``: the value at ``fraction`` of the sorted values, interpolated
    linearly between the two nearest (None for no values)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = fraction * (len(ordered) - 1)
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def spread(values: Sequence[float]) -> Spread:
    return Spread(len(values), percentile(values, 0.5), percentile(values, 0.9))


def is_postgres() -> bool:
    return db.session.get_bind().dialect.name == "postgresql"


def seconds_between(start, end):
    """The SQL expression of ``end - start`` in seconds, on PostgreSQL and SQLite."""
    if is_postgres():
        return func.extract("epoch", end - start)
    return (func.julianday(end) - func.julianday(start)) * DAY


def spreads(durations, keys: Sequence[str], total: bool = False, first: str | None = None) -> dict[tuple, Spread]:
    """Per group of ``keys`` (columns of the subquery ``durations``, which has a ``seconds``
    column): the spread in days; with ``total`` also every row together, under the key ``()``;
    with ``first`` the group's smallest value of that column (e.g. a stage's position, to
    order the groups). One statement."""
    cols = [durations.c[k] for k in keys]
    seconds = durations.c.seconds
    order = durations.c[first] if first else None
    if is_postgres():
        lowest = func.min(order) if order is not None else null()
        # With ``total`` the groups and the whole are grouping sets of the one statement: the
        # durations are computed once (``grouping()`` is 1 on the row of the whole).
        whole = func.grouping(cols[0]) if total else null()
        stmt = select(*cols, whole, func.count(), func.percentile_cont(0.5).within_group(seconds),
                      func.percentile_cont(0.9).within_group(seconds), lowest)
        stmt = stmt.group_by(func.grouping_sets(tuple_(*cols), tuple_())) if total else stmt.group_by(*cols)
        out = {}
        for row in db.session.execute(stmt):
            *key, is_whole, count, median, p90, low = row
            if is_whole:
                out[()] = _days(count, median, p90)
            else:
                out[tuple(key)] = replace(_days(count, median, p90), first=low)
        return out
    groups: dict[tuple, list[float]] = {}
    lows: dict[tuple, float] = {}
    extra = [order] if order is not None else []
    for row in db.session.execute(select(*cols, seconds, *extra)):
        key = tuple(row[:len(cols)])
        groups.setdefault(key, []).append(float(row[len(cols)]) / DAY)
        if extra and row[-1] is not None:
            lows[key] = min(lows.get(key, row[-1]), row[-1])
    out = {key: replace(spread(values), first=lows.get(key)) for key, values in groups.items()}
    if total:
        out[()] = spread([v for values in groups.values() for v in values])
    return out


def _days(count, median, p90) -> Spread:
    return Spread(count, float(median) / DAY if median is not None else None, float(p90) / DAY if p90 is not None else None)
