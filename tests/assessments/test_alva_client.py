"""The vendor client (app/integrations/alva.py): shapes, and real HTTP against the sandbox."""

from __future__ import annotations

import pytest

from app.integrations import alva

HOSTS = {"127.0.0.1"}


def test_parse_test_status_normalises_and_checks():
    data = alva.parse_test_status({"partner_status": "complete", "partner_profile_url": "https://v.example/r/1",
                                   "partner_score": 81, "partner_max_score": 100.0,
                                   "sub_scores": [{"title": "Logic", "value": 70, "max": 100}],
                                   "metadata": {"a": 1, "nested": {"x": 1}, "long": "x" * 900}})
    assert data["partner_score"] == 81.0 and data["sub_scores"] == [{"title": "Logic", "value": 70.0, "max": 100.0}]
    assert data["metadata"] == {"a": 1, "long": "x" * 500}  # flat primitives only, trimmed
    assert alva.parse_test_status({"partner_status": "invited"})["partner_profile_url"] is None
    for bad in (None, [], {"partner_status": "complete"}, {"partner_status": "started", "partner_score": "9"},
                {"partner_status": "started", "partner_score": float("nan")},
                {"partner_status": "started", "sub_scores": [{"title": "", "value": 1}]},
                {"partner_status": "started", "partner_profile_url": "ftp://x"}):
        with pytest.raises(alva.ShapeError):
            alva.parse_test_status(bad)


def test_result_card_keeps_only_safe_links_and_colours():
    card = alva.parse_result_card({
        "title": "Logic test", "color": "red; background:url(x)", "score": 77, "status": "complete",
        "links": [{"title": "Report", "url": "https://v.example/r"}, {"title": "x", "url": "javascript:alert(1)"},
                  {"title": "y", "url": "data:text/html,hi"}, "not an object"],
        "content": [{"title": "Summary", "details": [{"title": "Time", "value": 12.0}, {"title": "N", "value": {}}]}],
        "scores": [{"title": "Numbers", "value": 80}]})
    assert card["links"] == [{"title": "Report", "url": "https://v.example/r"}]
    assert card["color"] is None and card["score"] == 77
    assert card["content"] == [{"title": "Summary", "details": [{"title": "Time", "value": "12"},
                                                                {"title": "N", "value": ""}]}]
    assert alva.parse_result_card({"color": "#1f8a4c"})["color"] == "#1f8a4c"
    with pytest.raises(alva.ShapeError):
        alva.parse_result_card(["not", "a", "card"])


def test_logs_and_sent_shapes():
    assert alva.parse_logs([{"at": "2026-12-01T10:00:00Z", "message": " Started "}]) == [
        {"at": "2026-12-01T10:00:00Z", "message": "Started"}]
    with pytest.raises(alva.ShapeError):
        alva.parse_logs([{"at": "x"}])
    with pytest.raises(alva.ShapeError):
        alva.parse_sent({"partner_interview_id": "int_1", "candidate_url": "javascript:x"})


def test_client_against_the_sandbox(vendor):
    account = vendor.account("personality_logic")
    client = alva.AlvaClient(vendor.base, account["api_key"], HOSTS)
    tests = client.list_tests()
    assert tests.ok and [t["partner_test_id"] for t in tests.data] == ["alva-personality", "alva-logic"]
    refused = alva.AlvaClient(vendor.base, "wrong-key", HOSTS).list_tests()
    assert refused.status_code == 401 and not refused.retryable and "API key" in refused.error
    vendor.switches(api_500=1, api_429=1)
    assert client.list_tests().retryable and client.list_tests().retryable
    assert client.list_tests().ok
    missing = client.test_status("int_nope")
    assert missing.status_code == 404 and not missing.retryable
    invalid = client.send_test({"partner_test_id": "alva-code-python", "candidate": {"email": "a@b.c"},
                                "application_ref": "r1", "callback_url": "http://127.0.0.1/x"})
    assert invalid.status_code == 422 and "partner_test_id" in invalid.error  # the vendor's own message
    blocked = alva.AlvaClient(vendor.base, account["api_key"], {"vendor.example"}).list_tests()
    assert blocked.status_code is None and not blocked.retryable and "OUTBOUND_ALLOWED_HOSTS" in blocked.error
