"""Issue 12: EMREX documents as real contact points send them — legacy date formats, legacy
credits and results, missing statuses, nested programmes with components, expired registry
certificates under both policies, SHA-1 signatures and an issuer other than the one picked.

Fixtures are written for this test, shaped like the real documents the issue describes
(tests/fixtures/emrex/fi-legacy-purl-dtf.xml, se-programme-nested.xml); the imports go the
whole way: a registry file the normal refresh reads, the hand-off, a signed return posted to
/emrex/return, the card and the list column."""

from __future__ import annotations

import base64
import gzip
import json
import logging
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.emrex import elmo, grades, services
from app.emrex.models import EmrexAttempt, EmrexContactPoint, EmrexRequest, EmrexTranscript
from app.extensions import db
from tests.support.elmo import FIXTURES
from tests.support.signing import make_key, sign


def parsed(name: str) -> elmo.Transcript:
    return elmo.parse_transcript(elmo.parse_xml((FIXTURES / name).read_bytes()))


def rows(transcript: elmo.Transcript) -> dict[str, elmo.Opportunity]:
    return {o.code or o.title: o for r in transcript.reports for o in r.all_opportunities()}


# ---------------------------------------------------------------- §1 dates

@pytest.mark.parametrize("value,dtf,expected", [
    ("05-11-1990", "dd-MM-yyyy", date(1990, 11, 5)),
    ("5.11.1990", "d.M.yyyy", date(1990, 11, 5)),
    ("05.11.1990", None, date(1990, 11, 5)),  # Finnish style without dtf
    ("19901105", "yyyyMMdd", date(1990, 11, 5)),
    ("11/05/1990", "MM/dd/yyyy", date(1990, 11, 5)),
    ("1990-11-05", "yyyy-MM-dd", date(1990, 11, 5)),
    ("1990-11-05T00:00:00", "yyyy-MM-dd'T'HH:mm:ss", date(1990, 11, 5)),
    ("1990-11-05T00:00:00+02:00", None, date(1990, 11, 5)),  # ISO with a time and zone: the date as written
    ("1990-11-05Z", None, date(1990, 11, 5)),
    ("1990-11-05+01:00", None, date(1990, 11, 5)),
    (" 1990-11-05 ", None, date(1990, 11, 5)),
    ("05-11-90", "dd-MM-yy", date(1990, 11, 5)),
    ("1990-11-05", "dd-MM-yyyy", date(1990, 11, 5)),  # a dtf that does not fit: ISO still read
    ("31-02-1990", "dd-MM-yyyy", None),  # no such day
    ("syksy 2013", "dd-MM-yyyy", None),
    ("05 Nov 1990", "dd MMM yyyy", None),  # month names: not guessed
    ("1990-13-05", None, None),
])
def test_dates_in_the_documents_own_format(value, dtf, expected):
    assert elmo.dates._date(value, dtf) == expected


def test_legacy_birth_date_with_dtf_is_read():
    legacy = parsed("fi-legacy-purl-dtf.xml")
    assert legacy.legacy and legacy.learner.bday == date(1990, 11, 5)
    assert legacy.learner.given_names == "Aino Maria" and legacy.reports[0].issue_date == date(2014, 6, 15)
    courses = rows(legacy)
    assert courses["KTK-110"].date == date(2011, 12, 14) and courses["KTK-300"].date == date(2014, 5, 30)
    nested = parsed("se-programme-nested.xml")
    assert nested.learner.bday == date(1990, 11, 5)  # "1990-11-05T00:00:00+01:00"
    assert rows(nested)["1DL400"].date == date(2024, 1, 12)


# ---------------------------------------------------------------- §2, §3 legacy credits, results, status

def test_legacy_credits_and_results_are_read():
    courses = rows(parsed("fi-legacy-purl-dtf.xml"))
    assert courses["KTK-300"].type == "Degree Programme" and courses["KTK-300"].ects() == Decimal("180.00")
    assert [(c, courses[c].result_label, courses[c].ects()) for c in ("KTK-110", "KTK-130", "KTK-140")] == [
        ("KTK-110", "4", Decimal("5.00")), ("KTK-130", "Hyv", Decimal("8.00")), ("KTK-140", "0", Decimal("5.00"))]
    assert courses["KTK-110"].grading_scheme == "Arvosana-asteikko 0–5"
    # what cannot be read is said, not left blank
    assert courses["KTK-150"].unreadable == ["date", "credits"] and courses["KTK-150"].result_label == "Hylätty"
    assert courses["KTK-110"].unreadable == []


def test_status_is_derived_from_the_grade_else_unknown():
    courses = rows(parsed("fi-legacy-purl-dtf.xml"))
    outcomes = {code: (courses[code].outcome, courses[code].derived) for code in
                ("KTK-110", "KTK-130", "KTK-140", "KTK-150", "KTK-160", "KTK-300")}
    assert outcomes == {"KTK-110": ("passed", True), "KTK-130": ("passed", True), "KTK-140": ("failed", True),
                        "KTK-150": ("failed", True), "KTK-160": ("passed", True), "KTK-300": ("unknown", False)}
    norway = parsed("no-legacy-purl-emp-mockup-unsigned.xml")  # A–F (NO30) and "Godkjent", no status anywhere
    assert {o.outcome for o in norway.reports[0].all_courses()} == {"passed"}
    assert all(o.derived for o in norway.reports[0].all_courses())
    uio = parsed("no-uio-test-2023-gateway.xml")  # a stated status stays as stated
    assert {(o.outcome, o.derived) for o in uio.reports[0].all_courses()} == {("passed", False)}


def test_legacy_gpa_and_credits():
    transcript = parsed("fi-legacy-purl-dtf.xml")
    summary = grades.transcript_gpa(transcript.reports, "5.0")
    # (4×5 + 3×10 + 5×10) / 25 = 4.00: the 0 and "Hylätty" fail, "Hyv" is pass/fail
    assert summary.value == Decimal("4.00") and summary.credits_counted == Decimal("25.00")
    assert (summary.graded_count, summary.failed_count, summary.pass_fail_count) == (3, 2, 1)
    assert grades.transcript_gpa(transcript.reports, "4.0").value == Decimal("3.50")
    assert elmo.total_ects(transcript) == Decimal("33.00")  # 5 + 10 + 8 + 10 passed


# ---------------------------------------------------------------- §4 an honest GPA

def test_nested_programme_averages_course_grades_not_components():
    transcript = parsed("se-programme-nested.xml")
    summary = grades.transcript_gpa(transcript.reports, "5.0")
    # courses: 5 (A) at 10 ECTS and 4 (B) at 7.5 → (5.0×10 + 4.0×7.5) / 17.5 = 4.57;
    # averaging the components instead gave (3.0×7 + 4.0×5) / 12 = 3.42 and left 5.5 course credits out
    assert summary.value == Decimal("4.57") and summary.credits_counted == Decimal("17.50")
    assert summary.level == "course" and summary.components_skipped == 4 and summary.levels == {"Course": 2}
    assert (summary.graded_count, summary.failed_count, summary.pass_fail_count) == (2, 1, 1)
    courses = rows(transcript)
    assert courses["1DL400"].gpa_role == "graded" and courses["1DT550"].gpa_role == "pass_fail"
    assert courses["1DL510"].gpa_role == "failed" and courses["1DL510"].outcome == "failed"
    components = [o for o in transcript.reports[0].all_opportunities() if o.type == "Class"]
    assert len(components) == 4 and {o.gpa_role for o in components} == {"component"}
    assert elmo.total_ects(transcript) == Decimal("47.50")  # 10 + 7.5 + 30; the failed course not


def test_a_course_without_its_own_grade_averages_its_parts():
    transcript = parsed("se-ladok-example-signed.xml")
    summary = grades.transcript_gpa(transcript.reports, "5.0")
    # "Statistics Intermediate Level" has no grade: its graded classes are the results
    assert summary.components_skipped > 0 and summary.value is None and summary.pass_fail_count > 0


# ---------------------------------------------------------------- the whole way: registry, return, card

@pytest.fixture
def contact_point(app, make, tmp_path):
    """A contact point of our own in a registry file the normal refresh reads."""
    def build(*, expired=False, institutions=("All",)):
        key, cert = make_key(expired=expired)
        registry = tmp_path / f"emreg-{len(list(tmp_path.iterdir()))}.json"
        registry.write_text(json.dumps({
            "countries": [{"countryCode": "SE", "countryName": "Sweden", "singleFetch": False}],
            "emps": [{"acronym": "LADOK", "countryCode": "SE", "institutions": list(institutions),
                      "url": "https://emp.example.se/emrex", "pubKey": cert}]}))
        app.config["EMREX_REGISTRY_URLS"] = str(registry)
        assert services.refresh_registry().ok
        return key, cert

    return build


@pytest.fixture
def job(make):
    company = make.company("acme", "Acme Oy")
    company.emrex_enabled, company.gpa_scale = True, "5.0"
    db.session.commit()
    return make.job(company, "Trainee")


def deliver(app, make, job, fixture: str, key, cert, *, given="Aino", family="Virtanen", birth=date(1990, 11, 5),
            sha256=False):
    application = make.application(job, email=f"{given.split()[0].lower()}@example.fi", given=given, family=family)
    request = services.request_records(application, cause="manual")
    db.session.commit()
    point = db.session.scalar(select(EmrexContactPoint).where(EmrexContactPoint.url == "https://emp.example.se/emrex"))
    attempt = services.start_attempt(request, point.id, birth)
    signed = sign((FIXTURES / fixture).read_bytes(), key, cert, sha256=sha256)
    resp = app.test_client().post("/emrex/return", data={
        "sessionId": attempt.session_id, "returnCode": "NCP_OK",
        "elmo": base64.b64encode(gzip.compress(signed)).decode()})
    return application, resp


def test_legacy_document_end_to_end_identity_match_and_card(app, make, job, contact_point, client, auth):
    key, cert = contact_point()
    application, resp = deliver(app, make, job, "fi-legacy-purl-dtf.xml", key, cert, given="Aino Maria")
    assert resp.status_code == 200
    transcript = db.session.scalar(select(EmrexTranscript))
    # the dtf birth date is read: the identity check is a match, not "partial"
    assert transcript.identity_status == "match" and transcript.learner["bday"] == "1990-11-05"
    assert transcript.legacy and transcript.gpa == Decimal("4.00") and transcript.total_ects == Decimal("33.00")
    assert transcript.gpa_detail["level"] == "leaf" and transcript.gpa_detail["failed_count"] == 2
    row = {o["code"]: o for o in transcript.reports[0]["opportunities"][0]["children"]}
    assert row["KTK-150"]["unreadable"] == ["date", "credits"] and row["KTK-150"]["outcome"] == "failed"
    assert row["KTK-110"]["credits"][0]["value"] == "5.00" and row["KTK-110"]["derived"] is True
    assert row["KTK-110"]["gpa"] == "graded" and row["KTK-130"]["gpa"] == "pass_fail"
    summary = application.emrex_summary  # the list column and the card agree
    assert summary.gpa == transcript.gpa and summary.credits_total == transcript.total_ects
    auth.login("admin@acme.test")
    card = client.get(f"/admin/applications/{application.id}").get_data(as_text=True)
    assert "Tilastotieteen johdantokurssi" in card and "legacy format" in card


def test_nested_programme_end_to_end(app, make, job, contact_point):
    key, cert = contact_point()
    application, resp = deliver(app, make, job, "se-programme-nested.xml", key, cert)
    assert resp.status_code == 200
    transcript = db.session.scalar(select(EmrexTranscript))
    assert transcript.gpa == Decimal("4.57") and transcript.total_ects == Decimal("47.50")
    assert transcript.gpa_detail["components_skipped"] == 4 and transcript.gpa_detail["level"] == "course"
    assert transcript.identity_status == "match"
    assert application.emrex_summary.gpa == Decimal("4.57")


def test_expired_certificate_warn_is_the_default(app, make, job, contact_point):
    assert app.config["EMREX_EXPIRED_CERTIFICATES"] == "warn"
    key, cert = contact_point(expired=True)
    _, resp = deliver(app, make, job, "se-programme-nested.xml", key, cert)
    assert resp.status_code == 200
    assert db.session.scalar(select(EmrexTranscript)).cert_expired is True


def test_expired_certificate_reject_policy(app, make, job, contact_point):
    app.config["EMREX_EXPIRED_CERTIFICATES"] = "reject"
    key, cert = contact_point(expired=True)
    _, resp = deliver(app, make, job, "se-programme-nested.xml", key, cert)
    body = resp.get_data(as_text=True)
    assert resp.status_code == 400 and "certificate has expired" in body
    assert 'href="?lang=' not in body  # the answer to a POST: a language link would GET a page that is not there
    assert db.session.scalar(select(EmrexTranscript)) is None
    attempt = db.session.scalar(select(EmrexAttempt))
    assert attempt.outcome == "rejected" and "certificate has expired" in attempt.detail
    assert db.session.scalar(select(EmrexRequest)).is_open  # the candidate can try again later
    # a certificate that is valid is still accepted under the same policy
    key, cert = contact_point()
    _, resp = deliver(app, make, job, "se-programme-nested.xml", key, cert, given="Maija")
    assert resp.status_code == 200


def test_expired_certificate_setting_is_checked_at_start(monkeypatch):
    from app.config import ConfigError, load_config

    monkeypatch.setenv("EMREX_EXPIRED_CERTIFICATES", "REJECT")
    assert load_config("testing")["EMREX_EXPIRED_CERTIFICATES"] == "reject"
    monkeypatch.setenv("EMREX_EXPIRED_CERTIFICATES", "ignore")
    with pytest.raises(ConfigError, match="EMREX_EXPIRED_CERTIFICATES must be one of warn, reject"):
        load_config("testing")


def test_sha1_signature_is_logged_and_noted(app, make, job, contact_point, caplog, client, auth):
    key, cert = contact_point()
    with caplog.at_level(logging.INFO, logger="app.emrex.services"):
        application, resp = deliver(app, make, job, "se-programme-nested.xml", key, cert)
    assert resp.status_code == 200 and "signed with SHA-1" in caplog.text
    assert db.session.scalar(select(EmrexTranscript)).checks["sha1"] is True
    auth.login("admin@acme.test")
    assert "SHA-1" in client.get(f"/admin/applications/{application.id}").get_data(as_text=True)


def test_sha256_signature_is_not_flagged(app, make, job, contact_point):
    key, cert = contact_point()
    _, resp = deliver(app, make, job, "se-programme-nested.xml", key, cert, sha256=True)
    assert resp.status_code == 200 and db.session.scalar(select(EmrexTranscript)).checks["sha1"] is False


def test_issuer_other_than_the_one_picked_is_said_on_the_card(app, make, job, contact_point, client, auth):
    key, cert = contact_point(institutions=("Lund University",))
    application, resp = deliver(app, make, job, "se-programme-nested.xml", key, cert)
    assert resp.status_code == 200
    checks = db.session.scalar(select(EmrexTranscript)).checks
    assert checks["issuer"] == {"picked": "Lund University", "document": "Uppsala University", "agrees": False}
    auth.login("admin@acme.test")
    card = client.get(f"/admin/applications/{application.id}").get_data(as_text=True)
    assert "Uppsala University" in card and "Lund University" in card and "issued by" in card


@pytest.mark.parametrize("institutions,agrees", [
    (("Uppsala universitet",), True),  # the Swedish title of the issuer
    (("uu.se",), True),  # its schac code
    (("Lunds universitet", "Uppsala University"), True),  # a contact point serving several
    (("All",), None),  # a national contact point: nothing to compare
])
def test_issuer_check_across_languages(app, make, job, contact_point, institutions, agrees):
    key, cert = contact_point(institutions=institutions)
    _, resp = deliver(app, make, job, "se-programme-nested.xml", key, cert)
    assert resp.status_code == 200
    checks = db.session.scalar(select(EmrexTranscript)).checks
    assert (checks["issuer"] or {}).get("agrees") is agrees
