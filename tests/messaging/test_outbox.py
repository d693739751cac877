
import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.messaging import rendering, services
from app.messaging.models import OutboxEmail
from tests.support.mail import text_of


def test_apply_email_is_delivered_over_smtp(make, mailbox):
    job = make.job(make.company("acme", "Acme Oy"), "Data analyst")
    application = make.application(job, email="aino@example.fi", given="Aino")
    row = db.session.scalar(select(OutboxEmail).where(OutboxEmail.application_id == application.id))
    assert row.status == "sent" and row.attempts == 1 and row.sent_at is not None
    (msg,) = mailbox.messages
    assert msg["To"] == "aino@example.fi" and "Data analyst" in msg["Subject"]
    assert msg["Message-ID"] == row.message_id
    body = text_of(msg)
    assert "Hello Aino" in body and "Acme Oy" in body and f"/c/acme/jobs/{job.id}" in body


def test_same_row_is_never_sent_twice(make, mailbox):
    application = make.application(make.job(make.company("acme")))
    row = db.session.scalar(select(OutboxEmail).where(OutboxEmail.application_id == application.id))
    assert services.deliver(row.id) == "sent"
    assert services.deliver(row.id) == "sent"
    assert len(mailbox.messages) == 1


def test_dedupe_key_writes_one_row(make):
    company = make.company("acme")
    a = services.queue_email(to="x@example.com", subject="s", body="b", kind="k", dedupe_key="same",
                             company_id=company.id)
    b = services.queue_email(to="x@example.com", subject="s", body="b", kind="k", dedupe_key="same",
                             company_id=company.id)
    assert a is b
    db.session.rollback()


def test_merge_fields_are_substituted():
    subject, body = rendering.render("Hi {{ candidate_name }}\r\nBcc: x", "{{ job_title }} at {{ company_name }}",
                                     {"candidate_name": "Aino", "job_title": "Dev", "company_name": "Acme"})
    assert subject == "Hi Aino Bcc: x" and body == "Dev at Acme"
    for subject, body in (("{{ candidate_name", "x"), ("ok", "{{ ''.__class__.__mro__ }}"),
                          ("ok", "{{ unknown_field }}")):
        with pytest.raises(rendering.TemplateProblem):
            rendering.check(subject, body)


def test_notifications_email_only_the_kinds_a_user_chose(make, mailbox):
    from app.accounts.services import save_notification_prefs
    from app.messaging.models import Notification

    company = make.company("acme")
    wants, quiet = make.user(company), make.user(company)
    save_notification_prefs(wants, ["new_application"])
    job = make.job(company, team=[wants, quiet])
    make.application(job, email="c@example.com")
    assert db.session.scalar(select(func.count(Notification.id)).where(Notification.kind == "new_application")) == 3
    to = sorted(m["To"] for m in mailbox.messages)
    assert to == sorted(["c@example.com", wants.email])


def test_the_sweep_enqueues_no_second_task_for_an_email_whose_task_is_still_waiting(app, async_app, make):
    """Behind a backlog an email's own task can wait in the queue longer than the sweep's 20
    seconds: the sweep leaves it there rather than queueing a copy (which would only find the
    row claimed), and still enqueues an email whose task is gone."""
    from datetime import timedelta

    from freezegun import freeze_time

    from app.background import get_queue
    from app.clock import utcnow

    with async_app.app_context():
        application = make.application(make.job(make.company("acme")), email="aino@example.fi")
        row = db.session.scalar(select(OutboxEmail).where(OutboxEmail.application_id == application.id))
        queue = get_queue("emails")
        assert row.status == "pending" and queue.get_job_ids() == [f"email-{row.id}-0"]  # waiting for a worker
        with freeze_time(utcnow() + timedelta(minutes=1)):
            assert services.relay_outbox() == 0
            assert queue.get_job_ids() == [f"email-{row.id}-0"]
            queue.empty()  # the task is lost (Redis flushed, say): the row is the truth
            assert services.relay_outbox() == 1
            assert queue.get_job_ids() == [f"email-{row.id}-0"]
