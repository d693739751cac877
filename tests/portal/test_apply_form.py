import io

import pytest
from sqlalchemy import func, select

from app.applications.models import Application, Candidate, StoredFile
from app.extensions import db
from tests.conftest import PDF


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


def test_second_application_gets_a_friendly_message(client, job):
    client.post(f"/c/acme/jobs/{job.id}/apply", data=form(), content_type="multipart/form-data")
    resp = client.post(f"/c/acme/jobs/{job.id}/apply", data=form(email="AINO@example.fi"),
                       content_type="multipart/form-data")
    assert resp.status_code == 200 and "already applied" in resp.get_data(as_text=True)
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


def test_oversized_upload_is_413_and_changes_nothing(client, job):
    big = b"%PDF-1.4\n" + b"0" * (11 * 1024 * 1024) + b"%%EOF"
    resp = client.post(f"/c/acme/jobs/{job.id}/apply", data=form(cv=(io.BytesIO(big), "cv.pdf")),
                       content_type="multipart/form-data")
    assert resp.status_code == 413
    assert "too large" in resp.get_data(as_text=True)
    assert counts() == (0, 0, 0)


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


def test_candidate_text_is_escaped(client, make, job):
    evil = '<img src=x onerror=alert(1)> hx-get="/admin"'
    client.post(f"/c/acme/jobs/{job.id}/apply", data=form(given_names=evil, cover_letter=evil),
                content_type="multipart/form-data")
    from tests.conftest import Auth

    Auth(client).login("admin@acme.test")
    application = db.session.scalar(select(Application))
    for url in (f"/admin/applications/{application.id}", f"/admin/jobs/{job.id}", "/admin/applications", "/admin/"):
        body = client.get(url).get_data(as_text=True)
        assert "<img src=x" not in body and "&lt;img src=x onerror=alert(1)&gt;" in body, url


def test_portal_pages_carry_security_headers(client, job):
    resp = client.get("/c/acme/")
    csp = resp.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert resp.headers["Referrer-Policy"] == "no-referrer"
    assert resp.headers["Content-Type"] == "text/html; charset=utf-8"


def test_cv_is_served_as_attachment(client, auth, make, job):
    client.post(f"/c/acme/jobs/{job.id}/apply", data=form(), content_type="multipart/form-data")
    application = db.session.scalar(select(Application))
    auth.login("admin@acme.test")
    resp = client.get(f"/admin/applications/{application.id}/cv")
    assert resp.status_code == 200 and resp.data == PDF
    assert resp.headers["Content-Disposition"].startswith("attachment")
    assert resp.headers["X-Content-Type-Options"] == "nosniff" and resp.mimetype == "application/pdf"


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
