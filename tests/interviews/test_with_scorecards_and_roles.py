"""Issue 17's parts together: a booked interview asks each interviewer for a scorecard on it
(in the booking's commit), an interviewer sees the applications of their interviews and
scorecards, and reads the others' scorecards of one only once theirs is in."""

from __future__ import annotations

from datetime import datetime

from freezegun import freeze_time
from sqlalchemy import select

from app.accounts.models import Role
from app.extensions import db
from app.interviews import services
from app.scorecards import services as scorecards
from app.scorecards.models import Recommendation, Scorecard, ScorecardStatus

NOW = datetime(2026, 12, 7, 8, 0)  # a Monday, 10:00 in Helsinki


def _book(team):
    with freeze_time(NOW):
        interview = services.create(team["application"], team["admin"], kind="video", duration_minutes=45,
                                    interviewer_ids=[team["anna"].id, team["ben"].id],
                                    location="https://meet.example/abc")
        services.book(interview, datetime(2026, 12, 9, 10, 0), actor=team["admin"])
    return interview


def test_a_booked_interview_asks_each_interviewer_for_a_scorecard_once(team):
    interview = _book(team)
    cards = db.session.scalars(select(Scorecard).order_by(Scorecard.author_id)).all()
    assert [(c.author_id, c.interview_id, c.status) for c in cards] == [
        (team["anna"].id, interview.id, ScorecardStatus.REQUESTED), (team["ben"].id, interview.id,
                                                                     ScorecardStatus.REQUESTED)]
    with freeze_time(NOW):  # a reschedule finds the same requests
        services.book(interview, datetime(2026, 12, 10, 10, 0), actor=team["admin"])
    assert db.session.scalar(select(db.func.count(Scorecard.id))) == 2


def test_an_interviewer_sees_what_they_interview_and_others_scores_after_their_own(team, make, client, auth):
    anna, ben, application = team["anna"], team["ben"], team["application"]
    anna.role = Role.INTERVIEWER
    db.session.commit()
    other = make.application(team["job"], email="someone@example.com", given="Otto", family="Outside")
    auth.login(anna.email)
    assert client.get(f"/admin/applications/{application.id}").status_code == 404  # nothing asked yet
    interview = _book(team)
    scorecards.save(application, ben, ratings={}, recommendation=Recommendation.STRONG_YES,
                    notes="Ben thinks highly", submit=True, interview_id=interview.id)
    card = client.get(f"/admin/applications/{application.id}")
    assert card.status_code == 200  # her interview's application
    assert "Ben thinks highly" not in card.get_data(as_text=True)  # hers is not in yet
    assert client.get(f"/admin/applications/{other.id}").status_code == 404
    assert "Outside" not in client.get("/admin/applications").get_data(as_text=True)
    scorecards.save(application, anna, ratings={}, recommendation=Recommendation.YES, notes="Mine",
                    submit=True, interview_id=interview.id)
    assert "Ben thinks highly" in client.get(f"/admin/applications/{application.id}").get_data(as_text=True)


def test_asking_to_review_asks_for_their_scorecard_with_one_notification(team):
    from app.applications import reviewers
    from app.messaging.models import Notification

    application, anna = team["application"], team["anna"]
    reviewers.ask(application, anna.id, team["admin"])
    card = db.session.scalar(select(Scorecard).where(Scorecard.author_id == anna.id))
    assert card is not None and card.status == ScorecardStatus.REQUESTED and card.interview_id is None
    kinds = [n.kind for n in db.session.scalars(select(Notification).where(Notification.user_id == anna.id))]
    assert kinds == ["review_asked"]


def test_my_interviews_lists_the_scorecards_to_fill(team, client, auth):
    interview = _book(team)
    with freeze_time(NOW):  # the session's clock is the page's (idle and absolute limits)
        auth.login(team["anna"].email)
        page = client.get("/admin/interviews/mine?lang=fi").get_data(as_text=True)
    link = f"/admin/applications/{interview.application_id}/scorecard?interview_id={interview.id}"
    assert page.count(link) == 2  # at the interview, and under "Scorecards to fill"
    assert "Täytä arviokortti" in page and "Täytettävät arviokortit" in page
    with freeze_time(NOW):
        card = scorecards.save(team["application"], team["anna"], ratings={}, recommendation=Recommendation.NO,
                               notes="", submit=True, interview_id=interview.id)
        assert card.status == ScorecardStatus.SUBMITTED
        page = client.get("/admin/interviews/mine?lang=en").get_data(as_text=True)
    assert link not in page and "every scorecard asked of you is in" in page
