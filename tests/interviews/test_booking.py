"""Creating an interview, booking it directly, rescheduling and cancelling: the emails and
the calendar invitation (parsed back with ``icalendar``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from freezegun import freeze_time
from icalendar import Calendar
from sqlalchemy import select

from app.extensions import db
from app.interviews import services
from app.interviews.models import InterviewerBusy, InterviewStatus
from app.messaging.models import OutboxEmail

NOW = datetime(2026, 12, 7, 8, 0)  # a Monday, 10:00 in Helsinki


def _outbox(kind_prefix: str) -> list[OutboxEmail]:
    return [r for r in db.session.scalars(select(OutboxEmail).order_by(OutboxEmail.id)) if r.kind.startswith(kind_prefix)]


def _event(text: str):
    cal = Calendar.from_ical(text)
    (event,) = cal.walk("VEVENT")
    return cal, event


def _create(team, **kw):
    return services.create(team["application"], team["admin"], kind="video", duration_minutes=45,
                           interviewer_ids=[team["anna"].id, team["ben"].id], location="https://meet.example/abc", **kw)


def test_book_reschedule_cancel_send_invitations_with_one_uid_and_rising_sequence(team, mailbox):
    with freeze_time(NOW):
        interview = _create(team)
        assert interview.status == InterviewStatus.DRAFT
        start = datetime(2026, 12, 9, 10, 0)  # Wednesday 12:00 Helsinki
        services.book(interview, start, actor=team["admin"])

        rows = _outbox("interview_invitation")
        to = sorted(r.to_addr for r in rows)
        assert to == sorted(["aino@example.com", team["anna"].email, team["ben"].email])
        candidate_row = next(r for r in rows if r.to_addr == "aino@example.com")
        assert "Wednesday, December 9, 2026 12:00 (Europe/Helsinki)" in candidate_row.body_text
        assert "https://meet.example/abc" in candidate_row.body_text
        cal, event = _event(candidate_row.ics)
        assert str(cal["METHOD"]) == "REQUEST"
        assert str(event["UID"]) == interview.uid
        assert int(event["SEQUENCE"]) == 0
        assert event.decoded("DTSTART") == start.replace(tzinfo=UTC)
        assert event.decoded("DTEND") == (start + timedelta(minutes=45)).replace(tzinfo=UTC)
        attendees = {str(a).lower() for a in event.get("ATTENDEE")}
        assert attendees == {"mailto:aino@example.com", f"mailto:{team['anna'].email}", f"mailto:{team['ben'].email}"}
        assert str(event["ORGANIZER"]).startswith("mailto:")
        assert str(event["LOCATION"]) == "https://meet.example/abc"

        later = start + timedelta(days=1)
        services.book(interview, later, actor=team["admin"])
        moved = [r for r in _outbox("interview_rescheduled") if r.to_addr == "aino@example.com"]
        assert len(moved) == 1
        cal, event = _event(moved[0].ics)
        assert str(event["UID"]) == interview.uid and int(event["SEQUENCE"]) == 1
        assert event.decoded("DTSTART") == later.replace(tzinfo=UTC)
        assert db.session.scalars(select(InterviewerBusy.starts_at)).all() == [later, later]

        services.cancel(interview, actor=team["admin"])
        cancelled = [r for r in _outbox("interview_cancelled") if r.to_addr == "aino@example.com"]
        cal, event = _event(cancelled[0].ics)
        assert str(cal["METHOD"]) == "CANCEL" and str(event["STATUS"]) == "CANCELLED"
        assert str(event["UID"]) == interview.uid and int(event["SEQUENCE"]) == 2
        assert db.session.scalars(select(InterviewerBusy)).all() == []
    # the SMTP sink got the candidate's email with the calendar part
    calendars = [p for m in mailbox.messages for p in m.walk() if p.get_content_type() == "text/calendar"]
    assert len(calendars) == 9
    assert any("METHOD:CANCEL" in p.get_content() for p in calendars)


def test_an_interviewer_cannot_be_booked_twice_at_once(team):
    with freeze_time(NOW):
        first = _create(team)
        start = datetime(2026, 12, 9, 10, 0)
        services.book(first, start, actor=team["admin"])
        other_application = team["application"]
        second = services.create(other_application, team["admin"], kind="phone", duration_minutes=30,
                                 interviewer_ids=[team["ben"].id])
        with pytest.raises(services.InterviewError) as err:
            services.book(second, start + timedelta(minutes=15), actor=team["admin"])
        assert err.value.code == "busy"
        assert second.status == InterviewStatus.DRAFT


def test_a_time_in_the_past_is_refused(team):
    with freeze_time(NOW):
        interview = _create(team)
        with pytest.raises(services.InterviewError) as err:
            services.book(interview, NOW - timedelta(hours=1), actor=team["admin"])
        assert err.value.code == "past"


def test_create_refuses_people_outside_the_team(team, make):
    other = make.user(make.company("other"))
    with pytest.raises(services.InterviewError) as err:
        services.create(team["application"], team["admin"], kind="video", duration_minutes=45,
                        interviewer_ids=[other.id])
    assert err.value.code == "not_team"


def test_reminder_goes_once(team):
    with freeze_time(NOW):
        interview = _create(team)
        services.book(interview, datetime(2026, 12, 10, 10, 0), actor=team["admin"])
    assert services.send_due_reminders(now=datetime(2026, 12, 9, 9, 0)) == 0
    assert services.send_due_reminders(now=datetime(2026, 12, 9, 10, 30)) == 1
    assert services.send_due_reminders(now=datetime(2026, 12, 9, 11, 0)) == 0
    assert len(_outbox("interview_reminder")) == 1


def test_an_interviewer_removed_after_booking_keeps_the_interview_flagged(team):
    with freeze_time(NOW):
        interview = _create(team)
        services.book(interview, datetime(2026, 12, 9, 10, 0), actor=team["admin"])
    team["ben"].is_enabled = False
    db.session.commit()
    db.session.refresh(interview)
    assert interview.status == InterviewStatus.BOOKED
    assert [u.id for u in services.flagged_interviewers(interview)] == [team["ben"].id]


def test_a_failing_mail_server_loses_nothing_and_books_once(team, mailbox):
    mailbox.reply = "451 try again later"
    with freeze_time(NOW):
        interview = _create(team)
        services.book(interview, datetime(2026, 12, 9, 10, 0), actor=team["admin"])
    rows = _outbox("interview_invitation")
    assert len(rows) == 3 and all(r.status == "pending" and r.attempts >= 1 for r in rows)
    assert len(db.session.scalars(select(InterviewerBusy)).all()) == 2
    mailbox.reply = None
    from app.messaging.services import deliver

    for r in rows:
        r.next_attempt_at = None
    db.session.commit()
    for r in rows:
        assert deliver(r.id) == "sent"
    assert len([m for m in mailbox.messages if m["To"] == "aino@example.com"]) == 1
