"""The full EMREX journey over real HTTP against the EMP sandbox: registry refresh, hand-off,
the contact point's signed reply, verification against the registry certificate, import,
and what recruiters see. Failure switches of the sandbox give the bad cases."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.emrex import services
from app.emrex.models import EmrexAttachment, EmrexAttempt, EmrexContactPoint, EmrexRequest, EmrexTranscript
from app.extensions import db
from tests.support.emp_client import LEARNER, complete_at_emp, handoff_fields
from tests.support.emrex import LINK, journey, point
from tests.support.mail import text_of
from tests.support.threads import at_once


@pytest.fixture
def job(make, emp_registry):
    company = make.company("acme", "Acme Oy")
    company.emrex_enabled, company.gpa_scale = True, "5.0"
    db.session.commit()
    job = make.job(company, "Trainee")
    services.save_settings(job, email_template_id=None, trigger_stage_id=job.stages[0].id, reminders_enabled=True)
    return job


def count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_registry_refresh_loads_both_formats(emp_registry):
    points = db.session.scalars(select(EmrexContactPoint)).all()
    assert len(points) >= 6 and {p.country_code for p in points} >= {"FI", "SE", "DK"}
    aalto = point("/emp/aalto")
    assert aalto.source == "ewp" and len(aalto.certificates) == 2  # key rotation from the EWP catalogue
    assert all(p.certificates for p in points)


def test_bar_15_full_journey_imports_verified_records(app, make, mailbox, job, client, auth):
    application, resp, reply = journey(app, make, mailbox, job)
    body = resp.get_data(as_text=True)
    assert resp.status_code == 200 and "your study records were received" in body
    transcript = db.session.scalar(select(EmrexTranscript))
    assert transcript.signature_verified and not transcript.cert_expired and transcript.schema_valid
    assert transcript.identity_status == "match" and transcript.gpa_scale == "5.0"
    assert transcript.gpa is not None and transcript.total_ects and transcript.total_ects > 0
    assert transcript.institution and transcript.degree
    request = db.session.scalar(select(EmrexRequest))
    assert request.status == "completed" and request.stated_birth_date is None
    assert [a.file is not None for a in transcript.attachments] == [True]
    summary = application.emrex_summary
    assert summary.status == "completed" and summary.gpa == transcript.gpa
    # a second identical POST (replay) stores nothing more
    again = app.test_client().post("/emrex/return", data=reply)
    assert again.status_code == 400 and count(EmrexTranscript) == 1
    # what the recruiter sees
    auth.login("admin@acme.test")
    card = client.get(f"/admin/applications/{application.id}").get_data(as_text=True)
    assert "signature verified" in card and "identity match" in card and f"{transcript.gpa:.2f}" in card
    assert transcript.institution in card
    pdf = client.get(f"/admin/emrex/attachments/{transcript.attachments[0].id}")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF") and "attachment" in pdf.headers["Content-Disposition"]
    client.post("/admin/applications/columns", data={"columns": ["candidate", "emrex_status", "emrex_institution",
                                                                 "emrex_degree", "emrex_credits_total", "emrex_gpa"]})
    listing = client.get("/admin/applications?sort=emrex_gpa&dir=desc&f_emrex_gpa=1").get_data(as_text=True)
    assert "Records received" in listing and f"{transcript.gpa:.2f}" in listing
    assert "No applications match" in client.get("/admin/applications?f_emrex_gpa=9").get_data(as_text=True)
    funnel = client.get(f"/admin/jobs/{job.id}/emrex").get_data(as_text=True)
    assert "<svg" in funnel and "Submitted" in funnel


def test_bar_20_tampered_transcript_is_rejected_and_the_request_stays_open(app, make, mailbox, job):
    application, resp, _ = journey(app, make, mailbox, job, mode="tamper_after_signing")
    assert resp.status_code == 400 and "could not be verified" in resp.get_data(as_text=True)
    assert count(EmrexTranscript) == 0 and count(EmrexAttachment) == 0
    attempt = db.session.scalar(select(EmrexAttempt))
    assert attempt.outcome == "rejected" and attempt.request.status == "opened"


def test_bar_20_wrong_key_is_rejected(app, make, mailbox, job):
    _, resp, _ = journey(app, make, mailbox, job, mode="wrong_key")
    assert resp.status_code == 400 and count(EmrexTranscript) == 0


def test_expired_registry_certificate_still_verifies_and_is_recorded(app, make, mailbox, job):
    _, resp, _ = journey(app, make, mailbox, job, emp_path="/emp/tampere")
    assert resp.status_code == 200
    assert db.session.scalar(select(EmrexTranscript)).cert_expired is True


def test_key_rotation_second_certificate_verifies(app, make, mailbox, job):
    _, resp, _ = journey(app, make, mailbox, job, emp_path="/emp/aalto")
    assert resp.status_code == 200 and count(EmrexTranscript) == 1


def test_bar_22_learner_mismatch_is_stored_and_flagged(app, make, mailbox, job, client, auth):
    application, resp, _ = journey(app, make, mailbox, job, mode="learner_mismatch")
    assert resp.status_code == 200
    transcript = db.session.scalar(select(EmrexTranscript))
    assert transcript.identity_status == "mismatch" and transcript.needs_review
    auth.login("admin@acme.test")
    assert "needs review" in client.get(f"/admin/applications/{application.id}").get_data(as_text=True)


def test_missing_birth_date_gives_partial_identity(app, make, mailbox, job):
    _, resp, _ = journey(app, make, mailbox, job, birth="")
    assert resp.status_code == 200
    assert db.session.scalar(select(EmrexTranscript)).identity_status == "partial"


def test_bar_22_cancel_at_the_contact_point(app, make, mailbox, job):
    _, resp, _ = journey(app, make, mailbox, job, action="cancel")
    assert resp.status_code == 200 and "You cancelled" in resp.get_data(as_text=True)
    assert db.session.scalar(select(EmrexAttempt)).outcome == "cancelled"
    assert db.session.scalar(select(EmrexRequest)).is_open


def test_bar_22_no_results_at_the_contact_point(app, make, mailbox, job):
    _, resp, _ = journey(app, make, mailbox, job, action="none")
    assert resp.status_code == 200 and "no results to send" in resp.get_data(as_text=True)


def test_big_pdf_attachment_is_imported(app, make, mailbox, job):
    _, resp, _ = journey(app, make, mailbox, job, mode="big_pdf")
    assert resp.status_code == 200
    sizes = [a.file.size for a in db.session.scalars(select(EmrexAttachment)) if a.file is not None]
    assert max(sizes) > 4 * 1024 * 1024


def test_legacy_document_is_flagged(app, make, mailbox, job):
    _, resp, _ = journey(app, make, mailbox, job, mode="legacy_namespace")
    transcript = db.session.scalar(select(EmrexTranscript))
    assert resp.status_code == 200 and transcript.legacy and not transcript.schema_valid
    # the birth date written as dtf="dd-MM-yyyy" is read, so the identity check is a match
    assert transcript.identity_status == "match" and transcript.learner["bday"] == LEARNER["bday"]
    # legacy credits (on the specification) and results (`result scheme=…`) are read
    assert transcript.total_ects and transcript.gpa is not None


def test_danish_national_contact_point_two_reports(app, make, mailbox, job):
    _, resp, _ = journey(app, make, mailbox, job, emp_path="/emp/stads")
    transcript = db.session.scalar(select(EmrexTranscript))
    assert resp.status_code == 200 and len(transcript.reports) == 2


def test_bar_20_real_danish_sample_verifies_through_the_registry_path(app, make, tmp_path):
    """The real signed sample, its certificate published in a registry file the normal
    refresh reads; the tampered twin through the same path is refused."""
    import json

    from tests.support.elmo import FIXTURES, embedded_cert

    registry = tmp_path / "emreg.json"
    registry.write_text(json.dumps({
        "countries": [{"countryCode": "DK", "countryName": "Denmark", "singleFetch": False}],
        "emps": [{"acronym": "STADS", "countryCode": "DK", "institutions": ["All"], "url": "https://stads.example.dk/emp",
                  "pubKey": embedded_cert("dk-stads-signed-VALID.xml").replace("\n", "\\n")}]}).replace("\\\\n", "\\n"))
    app.config["EMREX_REGISTRY_URLS"] = str(registry)
    assert services.refresh_registry().ok
    company = make.company("acme")
    company.emrex_enabled = True
    db.session.commit()
    job = make.job(company, "Trainee")
    outcomes = []
    for sample in ("dk-stads-signed-VALID", "dk-stads-signed-INVALID"):
        application = make.application(job, email=f"{sample}@example.dk", given="Jens", family="Hansen")
        request = services.request_records(application, cause="manual")
        db.session.commit()
        attempt = services.start_attempt(request, point("stads.example.dk/emp").id, None)
        import base64
        import gzip

        value = base64.b64encode(gzip.compress((FIXTURES / f"{sample}.xml").read_bytes())).decode()
        resp = app.test_client().post("/emrex/return", data={"sessionId": attempt.session_id, "returnCode": "NCP_OK",
                                                             "elmo": value})
        outcomes.append(resp.status_code)
    assert outcomes == [200, 400]
    (transcript,) = db.session.scalars(select(EmrexTranscript)).all()
    assert transcript.signature_verified and transcript.identity_status == "partial"  # no birth date stated
    assert transcript.gpa is not None and transcript.learner["family_name"] == "Hansen"


def test_bar_31_completed_on_day_5_gets_no_day_7_or_14_reminder(app, make, mailbox, job):
    from datetime import timedelta

    from freezegun import freeze_time

    from app import sweeper
    from app.clock import utcnow

    start = utcnow()
    with freeze_time(start):
        make.application(job, email="aino@example.fi", given="Aino", family="Virtanen")
    token = next(m.group(1) for m in (LINK.search(text_of(msg)) for msg in reversed(mailbox.messages)) if m)

    def reminders():
        return [m for m in mailbox.messages if "Reminder" in m["Subject"]]

    with freeze_time(start + timedelta(days=3, minutes=1)):
        sweeper.sweep()
    assert len(reminders()) == 1  # day 3
    with freeze_time(start + timedelta(days=5)):  # the candidate finishes the journey on day 5
        browser = app.test_client()
        assert browser.get(f"/emrex/r/{token}").status_code == 303
        browser.post("/emrex/confirm", data={"answer": "me"})
        handoff = browser.post("/emrex/go", data={"contact_point": point("/emp/helsinki").id,
                                                  "birth_date": LEARNER["bday"]})
        emp_url, fields = handoff_fields(handoff.get_data(as_text=True))
        _, reply = complete_at_emp(emp_url, fields)
        assert app.test_client().post("/emrex/return", data=reply).status_code == 200
    request = db.session.scalar(select(EmrexRequest))
    assert request.status == "completed" and request.next_reminder_at is None
    for day in (7, 14, 30):
        with freeze_time(start + timedelta(days=day, minutes=1)):
            sweeper.sweep()
    assert len(reminders()) == 1 and db.session.scalar(select(EmrexRequest)).reminders_sent == 1


def test_the_import_writes_every_row_and_the_team_is_notified_in_one_insert(app, make, mailbox, emp_registry):
    """The import's rows are Core statements (one on PostgreSQL): each of them is there, the
    team (owner and a member, each in their own language, an email for the member who asked)
    is notified, and the objects the result page read were not written twice."""
    from app.applications.files import read
    from app.applications.models import TimelineEvent
    from app.emrex.models import EmrexRequestEvent
    from app.messaging.models import Notification, OutboxEmail
    from tests.support.statements import statements

    answers = []
    company = make.company("acme", "Acme Oy")
    company.emrex_enabled, company.gpa_scale = True, "5.0"
    member = make.user(company, email="ville@acme.test")
    member.locale, member.email_notification_kinds = "fi", ["emrex_submitted"]
    db.session.commit()
    job = make.job(company, "Trainee", team=[member])
    services.save_settings(job, email_template_id=None, trigger_stage_id=job.stages[0].id, reminders_enabled=True)
    application, path, reply = journey(app, make, mailbox, job, post=False)
    seen = statements(lambda: answers.append(app.test_client().post(path, data=reply)))
    assert answers[0].status_code == 200
    assert not [s for s in seen if s.startswith("SELECT users")]  # the team came with the attempt's load
    if db.engine.dialect.name == "postgresql":  # the notifications are a CTE of the one write
        assert not [s for s in seen if s.startswith("INSERT INTO notifications")]
    db.session.expire_all()
    transcript = db.session.scalar(select(EmrexTranscript))
    assert read(transcript.raw_file).startswith(b"<?xml") and transcript.raw_file.content_type == "application/xml"
    attempt = db.session.scalar(select(EmrexAttempt).where(EmrexAttempt.id == transcript.attempt_id))
    assert attempt.outcome == "imported" and attempt.return_code == "NCP_OK" and attempt.used_at is not None
    request = db.session.get(EmrexRequest, transcript.request_id)
    assert request.status == "completed" and request.finished_at and request.next_reminder_at is None
    events = [(e.kind, e.detail) for e in db.session.scalars(select(EmrexRequestEvent).where(
        EmrexRequestEvent.request_id == request.id, EmrexRequestEvent.kind == "submitted"))]
    assert events == [("submitted", transcript.institution)]
    timeline = db.session.scalar(select(TimelineEvent).where(TimelineEvent.application_id == application.id,
                                                             TimelineEvent.kind == "emrex_imported"))
    assert timeline.data["institution"] == transcript.institution and timeline.data["identity"] == "match"
    assert application.last_activity_at is not None and application.emrex_summary.status == "completed"
    notes = db.session.scalars(select(Notification).where(Notification.kind == "emrex_submitted")
                               .order_by(Notification.user_id)).all()
    assert {n.user_id for n in notes} == {make.admin_of(company).id, member.id}
    assert all(n.link == f"/admin/applications/{application.id}" for n in notes)
    assert [n.title for n in notes if n.user_id != member.id] == ["Aino Virtanen transferred study records"]
    assert [n.title for n in notes if n.user_id == member.id] != [n.title for n in notes if n.user_id != member.id]
    assert all(n.body == "" and n.read_at is None and n.created_at == transcript.created_at for n in notes)
    emails = db.session.scalars(select(OutboxEmail).where(OutboxEmail.kind == "notify:emrex_submitted")).all()
    assert [e.to_addr for e in emails] == ["ville@acme.test"]


def test_the_import_flushes_nothing_and_its_statements_stay_in_psycopgs_cache(app, make, mailbox, job):
    """The import writes every row with its own statements: the session has nothing left to
    flush (the return's code goes into the attempt's UPDATE), and no statement carries more
    than the 50 parameters psycopg caches the conversion of (the ids and the time the rows
    share are one parameter each)."""
    from sqlalchemy import event

    application, path, reply = journey(app, make, mailbox, job, post=False)
    flushes, parameters = [], []

    def before_flush(session, *_args):
        flushes.append([*session.new, *session.dirty])

    def before_execute(_conn, _cursor, _statement, params, _context, executemany):
        parameters.extend(params if executemany else [params])

    event.listen(db.session(), "before_flush", before_flush)
    event.listen(db.engine, "before_cursor_execute", before_execute)
    try:
        resp = app.test_client().post(path, data=reply)
    finally:
        event.remove(db.engine, "before_cursor_execute", before_execute)
        event.remove(db.session(), "before_flush", before_flush)
    assert resp.status_code == 200 and count(EmrexTranscript) == 1
    assert flushes == [] and parameters and max(len(p) for p in parameters) <= 50
    attempt = db.session.scalar(select(EmrexAttempt))
    db.session.refresh(attempt)
    assert (attempt.outcome, attempt.return_code) == ("imported", "NCP_OK")


def test_the_return_claims_and_loads_its_attempt_in_one_statement_on_postgresql(app, make, mailbox, job):
    """On PostgreSQL the claiming UPDATE is a CTE of the load, not a statement of its own;
    elsewhere the UPDATE comes first. The attempt is used
    either way, and a replay claims nothing."""
    from tests.support.statements import statements

    application, path, reply = journey(app, make, mailbox, job, post=False)
    seen = statements(lambda: app.test_client().post(path, data=reply))
    attempt = db.session.scalar(select(EmrexAttempt))
    db.session.refresh(attempt)
    assert attempt.used_at is not None and attempt.outcome == "imported" and count(EmrexTranscript) == 1
    if db.engine.dialect.name == "postgresql":
        assert seen[0].startswith("WITH claimed AS (UPDATE emrex_attempts SET used_at=")
        assert not [s for s in seen if s.startswith("UPDATE emrex_attempts")]
    else:
        assert seen[0].startswith("UPDATE emrex_attempts SET used_at=") and seen[1].startswith("SELECT")
    assert app.test_client().post(path, data=reply).status_code == 400 and count(EmrexTranscript) == 1


def test_a_return_posted_twice_at_once_is_imported_once(app, make, mailbox, job):
    """The claim and the import are one transaction: of the same return posted twice at once
    (two threads, two connections, released together), one imports and the other finds the
    attempt used and is told the transfer is not valid; one transcript, one timeline line."""
    from app.applications.models import TimelineEvent

    application, path, reply = journey(app, make, mailbox, job, post=False)
    db.session.remove()
    statuses = at_once(app, lambda: app.test_client().post(path, data=reply).status_code)
    assert sorted(statuses) == [200, 400], statuses
    assert count(EmrexTranscript) == 1
    assert db.session.scalar(select(EmrexAttempt)).outcome == "imported"
    assert db.session.scalar(select(func.count()).select_from(TimelineEvent).where(
        TimelineEvent.application_id == application.id, TimelineEvent.kind == "emrex_imported")) == 1


def test_a_return_that_fails_midway_leaves_nothing_and_the_sweeper_closes_the_attempt(app, make, mailbox, job,
                                                                                       monkeypatch):
    """A return that fails after its claim (here the write; a crash or a lost connection alike)
    rolls the claim back with everything else: no transcript, the attempt still open, and the
    sweeper closes it as abandoned after the hand-off window, the request back to sent, as for
    an attempt that never came back."""
    from datetime import timedelta

    from freezegun import freeze_time

    from app import sweeper
    from app.clock import utcnow
    from app.emrex.services import returns

    application, path, reply = journey(app, make, mailbox, job, post=False)

    def fail(*_args, **_kwargs):
        raise RuntimeError("the connection was lost")

    monkeypatch.setattr(returns, "_write_import", fail)
    assert app.test_client().post(path, data=reply).status_code == 500
    db.session.remove()
    attempt = db.session.scalar(select(EmrexAttempt))
    assert (attempt.used_at, attempt.outcome, count(EmrexTranscript)) == (None, "open", 0)
    with freeze_time(utcnow() + timedelta(minutes=16)):
        sweeper.sweep()
    db.session.expire_all()
    attempt = db.session.scalar(select(EmrexAttempt))
    assert attempt.outcome == "abandoned" and attempt.used_at is not None
    assert db.session.scalar(select(EmrexRequest)).status in ("sent", "opened")


def test_two_returns_of_one_invitation_at_once_answer_once_each_and_import_one(app, make, mailbox, job):
    """Two hand-offs of the same invitation (two tabs), each completed at the contact point
    and posted back at the same moment by two web workers: as when they come one after the
    other, one is imported and the other is refused as a transfer no longer valid (400, the
    candidate's page), never an error page; one transcript and one EMREX summary."""
    from app.emrex.models import EmrexSummary

    application, path, reply = journey(app, make, mailbox, job, post=False)
    token = next(m.group(1) for m in (LINK.search(text_of(msg)) for msg in reversed(mailbox.messages)) if m)
    browser = app.test_client()  # the second tab
    assert browser.get(f"/emrex/r/{token}").status_code == 303
    assert browser.post("/emrex/confirm", data={"answer": "me"}).status_code == 303
    handoff = browser.post("/emrex/go", data={"contact_point": point("/emp/helsinki").id,
                                              "birth_date": LEARNER["bday"]})
    assert handoff.status_code == 200
    emp_url, fields = handoff_fields(handoff.get_data(as_text=True))
    second_url, second_reply = complete_at_emp(emp_url, fields)
    returns = [(path, reply), (second_url.removeprefix("http://127.0.0.1:5000"), second_reply)]
    assert returns[0][0] != returns[1][0]
    db.session.remove()
    taken = iter(returns)

    def post():
        where, form = next(taken)
        return app.test_client().post(where, data=form).status_code

    statuses = at_once(app, post)
    assert sorted(statuses) == [200, 400], statuses
    assert count(EmrexTranscript) == 1
    assert sorted(a.outcome for a in db.session.scalars(select(EmrexAttempt))) == ["imported", "rejected"]
    assert db.session.scalar(select(func.count()).select_from(EmrexSummary).where(
        EmrexSummary.application_id == application.id)) == 1
    assert db.session.get(EmrexSummary, application.id).status == "completed"


def test_the_load_with_a_team_of_several_and_the_contact_points_values(app, make, mailbox, emp_registry):
    """The attempt's load comes back as a row per team member, with the contact point's name
    and institutions (a JSON list) as values: the return imports once, the issuer check reads
    the picked institution without asking for the contact point, and every member is notified."""
    from app.messaging.models import Notification
    from tests.support.statements import statements

    answers = []
    company = make.company("acme", "Acme Oy")
    company.emrex_enabled = True
    members = [make.user(company, email=f"member{i}@acme.test") for i in range(3)]
    db.session.commit()
    job = make.job(company, "Trainee", team=members)
    services.save_settings(job, email_template_id=None, trigger_stage_id=job.stages[0].id, reminders_enabled=True)
    application, path, reply = journey(app, make, mailbox, job, post=False)
    seen = statements(lambda: answers.append(app.test_client().post(path, data=reply)))
    assert answers[0].status_code == 200
    assert not [s for s in seen if "FROM emrex_contact_points WHERE" in s]  # came with the load
    db.session.expire_all()
    transcripts = db.session.scalars(select(EmrexTranscript)).all()
    assert len(transcripts) == 1 and transcripts[0].checks["issuer"]["agrees"] is True
    assert transcripts[0].checks["issuer"]["picked"]
    notes = db.session.scalars(select(Notification).where(Notification.kind == "emrex_submitted")).all()
    assert sorted(n.user_id for n in notes) == sorted([make.admin_of(company).id, *(m.id for m in members)])
