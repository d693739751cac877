"""The TopCV webhook intake does the minimum (issue 15 item 2): verify the signature, insert
the event row, ask for a drain. Two statements on one autocommit connection, no session
transaction, nothing processed inside the request; one (the insert, which checks the
integration it was given is still the stored one) once the process has read the integration."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy import event as sa_event

from app.background import connection
from app.boards.models import Posting
from app.extensions import db
from app.partners.models import DeliveryState, PartnerDelivery, PartnerIntegration
from tests.support.boards import applied, posting_for
from tests.support.statements import statements


@pytest.fixture
def app_config(app_config):
    return {**app_config, "RQ_ASYNC": True}  # the drain is queued, not run inside the request


def transactions(fn) -> tuple[list[str], int]:
    """The statements of ``fn`` and how many database transactions they opened and committed."""
    begun = []

    def on_begin(conn):
        if conn.get_execution_options().get("isolation_level") != "AUTOCOMMIT":
            begun.append(conn)

    sa_event.listen(db.engine, "begin", on_begin)
    try:
        seen = statements(fn)
    finally:
        sa_event.remove(db.engine, "begin", on_begin)
    return seen, len(begun)


def test_an_event_is_one_lookup_and_one_insert(board, post_event):
    out, url = [], board.url  # read before counting (the test's objects expire at each commit)
    seen, begun = transactions(lambda: out.append(post_event(applied(), msg_id="evt_q1", url=url)))
    assert out[0].status_code == 202 and out[0].get_json() == {"status": "accepted"}
    assert len(seen) == 2, seen
    assert seen[0].startswith("SELECT") and "FROM partner_integrations JOIN companies" in seen[0]
    assert seen[1].startswith("INSERT INTO partner_deliveries")
    assert begun == 0  # no session transaction: no BEGIN and COMMIT round trips
    row = db.session.scalar(select(PartnerDelivery))
    assert (row.state, row.webhook_id, row.type) == (DeliveryState.RECEIVED, "evt_q1", "application.created")
    # The work is waiting in the queue (the drain), not done in the request.
    assert connection().exists("haku:partner-drain-requested:topcv")


def test_the_next_event_is_one_checked_insert(board, post_event):
    url = board.url
    assert post_event(applied(), msg_id="evt_k1", url=url).status_code == 202
    out = []
    seen, begun = transactions(lambda: out.append(post_event(applied(ref="APP-2"), msg_id="evt_k2", url=url)))
    assert out[0].status_code == 202 and out[0].get_json() == {"status": "accepted"}
    assert len(seen) == 1, seen
    assert (
        seen[0].startswith("INSERT INTO partner_deliveries") and "FROM partner_integrations JOIN companies" in seen[0]
    )
    assert begun == 0
    rows = db.session.scalars(select(PartnerDelivery).order_by(PartnerDelivery.id)).all()
    assert [(r.state, r.webhook_id, r.type, r.integration_id, r.company_id, r.target) for r in rows] == [
        (DeliveryState.RECEIVED, f"evt_k{n}", "application.created", board.integration.id, board.company.id, None)
        for n in (1, 2)
    ]
    assert rows[1].body == json.dumps(applied(ref="APP-2"))


def test_a_redelivery_stores_nothing(board, post_event):
    payload = applied()
    assert post_event(payload, msg_id="evt_q2").status_code == 202
    out, url = [], board.url
    seen = statements(lambda: out.append(post_event(payload, msg_id="evt_q2", url=url)))
    assert out[0].status_code == 200 and out[0].get_json() == {"status": "duplicate"}
    # the checked insert meets the unique key; the call is decided again from a fresh look-up
    assert len(seen) == 3, seen
    assert db.session.scalar(select(func.count()).select_from(PartnerDelivery)) == 1


def _change(board, how: str) -> None:
    from app.boards import services as boards
    from app.partners import services as partners

    if how == "disconnect":
        boards.disconnect(board.company.id, board.admin)
    elif how == "staff_off":
        board.company.job_boards_enabled = False
    elif how == "inactive":
        board.integration.is_active = False
    elif how == "new_secret":
        partners.set_signing_secret(board.integration, "a-brand-new-secret-9876543210")
    elif how == "removed":
        db.session.execute(delete(PartnerDelivery))
        db.session.execute(delete(Posting))
        db.session.execute(delete(PartnerIntegration))
    db.session.commit()


@pytest.mark.parametrize(
    ("how", "status"),
    [("disconnect", 410), ("staff_off", 410), ("inactive", 410), ("new_secret", 401), ("removed", 404)],
)
def test_a_change_after_the_integration_was_read_acts_on_the_next_call(board, post_event, how, status):
    """What a process read about an integration is never trusted on its own: a change saved
    by any process (here the test's session) answers the very next call as a fresh look-up
    would, and nothing is stored."""
    url = board.url
    assert post_event(applied(), msg_id="evt_c1", url=url).status_code == 202
    stored = db.session.scalar(select(func.count()).select_from(PartnerDelivery))
    _change(board, how)
    resp = post_event(applied(ref="APP-2"), msg_id="evt_c2", url=url)
    assert resp.status_code == status, resp.get_json()
    assert db.session.scalar(select(func.count()).select_from(PartnerDelivery)) == (0 if how == "removed" else stored)


def test_a_new_secret_verifies_at_once_and_the_old_one_stops(board, post_event):
    from app.partners import services as partners

    url = board.url
    assert post_event(applied(), msg_id="evt_s1", url=url).status_code == 202
    partners.set_signing_secret(board.integration, "a-brand-new-secret-9876543210")
    db.session.commit()
    assert post_event(applied(ref="APP-2"), msg_id="evt_s2", url=url).status_code == 401
    resp = post_event(applied(ref="APP-3"), msg_id="evt_s3", url=url, secret="a-brand-new-secret-9876543210")
    assert resp.status_code == 202
    assert db.session.scalars(select(PartnerDelivery.webhook_id).order_by(PartnerDelivery.id)).all() == [
        "evt_s1",
        "evt_s3",
    ]


def test_refusals_before_the_lookup_touch_no_database(board, client):
    out, url = [], board.url
    seen = statements(lambda: out.append(client.post(url, data=b"x", headers={"Content-Type": "text/plain"})))
    assert out[0].status_code == 415 and seen == []


def test_a_bad_signature_is_one_lookup_and_stores_nothing(board, post_event):
    out, url = [], board.url
    seen = statements(lambda: out.append(post_event(applied(), secret="not-the-secret", url=url)))
    assert out[0].status_code == 401 and len(seen) == 1
    assert db.session.scalar(select(func.count()).select_from(PartnerDelivery)) == 0


def test_a_bad_signature_after_the_integration_was_read_is_decided_afresh(board, post_event):
    url = board.url
    assert post_event(applied(), msg_id="evt_b1", url=url).status_code == 202
    out = []
    seen = statements(lambda: out.append(post_event(applied(ref="APP-2"), secret="not-the-secret", url=url)))
    assert out[0].status_code == 401 and len(seen) == 1 and seen[0].startswith("SELECT")
    assert db.session.scalar(select(func.count()).select_from(PartnerDelivery)) == 1


def _stored(post_event, payload, msg_id: str) -> int:
    assert post_event(payload, msg_id=msg_id).status_code == 202
    return db.session.scalar(select(PartnerDelivery.id).where(PartnerDelivery.webhook_id == msg_id))


def test_processing_a_new_applicant_reads_each_thing_once(board, post_event, make):
    """The worker's part (issue 15 item 5: TopCV events were processed more slowly than they
    arrived): the claim stands alone, then one statement reads the delivery, its integration
    and the company, which every later step takes from the session; the posting comes with
    its job; a new person has no applications to look up; the board's id is written with the
    application; a new application's confirmation needs no look-up of its own key."""
    from app.applications.models import Application
    from app.messaging.models import OutboxEmail
    from app.partners import services as partners

    job = make.job(board.company, team=[make.user(board.company)])
    posting_for(board, job, status="approved")
    job_id = job.id
    delivery_id = _stored(post_event, applied(ref="APP-9"), "evt_w1")
    db.session.remove()
    out = []
    seen, begun = transactions(lambda: out.append(partners.process_inbound(delivery_id)))
    assert out == ["processed"]
    assert begun == 1  # the claim is not the session's: one transaction, the work's
    assert seen[0].startswith("UPDATE partner_deliveries")
    assert seen[1].startswith("SELECT partner_deliveries.") and "JOIN companies" in seen[1]
    assert not [s for s in seen if s.startswith("SELECT companies")]
    assert not [s for s in seen if s.startswith("SELECT jobs")]  # with the posting
    assert not [s for s in seen if s.startswith("SELECT outbox_emails")]
    assert not [s for s in seen if s.startswith("UPDATE applications")]  # source_ref is in the INSERT
    assert len([s for s in seen if s.startswith("SELECT applications")]) == 1  # only the redelivery check
    application = db.session.scalar(select(Application))
    assert (application.source, application.source_ref, application.job_id) == ("topcv", "APP-9", job_id)
    assert db.session.scalar(select(OutboxEmail.kind)) == "application_received"
    assert db.session.get(PartnerDelivery, delivery_id).state == DeliveryState.PROCESSED


def test_processing_an_applicant_already_known_checks_their_applications(board, post_event, make):
    """A person found by email is still checked for an open application to the same job: the
    second event becomes a note on the first application."""
    from app.applications.models import Application, TimelineEvent
    from app.partners import services as partners

    job = make.job(board.company)
    posting_for(board, job, status="approved")
    first = _stored(post_event, applied(ref="APP-1"), "evt_a1")
    second = _stored(post_event, applied(ref="APP-2", name="Lan Nguyen"), "evt_a2")
    db.session.remove()
    assert partners.process_inbound(first) == "processed"
    assert partners.process_inbound(second) == "processed"
    (application,) = db.session.scalars(select(Application)).all()
    assert application.source_ref == "APP-1"
    notes = db.session.scalars(select(TimelineEvent.data).where(TimelineEvent.kind == "duplicate")).all()
    assert notes == [{"source": "topcv", "board_application_id": "APP-2", "typed": {"name": "Lan Nguyen"}}]


def test_a_claimed_event_is_not_processed_twice(board, post_event, make):
    from app.partners import services as partners

    job = make.job(board.company)
    posting_for(board, job, status="approved")
    delivery_id = _stored(post_event, applied(), "evt_t1")
    db.session.remove()
    assert partners.process_inbound(delivery_id) == "processed"
    assert partners.process_inbound(delivery_id) == "skipped"


def test_an_event_stored_while_a_drain_is_finishing_gets_a_drain_of_its_own(board, post_event, monkeypatch):
    """The drain clears the marker each time it looks for events. An event stored after its
    last look, while its job is still in Redis, must still get a drain: before, the enqueue was
    refused as a duplicate of the finishing job and the marker then kept every other request
    away for 30 s, so the event waited for the marker to expire or for the sweeper. (Within
    half of ``PARTNER_DRAIN_LINGER`` after asking, a process counts on the drain's follow-up
    look instead: tests/boards/test_drain_requests.py; here that time has passed.)"""
    from app.background.queues import get_queue
    from app.partners.services import inbound
    from app.partners.tasks import queue_of

    now = [1000.0]
    monkeypatch.setattr(inbound, "_clock", lambda: now[0])
    url = board.url
    assert post_event(applied(), msg_id="evt_r1", url=url).status_code == 202
    queue = get_queue(queue_of("topcv"))
    assert queue.count == 1  # the first event's drain, still in Redis (as while it runs)
    connection().delete("haku:partner-drain-requested:topcv")  # the drain's last look cleared the marker
    now[0] += 10
    assert post_event(applied(ref="APP-2"), msg_id="evt_r2", url=url).status_code == 202
    assert queue.count == 2  # the second event's drain waits behind it
    assert post_event(applied(ref="APP-3"), msg_id="evt_r3", url=url).status_code == 202
    assert queue.count == 2  # the marker: one drain per look, not one per event
