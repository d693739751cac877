""""Your data": export by email link (SECURITY_BAR 37, GDPR Art. 15/20)."""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import timedelta
from decimal import Decimal

import pytest
from freezegun import freeze_time
from sqlalchemy import func, select

from app.clock import utcnow
from app.extensions import db
from tests.support.mail import text_of
from tests.support.privacy import ATTACHMENT, COURSE, EMAIL, EMAIL_N, TOPCV_REF, XML, build_person
from tests.support.processes import run_worker


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _export_rows():
    from app.messaging.models import OutboxEmail

    return db.session.scalars(select(OutboxEmail).where(OutboxEmail.kind == "data_export")).all()


def test_bar_37_export_is_complete(async_app, make, aclient, mailbox, test_env):
    """The candidate asks on the page, the worker mails the link over SMTP, the link opens
    a confirmation page and its button downloads every kind of data, at both companies."""
    from app import audit
    from app.applications.models import Application

    client = aclient
    person = build_person(make)
    elsewhere = build_person(make, suffix="-B")  # the same person applied at company B too
    stranger = build_person(make, given="Liisa", family="Laine", email="liisa@example.org", suffix="-L")
    run_worker(test_env)  # the application emails go out first
    mailbox.messages.clear()

    page = client.post("/your-data", data={"email": "  " + EMAIL.upper() + " "})
    assert page.status_code == 200 and b"Check your email" in page.data
    run_worker(test_env)
    (msg,) = mailbox.messages
    assert msg["To"] == EMAIL_N
    link = re.search(r"http://127\.0\.0\.1:5000(/your-data/d/[A-Za-z0-9_\-]+)", text_of(msg)).group(1)
    token = link.rsplit("/", 1)[1]
    assert len(token) >= 43  # 32 random bytes, base64url
    from app.privacy.models import DataExportRequest

    stored = db.session.scalar(select(DataExportRequest))
    assert token not in stored.token_hash and len(stored.token_hash) == 64

    confirm = client.get(link)
    assert confirm.status_code == 200 and b"Download my data" in confirm.data
    resp = client.post(link)
    assert resp.status_code == 200 and resp.mimetype == "application/zip"
    assert "attachment" in resp.headers["Content-Disposition"] and resp.headers["Cache-Control"] == "no-store"
    archive = zipfile.ZipFile(io.BytesIO(resp.data))
    data = json.loads(archive.read("data.json"))

    apps = data["applications"]
    assert data["email"] == EMAIL_N
    assert {a["company"] for a in apps} == {person.company.name, elsewhere.company.name}
    assert len(apps) == 4  # careers + TopCV at each company; Liisa's are not there
    assert "Liisa" not in json.dumps(data)
    careers = next(a for a in apps if a["application_reference"] == person.refs[0])
    topcv = next(a for a in apps if a["application_reference"] == person.refs[1])
    assert careers["person"] == {"given_names": "Erkki", "family_name": "Esimerkki", "email": EMAIL,
                                 "phone": "+358401234567", "language": "en"}
    assert careers["job"]["title"] == "Data engineer" and careers["cover_letter"] == "Dear team, hire me"
    assert careers["consent"]["privacy_notice_version"] == "2026-11" and careers["consent"]["given_at"]
    assert [s["stage"] for s in careers["stages"]] == ["New", "In progress"]
    assert careers["current_stage"] == "In progress"
    kinds = [e["event"] for e in careers["timeline"]]
    assert "applied" in kinds and "stage_entered" in kinds
    assert "note" not in kinds and "strong candidate" not in json.dumps(data)  # the team's notes stay internal
    assert any(e["subject"].startswith("We received your application") and e["status"] == "sent"
               for e in careers["emails_to_you"])
    (record,) = careers["study_records"]
    assert record["institution"] == "Example University" and record["degree"] == "Master of Science (Technology)"
    assert Decimal(record["gpa"]) == Decimal("4.5") and Decimal(record["total_ects"]) == 120
    courses = [o for r in record["reports"] for o in r["opportunities"]]
    assert {"title": COURSE, "type": "Course", "grade": "5", "credits": "5"} in courses
    assert careers["study_record_requests"][0]["stated_birth_date"] == "1990-05-17"
    (result,) = careers["assessments"]
    assert result["score"] == 87.0 and result["max_score"] == 100.0 and result["status"] == "complete"
    assert result["sub_scores"] == [{"title": "Logic", "value": 9, "max": 10}]
    assert result["result"] == {"summary": "Very logical Erkki"}
    assert topcv["source"] == "topcv" and topcv["source_reference"] == TOPCV_REF
    assert topcv["consent"]["privacy_notice_version"] == "topcv-terms"
    assert topcv["source_details"]["answers"] == ["Yes"]

    # The files themselves, byte for byte.
    cv = db.session.get(Application, person.careers_id).cv_file
    from app.applications import files

    assert archive.read(careers["cv"]) == files.read(cv)
    assert archive.read(record["signed_document"]) == XML
    assert archive.read(record["attachments"][0]["file"]) == ATTACHMENT
    names = archive.namelist()
    assert sum(n.endswith("erkki-cv.pdf") for n in names) == 2  # one CV per company's careers application

    # One audit entry per company whose data was exported, with no personal data.
    entries = db.session.scalars(select(audit.AuditEntry).where(audit.AuditEntry.action == "data_export")).all()
    assert sorted(e.company_id for e in entries) == sorted([person.company.id, elsewhere.company.id])
    assert all(e.after == {"applications": 2} and EMAIL_N not in json.dumps(e.after) for e in entries)
    assert stranger.company.id not in {e.company_id for e in entries}

    # Single use: the second click (or a leaked link) gets nothing.
    again = client.post(link)
    assert again.status_code == 404 and b"no longer valid" in again.data
    assert client.get(link).status_code == 404


def test_unknown_email_gets_the_same_page_and_no_email(app, client, person):
    from app.privacy.models import DataExportRequest

    known = client.post("/your-data", data={"email": EMAIL})
    unknown = client.post("/your-data", data={"email": "nobody-here@example.com"})
    assert known.status_code == unknown.status_code == 200
    assert known.data == unknown.data
    assert len(_export_rows()) == 1 and _export_rows()[0].to_addr == EMAIL_N
    assert _count(DataExportRequest) == 1


def test_repeated_requests_send_one_email(app, client, person):
    for _ in range(3):
        assert client.post("/your-data", data={"email": EMAIL}).status_code == 200
    assert len(_export_rows()) == 1
    with freeze_time(utcnow() + timedelta(minutes=11)):
        client.post("/your-data", data={"email": EMAIL})
        assert len(_export_rows()) == 2


@pytest.mark.parametrize("email", ["", "not-an-email", "a@" + "b" * 260 + ".com"])
def test_bad_email_is_a_clear_error_and_changes_nothing(app, client, person, email):
    from app.privacy.models import DataExportRequest

    resp = client.post("/your-data", data={"email": email})
    assert resp.status_code == 422 and b'class="error"' in resp.data
    assert _count(DataExportRequest) == 0 and _export_rows() == []


def _token_from_outbox() -> str:
    (row,) = _export_rows()
    return re.search(r"/your-data/d/([A-Za-z0-9_\-]+)", row.body_text).group(1)


def test_link_expires_after_24_hours(app, client, person):
    from app.audit import AuditEntry

    client.post("/your-data", data={"email": EMAIL})
    token = _token_from_outbox()
    with freeze_time(utcnow() + timedelta(hours=24, minutes=1)):
        assert client.get(f"/your-data/d/{token}").status_code == 404
        assert client.post(f"/your-data/d/{token}").status_code == 404
    assert db.session.scalar(select(AuditEntry.id).where(AuditEntry.action == "data_export")) is None
    from app.privacy.models import DataExportRequest

    assert db.session.scalar(select(DataExportRequest.used_at)) is None


def test_made_up_token_is_404(app, client, person):
    assert client.get("/your-data/d/" + "A" * 43).status_code == 404
    assert client.post("/your-data/d/" + "x" * 500).status_code == 404


def test_your_data_is_linked_from_careers_pages_and_translated(app, client, person):
    careers = client.get(f"/c/{person.company.slug}/")
    assert b'href="/your-data"' in careers.data
    for lang, phrase in [("fi", "Tietosi"), ("sv", "Dina uppgifter"), ("vi", "Dữ liệu của bạn")]:
        page = client.get(f"/your-data?lang={lang}")
        assert phrase in page.get_data(as_text=True), lang


def test_export_email_is_in_the_candidates_language(app, client, person):
    client.post("/your-data?lang=fi", data={"email": EMAIL})
    (row,) = _export_rows()
    assert row.subject == "Tietosi: latauslinkki"


def test_post_is_rate_limited(app_config, app, person):
    from app import create_app
    from tests.support.clients import FreshGClient

    limited = create_app({**app_config, "RATELIMIT_ENABLED": True})
    limited.test_client_class = FreshGClient
    with limited.app_context():
        client = limited.test_client()
        codes = [client.post("/your-data", data={"email": f"x{i}@example.com"}).status_code for i in range(6)]
    assert codes == [200] * 5 + [429]


def test_bar_37_export_excludes_other_people(app, client, make, mailbox):
    """Two people in one company share a name and a phone (and each has every kind of data:
    CV, EMREX records, assessment, a TopCV application): each export holds its owner's
    records only — none of the other person's applications, files, study records or ids."""
    from tests.support.privacy import export_of, tagged

    erkki = build_person(make)
    namesake = build_person(make, erkki.company, email="erkki.e@example.org", suffix="-X")  # same name and phone
    assert namesake.candidate_id != erkki.candidate_id

    for me, other, email, suffix, other_suffix in ((erkki, namesake, EMAIL, "", "-X"),
                                                   (namesake, erkki, "erkki.e@example.org", "-X", "")):
        data, archive = export_of(client, mailbox, email)
        assert sorted(a["application_reference"] for a in data["applications"]) == sorted(me.refs)
        assert {a["person"]["email"] for a in data["applications"]} == {email}
        blob = json.dumps(data, ensure_ascii=False)
        for ref in other.refs:
            assert ref not in blob and not any(ref in name for name in archive)
        assert f"Dear team{suffix}, hire me" in blob
        assert f"Dear team{other_suffix}, hire me" not in blob
        assert tagged(TOPCV_REF, other_suffix) not in blob
        assert tagged("alva-int-5521", other_suffix) not in blob
        cvs = [body for name, body in archive.items() if name.endswith("erkki-cv.pdf")]
        assert len(cvs) == 1 and f"CV of Erkki{suffix}\n".encode() in cvs[0]
        study = [r for a in data["applications"] for r in a["study_records"]]
        assert len(study) == 1  # their own transcript, not the namesake's
