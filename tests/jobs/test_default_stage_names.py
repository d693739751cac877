"""A new job's (and job template's) default stages are named in the company's default language
(issue 14): they are the company's data from then on, one name everyone in it sees, whatever
language the person who created the job reads Haku in."""

from __future__ import annotations

import pytest
from flask_babel import force_locale

from app.extensions import db
from app.jobs import services
from app.jobs.models import DEFAULT_STAGES
from tests.support.readers import page_as, worded

ENGLISH = ["New", "In progress", "Interview", "Offer", "Hired", "Rejected"]


def _company(make, slug, default_locale):
    company = make.company(slug)
    company.default_locale = default_locale
    db.session.commit()
    return company


@pytest.mark.parametrize("lang", ["en", "fi", "sv", "vi"])
def test_default_stages_are_named_in_the_companys_language(app, make, lang):
    company = _company(make, f"co-{lang}", lang)
    expected = [worded(app, lang, name, "stage") for name in ENGLISH]
    assert lang == "en" or not set(expected) & set(ENGLISH[:4]), expected
    with app.test_request_context("/?lang=en"), force_locale("en"):  # the creator reads Haku in English
        job = make.job(company)
        template = services.create_template(company.id, "Trainee", {})
    assert [s.name for s in job.stages] == expected
    assert [s.name for s in template.stages] == expected
    assert [s.kind for s in job.stages] == [kind for _, kind in DEFAULT_STAGES]


def test_the_stages_are_the_companys_data_one_name_for_every_reader(app, make):
    company = _company(make, "saomai", "vi")
    job = make.job(company)
    english_admin = make.user(company, role="admin")
    english_admin.locale = "en"
    db.session.commit()
    board = page_as(app, english_admin.email, f"/admin/pipeline/job/{job.id}")
    assert worded(app, "vi", "Interview", "stage") in board  # the company's name, not re-translated
    services.rename_stage(job.stages[2], "Phỏng vấn kỹ thuật")
    assert job.stages[2].name == "Phỏng vấn kỹ thuật"
