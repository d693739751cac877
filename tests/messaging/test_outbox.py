from datetime import timedelta

import pytest
from freezegun import freeze_time
from sqlalchemy import func, select, update

from app.applications.models import Application, TimelineEvent
from app.clock import utcnow
from app.extensions import db
from app.messaging import rendering, services, sweeper
from app.messaging.models import OutboxEmail
from tests.conftest import text_of


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


@pytest.mark.parametrize("reply", ["421 service not available", "450 mailbox busy"])
def test_temporary_smtp_failure_is_retried_later(make, mailbox, reply):
    mailbox.reply = reply
    application = make.application(make.job(make.company("acme")))
    row = db.session.scalar(select(OutboxEmail).where(OutboxEmail.application_id == application.id))
    assert row.status == "pending" and row.attempts == 1 and reply.split()[0] in row.last_error
    assert row.next_attempt_at > utcnow()
    mailbox.reply = None
    assert services.deliver(row.id) == "pending"  # not due yet: nothing happens
    assert mailbox.messages == []
    with freeze_time(utcnow() + timedelta(minutes=2)):
        assert sweeper.sweep()["outbox"] == 1
    db.session.expire_all()
    assert row.status == "sent" and row.attempts == 2 and len(mailbox.messages) == 1


def test_permanent_failure_is_visible_on_the_application(make, mailbox, client, auth):
    mailbox.reply = "550 no such user"
    company = make.company("acme")
    application = make.application(make.job(company))
    row = db.session.scalar(select(OutboxEmail).where(OutboxEmail.application_id == application.id))
    assert row.status == "failed" and row.last_error.startswith("550")
    assert db.session.get(Application, application.id).email_failed
    assert db.session.scalar(select(TimelineEvent).where(TimelineEvent.kind == "email_failed")) is not None
    auth.login(f"admin@{company.slug}.test")
    body = client.get(f"/admin/applications/{application.id}").get_data(as_text=True)
    assert "could not be delivered" in body and "550 no such user" in body


def test_retries_end_in_failed(make, mailbox):
    mailbox.reply = "451 later"
    application = make.application(make.job(make.company("acme")))
    row = db.session.scalar(select(OutboxEmail).where(OutboxEmail.application_id == application.id))
    now = utcnow()
    for step in range(1, len(services.BACKOFF) + 1):
        now += services.BACKOFF[step - 1] + timedelta(seconds=1)
        with freeze_time(now):
            services.deliver(row.id)
    db.session.expire_all()
    assert row.status == "failed" and row.attempts == len(services.BACKOFF) + 1
    assert mailbox.messages == []


def test_smtp_down_keeps_the_email_pending(make, mailbox, app):
    app.extensions["mail"].port = 1  # nothing listens there
    application = make.application(make.job(make.company("acme")))
    row = db.session.scalar(select(OutboxEmail).where(OutboxEmail.application_id == application.id))
    assert row.status == "pending" and "ConnectionRefusedError" in row.last_error


def test_stale_claim_of_a_killed_worker_is_released(make, mailbox):
    mailbox.reply = "450 busy"
    application = make.application(make.job(make.company("acme")))
    mailbox.reply = None
    row = db.session.scalar(select(OutboxEmail).where(OutboxEmail.application_id == application.id))
    db.session.execute(update(OutboxEmail).where(OutboxEmail.id == row.id)
                       .values(status="sending", claimed_at=utcnow()))
    db.session.commit()
    with freeze_time(utcnow() + timedelta(minutes=11)):
        sweeper.sweep()
    db.session.expire_all()
    assert row.status == "sent" and len(mailbox.messages) == 1


def test_merge_fields_render_in_a_sandbox():
    subject, body = rendering.render("Hi {{ candidate_name }}\r\nBcc: x", "{{ job_title }} at {{ company_name }}",
                                     {"candidate_name": "Aino", "job_title": "Dev", "company_name": "Acme"})
    assert subject == "Hi Aino Bcc: x" and body == "Dev at Acme"
    assert rendering.check("{{ candidate_name", "x") is not None
    assert rendering.check("ok", "{{ ''.__class__.__mro__ }}") is not None
    assert rendering.check("ok", "{{ unknown_field }}") is not None


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
