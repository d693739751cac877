"""The invite link after its request ended (records received, declined — with a change of mind —
or expired), and returns refused before their body is read (too large, wrong content type) or
posted to another attempt's address (issue 12 §6). Real returns through the EMP sandbox."""

from __future__ import annotations

from datetime import timedelta

import pytest
from babel.dates import format_date
from freezegun import freeze_time
from sqlalchemy import func, select

from app import sweeper
from app.applications.models import TimelineEvent
from app.clock import utcnow
from app.emrex import services
from app.emrex.models import EmrexAttempt, EmrexRequest, EmrexRequestEvent, EmrexSummary, EmrexTranscript
from app.extensions import db
from tests.support.emp_client import complete_at_emp, handoff_fields
from tests.support.emrex import LINK, point
from tests.support.mail import text_of
from tests.support.rows import table_counts

BASE = "http://127.0.0.1:5000"


@pytest.fixture
def job(make, emp_registry):
    company = make.company("acme", "Acme Oy")
    company.emrex_enabled, company.gpa_scale = True, "5.0"
    db.session.commit()
    job = make.job(company, "Data analyst")
    services.save_settings(job, email_template_id=None, trigger_stage_id=job.stages[0].id, reminders_enabled=True)
    return job


def _apply(make, mailbox, job, *, locale="en", email="aino@example.fi"):
    application = make.application(job, email=email, given="Aino", family="Virtanen")
    application.candidate.locale = locale
    db.session.commit()
    token = next(m.group(1) for m in (LINK.search(text_of(msg)) for msg in reversed(mailbox.messages)) if m)
    return application, token


def _request() -> EmrexRequest:
    db.session.expire_all()
    return db.session.scalar(select(EmrexRequest))


def _open(app, token, browser=None):
    """Open the invite link in a browser (a fresh one: no cookie, no chosen language)."""
    browser = browser or app.test_client()
    resp = browser.get(f"/emrex/r/{token}")
    assert resp.status_code == 303 and resp.headers["Location"] == "/emrex/request"
    return browser, browser.get("/emrex/request")


def _hand_off(browser, emp_path="/emp/helsinki"):
    assert browser.post("/emrex/confirm", data={"answer": "me"}).status_code == 303
    handoff = browser.post("/emrex/go", data={"contact_point": point(emp_path).id, "birth_date": "1999-04-12"})
    assert handoff.status_code == 200
    return handoff_fields(handoff.get_data(as_text=True))


def _back(app, return_url: str, reply: dict, **kwargs):
    """The contact point's page posts the browser back, cross-site: no cookie of ours."""
    return app.test_client().post(return_url.removeprefix(BASE), data=reply, **kwargs)


def _receive(app, make, mailbox, job, *, locale="en"):
    application, token = _apply(make, mailbox, job, locale=locale)
    browser, _ = _open(app, token)
    emp_url, fields = _hand_off(browser)
    return_url, reply = complete_at_emp(emp_url, fields)
    assert _back(app, return_url, reply).status_code == 200
    assert _request().status == "completed"
    return application, token


def _opt_out(app, token):
    browser, _ = _open(app, token)
    browser.post("/emrex/confirm", data={"answer": "me"})
    assert browser.post("/emrex/opt-out").status_code == 303
    assert _request().status == "cancelled"


# ---------------------------------------------------------------- records received


def test_link_after_records_were_received_says_when_in_the_candidates_language(app, make, mailbox, job):
    application, token = _receive(app, make, mailbox, job, locale="fi")
    request = _request()
    transcript = db.session.scalar(select(EmrexTranscript))
    before = table_counts()
    _, page = _open(app, token)  # from the email, in a browser that never chose a language
    body = page.get_data(as_text=True)
    assert page.status_code == 200
    # Finnish page, Finnish date (CLDR's, so this holds before the catalogues are merged)
    assert '<html lang="fi">' in body and format_date(request.finished_at.date(), "long", locale="fi") in body
    assert "emrex-received" in body
    assert "Acme Oy" in body and "Jaa opintotietosi" not in body  # branded; no picker
    # a forwarded link learns no more than the picker shows: masked name, no records
    assert "A••• V•••" in body and "Aino" not in body and "Virtanen" not in body
    assert transcript.institution not in body and "1999-04-12" not in body
    assert table_counts() == before  # looking changes nothing
    # a browser whose person chose a language keeps it
    english = app.test_client()
    english.get("/?lang=en")
    _, page = _open(app, token, english)
    day = format_date(request.finished_at.date(), "long", locale="en")
    assert f"Your study records were received on {day}" in page.get_data(as_text=True)
    assert application.id


# ---------------------------------------------------------------- declined, and a change of mind


def test_link_after_opt_out_offers_a_change_of_mind_that_reopens_after_is_this_you(app, make, mailbox, job, client,
                                                                                  auth):
    application, token = _apply(make, mailbox, job)
    _opt_out(app, token)
    browser, page = _open(app, token)  # the candidate, later, on another device
    body = page.get_data(as_text=True)
    assert page.status_code == 200 and "You chose not to share study records" in body
    assert 'action="/emrex/reopen"' in body and "Share my records after all" in body and "Acme Oy" in body
    assert _request().status == "cancelled"  # opening the link changes nothing
    resp = browser.post("/emrex/reopen")
    assert resp.status_code == 303 and resp.headers["Location"] == "/emrex/request"
    assert _request().status == "cancelled"  # not before "Is this you?"
    picker = browser.get("/emrex/request").get_data(as_text=True)
    assert "Is this you?" in picker and 'id="country"' not in picker
    assert browser.post("/emrex/confirm", data={"answer": "me"}).status_code == 303
    request = _request()
    assert request.status == "opened" and request.finished_at is None and request.next_reminder_at is None
    assert [e.kind for e in request.events][-2:] == ["reopened", "confirmed"]
    assert db.session.get(EmrexSummary, application.id).status == "opened"
    assert db.session.scalar(select(TimelineEvent.id).where(TimelineEvent.kind == "emrex_reopened"))
    picker = browser.get("/emrex/request").get_data(as_text=True)
    assert 'id="country"' in picker and "Is this you?" not in picker
    # the normal way on from here: the university, and the records arrive
    emp_url, fields = _hand_off(browser)
    return_url, reply = complete_at_emp(emp_url, fields)
    assert "your study records were received" in _back(app, return_url, reply).get_data(as_text=True)
    assert _request().status == "completed"
    # the recruiter sees it on the card
    auth.login("admin@acme.test")
    card = client.get(f"/admin/applications/{application.id}").get_data(as_text=True)
    assert "The candidate changed their mind and reopened the EMREX request" in card


def test_reopened_request_sends_no_reminders(app, make, mailbox, job):
    start = utcnow()
    with freeze_time(start):
        _, token = _apply(make, mailbox, job)
        _opt_out(app, token)
        browser, _ = _open(app, token)
        browser.post("/emrex/reopen")
        browser.post("/emrex/confirm", data={"answer": "me"})
        assert _request().status == "opened"
    sent = len(mailbox.messages)
    for day in (3, 7, 14):
        with freeze_time(start + timedelta(days=day, minutes=1)):
            sweeper.sweep()
    assert len(mailbox.messages) == sent and _request().reminders_sent == 0


def test_forwarded_link_after_opt_out_cannot_reopen_without_saying_it_is_them(app, make, mailbox, job):
    _, token = _apply(make, mailbox, job)
    _opt_out(app, token)
    stranger, page = _open(app, token)
    body = page.get_data(as_text=True)
    assert "A••• V•••" in body and "Aino" not in body and "Virtanen" not in body
    before = table_counts()
    stranger.post("/emrex/reopen")
    assert stranger.post("/emrex/go", data={"contact_point": point("/emp/helsinki").id}).status_code == 404
    resp = stranger.post("/emrex/confirm", data={"answer": "not_me"})
    assert resp.status_code == 303 and resp.headers["Location"] == "/emrex/not-me"
    assert table_counts() == before and _request().status == "cancelled"
    assert stranger.get("/emrex/request").status_code == 404  # this browser let go of the link


def test_change_of_mind_needs_the_csrf_token(app, make, mailbox, job):
    _, token = _apply(make, mailbox, job)
    _opt_out(app, token)
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        browser, page = _open(app, token)
        assert 'name="csrf_token"' in page.get_data(as_text=True)
        assert browser.post("/emrex/reopen").status_code == 400
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert _request().status == "cancelled"


def test_no_change_of_mind_after_the_request_would_have_expired(app, make, mailbox, job):
    start = utcnow()
    with freeze_time(start):
        _, token = _apply(make, mailbox, job)
        _opt_out(app, token)
    with freeze_time(start + timedelta(days=44, minutes=1)):
        sweeper.sweep()
        browser, page = _open(app, token)
        body = page.get_data(as_text=True)
        assert "You chose not to share study records" in body and "Share my records after all" not in body
        assert "contact Acme Oy" in body
        browser.post("/emrex/reopen")
        assert browser.post("/emrex/confirm", data={"answer": "me"}).status_code == 200
        assert _request().status == "cancelled"
        assert db.session.scalar(select(func.count(EmrexRequestEvent.id)).where(
            EmrexRequestEvent.kind == "reopened")) == 0


def test_old_link_points_to_a_newer_request_and_does_not_reopen(app, make, mailbox, job):
    application, token = _apply(make, mailbox, job)
    _opt_out(app, token)
    services.request_manually(application, make.admin_of(job.company))
    browser, page = _open(app, token)
    body = page.get_data(as_text=True)
    assert "has sent you a newer request" in body and "Share my records after all" not in body
    browser.post("/emrex/reopen")
    browser.post("/emrex/confirm", data={"answer": "me"})
    statuses = [r.status for r in db.session.scalars(select(EmrexRequest).order_by(EmrexRequest.id))]
    assert statuses == ["cancelled", "sent"]


# ---------------------------------------------------------------- expired


def test_expired_link_says_so_and_whom_to_contact(app, make, mailbox, job):
    start = utcnow()
    with freeze_time(start):
        _, token = _apply(make, mailbox, job, locale="vi")
    with freeze_time(start + timedelta(days=44, minutes=1)):
        # before the sweeper got to it, the link already says it expired, and does not mark it opened
        browser, page = _open(app, token)
        assert "emrex-expired" in page.get_data(as_text=True)
        assert _request().opened_at is None
        assert "emrex-expired" in browser.post("/emrex/confirm", data={"answer": "me"}).get_data(as_text=True)
        go = browser.post("/emrex/go", data={"contact_point": point("/emp/helsinki").id, "birth_date": "1999-04-12"})
        assert "emrex-expired" in go.get_data(as_text=True)
        assert db.session.scalar(select(func.count(EmrexAttempt.id))) == 0
        sweeper.sweep()
        request = _request()
        assert request.status == "expired" and request.token_encrypted is None
        _, page = _open(app, token)
        body = page.get_data(as_text=True)
        assert page.status_code == 200 and "emrex-expired" in body and '<html lang="vi">' in body
        assert "Acme Oy" in body and "Data analyst" in body and "Aino" not in body
        assert 'id="country"' not in body


def test_unknown_token_is_still_the_generic_404(app, job):
    resp = app.test_client().get("/emrex/r/" + "A" * 32)
    assert resp.status_code == 404 and "Acme" not in resp.get_data(as_text=True)


# ---------------------------------------------------------------- refused returns


def _attempt_started(app, make, mailbox, job, *, locale="en"):
    _, token = _apply(make, mailbox, job, locale=locale)
    browser, _ = _open(app, token)
    emp_url, fields = _hand_off(browser)
    return browser, emp_url, fields


def test_handoff_return_url_names_the_attempt_and_the_sandbox_keeps_it(app, make, mailbox, job):
    _, emp_url, fields = _attempt_started(app, make, mailbox, job)
    attempt = db.session.scalar(select(EmrexAttempt))
    assert fields["returnUrl"] == f"{BASE}/emrex/return?s={attempt.session_id}"
    return_url, _ = complete_at_emp(emp_url, fields)
    assert return_url == fields["returnUrl"]


def test_too_large_return_closes_its_attempt_at_once_with_an_emrex_page(app, make, mailbox, job):
    browser, emp_url, fields = _attempt_started(app, make, mailbox, job, locale="fi")
    return_url, reply = complete_at_emp(emp_url, fields, mode="big_pdf")
    app.config["EMREX_RETURN_MAX_BYTES"] = 256 * 1024  # the sandbox's PDF is several MB
    try:
        resp = _back(app, return_url, reply)
    finally:
        app.config["EMREX_RETURN_MAX_BYTES"] = 30 * 1024 * 1024
    body = resp.get_data(as_text=True)
    assert resp.status_code == 413 and '<html lang="fi">' in body and "Acme Oy" in body
    assert "emrex-refused" in body and "Valitse korkeakoulu uudelleen" in body  # the retry button
    db.session.expire_all()
    attempt = db.session.scalar(select(EmrexAttempt))
    assert attempt.outcome == "rejected" and "too large" in attempt.detail and attempt.used_at is not None
    assert _request().status == "opened" and db.session.scalar(select(func.count(EmrexTranscript.id))) == 0
    # the candidate picks a university again with the same browser
    assert 'id="country"' in browser.get("/emrex/request").get_data(as_text=True)
    # the same return once more (a reload) finds nothing left to close
    assert _back(app, return_url, {"sessionId": fields["sessionId"], "returnCode": "NCP_OK"}).status_code == 400


def test_wrong_content_type_return_closes_its_attempt_at_once(app, make, mailbox, job):
    _, emp_url, fields = _attempt_started(app, make, mailbox, job)
    return_url, reply = complete_at_emp(emp_url, fields)
    resp = app.test_client().post(return_url.removeprefix(BASE), data=reply["elmo"],
                                  headers={"Content-Type": "text/plain"})
    body = resp.get_data(as_text=True)
    assert resp.status_code == 415 and "The records could not be received" in body and "Acme Oy" in body
    assert "not in the expected format" in body and "Choose a university again" in body
    attempt = db.session.scalar(select(EmrexAttempt))
    db.session.refresh(attempt)
    assert attempt.outcome == "rejected" and "content type" in attempt.detail
    assert _request().status == "opened"


def test_refused_return_without_a_known_attempt_still_gets_an_emrex_page(app, job):
    resp = app.test_client().post("/emrex/return?s=" + "f" * 32, data="x", headers={"Content-Type": "text/plain"})
    body = resp.get_data(as_text=True)
    assert resp.status_code == 415 and "The records could not be received" in body
    assert "link in your email" in body and db.session.scalar(select(func.count(EmrexAttempt.id))) == 0


def test_return_whose_body_names_another_attempt_is_rejected(app, make, mailbox, job):
    browser, emp_url, fields = _attempt_started(app, make, mailbox, job)
    second = browser.post("/emrex/go", data={"contact_point": point("/emp/helsinki").id, "birth_date": "1999-04-12"})
    _, other = handoff_fields(second.get_data(as_text=True))
    return_url, reply = complete_at_emp(emp_url, fields)
    resp = _back(app, other["returnUrl"], reply)  # the first attempt's records at the second's address
    assert resp.status_code == 400 and "did not belong to this transfer" in resp.get_data(as_text=True)
    db.session.expire_all()
    first, second_attempt = db.session.scalars(select(EmrexAttempt).order_by(EmrexAttempt.id)).all()
    assert second_attempt.outcome == "rejected" and "does not match" in second_attempt.detail
    assert first.outcome == "open" and db.session.scalar(select(func.count(EmrexTranscript.id))) == 0
    assert _back(app, return_url, reply).status_code == 200  # at its own address it imports
    assert _request().status == "completed"


def test_plain_return_address_still_works(app, make, mailbox, job):
    """Attempts started before the address carried ``s`` (and the EMP sandbox's own echo)."""
    _, emp_url, fields = _attempt_started(app, make, mailbox, job)
    _, reply = complete_at_emp(emp_url, fields)
    resp = app.test_client().post("/emrex/return", data=reply)
    assert resp.status_code == 200 and _request().status == "completed"


def test_result_page_kept_between_returns_follows_the_company_and_the_language(app, make, mailbox, job):
    """The result page is rendered once per company, language and outcome and served again
    (issue 15): a second candidate gets the same page, a renamed company its new name, a
    candidate in Finnish the Finnish page."""
    def received(email, locale):
        application = make.application(job, email=email, given="Aino", family="Virtanen")
        application.candidate.locale = locale
        db.session.commit()
        token = next(m.group(1) for m in (LINK.search(text_of(msg)) for msg in reversed(mailbox.messages)) if m)
        browser, _ = _open(app, token)
        return_url, reply = complete_at_emp(*_hand_off(browser))
        resp = _back(app, return_url, reply)
        assert resp.status_code == 200
        return resp.get_data(as_text=True)

    first = received("aino@example.fi", "en")
    assert "Thank you — your study records were received" in first and "Acme Oy" in first
    assert received("beata@example.fi", "en") == first
    job.company.name = "Acme Group Oy"
    db.session.commit()
    renamed = received("cecilia@example.fi", "en")
    assert "Acme Group Oy" in renamed and renamed == first.replace("Acme Oy", "Acme Group Oy")
    finnish = received("doris@example.fi", "fi")
    assert '<html lang="fi">' in finnish and "Acme Group Oy" in finnish and "Thank you" not in finnish
