"""Weekly hours and blocked times (each user's, in their own time zone) turned into free
windows in UTC, and the slots an interview can be booked in."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db
from app.interviews.models import Availability, InterviewerBusy
from app.problems import Problem

Window = tuple[datetime, datetime]  # naive UTC

_HOURS = re.compile(r"^\s*([01]?\d|2[0-3]):([0-5]\d)\s*[-–]\s*([01]?\d|2[0-4]):([0-5]\d)\s*$")


class AvailabilityError(Problem):
    messages = {
        "bad_hours": _l("“%(text)s” is not a time range: write it like 09:00-12:00, several separated by commas."),
        "bad_block": _l("“%(text)s” is not a blocked time: write it like 2026-12-24 08:00 - 2026-12-26 18:00."),
        "order": _l("“%(text)s” ends before it starts."),
    }


def zone_of(user: User) -> ZoneInfo:
    """The user's time zone, else their company's, else UTC."""
    for name in (user.timezone, user.company.timezone if user.company else None):
        if name:
            try:
                return ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return ZoneInfo("UTC")


def parse_hours(text: str) -> list[list[str]]:
    """``"09:00-12:00, 13:00-16:30"`` → ``[["09:00", "12:00"], ["13:00", "16:30"]]``."""
    out = []
    for part in (p for p in (text or "").split(",") if p.strip()):
        m = _HOURS.match(part)
        if not m:
            raise AvailabilityError("bad_hours", text=part.strip()[:40])
        start, end = f"{int(m[1]):02d}:{m[2]}", f"{int(m[3]):02d}:{m[4]}"
        if end <= start:
            raise AvailabilityError("order", text=part.strip()[:40])
        out.append([start, end])
    return sorted(out)


def parse_blocks(text: str) -> list[list[str]]:
    """One blocked time a line: ``2026-12-24 08:00 - 2026-12-26 18:00`` (local times)."""
    out = []
    for line in (ln.strip() for ln in (text or "").splitlines() if ln.strip()):
        m = re.match(r"^(\d{4}-\d\d-\d\d[ T]\d\d:\d\d)\s+-\s+(\d{4}-\d\d-\d\d[ T]\d\d:\d\d)$", line)
        try:
            start, end = (datetime.fromisoformat(m[1].replace(" ", "T")), datetime.fromisoformat(m[2].replace(" ", "T"))) \
                if m else (None, None)
        except ValueError:
            start = None
        if start is None:
            raise AvailabilityError("bad_block", text=line[:60])
        if end <= start:
            raise AvailabilityError("order", text=line[:60])
        out.append([start.isoformat(timespec="minutes"), end.isoformat(timespec="minutes")])
    return sorted(out)


def availability_of(user_id: int) -> Availability | None:
    return db.session.get(Availability, user_id)


def save(user: User, weekly_texts: dict[int, str], blocked_text: str) -> Availability:
    """Replace the user's weekly hours (weekday 0 = Monday → ``"09:00-12:00, …"``) and blocked
    times; raises ``AvailabilityError`` and changes nothing on bad input."""
    weekly = {str(day): hours for day in range(7) if (hours := parse_hours(weekly_texts.get(day, "")))}
    blocked = parse_blocks(blocked_text)
    row = db.session.get(Availability, user.id)
    if row is None:
        row = Availability(user_id=user.id)
        db.session.add(row)
    row.weekly, row.blocked = weekly, blocked
    db.session.commit()
    return row


def _utc(local: datetime, zone: ZoneInfo) -> datetime:
    return local.replace(tzinfo=zone).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def free_windows(user: User, start: datetime, end: datetime) -> list[Window]:
    """The user's weekly hours between ``start`` and ``end`` (naive UTC) minus their blocked
    times, in UTC. Each local day's hours are placed with that day's UTC offset, so 09:00 in
    Helsinki is 07:00 UTC in winter and 06:00 UTC in summer."""
    row = availability_of(user.id)
    if row is None or not row.weekly:
        return []
    zone = zone_of(user)
    first = start.replace(tzinfo=ZoneInfo("UTC")).astimezone(zone).date() - timedelta(days=1)
    last = end.replace(tzinfo=ZoneInfo("UTC")).astimezone(zone).date() + timedelta(days=1)
    windows: list[Window] = []
    day = first
    while day <= last:
        for a, b in row.weekly.get(str(day.weekday()), []):
            ws = _utc(datetime.combine(day, time.fromisoformat(a)), zone)
            we = _utc(datetime.combine(day, time.fromisoformat(b)) if b != "24:00"
                      else datetime.combine(day + timedelta(days=1), time()), zone)
            ws, we = max(ws, start), min(we, end)
            if ws < we:
                windows.append((ws, we))
        day += timedelta(days=1)
    blocked = [(_utc(datetime.fromisoformat(a), zone), _utc(datetime.fromisoformat(b), zone)) for a, b in row.blocked]
    return subtract(sorted(windows), blocked)


def subtract(windows: list[Window], holes: list[Window]) -> list[Window]:
    out = []
    for ws, we in windows:
        pieces = [(ws, we)]
        for hs, he in holes:
            nxt = []
            for ps, pe in pieces:
                if he <= ps or hs >= pe:
                    nxt.append((ps, pe))
                    continue
                if ps < hs:
                    nxt.append((ps, hs))
                if he < pe:
                    nxt.append((he, pe))
            pieces = nxt
        out.extend(pieces)
    return out


def intersect(a: list[Window], b: list[Window]) -> list[Window]:
    out = []
    for s1, e1 in a:
        for s2, e2 in b:
            s, e = max(s1, s2), min(e1, e2)
            if s < e:
                out.append((s, e))
    return sorted(out)


def busy_of(user_ids: list[int], start: datetime, end: datetime, *, except_interview: int | None = None) -> list[Window]:
    """The users' booked Haku interviews overlapping [start, end)."""
    query = select(InterviewerBusy.starts_at, InterviewerBusy.ends_at).where(
        InterviewerBusy.user_id.in_(user_ids), InterviewerBusy.starts_at < end, InterviewerBusy.ends_at > start)
    if except_interview is not None:
        query = query.where(InterviewerBusy.interview_id != except_interview)
    return [tuple(r) for r in db.session.execute(query)]


def slots(users: list[User], duration: timedelta, *, days: int = 14, notice: timedelta = timedelta(hours=12),
          now: datetime | None = None, except_interview: int | None = None) -> list[datetime]:
    """Start times (naive UTC) when every one of ``users`` is free for ``duration``: within
    their weekly hours, outside their blocked times and their other interviews, not before
    ``now + notice`` and within ``days`` days; one slot every ``duration`` from the start of
    each free window."""
    if not users:
        return []
    now = now or utcnow()
    start, end = now + notice, now + timedelta(days=days)
    common = None
    for user in users:
        mine = free_windows(user, start, end)
        common = mine if common is None else intersect(common, mine)
    busy = busy_of([u.id for u in users], start, end, except_interview=except_interview)
    out = []
    for ws, we in subtract(common or [], busy):
        # slots on the quarter hour, so a window starting at an odd minute still gives round times
        s = ws.replace(second=0, microsecond=0)
        s += timedelta(minutes=1) if s < ws else timedelta()
        s += timedelta(minutes=(-s.minute) % 15)
        while s + duration <= we:
            out.append(s)
            s += duration
    return sorted(set(out))
