"""The TopCV webhook intake does the minimum (issue 15 item 2): verify the signature, insert
the event row, ask for a drain. Two statements on one autocommit connection, no session
transaction, nothing processed inside the request."""

from __future__ import annotations

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import func, select

from app.background import connection
from app.extensions import db
from app.partners.models import DeliveryState, PartnerDelivery
from tests.support.boards import applied
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


def test_a_redelivery_is_the_same_two_statements_and_stores_nothing(board, post_event):
    payload = applied()
    assert post_event(payload, msg_id="evt_q2").status_code == 202
    out, url = [], board.url
    seen = statements(lambda: out.append(post_event(payload, msg_id="evt_q2", url=url)))
    assert out[0].status_code == 200 and out[0].get_json() == {"status": "duplicate"}
    assert len(seen) == 2, seen
    assert db.session.scalar(select(func.count()).select_from(PartnerDelivery)) == 1


def test_refusals_before_the_lookup_touch_no_database(board, client):
    out, url = [], board.url
    seen = statements(lambda: out.append(client.post(url, data=b"x", headers={"Content-Type": "text/plain"})))
    assert out[0].status_code == 415 and seen == []


def test_a_bad_signature_is_one_lookup_and_stores_nothing(board, post_event):
    out, url = [], board.url
    seen = statements(lambda: out.append(post_event(applied(), secret="not-the-secret", url=url)))
    assert out[0].status_code == 401 and len(seen) == 1
    assert db.session.scalar(select(func.count()).select_from(PartnerDelivery)) == 0
