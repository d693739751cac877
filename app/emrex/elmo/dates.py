"""ELMO transcripts: dates as documents write them."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from app.emrex.elmo.elements import _txt

# ---------------------------------------------------------------- dates

_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s+\-Z]|\s*$)")
_DOTTED_DATE = re.compile(r"\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
_COMPACT_DATE = re.compile(r"\s*(\d{4})(\d{2})(\d{2})\s*$")
_DTF_TOKEN = re.compile(r"y+|M+|d+|[HhKkmsSaEXZzuGwWDF]+|'[^']*'|[A-Za-z]+|.", re.DOTALL)


@lru_cache(maxsize=64)
def _dtf_pattern(dtf: str) -> re.Pattern | None:
    """A regular expression for a Java-style date format (``dtf="dd-MM-yyyy"``, as legacy
    documents state it), or None when the format has no day, month and year in digits."""
    if len(dtf) > 64:
        return None
    parts, seen = [r"\s*"], set()
    for token in _DTF_TOKEN.findall(dtf):
        head = token[0]
        if head in "yMd":
            if head in seen or (head == "M" and len(token) > 2):
                return None  # a field twice, or month names: not read
            seen.add(head)
            if head == "y":
                parts.append(r"(?P<y>\d{2})" if len(token) == 2 else r"(?P<y>\d{4})")
            else:
                parts.append(rf"(?P<{head}>\d{{1,2}})")
        elif token.startswith("'"):
            parts.append(re.escape(token[1:-1] or "'"))
        elif head.isalpha():
            parts.append(r"\S*?")  # times, zones, weekdays: allowed, not read
        elif head.isspace():
            parts.append(r"\s+")
        else:
            parts.append(re.escape(token))
    if seen != {"y", "M", "d"}:
        return None
    try:
        return re.compile("".join(parts))
    except re.error:
        return None


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _date(value: str | None, dtf: str | None = None) -> date | None:
    """A date as written: the document's own format (``dtf``) first, then ISO (with or
    without a time and zone: the calendar date as written, not shifted), ``dd.MM.yyyy`` and
    ``yyyyMMdd``. None when it cannot be read."""
    if not value:
        return None
    if dtf:
        pattern = _dtf_pattern(dtf.strip())
        match = pattern.match(value) if pattern else None
        if match:
            year = int(match["y"])
            if len(match["y"]) == 2:
                year += 2000 if year <= date.today().year % 100 else 1900
            found = _make_date(year, int(match["M"]), int(match["d"]))
            if found:
                return found
    match = _ISO_DATE.match(value)
    if match:
        return _make_date(int(match[1]), int(match[2]), int(match[3]))
    match = _DOTTED_DATE.match(value)
    if match:
        return _make_date(int(match[3]), int(match[2]), int(match[1]))
    match = _COMPACT_DATE.match(value)
    if match:
        return _make_date(int(match[1]), int(match[2]), int(match[3]))
    return None


def _date_of(element) -> tuple[date | None, str | None]:
    """(the date, the text when it could not be read) of a date element."""
    text = _txt(element)
    if text is None:
        return None, None
    dtf = element.get("dtf")
    if dtf is None and len(text) == 10:  # the common case, YYYY-MM-DD
        try:
            return date.fromisoformat(text), None
        except ValueError:
            pass
    found = _date(text, dtf)
    return found, None if found else text


def _datetime(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        parsed = _date(value)
        return datetime(parsed.year, parsed.month, parsed.day) if parsed else None
