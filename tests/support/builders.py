"""Test data: the builders behind the ``make`` fixture, the shared password, the staff user's
authenticator key, a minimal PDF and the current two-factor code of a user."""

from __future__ import annotations

PASSWORD = "correct horse battery staple"
#: The authenticator key of the staff user the builders make (staff must have 2FA).
STAFF_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


class Builders:
    """Small builders for companies, users, jobs and applications (through the services)."""

    def __init__(self, app):
        self.app = app
        self.n = 0

    def company(self, slug: str | None = None, name: str | None = None, locale: str | None = None):
        from app.accounts import services

        self.n += 1
        slug = slug or f"co{self.n}"
        company = services.create_company(name=name or slug.title(), slug=slug, admin_email=f"admin@{slug}.test",
                                          admin_name=f"Admin {slug}", admin_password=PASSWORD,
                                          locale=locale)
        return company

    def user(self, company, role="recruiter", email=None):
        from app.accounts import services

        self.n += 1
        return services.add_company_user(company.id, email=email or f"user{self.n}@{company.slug}.test",
                                         name=f"User {self.n}", password=PASSWORD, role=role)

    def admin_of(self, company):
        from sqlalchemy import select

        from app.accounts.models import User
        from app.extensions import db

        return db.session.scalar(select(User).where(User.company_id == company.id, User.role == "admin"))

    def staff(self, email="staff@haku.test", two_factor=True):
        """A staff user; with two-factor sign-in set up (key ``STAFF_TOTP_SECRET``) unless
        ``two_factor=False``. ``self.recovery_codes[email]`` keeps the recovery codes."""
        from app.accounts import services

        user = services.create_staff(email, "Staff", PASSWORD)
        if two_factor:
            from app.accounts import twofactor

            self.recovery_codes = getattr(self, "recovery_codes", {})
            self.recovery_codes[email] = twofactor.enrol_known_secret(user, STAFF_TOTP_SECRET)
        return user

    def job(self, company, title="Backend developer", status="published", team=None, **fields):
        from app.jobs import services

        data = {"title": title, "status": status, "location": "Helsinki", **fields}
        return services.create_job(company.id, self.admin_of(company), data, team_ids=[u.id for u in team or []])

    def application(self, job, email=None, given="Aino", family="Virtanen", cv=True):
        from app.applications import services

        self.n += 1
        company_slug = job.company.slug
        return services.apply(job.id, company_slug, services.CandidateData(
            given_names=given, family_name=family, email=email or f"cand{self.n}@example.com", phone=None),
            cover_letter="Hello", cv=("cv.pdf", PDF) if cv else None, consent=True)


PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def totp_code(email: str) -> str:
    """A code the server accepts now for this user, computed from the stored secret with
    pyotp: the oldest step of the ±1 window not used yet (so a test may sign in up to three
    times in one 30-second step, as a person reading the next code would)."""
    from datetime import UTC, datetime

    import pyotp
    from sqlalchemy import func, select

    from app import secrets
    from app.accounts import twofactor
    from app.accounts.models import User
    from app.extensions import db

    db.session.expire_all()
    user = db.session.scalar(select(User).where(func.lower(User.email) == email.lower()))
    row = twofactor.record_of(user)
    totp = pyotp.TOTP(secrets.decrypt(row.secret_enc, purpose=twofactor.secret_purpose(user.id)))
    current = totp.timecode(datetime.now(UTC))
    for counter in (current - 1, current, current + 1):
        if row.last_counter is None or counter > row.last_counter:
            return totp.generate_otp(counter)
    raise AssertionError("every code of this 90-second window is used; move the clock (freezegun)")
