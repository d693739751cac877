"""SMTP faults (SECURITY_BAR 32): a real SMTP server (aiosmtpd) answering 421/450 at DATA or
RCPT, 550, or hanging up after DATA. Temporary failures are retried on the backoff schedule
through the sweeper and end in exactly one accepted message; permanent ones fail at once,
flag the application, and recruiters see it on the card."""

from __future__ import annotations

from datetime import timedelta

import pytest
from freezegun import freeze_time
from sqlalchemy import select, update

from app import sweeper
from app.applications.models import Application, TimelineEvent
from app.clock import utcnow
from app.extensions import db
from app.messaging import services
from app.messaging.models import OutboxEmail
from tests.support.faults import badge, card


def outbox_of(application) -> OutboxEmail:
    db.session.expire_all()
    return db.session.scalar(select(OutboxEmail).where(OutboxEmail.application_id == application.id))


def ours(messages, application) -> list:
    return [m for m in messages if m["To"] == application.candidate.email]


@pytest.mark.parametrize("mode, reply", [
    ("data", "421 4.3.2 Service shutting down"),
    ("data", "450 4.2.1 Mailbox busy"),
    ("rcpt", "450 4.2.0 Greylisted, come back later"),
    ("drop", None),
], ids=["421-at-data", "450-at-data", "450-at-rcpt", "drop-after-data"])
def test_bar_32_temporary_failures_retry_with_backoff_then_one_message(make, faulty_smtp, client, mode, reply):
    faulty_smtp.fail(mode, reply, times=2)
    company = make.company("acme")
    start = utcnow()
    with freeze_time(start):
        application = make.application(make.job(company), email="aino@example.fi")
    row = outbox_of(application)
    assert (row.status, row.attempts) == ("pending", 1)
    assert row.next_attempt_at == start + services.BACKOFF[0]
    assert (reply.split()[0] if reply else "SMTPServerDisconnected") in row.last_error
    page = card(client, company, application)
    assert badge("pending") in page and "could not be delivered" not in page

    with freeze_time(start + timedelta(seconds=30)):  # not due yet: the sweeper leaves it alone
        assert sweeper.sweep()["outbox"] == 0
    second = start + services.BACKOFF[0] + timedelta(seconds=1)
    with freeze_time(second):
        assert sweeper.sweep()["outbox"] == 1
    row = outbox_of(application)
    assert (row.status, row.attempts) == ("pending", 2)
    assert row.next_attempt_at == second + services.BACKOFF[1]  # the wait grows

    with freeze_time(second + services.BACKOFF[1] + timedelta(seconds=1)):
        assert sweeper.sweep()["outbox"] == 1
        assert sweeper.sweep()["outbox"] == 0  # sent: nothing left to relay
    row = outbox_of(application)
    assert (row.status, row.attempts, row.last_error) == ("sent", 3, None)
    (msg,) = ours(faulty_smtp.accepted, application)
    assert msg["Message-ID"] == row.message_id
    # a server that saw the message before (after DATA) saw the same Message-ID each time
    transmitted = ours(faulty_smtp.seen, application)
    assert len(transmitted) == (1 if mode == "rcpt" else 3)
    assert {m["Message-ID"] for m in transmitted} == {row.message_id}
    page = card(client, company, application)
    assert badge("sent") in page and badge("pending") not in page
    assert not db.session.get(Application, application.id).email_failed


@pytest.mark.parametrize("mode, reply", [("rcpt", "550 5.1.1 No such user here"),
                                         ("data", "554 5.7.1 Message refused")], ids=["550-at-rcpt", "554-at-data"])
def test_bar_32_permanent_failure_no_retry_address_marked_and_visible(make, faulty_smtp, client, mode, reply):
    faulty_smtp.fail(mode, reply)
    company = make.company("acme")
    application = make.application(make.job(company), email="nobody@example.fi")
    row = outbox_of(application)
    assert (row.status, row.attempts) == ("failed", 1) and row.last_error == reply
    assert db.session.get(Application, application.id).email_failed
    event = db.session.scalar(select(TimelineEvent).where(TimelineEvent.application_id == application.id,
                                                          TimelineEvent.kind == "email_failed"))
    assert event.data["to"] == "nobody@example.fi"
    faulty_smtp.heal()
    with freeze_time(utcnow() + timedelta(days=1)):  # no retry, however long we wait
        assert sweeper.sweep()["outbox"] == 0
    assert services.deliver(row.id) == "failed"
    assert ours(faulty_smtp.accepted, application) == []
    assert len(ours(faulty_smtp.seen, application)) == (0 if mode == "rcpt" else 1)
    page = card(client, company, application)
    assert badge("failed") in page and "could not be delivered" in page and reply in page


def test_bar_32_retries_are_bounded_then_failed_and_visible(make, faulty_smtp, client):
    faulty_smtp.fail("data", "451 4.3.0 Try again later")
    company = make.company("acme")
    application = make.application(make.job(company))
    row = outbox_of(application)
    now = utcnow()
    for step in range(len(services.BACKOFF)):
        now = row.next_attempt_at + timedelta(seconds=1)
        with freeze_time(now):
            assert sweeper.sweep()["outbox"] == 1
        row = outbox_of(application)
    assert (row.status, row.attempts) == ("failed", len(services.BACKOFF) + 1)
    with freeze_time(now + timedelta(days=2)):
        assert sweeper.sweep()["outbox"] == 0
    assert faulty_smtp.accepted == [] and len(ours(faulty_smtp.seen, application)) == len(services.BACKOFF) + 1
    page = card(client, company, application)
    assert badge("failed") in page and "451 4.3.0 Try again later" in page and "could not be delivered" in page


def test_bar_32_header_values_lose_cr_lf(make, faulty_smtp):
    company = make.company("acme")
    row = services.queue_email(to="x@example.com", subject="Hello\r\nBcc: victim@example.com", body="b",
                               kind="k", dedupe_key="crlf", company_id=company.id)

    db.session.commit()
    (msg,) = faulty_smtp.accepted
    assert msg["Subject"] == "Hello Bcc: victim@example.com" and msg["Bcc"] is None
    assert msg["Message-ID"] == db.session.get(OutboxEmail, row.id).message_id


def test_bar_34_smtp_stopped_keeps_the_email_pending_and_says_so_then_sends_once(make, faulty_smtp, app, client):
    app.extensions["mail"].port = 1  # nothing listens there: connection refused
    company = make.company("acme")
    application = make.application(make.job(company))
    row = outbox_of(application)
    assert row.status == "pending" and "ConnectionRefusedError" in row.last_error
    page = card(client, company, application)
    assert badge("pending") in page and "ConnectionRefusedError" in page
    app.extensions["mail"].port = faulty_smtp.port
    with freeze_time(row.next_attempt_at + timedelta(seconds=1)):
        assert sweeper.sweep()["outbox"] == 1
    assert outbox_of(application).status == "sent" and len(faulty_smtp.accepted) == 1


def test_stale_claim_of_a_killed_worker_is_released_and_sent_once(make, faulty_smtp):
    faulty_smtp.fail("data", "450 busy", times=1)
    application = make.application(make.job(make.company("acme")))
    row = outbox_of(application)
    db.session.execute(update(OutboxEmail).where(OutboxEmail.id == row.id)
                       .values(status="sending", claimed_at=utcnow()))  # as a worker that died mid-send leaves it
    db.session.commit()
    with freeze_time(utcnow() + timedelta(minutes=5)):
        assert sweeper.sweep()["outbox"] == 0  # a live claim is left alone
    with freeze_time(utcnow() + services.STALE_CLAIM + timedelta(minutes=1)):
        assert sweeper.sweep()["outbox"] == 1
    assert outbox_of(application).status == "sent" and len(faulty_smtp.accepted) == 1
