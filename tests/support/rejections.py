"""A company whose job has an applicant in Interview, with the shipped email templates: the
starting point of the reject tests (views, browser)."""

from __future__ import annotations


def interviewing(make, recruiter_email: str = "rec@acme.test"):
    """(company, recruiter, job, application): Aino Virtanen in the job's Interview stage."""
    from app.applications import services as applications
    from app.extensions import db
    from app.messaging.services import ensure_default_templates

    ensure_default_templates()
    company = make.company("acme", "Acme Oy")
    recruiter = make.user(company, email=recruiter_email)
    job = make.job(company, "Data analyst", team=[recruiter])
    application = make.application(job, email="aino@example.fi", given="Aino", family="Virtanen")
    applications.enter_stage(application, job.stages[2].id, cause="person")
    db.session.commit()
    return company, recruiter, job, application
