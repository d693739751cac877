"""EMREX requests: triggers, resends, reminders, the candidate pages, opt-out, returns that
import nothing. (Signed imports are in test_flow_import.py.)"""

from __future__ import annotations

import functools
import re
from datetime import timedelta

import pytest
from freezegun import freeze_time
from sqlalchemy import func, select

from app import sweeper
from app.applications import services as applications
from app.clock import utcnow
from app.emrex import services
from app.emrex.models import EmrexAttempt, EmrexContactPoint, EmrexCountry, EmrexRequest, EmrexTranscript
from app.extensions import db
from tests.support.emrex import INVITE_URL as LINK
from tests.support.mail import text_of


@pytest.fixture
def emrex_job(make):
    company = make.company("acme", "Acme Oy")
    company.emrex_enabled = True
    db.session.commit()
    return make.job(company, "Trainee")


@pytest.fixture
def registry():
    db.session.add_all([EmrexCountry(code="FI", name="Finland"), EmrexCountry(code="SE", name="Sweden")])
    points = [EmrexContactPoint(url="https://emp.example.fi/helsinki", country_code="FI", acronym="HY",
                                institutions=["University of Helsinki"], certificates=["PEM-HY"]),
              EmrexContactPoint(url="https://emp.example.se/ladok", country_code="SE", acronym="LADOK",
                                institutions=["Lund University", "Uppsala University"], certificates=["PEM-SE"])]
    db.session.add_all(points)
    db.session.commit()
    return points


def set_trigger(job, position, reminders=True):
    services.save_settings(job, email_template_id=None, trigger_stage_id=job.stages[position].id if position is not None
                           else None, reminders_enabled=reminders)


def invites(mailbox):
    return [m for m in mailbox.messages if "study records" in m["Subject"] or "Reminder" in m["Subject"]]


def token_from(msg) -> str:
    return LINK.search(text_of(msg)).group(1)


def test_first_stage_trigger_sends_on_apply(emrex_job, make, mailbox):
    set_trigger(emrex_job, 0)
    application = make.application(emrex_job, email="aino@example.fi")
    request = db.session.scalar(select(EmrexRequest))
    assert request.application_id == application.id and request.status == "sent" and request.cause == "apply"
    (msg,) = invites(mailbox)
    token = token_from(msg)
    assert len(token) >= 32 and token not in (request.token_hash, request.token_encrypted)
    assert services.find_by_token(token).id == request.id


def test_other_stage_triggers_on_move_and_manual_request_resends_the_same_link(emrex_job, make, mailbox):
    set_trigger(emrex_job, 2)
    application = make.application(emrex_job)
    assert db.session.scalar(select(func.count(EmrexRequest.id))) == 0
    admin = make.admin_of(emrex_job.company)
    applications.move_to_stage(application, emrex_job.stages[2].id, admin)
    applications.move_to_stage(application, emrex_job.stages[1].id, admin)
    applications.move_to_stage(application, emrex_job.stages[2].id, admin)  # re-entry: resend, no new request
    services.request_manually(application, admin)
    assert db.session.scalar(select(func.count(EmrexRequest.id))) == 1
    tokens = {token_from(m) for m in invites(mailbox)}
    assert len(invites(mailbox)) == 3 and len(tokens) == 1


def test_automation_move_triggers_too(emrex_job, make, mailbox):
    from app.applications.automations import add_automation

    set_trigger(emrex_job, 1)
    add_automation(emrex_job, stage_id=emrex_job.stages[0].id, email_template_id=None,
                   move_to_stage_id=emrex_job.stages[1].id)
    make.application(emrex_job)
    request = db.session.scalar(select(EmrexRequest))
    assert request is not None and request.cause == "automation"


def test_nothing_is_sent_when_emrex_is_off(make, mailbox):
    company = make.company("acme")
    job = make.job(company)
    set_trigger(job, 0)
    make.application(job)
    assert db.session.scalar(select(func.count(EmrexRequest.id))) == 0
    with pytest.raises(services.EmrexError):
        services.request_manually(db.session.scalar(select(applications.Application)), make.admin_of(company))


def test_bar_31_reminders_on_days_3_7_14_survive_a_redis_flush(emrex_job, make, mailbox, redis_url):
    from redis import Redis

    set_trigger(emrex_job, 0)
    start = utcnow()
    with freeze_time(start):
        make.application(emrex_job)
    token = token_from(invites(mailbox)[0])
    for day, expected in ((2, 1), (3, 2), (4, 2), (7, 3), (13, 3), (14, 4), (30, 4)):
        if day == 7:
            Redis.from_url(redis_url).flushdb()
        with freeze_time(start + timedelta(days=day, minutes=1)):
            sweeper.sweep()
        assert len(invites(mailbox)) == expected, day
    reminders = [m for m in invites(mailbox) if "Reminder" in m["Subject"]]
    assert {token_from(m) for m in reminders} == {token}
    assert db.session.scalar(select(EmrexRequest)).reminders_sent == 3


def test_bar_23_no_reminders_when_disabled_or_after_opt_out(emrex_job, make, mailbox, client):
    set_trigger(emrex_job, 0, reminders=False)
    start = utcnow()
    with freeze_time(start):
        make.application(emrex_job, email="a@example.com")
    set_trigger(emrex_job, 0, reminders=True)
    with freeze_time(start):
        make.application(emrex_job, email="b@example.com")
    second = db.session.scalars(select(EmrexRequest).order_by(EmrexRequest.id)).all()[1]
    token = token_from(invites(mailbox)[1])
    client.get(f"/emrex/r/{token}")
    client.post("/emrex/confirm", data={"answer": "me"})
    client.post("/emrex/opt-out")
    for day in (3, 7, 14):
        with freeze_time(start + timedelta(days=day, minutes=1)):
            sweeper.sweep()
    assert len(invites(mailbox)) == 2
    db.session.expire_all()
    assert second.status == "cancelled"


def test_bar_14_token_link_binds_a_portal_session_and_leaves_the_address_bar(emrex_job, make, mailbox, client, registry):
    set_trigger(emrex_job, 0)
    make.application(emrex_job)
    token = token_from(invites(mailbox)[0])
    resp = client.get(f"/emrex/r/{token}")
    assert resp.status_code == 303 and resp.headers["Location"] == "/emrex/request"
    assert resp.headers["Referrer-Policy"] == "no-referrer"
    assert client.post("/emrex/confirm", data={"answer": "me"}).status_code == 303
    page = client.get("/emrex/request")
    body = page.get_data(as_text=True)
    assert page.status_code == 200 and token not in body and "Finland" in body and "Sweden" in body
    assert "I do not want to share my study records" in body
    body = client.get("/emrex/request?country=SE").get_data(as_text=True)
    assert "Lund University, Uppsala University" in body and "University of Helsinki" not in body
    request = db.session.scalar(select(EmrexRequest))
    assert request.status == "opened" and request.opened_at is not None


@pytest.mark.parametrize("token", ["x" * 32, "", "short", "a" * 300])
def test_bar_14_unknown_tokens_are_404(client, token, emrex_job):
    assert client.get(f"/emrex/r/{token}").status_code == 404


def test_bar_15_picker_without_the_link_is_404(client):
    resp = client.get("/emrex/request")
    assert resp.status_code == 404 and "open the link from your email again" in resp.get_data(as_text=True)


def test_bar_16_handoff_posts_to_the_registry_url_only(emrex_job, make, mailbox, client, registry):
    set_trigger(emrex_job, 0)
    make.application(emrex_job)
    client.get(f"/emrex/r/{token_from(invites(mailbox)[0])}")
    client.post("/emrex/confirm", data={"answer": "me"})
    bad = client.post("/emrex/go", data={"contact_point": 99999, "country": "FI", "birth_date": "2000-01-02",
                                         "returnUrl": "https://evil.example/"})
    assert bad.status_code == 400 and db.session.scalar(select(func.count(EmrexAttempt.id))) == 0
    bad_date = client.post("/emrex/go", data={"contact_point": registry[0].id, "birth_date": "02.01.2000"})
    assert bad_date.status_code == 400 and db.session.scalar(select(func.count(EmrexAttempt.id))) == 0
    resp = client.post("/emrex/go", data={"contact_point": registry[0].id, "country": "FI", "birth_date": "2000-01-02"})
    body = resp.get_data(as_text=True)
    attempt = db.session.scalar(select(EmrexAttempt))
    assert resp.status_code == 200
    assert 'action="https://emp.example.fi/helsinki"' in body and "evil" not in body
    assert f'name="sessionId" value="{attempt.session_id}"' in body
    assert f'name="returnUrl" value="http://127.0.0.1:5000/emrex/return?s={attempt.session_id}"' in body
    assert 'enctype="application/x-www-form-urlencoded"' in body and "<script src=" in body
    # the visible Continue button posts off-site itself: the portal's hx-boost must not take it over
    # (htmx refused the cross-origin request, so the button did nothing with JavaScript on)
    assert re.search(r'<form[^>]*id="emrex-handoff"[^>]*hx-boost="false"', body)
    assert len(attempt.session_id) == 32 and attempt.certificates == ["PEM-HY"]
    request = db.session.scalar(select(EmrexRequest))
    assert request.status == "in_progress" and str(request.stated_birth_date) == "2000-01-02"


def _start(emrex_job, make, mailbox, client, registry):
    set_trigger(emrex_job, 0)
    make.application(emrex_job)
    client.get(f"/emrex/r/{token_from(invites(mailbox)[0])}")
    client.post("/emrex/confirm", data={"answer": "me"})
    client.post("/emrex/go", data={"contact_point": registry[0].id, "birth_date": "2000-01-02"})
    return db.session.scalar(select(EmrexAttempt))


@pytest.mark.parametrize("code,outcome,status", [
    ("NCP_CANCEL", "cancelled", 200), ("emp_cancel", "cancelled", 200), ("EMP_NO_RESULTS", "no_results", 200),
    ("NCP_NO_RESULTS", "no_results", 200), ("EMP_ERROR", "error", 200), ("NCP_ERROR", "error", 200),
    ("SOMETHING_ELSE", "error", 200), ("", "error", 200), ("NCP_OK", "rejected", 400), ("EMP_OK", "rejected", 400),
])
def test_bar_22_every_return_code_closes_the_attempt_and_keeps_the_request_open(
        emrex_job, make, mailbox, app, registry, code, outcome, status):
    attempt = _start(emrex_job, make, mailbox, app.test_client(), registry)
    cross_site = app.test_client()  # the return arrives with no cookie
    resp = cross_site.post("/emrex/return", data={"sessionId": attempt.session_id, "returnCode": code,
                                                  "returnMessage": "Studieadministrationen är nere", "elmo": ""})
    assert resp.status_code == status
    db.session.expire_all()
    assert attempt.outcome == outcome and attempt.used_at is not None
    assert attempt.request.status == "opened" and attempt.request.is_open
    assert db.session.scalar(select(func.count(EmrexTranscript.id))) == 0
    replay = cross_site.post("/emrex/return", data={"sessionId": attempt.session_id, "returnCode": "NCP_CANCEL"})
    assert replay.status_code == 400


def test_bar_15_unknown_session_is_400_and_stores_nothing(client, emrex_job):
    resp = client.post("/emrex/return", data={"sessionId": "f" * 32, "returnCode": "NCP_OK", "elmo": "H4sI"})
    assert resp.status_code == 400 and "not valid" in resp.get_data(as_text=True)
    assert db.session.scalar(select(func.count(EmrexTranscript.id))) == 0


def test_bar_17_late_return_fails_the_attempt(emrex_job, make, mailbox, app, registry):
    start = utcnow()
    with freeze_time(start):
        attempt = _start(emrex_job, make, mailbox, app.test_client(), registry)
    with freeze_time(start + timedelta(minutes=16)):
        resp = app.test_client().post("/emrex/return", data={"sessionId": attempt.session_id, "returnCode": "NCP_OK",
                                                             "elmo": "H4sIAAAA"})
    assert resp.status_code == 400 and "15 minutes" in resp.get_data(as_text=True)
    db.session.expire_all()
    assert attempt.outcome == "late" and attempt.request.status == "opened"  # back to before the hand-off
    assert attempt.request.is_open and db.session.scalar(select(func.count(EmrexTranscript.id))) == 0


def test_sweeper_closes_abandoned_attempts(emrex_job, make, mailbox, app, registry):
    start = utcnow()
    with freeze_time(start):
        attempt = _start(emrex_job, make, mailbox, app.test_client(), registry)
    with freeze_time(start + timedelta(minutes=16)):
        sweeper.sweep()
    db.session.expire_all()
    assert attempt.outcome == "abandoned" and attempt.request.status == "opened"
    resp = app.test_client().post("/emrex/return", data={"sessionId": attempt.session_id, "returnCode": "NCP_OK"})
    assert resp.status_code == 400


def test_bar_23_opt_out_is_a_confirmation_then_final_and_idempotent(emrex_job, make, mailbox, client, registry):
    set_trigger(emrex_job, 0)
    application = make.application(emrex_job)
    token = token_from(invites(mailbox)[0])
    client.get(f"/emrex/r/{token}")
    client.post("/emrex/confirm", data={"answer": "me"})
    confirm = client.get("/emrex/opt-out")
    assert confirm.status_code == 200 and "Do not share your study records?" in confirm.get_data(as_text=True)
    request = db.session.scalar(select(EmrexRequest))
    assert request.status == "opened"
    done = client.post("/emrex/opt-out")
    assert done.status_code == 303
    assert "no study records will be shared" in client.get("/emrex/opt-out").get_data(as_text=True)
    again = client.post("/emrex/opt-out")
    assert again.status_code == 200 and "no study records will be shared" in again.get_data(as_text=True)
    db.session.expire_all()
    assert request.status == "cancelled" and request.next_reminder_at is None
    # the link stays: it says so, and offers a change of mind (tests/emrex/test_candidate_states.py)
    assert client.get(f"/emrex/r/{token}").status_code == 303
    assert "You chose not to share study records" in client.get("/emrex/request").get_data(as_text=True)
    assert application.emrex_summary.status == "cancelled"


def test_requests_expire_after_44_days(emrex_job, make, mailbox):
    set_trigger(emrex_job, 0)
    start = utcnow()
    with freeze_time(start):
        make.application(emrex_job)
    with freeze_time(start + timedelta(days=44, minutes=1)):
        sweeper.sweep()
    request = db.session.scalar(select(EmrexRequest))
    # the hash stays so the link can say it expired; the encrypted token (only for resends) goes
    assert request.status == "expired" and request.token_hash is not None and request.token_encrypted is None


def test_settings_reject_foreign_stages(emrex_job, make):
    other = make.job(emrex_job.company, "Other")
    with pytest.raises(services.EmrexError):
        services.save_settings(emrex_job, email_template_id=None, trigger_stage_id=other.stages[0].id,
                               reminders_enabled=True)


def test_template_settings_follow_into_jobs(emrex_job, make):
    from app.jobs import services as jobs

    template = jobs.create_template(emrex_job.company_id, "T", {}, from_job=emrex_job)
    services.save_settings(template, email_template_id=None, trigger_stage_id=template.stages[2].id,
                           reminders_enabled=False)
    job = jobs.create_job(emrex_job.company_id, make.admin_of(emrex_job.company), {"title": "From T"},
                          template_id=template.id)
    assert services.settings_of(job) == {"email_template_id": None, "trigger_stage_id": job.stages[2].id,
                                         "reminders_enabled": False}


def test_invite_emails_are_translated(emrex_job, make, mailbox, client):
    set_trigger(emrex_job, 0)
    resp = client.get(f"/c/acme/jobs/{emrex_job.id}/apply?lang=fi")
    assert resp.status_code == 200
    import io

    from tests.support.builders import PDF

    client.post(f"/c/acme/jobs/{emrex_job.id}/apply", data={
        "given_names": "Aino", "family_name": "V", "email": "aino@example.fi", "consent": "y",
        "cv": (io.BytesIO(PDF), "cv.pdf")}, content_type="multipart/form-data")
    subjects = [m["Subject"] for m in mailbox.messages]
    assert any("pyytää opintotietojasi" in s for s in subjects), subjects


def _requests_state():
    db.session.expire_all()
    return [(r.id, r.status, r.opened_at, r.token_hash, r.token_encrypted)
            for r in db.session.scalars(select(EmrexRequest).order_by(EmrexRequest.id))]


def test_bar_14_unknown_and_foreign_tokens_are_the_same_404(emrex_job, make, mailbox, app, registry):
    set_trigger(emrex_job, 0)
    live_app, done_app = make.application(emrex_job), make.application(emrex_job)
    live_token, done_token = (token_from(m) for m in invites(mailbox))
    done = db.session.scalar(select(EmrexRequest).where(EmrexRequest.application_id == done_app.id))
    browser = app.test_client()
    browser.get(f"/emrex/r/{done_token}")
    browser.post("/emrex/confirm", data={"answer": "me"})
    browser.post("/emrex/opt-out")  # terminal: opted out
    live = db.session.scalar(select(EmrexRequest).where(EmrexRequest.application_id == live_app.id))
    candidates = {"unknown": "A" * 43, "hash as token": live.token_hash,
                  "ciphertext as token": live.token_encrypted.split(":", 1)[1][:120],
                  "off by one": live_token[:-1] + ("A" if live_token[-1] != "A" else "B"),
                  # an ended request's link answers its own page; near misses of it do not
                  "ended, off by one": done_token[:-1] + ("A" if done_token[-1] != "A" else "B"),
                  "ended hash as token": done.token_hash}
    assert done.id and live.status == "sent"
    before = _requests_state()
    bodies = set()
    for name, token in candidates.items():
        resp = app.test_client().get(f"/emrex/r/{token}")
        assert resp.status_code == 404, name
        assert "Set-Cookie" not in resp.headers, name  # no portal session bound
        bodies.add(re.sub(r"/emrex/r/\S+", "", resp.get_data(as_text=True)))
    assert len(bodies) == 1  # the same page whatever the reason
    assert _requests_state() == before
    assert app.test_client().get(f"/emrex/r/{live_token}").status_code == 303  # the real one still works


def test_bar_14_token_stays_out_of_later_urls_and_the_referer_and_reminders_carry_it(emrex_job, make, mailbox, app,
                                                                                  registry):
    set_trigger(emrex_job, 0)
    start = utcnow()
    with freeze_time(start):
        make.application(emrex_job)
    token = token_from(invites(mailbox)[0])
    browser = app.test_client()
    first = browser.get(f"/emrex/r/{token}")
    assert first.status_code == 303 and token not in first.headers["Location"]
    assert first.headers["Referrer-Policy"] == "no-referrer"
    later = [browser.get("/emrex/request"), browser.post("/emrex/confirm", data={"answer": "me"}),
             browser.get("/emrex/request?country=FI"),
             browser.post("/emrex/go", data={"contact_point": registry[0].id, "birth_date": "2000-01-02"}),
             browser.get("/emrex/opt-out")]
    for resp in later:
        assert token not in resp.get_data(as_text=True) and token not in resp.headers.get("Location", "")
        # the hand-off page posts to the contact point: with no-referrer the browser sends no Referer
        assert resp.headers["Referrer-Policy"] == "no-referrer"
    handoff = later[3].get_data(as_text=True)
    assert 'action="https://emp.example.fi/helsinki"' in handoff and 'name="referrer"' not in handoff
    with freeze_time(start + timedelta(days=3, minutes=1)):
        sweeper.sweep()
    reminder = [m for m in invites(mailbox) if "Reminder" in m["Subject"]]
    assert len(reminder) == 1 and token_from(reminder[0]) == token


@functools.cache
def _gzip_bomb() -> str:
    """128 MB of zeros gzipped (about 130 kB), base64: past the 50 MB cap (the 1 GB bomb is
    the decoder's own test in test_elmo.py; this one proves the cap on the HTTP path)."""
    import base64
    import zlib

    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b"\0" * (1024 * 1024)
    raw = b"".join(compressor.compress(chunk) for _ in range(128)) + compressor.flush()
    return base64.b64encode(raw).decode()


RETURN_PAYLOADS = ["gzip bomb (128 MB)", "truncated gzip", "trailing garbage", "bad base64", "xml billion_laughs",
                   "xml quadratic", "xml file_entity", "xml http_entity", "xml external_dtd"]


def _return_payload(what: str) -> str:
    import base64
    import gzip

    from tests.support.elmo import HAZARDS
    from tests.support.signing import MINIMAL

    if what == "gzip bomb (128 MB)":
        return _gzip_bomb()
    if what.startswith("xml "):
        return base64.b64encode(gzip.compress(HAZARDS[what[4:]])).decode()
    return {"truncated gzip": base64.b64encode(gzip.compress(MINIMAL)).decode()[:-40],
            "trailing garbage": base64.b64encode(gzip.compress(MINIMAL) + b"garbage!").decode(),
            "bad base64": "not base64 at all!"}[what]


@pytest.mark.parametrize("what", RETURN_PAYLOADS)
def test_bar_18_19_bad_elmo_over_http_is_400_and_stores_nothing(emrex_job, make, mailbox, app, registry, what,
                                                                 monkeypatch):
    import socket

    attempt = _start(emrex_job, make, mailbox, app.test_client(), registry)

    def no_network(*args, **kwargs):
        raise AssertionError("a connection was attempted")

    value = _return_payload(what)
    monkeypatch.setattr(socket.socket, "connect", no_network)  # item 19: no entity or DTD is fetched
    resp = app.test_client().post("/emrex/return", data={"sessionId": attempt.session_id, "returnCode": "NCP_OK",
                                                         "elmo": value})
    monkeypatch.undo()
    assert resp.status_code == 400
    db.session.expire_all()
    assert db.session.scalar(select(func.count(EmrexTranscript.id))) == 0
    assert attempt.outcome == "rejected" and attempt.request.is_open


def test_bar_18_return_body_over_30_mb_is_413_and_stores_nothing(emrex_job, make, mailbox, app, registry):
    attempt = _start(emrex_job, make, mailbox, app.test_client(), registry)
    resp = app.test_client().post("/emrex/return", data={"sessionId": attempt.session_id, "returnCode": "NCP_OK",
                                                         "elmo": "A" * (31 * 1024 * 1024)})
    assert resp.status_code == 413
    db.session.expire_all()
    assert db.session.scalar(select(func.count(EmrexTranscript.id))) == 0 and attempt.request.is_open


def test_bar_15_flow_order_hand_off_needs_the_link_and_the_return_reads_no_cookie(emrex_job, make, mailbox, app,
                                                                                 registry):
    set_trigger(emrex_job, 0)
    make.application(emrex_job)
    stranger = app.test_client()  # never followed an invite link
    resp = stranger.post("/emrex/go", data={"contact_point": registry[0].id, "birth_date": "2000-01-02"})
    assert resp.status_code in (400, 404) and db.session.scalar(select(func.count(EmrexAttempt.id))) == 0
    browser = app.test_client()
    browser.get(f"/emrex/r/{token_from(invites(mailbox)[0])}")
    browser.post("/emrex/confirm", data={"answer": "me"})
    browser.post("/emrex/go", data={"contact_point": registry[0].id, "birth_date": "2000-01-02"})
    attempt = db.session.scalar(select(EmrexAttempt))
    # the candidate's own browser (with its portal cookie) posting a session id that is not open → 400
    assert browser.post("/emrex/return", data={"sessionId": "e" * 32, "returnCode": "NCP_CANCEL"}).status_code == 400
    # the real return arrives cross-site with no cookie at all and still closes the right attempt
    resp = app.test_client().post("/emrex/return", data={"sessionId": attempt.session_id, "returnCode": "NCP_CANCEL"})
    assert resp.status_code == 200
    db.session.expire_all()
    assert attempt.outcome == "cancelled"
