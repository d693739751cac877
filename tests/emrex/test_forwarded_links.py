"""Forwarded EMREX invite links (SECURITY_BAR 47): the picker names whom the request is for,
masked, and asks the person to confirm; a transcript whose identity check says mismatch is
held for a recruiter (kept out of the export, the list columns and the GPA) until accepted,
and a discarded one never counts. Over real HTTP against the EMP sandbox."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest
from sqlalchemy import func, select

from app import audit
from app.applications import files
from app.applications.models import StoredFile, TimelineEvent
from app.emrex import services
from app.emrex.models import (
    EmrexAttachment,
    EmrexAttempt,
    EmrexRequest,
    EmrexRequestEvent,
    EmrexSummary,
    EmrexTranscript,
)
from app.extensions import db
from app.privacy.services import collect_export
from tests.support.emp_client import complete_at_emp, handoff_fields
from tests.support.emrex import LINK, point
from tests.support.mail import text_of
from tests.support.rows import files_on_disk

MATTI = {"givenNames": "Matti", "familyName": "Meikäläinen", "bday": "1997-02-03"}  # not the applicant
COLUMNS = ["candidate", "emrex_status", "emrex_institution", "emrex_degree", "emrex_credits_total", "emrex_gpa"]


@pytest.fixture
def job(make, emp_registry):
    company = make.company("acme", "Acme Oy")
    company.emrex_enabled, company.gpa_scale = True, "5.0"
    db.session.commit()
    job = make.job(company, "Data analyst")
    services.save_settings(job, email_template_id=None, trigger_stage_id=job.stages[0].id, reminders_enabled=True)
    return job


def _link(mailbox) -> str:
    return next(m.group(1) for m in (LINK.search(text_of(msg)) for msg in reversed(mailbox.messages)) if m)


def _forwarded_journey(app, make, mailbox, job, *, learner=MATTI, birth="1999-04-12", email="aino@example.fi"):
    """Aino applies; her invite link is opened in someone else's browser, who says it is
    them, picks a university and logs in there as ``learner``; the records come back."""
    application = make.application(job, email=email, given="Aino", family="Virtanen")
    browser = app.test_client()
    assert browser.get(f"/emrex/r/{_link(mailbox)}").status_code == 303
    browser.post("/emrex/confirm", data={"answer": "me"})  # (no such step before the fix)
    handoff = browser.post("/emrex/go", data={"contact_point": point("/emp/helsinki").id, "birth_date": birth})
    assert handoff.status_code == 200
    emp_url, fields = handoff_fields(handoff.get_data(as_text=True))
    _, reply = complete_at_emp(emp_url, fields, learner=learner)
    resp = app.test_client().post("/emrex/return", data=reply)
    assert resp.status_code == 200
    return application


def _export_by_link(client, mailbox, email: str) -> tuple[dict, list[str]]:
    """The candidate's own "Your data" path: the form, the emailed link, the download."""
    client.post("/your-data", data={"email": email})
    msg = next(m for m in reversed(mailbox.messages) if "/your-data/d/" in text_of(m))
    link = re.search(r"http://127\.0\.0\.1:5000(/your-data/d/[A-Za-z0-9_\-]+)", text_of(msg)).group(1)
    resp = client.post(link)
    assert resp.status_code == 200 and resp.mimetype == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(resp.data))
    return json.loads(archive.read("data.json")), archive.namelist()


def _export(email: str) -> dict:
    data, attachments = collect_export(email)
    data.pop("_companies")
    return {"json": json.dumps(data, default=str, ensure_ascii=False), "files": [name for name, _ in attachments],
            "records": [r for a in data["applications"] for r in a["study_records"]]}


def _listing(client, **query) -> str:
    client.post("/admin/applications/columns", data={"columns": COLUMNS})
    return client.get("/admin/applications", query_string=query).get_data(as_text=True)


# ---------------------------------------------------------------- the finding


def test_finding_forwarded_emrex_link_imports_other_person(app, make, mailbox, job, client, auth):
    """Old code: Matti's transcript became Aino's — in her export, in the list's GPA and
    institution columns. Now it is held: stored for review, counted nowhere."""
    application = _forwarded_journey(app, make, mailbox, job)
    transcript = db.session.scalar(select(EmrexTranscript))
    assert transcript.identity_status == "mismatch" and transcript.learner["given_names"] == "Matti"
    assert transcript.gpa is not None and transcript.institution  # stored, for the recruiter to review

    summary = db.session.get(EmrexSummary, application.id)
    assert summary.gpa is None and summary.institution is None and summary.credits_total is None
    assert summary.needs_review and summary.status == "held"

    data, names = _export_by_link(app.test_client(), mailbox, "aino@example.fi")
    dumped = json.dumps(data, ensure_ascii=False)
    assert "Matti" not in dumped and "Meikäläinen" not in dumped and "1997-02-03" not in dumped
    assert transcript.institution not in dumped and data["applications"][0]["study_records"] == []
    assert not [n for n in names if "elmo" in n or n.endswith(".xml")]

    auth.login("admin@acme.test")
    listing = _listing(client)
    assert "Held for review" in listing and transcript.institution not in listing
    assert f"{transcript.gpa:.2f}" not in listing
    assert "No applications match" in _listing(client, f_emrex_gpa="0")  # no GPA to filter on
    assert transcript.review_status == "held" and not transcript.counts


# ---------------------------------------------------------------- the picker


def test_bar_47_picker_names_the_masked_applicant_and_requires_confirmation(app, make, mailbox, job):
    make.application(job, email="aino@example.fi", given="Aino", family="Virtanen")
    browser = app.test_client()
    browser.get(f"/emrex/r/{_link(mailbox)}")
    request = db.session.scalar(select(EmrexRequest))
    page = browser.get("/emrex/request?country=FI")
    body = page.get_data(as_text=True)
    assert page.status_code == 200 and "Is this you?" in body
    assert "A••• V•••" in body and "applied for Data analyst" in body
    assert "Aino" not in body and "Virtanen" not in body
    assert 'name="contact_point"' not in body and "University of Helsinki" not in body  # nothing to pick yet
    assert 'value="me"' in body and 'value="not_me"' in body
    assert "I do not want to share" not in body  # only the applicant may decline

    # without the answer: no hand-off, no opt-out, a clear message
    refused = browser.post("/emrex/go", data={"contact_point": point("/emp/helsinki").id, "birth_date": ""})
    assert refused.status_code == 400 and "Please confirm first that this request is for you." in refused.get_data(
        as_text=True)
    assert browser.post("/emrex/opt-out").status_code == 303
    blank = browser.post("/emrex/confirm", data={"answer": "maybe"})
    assert blank.status_code == 400 and "Please tell us whether this request is for you." in blank.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.scalar(select(func.count(EmrexAttempt.id))) == 0
    assert request.status == "opened" and request.token_hash is not None
    assert db.session.scalar(select(func.count(EmrexRequestEvent.id)).where(EmrexRequestEvent.kind == "confirmed")) == 0

    yes = browser.post("/emrex/confirm", data={"answer": "me"})
    assert yes.status_code == 303 and yes.headers["Location"] == "/emrex/request"
    browser.post("/emrex/confirm", data={"answer": "me"})  # twice: one history entry
    assert db.session.scalar(select(func.count(EmrexRequestEvent.id)).where(EmrexRequestEvent.kind == "confirmed")) == 1
    body = browser.get("/emrex/request?country=FI").get_data(as_text=True)
    assert "University of Helsinki" in body and "For A••• V•••, applied for Data analyst" in body
    assert "I do not want to share my study records" in body
    assert browser.post("/emrex/go", data={"contact_point": point("/emp/helsinki").id,
                                           "birth_date": ""}).status_code == 200


def test_bar_47_the_answer_belongs_to_the_browser_that_gave_it(app, make, mailbox, job):
    """Reopening the email link in the same browser keeps the answer; another browser with
    the same (forwarded) link is asked again."""
    make.application(job, email="aino@example.fi", given="Aino", family="Virtanen")
    token = _link(mailbox)
    own = app.test_client()
    own.get(f"/emrex/r/{token}")
    own.post("/emrex/confirm", data={"answer": "me"})
    own.get(f"/emrex/r/{token}")
    assert "University of Helsinki" in own.get("/emrex/request?country=FI").get_data(as_text=True)
    other = app.test_client()
    other.get(f"/emrex/r/{token}")
    body = other.get("/emrex/request?country=FI").get_data(as_text=True)
    assert "Is this you?" in body and "University of Helsinki" not in body
    assert other.post("/emrex/go", data={"contact_point": point("/emp/helsinki").id}).status_code == 400
    assert db.session.scalar(select(func.count(EmrexAttempt.id))) == 0


def test_bar_47_picker_is_translated_and_shows_vietnamese_names_family_first(app, make, mailbox, job):
    application = make.application(job, email="lan@example.vn", given="Thị Lan", family="Nguyễn")
    application.candidate.locale = "vi"
    db.session.commit()
    browser = app.test_client()
    browser.get(f"/emrex/r/{_link(mailbox)}")
    body = browser.get("/emrex/request?lang=vi").get_data(as_text=True)
    assert "N••• T••• L•••" in body and "Thị Lan" not in body and "Nguyễn" not in body
    assert "Is this you?" not in body and "Yes, this is me" not in body


def test_bar_47_someone_who_says_not_me_gets_a_clear_page_and_nothing_changes(app, make, mailbox, job):
    from tests.support.rows import table_counts

    make.application(job, email="aino@example.fi", given="Aino", family="Virtanen")
    token = _link(mailbox)
    browser = app.test_client()
    browser.get(f"/emrex/r/{token}")
    before, rows = table_counts(), _rows()
    resp = browser.post("/emrex/confirm", data={"answer": "not_me"})
    assert resp.status_code == 303 and resp.headers["Location"] == "/emrex/not-me"
    page = browser.get("/emrex/not-me").get_data(as_text=True)
    assert "This link is personal" in page and "Nothing was shared and nothing was changed." in page
    assert "Acme Oy" in page and "Aino" not in page
    assert browser.get("/emrex/request").status_code == 404  # this browser let go of the link
    assert browser.post("/emrex/go", data={"contact_point": point("/emp/helsinki").id}).status_code == 404
    assert browser.post("/emrex/opt-out").status_code == 404
    db.session.expire_all()
    assert table_counts() == before and _rows() == rows
    assert app.test_client().get(f"/emrex/r/{token}").status_code == 303  # the applicant's link still works


# ---------------------------------------------------------------- held → accept / discard


def test_bar_47_mismatch_is_held_and_shown_with_the_reason(app, make, mailbox, job, client, auth):
    application = _forwarded_journey(app, make, mailbox, job)
    transcript = db.session.scalar(select(EmrexTranscript))
    assert transcript.identity_detail == {"names": "differ", "birth_date": "differ"}
    kinds = [e.kind for e in db.session.scalars(select(TimelineEvent).where(
        TimelineEvent.application_id == application.id))]
    assert "emrex_held" in kinds and "emrex_imported" not in kinds
    held = db.session.scalar(select(TimelineEvent).where(TimelineEvent.kind == "emrex_held"))
    assert "Matti" not in json.dumps(held.data) and transcript.institution not in json.dumps(held.data)
    auth.login("admin@acme.test")
    card = client.get(f"/admin/applications/{application.id}").get_data(as_text=True)
    assert "Held for review" in card and "not counted while held" in card
    assert "Names differ: the records are for Matti Meikäläinen, the application is from Aino Virtanen." in card
    assert "Birth date differs: the records say 1997-02-03" in card
    assert f"/admin/emrex/transcripts/{transcript.id}/accept" in card
    assert f"/admin/emrex/transcripts/{transcript.id}/discard" in card


def test_bar_47_partial_identity_is_not_held(app, make, mailbox, job):
    """Names agree, no birth date given: counts at once (the card says birth date not compared)."""
    application = _forwarded_journey(app, make, mailbox, job, learner=None, birth="")
    transcript = db.session.scalar(select(EmrexTranscript))
    assert transcript.identity_status == "partial" and transcript.review_status == "clear"
    assert application.emrex_summary.gpa == transcript.gpa and application.emrex_summary.status == "completed"
    assert len(_export("aino@example.fi")["records"]) == 1


def test_bar_47_accept_makes_it_count(app, make, mailbox, job, client, auth):
    application = _forwarded_journey(app, make, mailbox, job)
    transcript = db.session.scalar(select(EmrexTranscript))
    assert _export("aino@example.fi")["records"] == []
    auth.login("admin@acme.test")
    resp = client.post(f"/admin/emrex/transcripts/{transcript.id}/accept", headers={"HX-Request": "true"})
    assert resp.status_code == 200 and "<html" not in resp.get_data(as_text=True)
    assert f'id="application-{application.id}"' in resp.get_data(as_text=True)
    assert json.loads(resp.headers["HX-Trigger"])["toast"]["level"] == "success"
    db.session.expire_all()
    assert transcript.review_status == "accepted" and transcript.reviewed_by.email == "admin@acme.test"
    summary = db.session.get(EmrexSummary, application.id)
    assert summary.status == "completed" and summary.gpa == transcript.gpa and not summary.needs_review
    exported = _export("aino@example.fi")
    assert len(exported["records"]) == 1 and "Matti" in exported["json"]
    listing = _listing(client, sort="emrex_gpa", dir="desc", f_emrex_gpa="1")
    assert f"{transcript.gpa:.2f}" in listing and transcript.institution in listing
    card = client.get(f"/admin/applications/{application.id}").get_data(as_text=True)
    assert "accepted after review" in card and "EMREX records accepted after review" in card
    entry = db.session.scalar(select(audit.AuditEntry).where(audit.AuditEntry.object == f"emrex_transcript:{transcript.id}"))
    assert entry.action == "emrex.transcript_accepted" and entry.actor == f"user:{transcript.reviewed_by_id}"
    assert entry.company_id == application.company_id and entry.after == {"review": "accepted"}
    # a second decision (another tab, a double click) is refused and changes nothing
    again = client.post(f"/admin/emrex/transcripts/{transcript.id}/discard")
    assert again.status_code == 302
    assert "no longer held" in client.get(again.headers["Location"]).get_data(as_text=True)
    db.session.expire_all()
    assert transcript.review_status == "accepted" and transcript.reports
    assert db.session.scalar(select(func.count(audit.AuditEntry.id)).where(
        audit.AuditEntry.object == f"emrex_transcript:{transcript.id}")) == 1


def test_bar_47_discard_deletes_the_content_and_keeps_it_out(app, make, mailbox, job, client, auth):
    application = _forwarded_journey(app, make, mailbox, job)
    transcript = db.session.scalar(select(EmrexTranscript))
    file_ids = [transcript.raw_file_id] + [a.file_id for a in transcript.attachments]
    assert all(file_ids) and len(file_ids) == 2
    paths = [files.path_of(db.session.get(StoredFile, f)) for f in file_ids]
    assert all(p.exists() for p in paths)
    on_disk = files_on_disk()
    auth.login("admin@acme.test")
    resp = client.post(f"/admin/emrex/transcripts/{transcript.id}/discard")
    assert resp.status_code == 302
    db.session.expire_all()
    assert transcript.review_status == "discarded"
    assert transcript.learner is None and transcript.reports is None and transcript.gpa is None
    assert transcript.institution is None and transcript.raw_file_id is None and transcript.total_ects is None
    assert db.session.scalar(select(func.count(EmrexAttachment.id))) == 0
    assert db.session.scalar(select(func.count(StoredFile.id)).where(StoredFile.id.in_(file_ids))) == 0
    assert not any(p.exists() for p in paths) and files_on_disk() == on_disk - 2
    summary = db.session.get(EmrexSummary, application.id)
    assert summary.status == "discarded" and summary.gpa is None and not summary.needs_review
    exported = _export("aino@example.fi")
    assert exported["records"] == [] and "Matti" not in exported["json"]
    listing = _listing(client)
    assert "Records discarded" in listing and "No applications match" in _listing(client, f_emrex_gpa="0")
    card = client.get(f"/admin/applications/{application.id}").get_data(as_text=True)
    assert "Records discarded" in card and "Matti" not in card and "Held for review" not in card
    assert client.get(f"/admin/emrex/transcripts/{transcript.id}/raw").status_code == 404
    entry = db.session.scalar(select(audit.AuditEntry).where(audit.AuditEntry.object == f"emrex_transcript:{transcript.id}"))
    assert entry.action == "emrex.transcript_discarded" and "Matti" not in json.dumps([entry.before, entry.after])
    # accepting it afterwards is refused: a discarded transcript never comes back
    client.post(f"/admin/emrex/transcripts/{transcript.id}/accept")
    db.session.expire_all()
    assert transcript.review_status == "discarded" and db.session.get(EmrexSummary, application.id).gpa is None
    # the recruiter can ask the real candidate again
    assert services.open_request(application.id) is None
    services.request_manually(application, transcript.reviewed_by)
    assert services.open_request(application.id) is not None


def _second_request(app, mailbox, application, learner, birth="1999-04-12", emp="/emp/aalto"):
    """The recruiter asks the same application again and ``learner`` answers the new link."""
    services.request_manually(application, _admin(application))
    browser = app.test_client()
    browser.get(f"/emrex/r/{_link(mailbox)}")
    browser.post("/emrex/confirm", data={"answer": "me"})
    handoff = browser.post("/emrex/go", data={"contact_point": point(emp).id, "birth_date": birth})
    emp_url, fields = handoff_fields(handoff.get_data(as_text=True))
    _, reply = complete_at_emp(emp_url, fields, learner=learner)
    assert app.test_client().post("/emrex/return", data=reply).status_code == 200


def _admin(application):
    from app.accounts.models import User

    return db.session.scalar(select(User).where(User.company_id == application.company_id, User.role == "admin"))


def test_bar_47_a_held_transcript_never_overwrites_the_candidates_own(app, make, mailbox, job):
    """Aino's own records first; later her second link is forwarded: the list keeps showing
    her records while the other one is held, and after the discard."""
    application = _forwarded_journey(app, make, mailbox, job, learner=None)
    own = db.session.scalar(select(EmrexTranscript))
    assert own.review_status == "clear"
    _second_request(app, mailbox, application, MATTI)
    held = db.session.scalar(select(EmrexTranscript).where(EmrexTranscript.id != own.id))
    assert held.review_status == "held" and held.institution != own.institution
    summary = db.session.get(EmrexSummary, application.id)
    assert summary.status == "held" and summary.needs_review and summary.gpa == own.gpa
    assert summary.institution == own.institution
    services.discard_transcript(held.id, held.company_id, _admin(application))
    db.session.expire_all()
    summary = db.session.get(EmrexSummary, application.id)
    assert summary.status == "completed" and not summary.needs_review and summary.gpa == own.gpa
    assert len(_export("aino@example.fi")["records"]) == 1


def test_bar_47_other_company_gets_404_and_nothing_changes(app, make, mailbox, job, client, auth):
    _forwarded_journey(app, make, mailbox, job)
    transcript = db.session.scalar(select(EmrexTranscript))
    other = make.company("other", "Other Oy")
    auth.login(f"admin@{other.slug}.test")
    rows = _rows()
    for action in ("accept", "discard"):
        for headers in ({}, {"HX-Request": "true"}):
            resp = client.post(f"/admin/emrex/transcripts/{transcript.id}/{action}", headers=headers)
            assert resp.status_code == 404 and "Matti" not in resp.get_data(as_text=True)
    assert client.get(f"/admin/emrex/transcripts/{transcript.id}/raw").status_code == 404
    db.session.expire_all()
    assert _rows() == rows and transcript.review_status == "held"


def test_bar_47_get_never_mutates(app, make, mailbox, job, client, auth):
    application = _forwarded_journey(app, make, mailbox, job)
    transcript = db.session.scalar(select(EmrexTranscript))
    make.application(job, email="eino@example.fi", given="Eino", family="Leino")
    browser = app.test_client()
    browser.get(f"/emrex/r/{_link(mailbox)}")  # opening the link records "opened": before the snapshot
    auth.login("admin@acme.test")
    rows = _rows()
    gets = [browser.get("/emrex/request"), browser.get("/emrex/request?country=FI"), browser.get("/emrex/not-me"),
            browser.get("/emrex/confirm"), browser.get("/emrex/opt-out"),
            client.get(f"/admin/applications/{application.id}"),
            client.get(f"/admin/applications/{application.id}", headers={"HX-Request": "true"}),
            client.get(f"/admin/emrex/transcripts/{transcript.id}/accept"),
            client.get(f"/admin/emrex/transcripts/{transcript.id}/discard"),
            client.get(f"/admin/emrex/transcripts/{transcript.id}/raw")]
    assert [r.status_code for r in gets] == [200, 200, 200, 405, 303, 200, 200, 405, 405, 200]
    db.session.expire_all()
    assert _rows() == rows


def test_bar_47_two_recruiters_deciding_at_the_same_moment_one_wins(app, make, mailbox, job):
    """Accept and discard in two threads (two sessions, two connections) released together:
    exactly one decides, the other is told, and the transcript is consistent with the winner."""
    import threading

    _forwarded_journey(app, make, mailbox, job)
    transcript = db.session.scalar(select(EmrexTranscript))
    tid, cid = transcript.id, transcript.company_id
    admin_id = make.admin_of(job.company).id
    db.session.remove()
    barrier, outcomes = threading.Barrier(2), {}

    def decide(name, fn):
        from app.accounts.models import User

        with app.app_context():
            actor = db.session.get(User, admin_id)
            barrier.wait(timeout=30)
            try:
                fn(tid, cid, actor)
                outcomes[name] = "decided"
            except services.ReviewError as exc:
                outcomes[name] = exc.code
            finally:
                db.session.remove()

    threads = [threading.Thread(target=decide, args=("accept", services.accept_transcript)),
               threading.Thread(target=decide, args=("discard", services.discard_transcript))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes.values()) == ["decided", "not_held"], outcomes
    winner = "accepted" if outcomes["accept"] == "decided" else "discarded"
    row = db.session.get(EmrexTranscript, tid)
    summary = db.session.scalar(select(EmrexSummary))
    assert row.review_status == winner
    assert (row.reports is not None, summary.gpa is not None) == ((True, True) if winner == "accepted" else (False, False))
    assert db.session.scalar(select(func.count(audit.AuditEntry.id)).where(
        audit.AuditEntry.object == f"emrex_transcript:{tid}")) == 1


def test_bar_47_two_decisions_at_once_one_wins(app, make, mailbox, job):
    """The claim is one conditional UPDATE: of accept and discard racing, exactly one applies."""
    _forwarded_journey(app, make, mailbox, job)
    transcript = db.session.scalar(select(EmrexTranscript))
    admin = make.admin_of(job.company)
    services.discard_transcript(transcript.id, transcript.company_id, admin)
    with pytest.raises(services.ReviewError) as err:
        services.accept_transcript(transcript.id, transcript.company_id, admin)
    assert err.value.code == "not_held"
    db.session.expire_all()
    assert transcript.review_status == "discarded"
    with pytest.raises(services.ReviewError):  # and another company's id is not found either
        services.discard_transcript(transcript.id, transcript.company_id + 1, admin)


def _rows() -> dict:
    """Every row of every table, as text: updates show, not just counts."""
    out = {}
    for table in db.metadata.sorted_tables:
        out[table.name] = sorted(repr(tuple(str(v) for v in row)) for row in db.session.execute(select(table)))
    return out


# ---------------------------------------------------------------- the mask


@pytest.mark.parametrize("parts,masked", [
    (("Maija", "Meikäläinen"), "M••• M•••"),
    (("Aino", "Virtanen"), "A••• V•••"),
    (("Nguyễn", "Thị Minh Khai"), "N••• T••• M••• K•••"),
    (("Ễ", ""), "Ễ•••"),
    (("E\u0302\u0303n", "Lê"), "Ễ••• L•••"),  # decomposed input: the accented letter stays one letter
    (("Li", "Wu"), "L••• W•••"),
    (("A", "B"), "A••• B•••"),
    (("Anna-Liisa", "'t Hooft"), "A•••-L••• t••• H•••"),
    (("", ""), ""),
    (("  ", None), ""),
    (("...", "Ng"), "••• N•••"),
    (("a b c d e f g h i j", ""), "a••• b••• c••• d••• e••• f••• g••• h••• …"),
])
def test_bar_47_mask_shows_initials_only(parts, masked):
    from app.emrex.identity import mask_name

    assert mask_name(*parts) == masked


def test_bar_47_mask_hides_length():
    from app.emrex.identity import mask_name

    assert mask_name("Jo", "Ek") == mask_name("Johannes", "Ekströmmer") == "J••• E•••"


def test_bar_47_a_name_kept_whole_is_masked_in_its_own_order():
    """A TopCV name is stored whole, family name first (display_name): the picker masks it in
    that order, whatever the candidate's language; other names follow the language."""
    from types import SimpleNamespace

    def label(**candidate):
        fields = {"display_name": None, "locale": "en", "given_names": "", "family_name": ""} | candidate
        return services.applicant_label(SimpleNamespace(application=SimpleNamespace(
            candidate=SimpleNamespace(**fields))))

    assert label(display_name="Nguyễn Thị Lan", given_names="Thị Lan", family_name="Nguyễn") == "N••• T••• L•••"
    assert label(given_names="Thị Lan", family_name="Nguyễn", locale="vi") == "N••• T••• L•••"
    assert label(given_names="Maija", family_name="Meikäläinen") == "M••• M•••"
