import html
import io

import pytest
from sqlalchemy import func, select

from app.applications.models import Application, Candidate, StoredFile
from app.extensions import db
from tests.support.builders import PDF
from tests.support.counting_stream import CountingStream


def counts():
    return tuple(db.session.scalar(select(func.count()).select_from(m)) for m in (Application, Candidate, StoredFile))


def form(**over):
    data = {"given_names": "Aino Maria", "family_name": "Virtanen", "email": "aino@example.fi",
            "phone": "+358 40 123 4567", "cover_letter": "Hei!", "consent": "y",
            "cv": (io.BytesIO(PDF), "cv.pdf", "application/pdf")}
    data.update(over)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def job(make):
    return make.job(make.company("acme", "Acme Oy"), "Backend developer")


def test_apply_redirects_to_confirmation(client, job):
    resp = client.post(f"/c/acme/jobs/{job.id}/apply", data=form(), content_type="multipart/form-data")
    assert resp.status_code == 303 and resp.headers["Location"].endswith(f"/c/acme/jobs/{job.id}/applied")
    page = client.get(resp.headers["Location"]).get_data(as_text=True)
    assert "Thank you for your application" in page and "Backend developer" in page
    assert counts() == (1, 1, 1)
    application = db.session.scalar(select(Application))
    assert application.candidate.given_names == "Aino Maria" and application.cover_letter == "Hei!"


def test_second_application_is_answered_like_the_first(client, job):
    """Was ``test_second_application_gets_a_friendly_message`` (an "already applied" page,
    which told anyone who had applied): now the same 303 and page, and a note."""
    first = client.post(f"/c/acme/jobs/{job.id}/apply", data=form(), content_type="multipart/form-data")
    resp = client.post(f"/c/acme/jobs/{job.id}/apply", data=form(email="AINO@example.fi"),
                       content_type="multipart/form-data")
    assert (resp.status_code, resp.headers["Location"]) == (first.status_code, first.headers["Location"])
    assert counts() == (1, 1, 1)


@pytest.mark.parametrize("override,message", [
    ({"given_names": ""}, "Please enter your given name(s)."),
    ({"email": "not-an-email"}, "Please enter a valid email address."),
    ({"consent": None}, "Please accept the privacy notice"),
    ({"cv": None}, "Please attach your CV as a PDF."),
    ({"cv": (io.BytesIO(b"<html><body>hi</body></html>"), "cv.pdf", "application/pdf")}, "not a PDF"),
    ({"cv": (io.BytesIO(b"MZ\x90\x00binary"), "cv.exe", "application/octet-stream")}, "not a PDF"),
    ({"phone": "call me maybe"}, "valid phone number"),
    ({"given_names": "x" * 201}, "Field cannot be longer than 200 characters."),
])
def test_bad_input_gets_a_clear_message_and_changes_nothing(client, job, override, message):
    resp = client.post(f"/c/acme/jobs/{job.id}/apply", data=form(**override), content_type="multipart/form-data")
    assert resp.status_code == 422
    assert message in resp.get_data(as_text=True)
    assert counts() == (0, 0, 0)


@pytest.mark.parametrize("megabytes", [11, 30])
def test_oversized_upload_is_413_keeps_what_was_typed_and_changes_nothing(client, job, megabytes):
    """Observed: a candidate who sent a 30 MB CV lost the whole form on a bare 413 page. The
    body is still refused (nothing over the 11 MB cap is kept), but the answer is the form again:
    the typed fields (sent before the file) filled in, and a message at the file."""
    big = b"%PDF-1.4\n" + b"0" * (megabytes * 1024 * 1024) + b"%%EOF"
    letter = "Hei!\nI have built three ATSs. – Åsa «Nguyễn»"
    resp = client.post(f"/c/acme/jobs/{job.id}/apply", data=form(cv=(io.BytesIO(big), "cv.pdf"), cover_letter=letter),
                       content_type="multipart/form-data")
    body = resp.get_data(as_text=True)
    assert resp.status_code == 413
    assert "The file is larger than 10 MB. Please attach a smaller PDF; your other answers are kept below." in body
    assert 'value="Aino Maria"' in body and 'value="Virtanen"' in body and 'value="aino@example.fi"' in body
    assert 'value="+358 40 123 4567"' in body
    assert "I have built three ATSs. – Åsa «Nguyễn»" in html.unescape(body)
    assert 'class="card"' in body and "Apply: Backend developer" in body  # the company's page, not a bare one
    assert counts() == (0, 0, 0)


def test_oversized_upload_without_the_form_token_is_still_refused(client, job, app):
    app.config["WTF_CSRF_ENABLED"] = True
    big = b"%PDF-1.4\n" + b"0" * (12 * 1024 * 1024) + b"%%EOF"
    resp = client.post(f"/c/acme/jobs/{job.id}/apply", data=form(cv=(io.BytesIO(big), "cv.pdf")),
                       content_type="multipart/form-data")
    assert resp.status_code == 400 and 'value="Aino Maria"' not in resp.get_data(as_text=True)
    assert counts() == (0, 0, 0)


def test_the_form_asks_for_a_pdf_and_puts_the_letter_before_the_file(client, job):
    body = client.get(f"/c/acme/jobs/{job.id}/apply").get_data(as_text=True)
    assert 'accept="application/pdf,.pdf"' in body and 'data-max-bytes="10485760"' in body
    assert body.index('name="cover_letter"') < body.index('name="cv"')
    assert "js/upload-check.js" in body


def test_cv_between_10_and_11_mb_gets_a_field_error(client, job):
    big = b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024 + 10) + b"%%EOF"
    resp = client.post(f"/c/acme/jobs/{job.id}/apply", data=form(cv=(io.BytesIO(big), "cv.pdf")),
                       content_type="multipart/form-data")
    assert resp.status_code == 422 and "larger than 10 MB" in resp.get_data(as_text=True)
    assert counts() == (0, 0, 0)


@pytest.mark.parametrize("path", ["/c/nope/", "/c/nope/jobs/1", "/c/acme/jobs/999999", "/c/acme/jobs/999999/apply",
                                  "/c/acme/jobs/abc"])
def test_unknown_slugs_and_ids_are_404(client, job, path):
    resp = client.get(path)
    assert resp.status_code == 404 and "We could not find that page." in resp.get_data(as_text=True)


def test_draft_and_foreign_jobs_are_not_shown(client, make, job):
    other = make.company("other")
    foreign = make.job(other, "Foreign")
    draft = make.job(job.company, "Draft", status="draft")
    assert client.get(f"/c/acme/jobs/{foreign.id}").status_code == 404
    assert client.get(f"/c/acme/jobs/{draft.id}/apply").status_code == 404
    resp = client.post(f"/c/acme/jobs/{draft.id}/apply", data=form(), content_type="multipart/form-data")
    assert resp.status_code == 404 and counts() == (0, 0, 0)


def test_bar_12_candidate_text_is_escaped(client, make, job):
    from lxml import html as lxml_html

    evil = '<img src=x onerror=alert(1)> hx-get="/admin" {{7*7}}'
    client.post(f"/c/acme/jobs/{job.id}/apply", data=form(given_names=evil, family_name=evil, cover_letter=evil),
                content_type="multipart/form-data")
    from tests.support.clients import Auth

    Auth(client).login("admin@acme.test")
    application = db.session.scalar(select(Application))
    checked = 0
    for url in (f"/admin/applications/{application.id}", f"/admin/jobs/{job.id}", "/admin/applications",
                "/admin/applications?q=img", "/admin/", "/admin/notifications", "/admin/pending"):
        for headers in ({}, {"HX-Request": "true"}):
            resp = client.get(url, headers=headers)
            body = resp.get_data(as_text=True)
            assert resp.status_code == 200, url
            assert "<img src=x" not in body and 'hx-get="/admin"' not in body, url
            tree = lxml_html.fromstring(body) if "<html" in body else \
                lxml_html.fragment_fromstring(body, create_parent="div")
            for el in tree.iter():
                if not isinstance(el.tag, str):
                    continue
                assert "onerror" not in el.attrib and el.get("hx-get") != "/admin", (url, el.tag)
                for name, value in el.attrib.items():  # never inside an hx-*, style or script
                    assert not (name.startswith(("hx-", "style")) and "onerror" in value), (url, name)
                if el.tag in ("script", "style"):
                    assert "onerror" not in (el.text or ""), url
            if "&lt;img src=x onerror=alert(1)&gt;" in body:
                assert "{{7*7}}" in body, url  # shown as text, never evaluated as a template
                checked += 1
    assert checked >= 8  # the name shows (escaped) on most of these pages


def test_bar_11_portal_pages_carry_security_headers(client, job):
    resp = client.get("/c/acme/")
    csp = resp.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert resp.headers["Referrer-Policy"] == "no-referrer"
    assert resp.headers["Content-Type"] == "text/html; charset=utf-8"


def test_bar_38_cv_is_served_as_attachment(client, auth, make, job):
    client.post(f"/c/acme/jobs/{job.id}/apply", data=form(), content_type="multipart/form-data")
    application = db.session.scalar(select(Application))
    auth.login("admin@acme.test")
    resp = client.get(f"/admin/applications/{application.id}/cv")
    assert resp.status_code == 200 and resp.data == PDF
    assert resp.headers["Content-Disposition"].startswith("attachment")
    assert resp.headers["X-Content-Type-Options"] == "nosniff" and resp.mimetype == "application/pdf"


POLYGLOT = (b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script><img src=x onerror=alert(1)></body></html>\n"
            b"1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


@pytest.mark.parametrize("disguise", [
    (b"<!DOCTYPE html><html><script>alert(1)</script></html>", "cv.pdf", "application/pdf"),
    (b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>", "cv.pdf", "application/pdf"),
    (b"GIF89a<script>alert(1)</script>%%EOF", "cv.pdf", "application/pdf"),
    (b"%PDF-1.4 but no end marker <html>", "cv.pdf", "application/pdf"),
])
def test_bar_38_html_disguised_as_pdf_is_refused_by_content(client, job, disguise):
    data, name, ctype = disguise
    resp = client.post(f"/c/acme/jobs/{job.id}/apply", data=form(cv=(io.BytesIO(data), name, ctype)),
                       content_type="multipart/form-data")
    assert resp.status_code == 422 and "not a PDF" in resp.get_data(as_text=True)
    assert counts() == (0, 0, 0)


def _served_urls(application, make) -> dict:
    """Every route that serves a stored file, each pointing at a copy of the polyglot."""
    from urllib.parse import urlsplit

    from app.applications import files
    from app.assessments.services import resume_url
    from app.emrex.models import EmrexAttachment, EmrexAttempt, EmrexRequest, EmrexTranscript

    cid = application.company_id
    request = EmrexRequest(company_id=cid, application_id=application.id, status="completed")
    db.session.add(request)
    db.session.flush()
    attempt = EmrexAttempt(company_id=cid, request_id=request.id, emp_url="https://emp.example/x",
                           session_id="p" * 32, outcome="imported")
    db.session.add(attempt)
    db.session.flush()
    transcript = EmrexTranscript(company_id=cid, request_id=request.id, attempt_id=attempt.id,
                                 application_id=application.id, institution="U", review_status="clear",
                                 raw_file=files.store(cid, "elmo.xml", POLYGLOT, "application/xml"))
    # review_status: the applicant's own records (with no identity check a transcript is held)
    db.session.add(transcript)
    db.session.flush()
    attachment = EmrexAttachment(company_id=cid, transcript_id=transcript.id,
                                 file=files.store(cid, "transcript.html", POLYGLOT), title="Transcript")
    db.session.add(attachment)
    db.session.commit()
    return {"cv": f"/admin/applications/{application.id}/cv",
            "emrex attachment": f"/admin/emrex/attachments/{attachment.id}",
            "emrex raw": f"/admin/emrex/transcripts/{transcript.id}/raw",
            "assessment resume": urlsplit(resume_url(application)).path}


def test_bar_38_polyglot_is_stored_outside_the_web_root_and_served_only_as_attachment(app, client, auth, make, job):
    from pathlib import Path

    from app.applications import files

    resp = client.post(f"/c/acme/jobs/{job.id}/apply", data=form(cv=(io.BytesIO(POLYGLOT), "cv.html.pdf")),
                       content_type="multipart/form-data")
    assert resp.status_code == 303  # a PDF by its content, so it is taken — and never rendered
    application = db.session.scalar(select(Application))
    stored = files.path_of(application.cv_file)
    static = Path(app.static_folder).resolve()
    assert static not in stored.resolve().parents and stored.name == application.cv_file.storage_key
    assert "cv" not in stored.name and len(stored.name) == 32
    urls = _served_urls(application, make)
    auth.login("admin@acme.test")
    for what, url in urls.items():
        served = client.get(url)
        assert served.status_code == 200 and served.data == POLYGLOT, what
        assert served.headers["Content-Disposition"].startswith("attachment;"), what
        assert served.headers["X-Content-Type-Options"] == "nosniff", what
        assert served.mimetype in ("application/pdf", "application/xml"), (what, served.mimetype)
        assert "default-src 'self'" in served.headers["Content-Security-Policy"], what


def test_bar_4_extra_fields_on_the_apply_form_never_bind(client, make, job):
    other = make.company("other")
    other_job = make.job(other, "Other job")
    extra = {"company_id": str(other.id), "job_id": str(other_job.id), "status": "closed", "stage_id": "999",
             "source": "topcv", "pending_reason": "x", "candidate_id": "1", "consent_version": "forged",
             "id": "77", "created_at": "2001-01-01"}
    resp = client.post(f"/c/acme/jobs/{job.id}/apply", data={**form(), **extra}, content_type="multipart/form-data")
    assert resp.status_code == 303
    application = db.session.scalar(select(Application))
    assert (application.company_id, application.job_id, application.status, application.source) == \
        (job.company_id, job.id, "open", "careers")
    assert application.stage_id == job.stages[0].id and application.id != 77
    assert application.pending_reason is None and application.created_at.year > 2001
    assert counts() == (1, 1, 1)


# ---------------------------------------------------------------- found by the fuzz test (test_apply_fuzz.py)

def test_control_characters_are_dropped_not_stored(client, job):
    """NUL in a name, the cover letter or the CV's file name was a 500 on PostgreSQL (text
    cannot hold NUL) after the CV had been written to disk; control characters are dropped."""
    resp = client.post(f"/c/acme/jobs/{job.id}/apply", data=form(
        given_names="Ai\x00no\x07", family_name="Vir\ttanen\r\n", email="aino\x00@example.fi",
        cover_letter="Hei\x00!\n\nTerveisin",
        cv=(io.BytesIO(PDF), "cv\x00\x1b.pdf", "application/pdf")), content_type="multipart/form-data")
    assert resp.status_code == 303
    application = db.session.scalar(select(Application))
    assert (application.candidate.given_names, application.candidate.family_name) == ("Aino", "Vir tanen")
    assert application.candidate.email == "aino@example.fi" and application.cover_letter == "Hei!\n\nTerveisin"
    assert application.cv_file.filename == "cv.pdf"


def test_a_failed_commit_leaves_no_file_behind(app, job, monkeypatch):
    """The CV is written before the transaction commits; when the commit fails (the crash
    injected at that one call), the file goes with the rows."""
    from pathlib import Path

    from app.applications import services

    upload_dir = Path(app.config["UPLOAD_DIR"])
    before = {p for p in upload_dir.rglob("*") if p.is_file()} if upload_dir.exists() else set()

    def crash():
        raise RuntimeError("database went away")

    monkeypatch.setattr(db.session, "commit", crash)
    with pytest.raises(RuntimeError):
        services.apply(job.id, "acme", services.CandidateData(given_names="Aino", family_name="Virtanen",
                                                              email="aino@example.fi", phone=None),
                       cover_letter="", cv=("cv.pdf", PDF), consent=True)
    monkeypatch.undo()
    db.session.rollback()
    assert {p for p in upload_dir.rglob("*") if p.is_file()} == before
    assert counts() == (0, 0, 0)


def test_finding_cv_download_keeps_uploader_extension(client, auth, make, job):
    """Old code: a PDF uploaded as ``x.html`` was offered back as ``x.html`` (admin download,
    EMREX attachment, assessment vendor's resume link, the data-export ZIP), so a recruiter's
    browser saved and opened it as HTML. Now the name ends in what the file is."""
    from werkzeug.http import parse_options_header

    from app.privacy.services import collect_export

    resp = client.post(f"/c/acme/jobs/{job.id}/apply", data=form(cv=(io.BytesIO(POLYGLOT), "x.html")),
                       content_type="multipart/form-data")
    assert resp.status_code == 303
    application = db.session.scalar(select(Application))
    urls = _served_urls(application, make)
    auth.login("admin@acme.test")
    names = {}
    for what, url in urls.items():
        served = client.get(url)
        assert served.status_code == 200, what
        disposition, options = parse_options_header(served.headers["Content-Disposition"])
        assert disposition == "attachment", what
        names[what] = options["filename"]
    assert names == {"cv": "x.pdf", "assessment resume": "x.pdf", "emrex attachment": "transcript.pdf",
                     "emrex raw": "elmo.xml"}
    _, attachments = collect_export("aino@example.fi")
    zipped = sorted(name.rsplit("/", 1)[1] for name, _ in attachments)
    assert zipped == ["elmo.xml", "transcript.pdf", "x.pdf"]


def _big_apply_body(size: int) -> tuple[bytes, str]:
    boundary = "haku-boundary"
    head = (f'--{boundary}\r\nContent-Disposition: form-data; name="given_names"\r\n\r\nAino\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="cv"; filename="cv.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n").encode()
    body = head + b"%PDF-1.4\n" + b"0" * size + b"%%EOF\r\n" + f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def test_finding_apply_cap_applied_before_csrf_parses(app, client, job):
    """Old code: with CSRF on (as in production) CSRF parsed the whole 12 MB form under the
    25 MB global cap before the view set the 11 MB cap. Now a body declared over the cap is
    never parsed past its typed fields (``TYPED_PREFIX_BYTES``): the rest is read and thrown
    away (so that the browser gets the answer) up to ``DRAIN_MAX_BYTES``, and a body declared
    larger than that is answered after the prefix alone. CSRF still refuses a missing token."""
    from app.request_limits import DRAIN_MAX_BYTES, TYPED_PREFIX_BYTES

    app.config["WTF_CSRF_ENABLED"] = True
    try:
        body, ctype = _big_apply_body(12 * 1024 * 1024)
        stream = CountingStream(body)
        resp = client.post(f"/c/acme/jobs/{job.id}/apply", input_stream=stream, content_length=len(body),
                           content_type=ctype)
        assert resp.status_code == 400  # no form token: refused, nothing kept
        assert stream.consumed == len(body)  # drained, not parsed
        huge = CountingStream(body)
        resp = client.post(f"/c/acme/jobs/{job.id}/apply", input_stream=huge, content_type=ctype,
                           environ_overrides={"CONTENT_LENGTH": str(DRAIN_MAX_BYTES + 1)})
        assert resp.status_code == 400 and 0 < huge.consumed <= TYPED_PREFIX_BYTES
        # the same body chunked (no Content-Length): read only up to the cap, then 413
        chunked = CountingStream(body)
        resp = client.post(f"/c/acme/jobs/{job.id}/apply", input_stream=chunked, content_type=ctype,
                           environ_overrides={"wsgi.input_terminated": True, "HTTP_TRANSFER_ENCODING": "chunked"})
        assert resp.status_code == 413
        assert 0 < chunked.consumed <= app.config["APPLY_MAX_BYTES"] + 64 * 1024
        # a body under the cap still reaches CSRF, which refuses the missing token as before
        small, small_type = _big_apply_body(1024)
        read_in_full = CountingStream(small)
        resp = client.post(f"/c/acme/jobs/{job.id}/apply", input_stream=read_in_full,
                           content_length=len(small), content_type=small_type)
        assert resp.status_code == 400 and read_in_full.consumed == len(small)  # the counter counts
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert counts() == (0, 0, 0)


def test_emrex_return_keeps_its_30_mb_cap_and_form_memory(app, client):
    """The return may carry a 25 MB transcript in one form field (over the 25 MB global cap and
    Flask's 500 kB form-memory default): it reaches the view, which answers 400 for the unknown
    session, not 413."""
    payload = "sessionId=nope&returnCode=NCP_OK&elmo=" + "A" * (26 * 1024 * 1024)
    resp = client.post("/emrex/return", data=payload, content_type="application/x-www-form-urlencoded")
    assert resp.status_code == 400
    over = "elmo=" + "A" * (30 * 1024 * 1024)
    stream = CountingStream(over.encode())
    resp = client.post("/emrex/return", input_stream=stream, content_length=len(over),
                       content_type="application/x-www-form-urlencoded")
    assert resp.status_code == 413 and stream.consumed == 0


def test_a_form_sent_back_carries_the_sessions_kept_token_and_the_next_send_goes_through(client, job, app,
                                                                                         monkeypatch):
    """The form reuses the token ``security.csrf_token`` keeps for the session (no signature of
    its own per POST); that token is valid: the corrected form is accepted with it. Every
    signing gets its own timestamp here, as two requests a second apart would, so a token
    signed anew cannot pass for the kept one."""
    import re
    from itertools import count

    from itsdangerous import TimestampSigner

    ticks = count(1_800_000_000)
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: next(ticks))

    def sent_back(token):
        resp = client.post(f"/c/acme/jobs/{job.id}/apply", data=form(csrf_token=token, consent=""),
                           content_type="multipart/form-data")
        assert resp.status_code == 422
        return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', resp.get_data(as_text=True)).group(1)

    app.config["WTF_CSRF_ENABLED"] = True
    try:
        page = client.get(f"/c/acme/jobs/{job.id}/apply").get_data(as_text=True)
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
        kept = sent_back(token)
        assert sent_back(kept) == kept  # the kept one, not signed anew
        assert counts() == (0, 0, 0)
        resp = client.post(f"/c/acme/jobs/{job.id}/apply", data=form(csrf_token=kept),
                           content_type="multipart/form-data")
        assert resp.status_code == 303 and counts() == (1, 1, 1)
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
