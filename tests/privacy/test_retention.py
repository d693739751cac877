"""Retention: a per-company period and the sweep that erases (or anonymises hired)
candidates with no activity for that long (SECURITY_BAR 37)."""

from __future__ import annotations

from datetime import datetime, timedelta

from freezegun import freeze_time
from sqlalchemy import select

from app import sweeper
from app.extensions import db
from tests.support.privacy import build_person

T0 = datetime(2024, 1, 10, 9, 0)
MONTH = timedelta(days=30)


def _candidate(candidate_id):
    from app.applications.models import Candidate

    db.session.expire_all()
    return db.session.get(Candidate, candidate_id)


def test_bar_37_retention_sweep_deletes_expired_keeps_active(app, make):
    from app import audit
    from app.applications import files
    from app.applications import services as applications
    from app.applications.models import Application, StoredFile

    with freeze_time(T0):
        acme = make.company("acme")
        old = build_person(make, acme)
        hired = build_person(make, acme, given="Hilla", family="Hakala", email="hilla@example.org", phone="+358400000001", suffix="-H")
        noted = build_person(make, acme, given="Noora", family="Nieminen", email="noora@example.org", phone="+358400000002", suffix="-N")
        patient = make.company("patient")  # keeps candidates for 36 months
        patient.retention_months = 36
        db.session.commit()
        kept_longer = build_person(make, patient, given="Pekka", family="Pitkä", email="pekka@example.org", phone="+358400000003",
                                   suffix="-P")
        application = db.session.get(Application, hired.careers_id)
        stage = next(s for s in application.job.stages if s.kind == "hired")
        applications.move_to_stage(application, stage.id, hired.admin)
    old_paths = [files.path_of(db.session.get(StoredFile, f)) for f in old.files]
    with freeze_time(T0 + 20 * MONTH):
        active = build_person(make, acme, given="Aktiivi", family="Ahonen", email="aktiivi@example.org", phone="+358400000004", suffix="-A")
    with freeze_time(T0 + 23 * MONTH):  # a note is activity: Noora's clock starts again
        applications.add_note(db.session.get(Application, noted.careers_id), "Still interested", noted.admin)

    with freeze_time(T0 + 24 * MONTH - timedelta(days=1)):
        assert sweeper.sweep()["retention"] == 0  # nobody is over 24 months yet

    with freeze_time(T0 + 25 * MONTH):
        assert sweeper.sweep()["retention"] == 2
        assert _candidate(old.candidate_id) is None
        assert not any(p.exists() for p in old_paths)
        anonymised = _candidate(hired.candidate_id)
        assert anonymised.full_name == "Erased candidate" and anonymised.email is None
        assert db.session.get(Application, hired.careers_id).stage.kind == "hired"
        assert _candidate(active.candidate_id).email == "aktiivi@example.org"
        assert _candidate(noted.candidate_id).email == "noora@example.org"
        assert _candidate(kept_longer.candidate_id).email == "pekka@example.org"
        assert sweeper.sweep()["retention"] == 0  # idempotent: the anonymised hire is not touched again
        entries = db.session.scalars(select(audit.AuditEntry).where(
            audit.AuditEntry.action.in_(("candidate_erased", "candidate_anonymised")))).all()
        assert sorted((e.action, e.actor, e.object) for e in entries) == sorted([
            ("candidate_erased", "system", f"candidate:{old.candidate_id}"),
            ("candidate_anonymised", "system", f"candidate:{hired.candidate_id}")])

    with freeze_time(T0 + 37 * MONTH):
        assert sweeper.sweep()["retention"] == 1  # Pekka, after his company's 36 months
        assert _candidate(kept_longer.candidate_id) is None
        assert _candidate(noted.candidate_id) is not None and _candidate(active.candidate_id) is not None

    with freeze_time(T0 + 48 * MONTH):
        assert sweeper.sweep()["retention"] == 2  # 24 months after Noora's note and Aktiivi's application
        assert _candidate(noted.candidate_id) is None and _candidate(active.candidate_id) is None


def test_retention_purges_old_export_links(app, client, make):
    from app.messaging.models import OutboxEmail
    from app.privacy.models import DataExportRequest

    with freeze_time(T0):
        person = build_person(make)
        client.post("/your-data", data={"email": "erkki.esimerkki@example.com"})
        assert db.session.scalar(select(DataExportRequest.id)) is not None
    with freeze_time(T0 + timedelta(hours=47)):
        sweeper.sweep()
        assert db.session.scalar(select(DataExportRequest.id)) is not None
    with freeze_time(T0 + timedelta(hours=49)):
        sweeper.sweep()
        db.session.expire_all()
        assert db.session.scalar(select(DataExportRequest.id)) is None
        assert db.session.scalar(select(OutboxEmail.id).where(OutboxEmail.kind == "data_export")) is None
        assert _candidate(person.candidate_id) is not None


def test_retention_setting_is_admin_only_validated_and_audited(app, make, client, auth):
    from app import audit
    from app.accounts.models import Company

    company = make.company()
    recruiter = make.user(company)
    auth.login(recruiter.email)
    assert client.get("/admin/settings/data-protection").status_code == 403
    assert client.post("/admin/settings/data-protection", data={"retention_months": "3"}).status_code == 403
    settings = client.get("/admin/settings")
    assert b"Data protection" not in settings.data
    auth.logout()

    auth.login(make.admin_of(company).email)
    assert b"Data protection" in client.get("/admin/settings").data
    page = client.get("/admin/settings/data-protection")
    assert page.status_code == 200 and b'value="24"' in page.data
    for bad in ("0", "121", "twelve", ""):
        resp = client.post("/admin/settings/data-protection", data={"retention_months": bad})
        assert resp.status_code == 422 and b'class="error"' in resp.data
    db.session.expire_all()
    assert db.session.get(Company, company.id).retention_months == 24
    assert client.post("/admin/settings/data-protection", data={"retention_months": "36"}).status_code == 303
    db.session.expire_all()
    assert db.session.get(Company, company.id).retention_months == 36
    (entry,) = db.session.scalars(select(audit.AuditEntry).where(audit.AuditEntry.action == "retention_changed"))
    assert entry.before == {"retention_months": 24} and entry.after == {"retention_months": 36}
    assert entry.company_id == company.id
    log = client.get("/admin/settings/audit")
    assert b"Changed the retention period" in log.data


def test_recruiter_sees_the_consent_line_on_the_card(app, make, client, auth):
    from app.applications.services import CONSENT_VERSION

    person = build_person(make)
    recruiter = make.user(person.company)
    auth.login(recruiter.email)
    card = client.get(f"/admin/applications/{person.careers_id}").get_data(as_text=True)
    assert "Consent" in card and f"({CONSENT_VERSION})" in card
    topcv = client.get(f"/admin/applications/{person.topcv_id}").get_data(as_text=True)
    assert "(topcv-terms)" in topcv


def test_every_source_that_creates_applications_records_consent():
    """Applications come from the careers form, TopCV and a recruiter adding a person (EMREX
    and assessments add to an existing application); each of those calls passes its consent
    text version, or (added by a recruiter, issue 18 item 5) the legal basis recorded. A new
    source that forgets it fails here."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "app"
    constructors, callers = [], []
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name == "Application":
                    constructors.append(path.relative_to(root).as_posix())
                elif name == "create_application":
                    callers.append((path.relative_to(root).as_posix(),
                                    {k.arg for k in node.keywords}))
    assert constructors == ["applications/services.py"]
    assert sorted(p for p, _ in callers) == ["applications/manual.py", "applications/services.py",
                                             "boards/services/inbound.py"]
    assert all({"consent_version", "consent_basis"} & keywords for _, keywords in callers)
