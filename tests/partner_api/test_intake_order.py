"""/partner/v1 answers in a safe order (issue 11 §2.9): nothing about an integration's state
before its signature verifies, no large body read for an unknown integration, and limits per
client and per integration."""

from __future__ import annotations

import json
import secrets

from sqlalchemy import func, select

from app.extensions import db
from app.partners.models import PartnerDelivery
from tests.support.boards import connect, event, signed
from tests.support.counting_stream import CountingStream


def stored() -> int:
    return db.session.scalar(select(func.count()).select_from(PartnerDelivery))


def test_finding_partner_api_answers_before_verifying(client, make):
    """Old code: a switched-off integration answered 410 and an unconnected assessment
    integration 410 ``not_connected`` to anyone, signature or not (the URL alone revealed the
    integration's state), and an unknown integration's 20 MB body was read in full before
    its 404. Now: 401 until the signature verifies, and the 404 reads nothing."""
    from tests.support.assessments import add_integration
    from tests.support.assessments import signed as vendor_signed

    company = make.company("acme-vn")
    board = connect(company)
    board.is_active = False
    db.session.commit()
    payload = event("job.approved", {"board_job_id": "X", "reason": None})
    url = f"/partner/v1/boards/topcv/{board.external_id}/events"
    body, headers = signed("not-the-secret", payload)
    forged = client.post(url, data=body, headers=headers)
    assert forged.status_code == 401 and forged.get_json()["error"]["code"] == "bad_signature"
    body, headers = signed("topcv-secret-key-0123456789", payload)
    assert client.post(url, data=body, headers=headers).status_code == 410  # the secret's holder learns it

    vendor, vendor_secret = add_integration(make.company("bravo"))  # switched on, not connected yet
    status_url = f"/partner/v1/assessments/{vendor.external_id}/int_1"
    body, headers = vendor_signed("whsec_" + "A" * 32, event("assessment.status_changed", {}))
    forged = client.patch(status_url, data=body, headers=headers)
    assert forged.status_code == 401
    body, headers = vendor_signed(vendor_secret, event("assessment.status_changed", {}))
    real = client.patch(status_url, data=body, headers=headers)
    assert real.status_code == 410 and real.get_json()["error"]["code"] == "not_connected"
    assert stored() == 0


def test_finding_partner_api_reads_an_unknown_integrations_body(client, make):
    """Old code read up to 20 MB of an unknown integration's body before answering 404."""
    headers = {"webhook-id": "msg_1", "webhook-timestamp": "1", "webhook-signature": "v1,AAAA"}
    big = json.dumps({"type": "job.approved", "pad": "x" * (19 * 1024 * 1024)}).encode()
    stream = CountingStream(big)
    unknown = client.post("/partner/v1/boards/topcv/00000000-0000-4000-8000-000000000000/events",
                          input_stream=stream, content_length=len(big), content_type="application/json",
                          headers=headers)
    assert unknown.status_code == 404 and stream.consumed == 0
    known = connect(make.company("acme-vn"))
    stream = CountingStream(big)
    refused = client.post(f"/partner/v1/boards/topcv/{known.external_id}/events", input_stream=stream,
                          content_length=len(big), content_type="application/json", headers=headers)
    assert refused.status_code == 401 and stream.consumed == len(big)  # a known one is read, then verified
    assert stored() == 0


def test_finding_partner_api_rate_limits(app_config, make):
    """Old code exempted /partner/v1 from rate limiting; now per client address and per integration."""
    from app import create_app

    one, two = connect(make.company("one-co")), connect(make.company("two-co"), secret="second-secret-0123456")
    limited = create_app({**app_config, "RATELIMIT_ENABLED": True, "PARTNER_RATE_LIMIT_PER_CLIENT": "3/minute",
                          "PARTNER_RATE_LIMIT_PER_INTEGRATION": "5/minute"})
    http = limited.test_client()
    payload = event("job.viewed", {"board_job_id": "X"})  # a type Haku ignores: 200, nothing queued

    def send(integration, address, secret="topcv-secret-key-0123456789"):
        body, headers = signed(secret, payload)
        return http.post(f"/partner/v1/boards/topcv/{integration.external_id}/events", data=body, headers=headers,
                         environ_base={"REMOTE_ADDR": address}).status_code

    prefix = f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}"
    burst = f"{prefix}.1"
    assert [send(one, burst) for _ in range(4)] == [200, 200, 200, 429]  # one client: 3 a minute
    assert send(one, f"{prefix}.2") == 200  # another client is not throttled by that burst
    # one integration from many addresses: 5 a minute in all (4 counted above; the refused one is not)
    assert send(one, f"{prefix}.3") == 200
    assert send(one, f"{prefix}.4") == 429
    assert send(two, f"{prefix}.5", secret="second-secret-0123456") == 200  # another integration is not
    limited_answer = http.post(f"/partner/v1/boards/topcv/{one.external_id}/events", data=b"{}",
                               content_type="application/json", environ_base={"REMOTE_ADDR": burst})
    assert limited_answer.status_code == 429 and limited_answer.is_json
