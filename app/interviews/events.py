"""What interviews tell the rest of Haku.

``interview_booked`` is sent (inside the booking's transaction, before the commit) with the
``Interview`` as sender and ``user_ids`` (its interviewers). MERGE POINT for scorecards:
connect a receiver that calls ``request_scorecard(application_id, user_id, interview_id)``
for each user id (see ``app/interviews/hooks.py``)."""

from app.signals import signal

interview_booked = signal("interview-booked")
