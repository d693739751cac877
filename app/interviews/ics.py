"""The calendar invitation (RFC 5545 / iTIP) of an interview, written with ``icalendar``.

One UID per interview for its whole life; SEQUENCE is the interview's ``sequence`` (raised
on each reschedule and on the cancel), so a calendar app updates or removes the same event.
Times are in UTC (``DTSTART:…Z``): no VTIMEZONE to get wrong across a DST change.
"""

from __future__ import annotations

from datetime import UTC, datetime

from icalendar import Calendar, Event, vCalAddress, vText

from app.clock import utcnow

REQUEST = "REQUEST"
CANCEL = "CANCEL"


def build(*, uid: str, sequence: int, method: str, starts_at: datetime, ends_at: datetime, summary: str,
          description: str, location: str, organizer: tuple[str, str],
          attendees: list[tuple[str, str]]) -> str:
    """The .ics text; ``starts_at``/``ends_at`` naive UTC; ``organizer`` and each attendee
    ``(name, email)``."""
    cal = Calendar()
    cal.add("prodid", "-//Haku//Interviews//EN")
    cal.add("version", "2.0")
    cal.add("method", method)
    event = Event()
    event.add("uid", uid)
    event.add("sequence", sequence)
    event.add("dtstamp", utcnow().replace(tzinfo=UTC))
    event.add("dtstart", starts_at.replace(tzinfo=UTC))
    event.add("dtend", ends_at.replace(tzinfo=UTC))
    event.add("summary", summary)
    if description:
        event.add("description", description)
    if location:
        event.add("location", location)
    event.add("status", "CANCELLED" if method == CANCEL else "CONFIRMED")
    name, email = organizer
    org = vCalAddress(f"mailto:{email}")
    org.params["cn"] = vText(name)
    event["organizer"] = org
    for name, email in attendees:
        who = vCalAddress(f"mailto:{email}")
        who.params["cn"] = vText(name)
        who.params["role"] = vText("REQ-PARTICIPANT")
        who.params["partstat"] = vText("NEEDS-ACTION")
        who.params["rsvp"] = vText("TRUE")
        event.add("attendee", who, encode=0)
    cal.add_component(event)
    return cal.to_ical().decode()
