"""Builders for possible duplicates: candidate records made directly (so that the tests do
not depend on how the apply flow matches people) with applications through the service."""

from __future__ import annotations

import pytest

from app.extensions import db


class People:
    def __init__(self, make):
        self.make = make

    def candidate(self, company, given="Aino", family="Virtanen", email=None, phone=None, *, job=None,
                  source="careers", cv=True):
        """A candidate record with one application (to ``job``, or the Pending pool)."""
        from app.applications import services
        from app.applications.models import Candidate
        from tests.support.builders import PDF

        candidate = Candidate(company_id=company.id, given_names=given, family_name=family, email=email,
                              email_normalized=services.normalise_email(email), phone=phone,
                              phone_normalized=services.normalise_phone(phone))
        db.session.add(candidate)
        db.session.flush()
        services.create_application(company.id, candidate, job, source=source, cover_letter=f"Letter of {given}",
                                    cv=("cv.pdf", PDF) if cv else None,
                                    pending_reason=None if job else "unknown_job",
                                    pending_data=None if job else {"job_title": "?"})
        db.session.commit()
        return candidate


@pytest.fixture
def people(make):
    return People(make)


@pytest.fixture
def co(make):
    company = make.company("acme", name="Acme")
    company.job = make.job(company, "Data analyst")
    company.admin = make.admin_of(company)
    company.recruiter = make.user(company, role="recruiter", email="rec@acme.test")
    return company
