"""A company in Helsinki with two interviewers (weekdays 09–17 in their zone) and one
candidate's application."""

from __future__ import annotations

import pytest


@pytest.fixture
def team(app, make):
    from app.extensions import db
    from app.interviews import availability

    company = make.company("kide", name="Kide Oy")
    company.timezone = "Europe/Helsinki"
    db.session.commit()
    anna, ben = make.user(company), make.user(company)
    for user in (anna, ben):
        availability.save(user, {d: "09:00-17:00" for d in range(5)}, "")
    job = make.job(company, title="Backend developer")
    application = make.application(job, email="aino@example.com")
    return {"company": company, "job": job, "application": application, "anna": anna, "ben": ben,
            "admin": make.admin_of(company)}
