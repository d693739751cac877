"""EMREX settings of a job (recruiter admin) and the company switch (staff) through WTForms:
one submit shows every problem beside its field and a refused submit changes nothing."""

from __future__ import annotations

import html

from app.accounts.models import Company
from app.emrex import services
from app.extensions import db
from app.jobs.models import Job


def _text(resp) -> str:
    return html.unescape(resp.get_data(as_text=True))


def _job(make):
    company = make.company("acme", "Acme Oy")
    company.emrex_enabled = True
    job = make.job(company, "Backend developer")
    db.session.commit()
    return company, job


def test_job_settings_show_two_problems_at_once_and_save_nothing(app, client, auth, make):
    company, job = _job(make)
    auth.login(make.user(company, email="rec@acme.test").email)
    url = f"/admin/emrex/settings/job/{job.id}"
    for headers in ({}, {"HX-Request": "true"}):
        resp = client.post(url, headers=headers, data={"email_template_id": "999999", "trigger_stage_id": "x"})
        assert resp.status_code == 422
        body = _text(resp)
        assert "Pick one of the EMREX email templates." in body and "Pick a stage of this pipeline." in body
        assert 'id="emrex-template-err"' in body and 'id="emrex-trigger-err"' in body
        assert ("<html" in body) is not bool(headers)
    db.session.expire_all()
    assert services.settings_of(db.session.get(Job, job.id)) == services.DEFAULT_SETTINGS


def test_job_settings_save_and_show_the_saved_values(app, client, auth, make):
    company, job = _job(make)
    auth.login(make.user(company, email="rec@acme.test").email)
    url = f"/admin/emrex/settings/job/{job.id}"
    stage = job.stages[1]
    resp = client.post(url, headers={"HX-Request": "true"}, data={"trigger_stage_id": stage.id})
    assert resp.status_code == 200 and "✓" in _text(resp)
    db.session.expire_all()
    assert services.settings_of(db.session.get(Job, job.id)) == {"email_template_id": None,
                                                                 "trigger_stage_id": stage.id,
                                                                 "reminders_enabled": False}
    page = _text(client.get(url))
    assert f'<option selected value="{stage.id}">' in page
    assert 'id="emrex-reminders" name="reminders_enabled" type="checkbox" value="y">' in page  # unticked


def test_staff_company_switch_refuses_an_unknown_scale(app, client, auth, make):
    company, _ = _job(make)
    make.staff()
    auth.login("staff@haku.test")
    scale = company.gpa_scale
    resp = client.post(f"/staff/companies/{company.id}/emrex", data={"gpa_scale": "7.0"})
    assert resp.status_code == 422
    body = _text(resp)
    assert "The scale is 4.0 or 5.0." in body and 'id="gpa-scale-err"' in body  # beside the field
    assert 'id="emrex-enabled" name="emrex_enabled" type="checkbox" value="y">' in body  # as posted: unticked
    db.session.expire_all()
    stored = db.session.get(Company, company.id)
    assert stored.emrex_enabled and stored.gpa_scale == scale
