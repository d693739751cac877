"""Signed but arbitrary TopCV events: intake answers a documented status, and processing
records processed or failed (with a reason), never an internal error."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.extensions import db
from app.partners.models import PartnerDelivery
from app.problems import stored
from tests.support.boards import signed

DOCUMENTED = {200, 202, 400, 401, 404, 410, 413, 415, 429}

json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                           lambda children: st.lists(children, max_size=3)
                           | st.dictionaries(st.text(max_size=10), children, max_size=3), max_leaves=10)


@pytest.mark.parametrize("event_type", ["application.created", "job.approved", "job.rejected"])
def test_signed_garbage_never_breaks_intake_or_processing(board, client, event_type):
    @given(data=json_values | st.fixed_dictionaries({
        "board_job_id": st.none() | st.text(max_size=12), "reason": st.none() | st.text(max_size=30),
        "candidate": json_values, "resume": json_values, "job_title": st.none() | st.text(max_size=30)}))
    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    def run(data):
        payload = {"api_version": "1", "type": event_type, "timestamp": "2026-12-01T08:00:00Z", "data": data}
        body, headers = signed(board.secret, json.dumps(payload).encode())
        response = client.post(board.url, data=body, headers=headers)
        assert response.status_code in DOCUMENTED
        assert response.status_code < 500

    run()
    states = set(db.session.scalars(select(PartnerDelivery.state)))
    assert states <= {"processed", "failed", "ignored"}, states
    errors = [e for e in db.session.scalars(select(PartnerDelivery.error)) if e]
    assert not any((stored(e) or ("",))[0] == "internal" for e in errors), errors
