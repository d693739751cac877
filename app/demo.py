"""Demo data for `make run` (development only; idempotent)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from app.accounts.models import Company, Role, User
from app.extensions import db

DEMO_PASSWORD = "haku-demo-2026"
# Staff must use two-factor sign-in: the demo staff user has this authenticator key (add it
# to an authenticator app, or print the current code with `make demo-code`). Development only.
DEMO_STAFF_TOTP_SECRET = "HAKUDEMOSTAFFTWOFACTORKEYSTELLAA"
DEMO_LOGINS = (
    ("platform staff (2FA code: make demo-code)", "staff@haku.test", DEMO_PASSWORD),
    ("company admin (Acme Oy)", "admin@acme.test", DEMO_PASSWORD),
    ("recruiter (Acme Oy)", "recruiter@acme.test", DEMO_PASSWORD),
    ("company admin (Sao Mai Tech)", "admin@saomai.test", DEMO_PASSWORD),
)

# TopCV: Sao Mai Tech's employer account in the TopCV sandbox (make run seeds the sandbox with
# the same keys and this webhook URL, so events flow at once). Development only.
DEMO_TOPCV = {
    "company_slug": "saomai",
    "external_id": "5e1f0c2a-7b7d-4c53-9d0e-3f6f1c1a7b02",
    "name": "Sao Mai Tech",
    "email": "hr@saomai.test",
    "access_token": "tcv_demo_access_token_saomai_2026",
    "secret_key": "tcv_demo_secret_key_saomai_2026",
}

# Alva Labs: Acme Oy has Alva Coding and the personality & logic test, connected to accounts
# in the assessment vendor sandbox (make run seeds the sandbox with these keys, IDs and
# signing secrets). Development only: real signing secrets are generated and shown once.
DEMO_ALVA = [
    {"product": "coding", "external_id": "a1fa0c0d-1c0d-4e6b-9a1e-7c0de0000001",
     "api_key": "alva_demo_key_coding_acme", "vendor_account_ref": "acct_demo_coding",
     "signing_secret": "whsec_ZGVtby1hbHZhLWNvZGluZy1zaWduaW5nLXNlY3JldC0wMQ==",
     "tests": [("alva-code-python", "Python coding"), ("alva-code-js", "JavaScript coding")]},
    {"product": "personality_logic", "external_id": "a1fa0c0d-1c0d-4e6b-9a1e-7c0de0000002",
     "api_key": "alva_demo_key_personality_acme", "vendor_account_ref": "acct_demo_personality",
     "signing_secret": "whsec_ZGVtby1hbHZhLXBlcnNvbmFsaXR5LXNpZ25pbmctc2VjcmV0LTA=",
     "tests": [("alva-personality", "Personality (Big Five)"), ("alva-logic", "Logic test")]},
]

CANDIDATES = [
    ("Aino", "Virtanen", "aino.virtanen@example.fi", "+358 40 123 4567"),
    ("Mikael", "Lindqvist", "mikael.lindqvist@example.se", "+46 70 123 45 67"),
    # Vietnamese names are written family name first (Nguyễn Thị Lan): given names "Thị Lan",
    # family name "Nguyễn", so emails greet her as "Thị Lan", not by her family name.
    ("Thị Lan", "Nguyễn", "lan.nguyen@example.vn", "+84 90 123 4567"),
    ("Emma", "Korhonen", "emma.korhonen@example.fi", ""),
    ("Oskar", "Berg", "oskar.berg@example.se", ""),
    ("Văn Minh", "Trần", "minh.tran@example.vn", "+84 91 765 4321"),
]

JOBS = [
    ("Backend developer (Python)", "Helsinki", "full_time", 4200, 5600,
     "Build the services behind our logistics platform with **Python, Flask and PostgreSQL**.\n\n"
     "## What you will do\n\n"
     "- own features end to end, from the first sketch to production\n"
     "- work in a team of six and take part in on-call\n\n"
     "## What helps\n\n"
     "- experience with SQL and web services\n"
     "- an eye for accessibility\n\n"
     "Read about [our engineering culture](https://example.com/engineering)."),
    ("Data analyst", "Turku", "full_time", 3600, 4500,
     "Turn operations data into decisions. SQL, a little Python, and a clear way of explaining."),
    ("Summer trainee, software", "Helsinki", "internship", 2400, 2600,
     "Three months with our platform team. Students welcome; study records via EMREX help us a lot."),
]


def load() -> bool:
    """Create the demo companies, users, jobs and applications unless they exist."""
    from app.accounts import services as accounts
    from app.applications import services as applications
    from app.jobs import services as jobs
    from app.jobs.models import JobStatus
    from app.messaging.services import ensure_default_templates

    ensure_default_templates()
    if db.session.scalar(select(Company).where(Company.slug == "acme")) is not None:
        _ensure_staff_two_factor()
        _ensure_topcv()
        _ensure_alva()
        return False
    accounts.create_staff("staff@haku.test", "Stella Staff", DEMO_PASSWORD)
    _ensure_staff_two_factor()
    acme = accounts.create_company(name="Acme Oy", slug="acme", admin_email="admin@acme.test",
                                   admin_name="Anna Admin", admin_password=DEMO_PASSWORD)
    acme.emrex_enabled = True
    acme.job_boards_enabled = True
    recruiter = accounts.add_company_user(acme.id, email="recruiter@acme.test", name="Rasmus Recruiter",
                                          password=DEMO_PASSWORD, role=Role.RECRUITER.value)
    admin = db.session.scalar(select(User).where(User.email == "admin@acme.test"))
    saomai = accounts.create_company(name="Sao Mai Tech", slug="saomai", admin_email="admin@saomai.test",
                                     admin_name="Phạm Quang Huy", admin_password=DEMO_PASSWORD)
    saomai.default_locale = "vi"
    db.session.commit()

    created_jobs = []
    for title, location, etype, smin, smax, description in JOBS:
        job = jobs.create_job(acme.id, admin, {
            "title": title, "location": location, "employment_type": etype, "salary_min": smin,
            "department": "Engineering" if "analyst" not in title else "Operations",
            "workplace": "hybrid" if title.startswith("Backend") else "onsite",
            "salary_max": smax, "description": description, "status": JobStatus.PUBLISHED,
            "deadline": date.today() + timedelta(days=45)}, team_ids=[recruiter.id])
        created_jobs.append(job)
    jobs.create_job(saomai.id, db.session.scalar(select(User).where(User.email == "admin@saomai.test")), {
        "title": "Lập trình viên Python", "location": "Hà Nội", "employment_type": "full_time",
        "salary_min": 25000000, "salary_max": 40000000, "salary_currency": "VND", "status": JobStatus.PUBLISHED,
        "description": "Phát triển hệ thống tuyển dụng với Python và Flask."})
    jobs.create_template(acme.id, "Engineering role", {}, from_job=created_jobs[0])
    from app.emrex import services as emrex

    acme.gpa_scale = "5.0"
    emrex.save_settings(created_jobs[2], email_template_id=None, trigger_stage_id=created_jobs[2].stages[0].id,
                        reminders_enabled=True)  # the trainee job asks every applicant for study records
    emrex.save_settings(created_jobs[0], email_template_id=None, trigger_stage_id=created_jobs[0].stages[2].id,
                        reminders_enabled=True)  # the developer job asks at the Interview stage

    pdf = _demo_pdf()
    for i, (given, family, email, phone) in enumerate(CANDIDATES):
        job = created_jobs[i % 2]
        application = applications.apply(job.id, "acme", applications.CandidateData(
            given_names=given, family_name=family, email=email, phone=phone), cover_letter="I would love to join.",
            cv=("cv.pdf", pdf), consent=True)
        if i % 3 == 1:
            applications.move_to_stage(application, job.stages[2].id, admin)
    _ensure_topcv()
    _ensure_alva()
    return True


def _ensure_staff_two_factor() -> None:
    """The demo staff user signs in with the known key (also on demo data loaded before 2FA)."""
    from app.accounts import twofactor

    staff = db.session.scalar(select(User).where(User.email == "staff@haku.test"))
    if staff is not None and not twofactor.is_enabled(staff):
        twofactor.enrol_known_secret(staff, DEMO_STAFF_TOTP_SECRET)


def demo_code(email: str = "staff@haku.test") -> str | None:
    """The current code of a demo user whose key is the demo key (None for anyone else)."""
    import pyotp

    from app import secrets
    from app.accounts import twofactor

    user = db.session.scalar(select(User).where(User.email == email))
    row = twofactor.record_of(user) if user else None
    if row is None or row.secret_enc is None:
        return None
    if secrets.decrypt(row.secret_enc, purpose=twofactor.secret_purpose(user.id)) != DEMO_STAFF_TOTP_SECRET:
        return None
    return pyotp.TOTP(DEMO_STAFF_TOTP_SECRET).now()


def _ensure_topcv() -> None:
    """Sao Mai Tech has job boards on and TopCV connected to the sandbox's demo employer."""
    from app.boards import services as boards
    from app.partners import services as partners
    from app.partners.models import IntegrationStatus

    company = db.session.scalar(select(Company).where(Company.slug == DEMO_TOPCV["company_slug"]))
    if company is None:
        return
    company.job_boards_enabled = True
    integration = boards.connection(company.id, create=True)
    if integration.status == IntegrationStatus.NOT_CONFIGURED and not integration.api_key_enc:
        integration.external_id = DEMO_TOPCV["external_id"]
        partners.set_api_key(integration, DEMO_TOPCV["access_token"])
        partners.set_signing_secret(integration, DEMO_TOPCV["secret_key"])
        integration.status = IntegrationStatus.CONFIGURED
        integration.account_name = DEMO_TOPCV["name"]
    db.session.commit()


def topcv_sandbox_seed(base_url: str) -> dict:
    """The employer the launcher seeds into the TopCV sandbox."""
    return {"name": DEMO_TOPCV["name"], "email": DEMO_TOPCV["email"], "access_token": DEMO_TOPCV["access_token"],
            "secret_key": DEMO_TOPCV["secret_key"],
            "webhook_url": f"{base_url.rstrip('/')}/partner/v1/boards/topcv/{DEMO_TOPCV['external_id']}/events"}


def _demo_pdf() -> bytes:
    """A minimal valid one-page PDF."""
    return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
            b"endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def _ensure_alva() -> None:
    """Acme Oy's Alva products, connected; the developer job sends the Python coding test at
    "In progress" and moves a score of 70+ on to "Interview" (whose EMREX trigger follows)."""
    from app.assessments import services as assessments
    from app.clock import utcnow
    from app.jobs.models import Job
    from app.partners import services as partners
    from app.partners.models import IntegrationStatus, PartnerIntegration

    company = db.session.scalar(select(Company).where(Company.slug == "acme"))
    staff = db.session.scalar(select(User).where(User.email == "staff@haku.test"))
    if company is None:
        return
    for spec in DEMO_ALVA:
        integration = db.session.scalar(select(PartnerIntegration).where(
            PartnerIntegration.company_id == company.id, PartnerIntegration.vendor == "alva",
            PartnerIntegration.product == spec["product"]))
        if integration is not None:
            continue
        integration = PartnerIntegration(company_id=company.id, vendor="alva", product=spec["product"],
                                         external_id=spec["external_id"], is_active=True,
                                         status=IntegrationStatus.CONFIGURED,
                                         vendor_account_ref=spec["vendor_account_ref"],
                                         created_by_id=staff.id if staff else None,
                                         cache={"tests": [{"partner_test_id": t, "partner_test_name": n}
                                                          for t, n in spec["tests"]],
                                                "tests_fetched_at": utcnow().isoformat()})
        db.session.add(integration)
        db.session.flush()
        partners.set_api_key(integration, spec["api_key"])
        partners.set_signing_secret(integration, spec["signing_secret"])
        db.session.commit()
        if spec["product"] == "coding":
            job = db.session.scalar(select(Job).where(Job.company_id == company.id, Job.title == JOBS[0][0]))
            if job is not None:
                assessments.save_settings(job, integration_id=integration.id, partner_test_id="alva-code-python",
                                          trigger_stage_id=job.stages[1].id, move_threshold=70,
                                          move_target_stage_id=job.stages[2].id)


def alva_sandbox_seed(base_url: str) -> list[dict]:
    """The vendor accounts the launcher seeds into the assessment vendor sandbox."""
    return [{"name": f"Acme Oy ({spec['product'].replace('_', ' ')})", "product": spec["product"],
             "api_key": spec["api_key"],
             "connection": {"haku_url": base_url.rstrip("/"), "external_id": spec["external_id"],
                            "signing_secret": spec["signing_secret"]}} for spec in DEMO_ALVA]
