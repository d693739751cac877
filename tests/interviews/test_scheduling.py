"""The self-scheduling link: slots from availability, time zones across a DST change, the
candidate's page, bad links, and two candidates racing for the same slot."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest
from freezegun import freeze_time
from sqlalchemy import select

from app.extensions import db
from app.interviews import availability, services
from app.interviews.models import Interview, InterviewerBusy, InterviewStatus

NOW = datetime(2026, 12, 7, 8, 0)  # Monday 10:00 in Helsinki


def _interview(team, application=None, ids=None, duration=60):
    return services.create(application or team["application"], team["admin"], kind="onsite",
                           duration_minutes=duration, interviewer_ids=ids or [team["anna"].id, team["ben"].id],
                           location="Mannerheimintie 1, Helsinki")


def test_slots_follow_weekly_hours_notice_blocked_times_and_other_interviews(team):
    availability.save(team["ben"], {0: "09:00-17:00", 1: "13:00-15:00", 2: "09:00-17:00"},
                      "2026-12-09 09:00 - 2026-12-09 12:00")
    with freeze_time(NOW):
        interview = _interview(team)
        slots = services.open_slots(interview)
    # Monday: before now + 12 h nothing; Tuesday only Ben's 13–15 (11–13 UTC); Wednesday from 12:00 local
    assert all(s >= NOW + services.MIN_NOTICE for s in slots)
    tuesday = [s for s in slots if s.date() == datetime(2026, 12, 8).date()]
    assert tuesday == [datetime(2026, 12, 8, 11, 0), datetime(2026, 12, 8, 12, 0)]
    wednesday = [s for s in slots if s.date() == datetime(2026, 12, 9).date()]
    assert wednesday[0] == datetime(2026, 12, 9, 10, 0)  # 12:00 Helsinki, after the blocked morning
    assert not [s for s in slots if s.weekday() in (3, 4, 5, 6)]  # Ben has no hours on Thursday–Sunday

    with freeze_time(NOW):
        other = _interview(team, ids=[team["anna"].id], duration=30)
        services.book(other, datetime(2026, 12, 8, 11, 30), actor=team["admin"])
        slots = services.open_slots(interview)
    assert datetime(2026, 12, 8, 11, 0) not in slots  # Anna is busy 11:30–12:00 UTC
    assert datetime(2026, 12, 8, 12, 0) in slots


def test_hours_keep_local_time_across_the_october_dst_change_in_helsinki(team):
    # Helsinki leaves summer time on Sunday 25 October 2026 (03:00 EEST → 02:00 EET).
    with freeze_time(datetime(2026, 10, 21, 8, 0)):  # Wednesday, UTC+3
        interview = _interview(team)
        slots = services.open_slots(interview)
        friday = [s for s in slots if s.date() == datetime(2026, 10, 23).date()]
        monday = [s for s in slots if s.date() == datetime(2026, 10, 26).date()]
        assert friday[0] == datetime(2026, 10, 23, 6, 0)  # 09:00 EEST
        assert monday[0] == datetime(2026, 10, 26, 7, 0)  # 09:00 EET
        token = services.send_link(interview)
        # booked before the change for a time after it: the invitation says 09:00 local, the .ics 07:00Z
        services.book_by_candidate(token, monday[0], "Europe/Helsinki")
    row = next(r for r in db.session.scalars(select(Interview)) if r.id == interview.id)
    assert row.starts_at == datetime(2026, 10, 26, 7, 0)
    from app.messaging.models import OutboxEmail

    email = db.session.scalar(select(OutboxEmail).where(OutboxEmail.kind == "interview_invitation",
                                                        OutboxEmail.to_addr == "aino@example.com"))
    assert "09:00 (Europe/Helsinki)" in email.body_text
    assert "DTSTART:20261026T070000Z" in email.ics


def test_candidate_page_lists_slots_in_their_zone_and_books(team, client):
    with freeze_time(NOW):
        interview = _interview(team)
        token = services.send_link(interview)
        page = client.get(f"/interview/{token}?tz=Asia/Ho_Chi_Minh&lang=vi")
        assert page.status_code == 200
        html = page.get_data(as_text=True)
        assert "Asia/Ho Chi Minh" in html and 'value="2026-12-08T07:00:00"' in html
        assert ">14:00<" in html  # 07:00 UTC is 14:00 in Ho Chi Minh City
        assert "interview-tz.js" in html and "<script>" not in html
        done = client.post(f"/interview/{token}", data={"start": "2026-12-08T07:00:00", "tz": "Asia/Ho_Chi_Minh"})
        assert done.status_code == 303
        page = client.get(done.headers["Location"])
        assert page.status_code == 200 and "14:00 (Asia/Ho_Chi_Minh)" in page.get_data(as_text=True)
    db.session.refresh(interview)
    assert interview.status == InterviewStatus.BOOKED and interview.candidate_timezone == "Asia/Ho_Chi_Minh"


def test_slot_in_the_past_or_not_offered_is_refused(team, client):
    with freeze_time(NOW):
        interview = _interview(team)
        token = services.send_link(interview)
        past = client.post(f"/interview/{token}", data={"start": "2026-12-01T07:00:00"})
        assert past.status_code == 409
        odd = client.post(f"/interview/{token}", data={"start": "2026-12-08T07:07:00"})
        assert odd.status_code == 409
        bad = client.post(f"/interview/{token}", data={"start": "tomorrow"})
        assert bad.status_code == 422
    db.session.refresh(interview)
    assert interview.status == InterviewStatus.AWAITING


def test_unknown_expired_replaced_and_cancelled_links(team, client):
    assert client.get("/interview/not-a-real-token").status_code == 404
    with freeze_time(NOW):
        interview = _interview(team)
        old = services.send_link(interview)
        new = services.send_link(interview)
        assert client.get(f"/interview/{old}").status_code == 404  # replaced by the newer email's link
        assert client.get(f"/interview/{new}").status_code == 200
    with freeze_time(NOW + timedelta(days=services.LINK_DAYS, hours=1)):
        page = client.get(f"/interview/{new}")
        assert page.status_code == 410 and "expired" in page.get_data(as_text=True)
    with freeze_time(NOW):
        services.cancel(interview, actor=team["admin"])
        assert client.get(f"/interview/{new}").status_code == 410


def test_a_link_of_another_company_shows_nothing_of_it(team, make, client):
    other = make.company("muu")
    assert client.get("/interview/" + "x" * 32).status_code == 404
    with freeze_time(NOW):
        token = services.send_link(_interview(team))
        html = client.get(f"/interview/{token}").get_data(as_text=True)
    assert other.name not in html and "Kide Oy" in html


def test_candidate_reschedules_and_cancels_until_the_cut_off(team, client):
    with freeze_time(NOW):
        interview = _interview(team)
        token = services.send_link(interview)
        first = datetime(2026, 12, 9, 7, 0)
        services.book_by_candidate(token, first, "Europe/Helsinki")
        assert "Choose another time" in client.get(f"/interview/{token}?lang=en").get_data(as_text=True)
        second = datetime(2026, 12, 10, 7, 0)
        assert client.post(f"/interview/{token}", data={"start": second.isoformat()}).status_code == 303
        db.session.refresh(interview)
        assert interview.starts_at == second and interview.sequence == 1
    with freeze_time(second - timedelta(hours=20)):
        html = client.get(f"/interview/{token}?lang=en").get_data(as_text=True)
        assert "can no longer be changed" in html
        late = client.post(f"/interview/{token}/cancel")
        assert late.status_code == 409
    with freeze_time(NOW):
        assert client.post(f"/interview/{token}/cancel").status_code == 200
    db.session.refresh(interview)
    assert interview.status == InterviewStatus.CANCELLED
    assert db.session.scalars(select(InterviewerBusy)).all() == []


def test_two_candidates_picking_the_same_slot_at_once_one_wins(team, make, app):
    """Two threads, each with its own session and connection, book the same slot of the same
    interviewer for two different candidates; a barrier makes them go at the same moment."""
    second_application = make.application(team["job"], email="bao@example.com", given="Bảo", family="Nguyễn")
    with freeze_time(NOW):
        one = _interview(team, ids=[team["anna"].id])
        two = _interview(team, application=second_application, ids=[team["anna"].id])
        tokens = [services.send_link(one), services.send_link(two)]
        slot = services.open_slots(one)[0]
    ids = [one.id, two.id]
    db.session.remove()
    barrier = threading.Barrier(2)
    results: dict[int, str] = {}

    def pick(i: int) -> None:
        with app.app_context():  # the main thread holds the frozen time (freezegun is process-wide)
            barrier.wait(timeout=10)
            try:
                services.book_by_candidate(tokens[i], slot, "Europe/Helsinki")
                results[i] = "booked"
            except services.InterviewError as exc:
                results[i] = exc.code
            finally:
                db.session.remove()

    threads = [threading.Thread(target=pick, args=(i,)) for i in range(2)]
    with freeze_time(NOW):
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
    assert sorted(results.values()) == ["booked", "taken"]
    busy = db.session.scalars(select(InterviewerBusy).where(InterviewerBusy.user_id == team["anna"].id)).all()
    assert [(b.starts_at, b.interview_id in ids) for b in busy] == [(slot, True)]
    loser = ids[next(i for i, r in results.items() if r == "taken")]
    with freeze_time(NOW):
        remaining = services.open_slots(db.session.get(Interview, loser))
    assert slot not in remaining and remaining


def test_availability_input_is_checked(team):
    with pytest.raises(availability.AvailabilityError) as err:
        availability.save(team["anna"], {0: "9-17"}, "")
    assert err.value.code == "bad_hours"
    with pytest.raises(availability.AvailabilityError) as err:
        availability.save(team["anna"], {0: "17:00-09:00"}, "")
    assert err.value.code == "order"
    with pytest.raises(availability.AvailabilityError) as err:
        availability.save(team["anna"], {}, "next week")
    assert err.value.code == "bad_block"
    row = availability.save(team["anna"], {0: "13:00-16:00, 08:30-11:00"}, "2026-12-24 00:00 - 2026-12-27 00:00")
    assert row.weekly == {"0": [["08:30", "11:00"], ["13:00", "16:00"]]}
    assert row.blocked == [["2026-12-24T00:00", "2026-12-27T00:00"]]


def test_the_database_refuses_a_second_busy_row_for_the_same_interviewer_and_start(team):
    """The guarantee itself, without the service's check in front of it."""
    from sqlalchemy.exc import IntegrityError

    with freeze_time(NOW):
        one, two = _interview(team, ids=[team["anna"].id]), _interview(team, ids=[team["anna"].id])
    start = datetime(2026, 12, 8, 7, 0)
    db.session.add(InterviewerBusy(interview_id=one.id, user_id=team["anna"].id, starts_at=start,
                                   ends_at=start + timedelta(hours=1)))
    db.session.commit()
    db.session.add(InterviewerBusy(interview_id=two.id, user_id=team["anna"].id, starts_at=start,
                                   ends_at=start + timedelta(minutes=30)))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
