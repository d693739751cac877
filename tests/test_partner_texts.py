"""Partner texts stored as codes (issue 14): an integration's or order's ``status_detail``, a
posting's last error and the delivery log's summary and error are stored as a code and its
parameters and worded in the reader's language when shown; the partner's own words stay as
the partner wrote them, labelled; rows written before the codes are shown as they are."""

from __future__ import annotations

import pytest
from flask_babel import force_locale

from app.extensions import db
from app.partners.texts import describe, describe_html
from app.problems import STORED_MAX_CHARS, STORED_PARAM_CHARS, store, stored
from tests.support.clients import Auth


def test_a_stored_text_keeps_its_code_and_parameters():
    text = store("topcv.gave_up", attempts=9, cause=store("timeout", seconds="10"), nothing=None)
    assert stored(text) == ("topcv.gave_up", {"attempts": 9, "cause": {"t": "timeout", "seconds": "10"}})
    long = store("partner_refused", status=422, partner="x" * 5000, title="y" * 5000)
    code, params = stored(long)
    assert len(params["partner"]) <= 2 * STORED_PARAM_CHARS and len(params["title"]) <= STORED_PARAM_CHARS
    assert len(long) <= STORED_MAX_CHARS == 500  # fits the smallest column it goes into (summary, status_detail)
    assert params["partner"].startswith("xxx") and set(params["title"]) == {"y"}


@pytest.mark.parametrize("text", [None, "", "Last call failed: timed out after 10 s", '{"t": 1}', '{"t":"x"',
                                  '{"error": "x"}'])
def test_other_text_is_not_a_code(text):
    assert stored(text) is None


def test_a_long_nested_text_still_fits():
    cause = store("partner_refused", status=500, partner="é" * 1000)
    text = store("topcv.refused", error=cause, title="t" * 1000)
    assert len(text) <= STORED_MAX_CHARS and stored(text)[1]["error"]["t"] == "partner_refused"


def test_worded_in_the_readers_language_with_the_partners_words_as_sent(app):
    refused = store("partner_refused", status=422, partner="level is required <b>now</b>")
    text = store("topcv.refused", error=refused)
    assert describe(text) == ("TopCV said: The partner refused the call (HTTP 422). "
                              "The partner's answer, as sent: “level is required <b>now</b>”")
    with force_locale("fi"):
        assert describe(store("timeout", seconds="10")) == "Ei vastausta 10 sekunnissa."
        assert describe(text).startswith("TopCV vastasi: Kumppani hylkäsi kutsun (HTTP 422).")
        assert describe(text).endswith("“level is required <b>now</b>”")  # as the partner wrote it
    with force_locale("vi"):
        html = str(describe_html(text))
        assert html.startswith("TopCV phản hồi: Đối tác đã từ chối lệnh gọi (HTTP 422).")
        assert '<span class="partner-words">Phản hồi nguyên văn của đối tác: <q>level is required &lt;b&gt;now' \
               '&lt;/b&gt;</q></span>' in html
        assert describe(store("alva.unreachable", cause=store("connect", kind="ConnectionError"))) == \
            "Không thể kết nối tới nhà cung cấp: Không thể kết nối tới đối tác (ConnectionError)."
        # a cause inside parentheses loses its full stop
        assert describe(store("topcv.unreachable", error=store("timeout", seconds="10"))).startswith(
            "Không kết nối được TopCV (Không có phản hồi trong vòng 10 giây). Chưa có gì được lưu")


def test_legacy_rows_and_unknown_codes_show_as_they_are(app):
    with force_locale("vi"):
        assert describe("The vendor refused the API key: HTTP 401") == "The vendor refused the API key: HTTP 401"
        assert describe('{"t":"removed.code","x":1}') == '{"t":"removed.code","x":1}'
        assert str(describe_html("<script>x</script>")) == "&lt;script&gt;x&lt;/script&gt;"
        assert describe(None) == ""


def test_the_activity_log_words_each_row_for_its_reader(app, make):
    from app.partners.models import PartnerDelivery
    from tests.support.boards import connect

    company = make.company("acme")
    integration = connect(company)
    legacy = PartnerDelivery(company_id=company.id, integration_id=integration.id, direction="out",
                             type="topcv.post_job", state="failed", summary="post “Old row”",
                             error="TopCV did not answer after 9 tries: timed out after 10 s")
    coded = PartnerDelivery(company_id=company.id, integration_id=integration.id, direction="out",
                            type="topcv.post_job", state="failed",
                            summary=store("topcv.post_summary", title="Kế toán"),
                            error=store("topcv.refused", error=store("partner_refused", status=422,
                                                                     partner="level is required")))
    db.session.add_all([legacy, coded])
    admin = make.admin_of(company)
    admin.locale = "fi"
    db.session.commit()
    client = app.test_client()
    assert Auth(client).login(admin.email).status_code == 302
    page = client.get(f"/admin/integrations/{integration.id}/log").get_data(as_text=True)
    assert "Julkaise ”Kế toán”" in page
    assert "TopCV vastasi: Kumppani hylkäsi kutsun (HTTP 422)." in page
    assert "Kumppanin vastaus sellaisenaan: <q>level is required</q>" in page
    assert "post “Old row”" in page and "TopCV did not answer after 9 tries: timed out after 10 s" in page
    assert '{"t":' not in page


def test_an_event_no_handler_takes_fails_with_a_coded_reason(app, make):
    from app.partners import services as partners
    from app.partners.models import PartnerDelivery
    from tests.support.boards import connect

    company = make.company("acme")
    integration = connect(company)
    row = PartnerDelivery(company_id=company.id, integration_id=integration.id, direction="in", type="job.unheard_of",
                          webhook_id="w1", state="received", body="{}")
    db.session.add(row)
    db.session.commit()
    assert partners.process_inbound(row.id) == "failed"
    db.session.refresh(row)
    assert stored(row.error) == ("no_handler", {"type": "job.unheard_of"})
    with force_locale("fi"):
        assert describe(row.error) == "Haku ei käsittele tyypin job.unheard_of tapahtumia."
